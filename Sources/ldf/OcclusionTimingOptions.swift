import ArgumentParser
import LDFPORH

extension TimingPreference: ExpressibleByArgument {}

/// How occlusions are timed, shared by `ldf porh` and `ldf vot`: the source preference, the
/// user's own intervals and the shortest occlusion accepted (docs/METHODS.md §7.2, §22.2).
struct OcclusionTimingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Occlusion timing when no --occlusion is given: auto (events, then pressure, then the analysed signal), "
                               + "events, pressure or flux (the analysed signal alone: flux for porh, the saturation for vot)."))
    var timing: TimingPreference = .auto

    @Option(name: .customLong("occlusion"),
            help: ArgumentHelp("An occlusion on the file's time axis, START-END (repeatable; a negative start as --occlusion=-20-80).",
                               valueName: "START-END"))
    var occlusionTexts: [String] = []

    @Option(name: .customLong("min-occlusion"), help: ArgumentHelp("Shortest occlusion accepted (20)." + OptionRanges.minOcclusion.help, valueName: "SECONDS"))
    var minOcclusion: Double?

    func validate() throws {
        try OptionRanges.minOcclusion.check(minOcclusion)
        _ = try occlusions()
    }

    /// The `--occlusion` intervals, parsed.
    func occlusions() throws -> [OcclusionInterval] { try occlusionTexts.map(OcclusionInterval.init(parsing:)) }
}
