import ArgumentParser
import LDFCore
import LDFSpectral

/// The options of `ldf coherence` beyond the input and spectral ones: the pair's channels,
/// the time-localised window and the surrogate test.
struct CoherenceCommandOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Two channels (name or 1-based number): both of one FILE, or the first of FILE A and the second of FILE B.",
                               valueName: "X,Y"))
    var channels: String?

    @Option(name: .customLong("window-cycles"),
            help: ArgumentHelp("Window of the time-localised coherence, in cycles of each frequency (MODA's 10).", valueName: "N"))
    var windowCycles: Double = 10

    @Flag(name: .customLong("time-localised"),
          help: "Also output the time-localised coherence (csv rows of scope 'time'; json 'time_localised').")
    var timeLocalised = false

    @Option(help: ArgumentHelp("Number of surrogate pairs for the significance test (0: no test).", valueName: "N"))
    var surrogates: Int = 0

    @Option(name: .customLong("surrogate-type"),
            help: ArgumentHelp("Surrogates: rp, ft, aaft, iaaft1 (exact distribution), iaaft2 (exact spectrum), tshift or cpp.",
                               valueName: "TYPE"),
            transform: { try SpectralOptions.choice($0, option: "--surrogate-type", SurrogateKind.allCases) })
    var surrogateType: SurrogateKind = .iaaftDistribution

    @Option(help: ArgumentHelp("Seed of the surrogates (the same seed gives the same surrogates on every run).", valueName: "N"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Significance level of the surrogate test, between 0 and 1.", valueName: "LEVEL"))
    var significance: Double = 0.95

    @Option(name: .customLong("significance-test"),
            help: ArgumentHelp("rank (the K-th largest of N surrogates, K = floor((N+1)(1-level))) or percentile.", valueName: "TEST"),
            transform: { try SpectralOptions.choice($0, option: "--significance-test", SignificanceTest.allCases) })
    var significanceTest: SignificanceTest = .rank

    @Option(name: .customLong("iaaft-iterations"), help: ArgumentHelp("Iteration cap of IAAFT surrogates (MODA's 1000).", valueName: "N"))
    var iaaftIterations: Int = 1000

    /// The surrogate options, or nil for no test.
    var surrogateOptions: SurrogateOptions? {
        guard surrogates != 0 else { return nil }
        return SurrogateOptions(kind: surrogateType, count: surrogates, seed: seed, level: significance,
                                test: significanceTest, maxIterations: iaaftIterations)
    }

    /// The two channel selectors of `--channels X,Y`.
    func channelPair() throws -> (ChannelSelector, ChannelSelector)? {
        guard let channels else { return nil }
        let parts = channels.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw LDFError("--channels", "'\(channels)' is not two channels", fix: "give two names or numbers separated by a comma, e.g. --channels 1,2")
        }
        return (ChannelSelector(parts[0]), ChannelSelector(parts[1]))
    }

    func validate() throws {
        do {
            _ = try channelPair()
            if surrogates < 0 {
                throw LDFError("--surrogates", "\(surrogates) is negative", fix: "use 0 for no test, or e.g. --surrogates 100")
            }
            try surrogateOptions?.validate()
            guard windowCycles.isFinite && windowCycles > 0 else {
                throw LDFError("--window-cycles", "\(windowCycles) cycles must be positive", fix: "use the default 10 cycles (MODA's)")
            }
        } catch let error as LDFError {
            throw ValidationError(error.description)
        }
    }
}
