import ArgumentParser
import LDFCore
import LDFSpectral

/// The options of `ldf coherence` beyond the input and spectral ones: the pair's channels,
/// the time-localised window and the surrogate test (`SurrogateTestOptions`).
struct CoherenceCommandOptions: ParsableArguments {
    @OptionGroup var pair: ChannelPairOptions

    @Option(name: .customLong("window-cycles"),
            help: ArgumentHelp("Window of the time-localised coherence, in cycles of each frequency (MODA's 10)." + OptionRanges.windowCycles.help, valueName: "N"))
    var windowCycles: Double = 10

    @Flag(name: .customLong("time-localised"),
          help: "Also output the time-localised coherence (csv rows of scope 'time'; json 'time_localised').")
    var timeLocalised = false

    @OptionGroup var surrogateTest: SurrogateTestOptions

    func validate() throws {
        try OptionRanges.windowCycles.check(windowCycles)
        do {
            guard windowCycles.isFinite && windowCycles > 0 else {
                throw LDFError("--window-cycles", "\(windowCycles) cycles must be positive", fix: "use the default 10 cycles (MODA's)")
            }
        } catch let error as LDFError {
            throw ValidationError(error.description)
        }
    }
}
