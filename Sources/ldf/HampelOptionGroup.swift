import ArgumentParser
import LDFCore

/// The Hampel artifact filter (docs/METHODS.md §3), the same four options in every command that
/// offers it. Any of them turns the filter on; `--hampel` alone uses the command's window.
struct HampelOptionGroup: ParsableArguments {
    @Flag(help: "Remove artifacts with a Hampel filter first (implied by any --hampel-* option).")
    var hampel = false

    @Option(name: .customLong("hampel-window"),
            help: ArgumentHelp("Hampel moving-median window (default: 20 s for spectral analyses and local heating, 2 s for PORH, where the release peak is sharp)."
                               + OptionRanges.hampelWindow.help, valueName: "SECONDS"))
    var hampelWindow: Double?

    @Option(name: .customLong("hampel-threshold"),
            help: ArgumentHelp("Hampel threshold in scaled MADs (1.4826 MAD; default 5)." + OptionRanges.hampelThreshold.help, valueName: "N"))
    var hampelThreshold: Double?

    @Option(name: .customLong("hampel-widen"),
            help: ArgumentHelp("Samples replaced on each side of a Hampel outlier (default 3)." + OptionRanges.hampelWiden.help, valueName: "SAMPLES"))
    var hampelWiden: Int?

    func validate() throws {
        try OptionRanges.hampelWindow.check(hampelWindow)
        try OptionRanges.hampelThreshold.check(hampelThreshold)
        try OptionRanges.hampelWiden.check(hampelWiden)
    }

    /// The filter the options ask for, or nil when none is given; `defaultWindowSeconds` is the
    /// command's window when `--hampel-window` is not given.
    func filter(defaultWindowSeconds: Double) -> HampelOptions? {
        guard hampel || hampelWindow != nil || hampelThreshold != nil || hampelWiden != nil else { return nil }
        let standard = HampelOptions()
        return HampelOptions(windowSeconds: hampelWindow ?? defaultWindowSeconds, threshold: hampelThreshold ?? standard.threshold,
                             widenSamples: hampelWiden ?? standard.widenSamples)
    }
}
