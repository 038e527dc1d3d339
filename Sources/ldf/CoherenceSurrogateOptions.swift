import ArgumentParser
import LDFCore
import LDFSpectral

/// The surrogate-test options shared by `ldf coherence` and `ldf bands`.
struct SurrogateTestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Number of surrogates (pairs, for coherence) for the significance test (0: no test).", valueName: "N"))
    var surrogates: Int = 0

    @Option(name: .customLong("surrogate-type"),
            help: ArgumentHelp("Surrogates: rp, ft, aaft, iaaft1 (exact distribution), iaaft2 (exact spectrum), tshift or cpp (phases: coherence, coupling). Default: iaaft1 (bands, coherence), iaaft2 (bispectrum, as MODA), cpp (coupling, as MODA).",
                               valueName: "TYPE"))
    var surrogateType: SurrogateKind?

    @Option(help: ArgumentHelp("Seed of the surrogates (the same seed gives the same surrogates on every run).", valueName: "N"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Significance level of the surrogate test, between 0 and 1.", valueName: "LEVEL"))
    var significance: Double = 0.95

    @Option(name: .customLong("significance-test"),
            help: ArgumentHelp("rank (the K-th largest of N surrogates, K = floor((N+1)(1-level))) or percentile.", valueName: "TEST"))
    var significanceTest: SignificanceTest = .rank

    @Option(name: .customLong("iaaft-iterations"), help: ArgumentHelp("Iteration cap of IAAFT surrogates (MODA's 1000).", valueName: "N"))
    var iaaftIterations: Int = 1000

    /// The surrogate options, or nil for no test; `defaultKind` when --surrogate-type is not given.
    func options(defaultKind: SurrogateKind) -> SurrogateOptions? {
        guard surrogates != 0 else { return nil }
        return SurrogateOptions(kind: surrogateType ?? defaultKind, count: surrogates, seed: seed, level: significance,
                                test: significanceTest, maxIterations: iaaftIterations)
    }

    /// Option errors exit with the usage status (64) and the option's own message.
    func validate() throws {
        do {
            if surrogates < 0 {
                throw LDFError("--surrogates", "\(surrogates) is negative", fix: "use 0 for no test, or e.g. --surrogates 100")
            }
            try options(defaultKind: .iaaftDistribution)?.validate()
        } catch let error as LDFError {
            throw ValidationError(error.description)
        }
    }
}
