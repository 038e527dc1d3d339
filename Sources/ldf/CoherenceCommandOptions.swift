import ArgumentParser
import LDFCore
import LDFSpectral

/// The options of `ldf coherence` beyond the input and spectral ones: the pair's channels,
/// the time-localised window and the surrogate test (`SurrogateTestOptions`).
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

    @OptionGroup var surrogateTest: SurrogateTestOptions

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
            guard windowCycles.isFinite && windowCycles > 0 else {
                throw LDFError("--window-cycles", "\(windowCycles) cycles must be positive", fix: "use the default 10 cycles (MODA's)")
            }
        } catch let error as LDFError {
            throw ValidationError(error.description)
        }
    }
}
