import ArgumentParser
import LDFCore
import LDFIO
import LDFProtocols
import LDFReport

extension HeatingTimingPreference: ExpressibleByArgument {}

/// `ldf heating FILE...`: local thermal hyperaemia parameters of every recording.
struct HeatingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heating",
        abstract: "Local thermal hyperaemia: baseline, initial peak, nadir, plateau and maximum of one or more recordings.",
        discussion: """
            The onset is --onset, else the first event naming heating ('Heating on', 'LTH start', \
            '42 °C'), else the probe temperature's first sustained rise of 1 °C (its corner by a hinge \
            fit). The maximum step (43-44 °C) is --maximum-step, else an event naming 43/44 °C or the \
            maximum, else a second rise of 0.5 °C. A probe temperature in °F or kelvin (by its unit \
            or its values) is converted and said so. Baseline: mean over --baseline-window before the \
            onset; initial peak and nadir: vertices of the first maximum within --peak-search and the \
            minimum after it (biphasic when the fall is at least --biphasic-drop of the rise); plateau: \
            mean over --plateau-window before the maximum step (or the end); maximum: mean over \
            --maximum-window at the end. CVC = flux / --map; %CVCmax against --cvc-max or the maximum \
            step. Times on the file's axis; peak and nadir times from the onset. A value that cannot be \
            computed is null with the reason. Exit status 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Timing when --onset is not given: auto (events, then temperature), events or temperature.")
    var timing: HeatingTimingPreference = .auto

    @Option(help: ArgumentHelp("Heating onset on the file's time axis (a negative time as --onset=-20)." + OptionRanges.fileTime.help, valueName: "SECONDS"))
    var onset: Double?

    @Option(name: .customLong("maximum-step"), help: ArgumentHelp("Start of the maximum step (43-44 °C) on the file's time axis." + OptionRanges.fileTime.help, valueName: "SECONDS"))
    var maximumStep: Double?

    @Option(name: .customLong("baseline-window"), help: ArgumentHelp("Baseline window before the onset (120)." + OptionRanges.baselineWindow.help, valueName: "SECONDS"))
    var baselineWindow: Double?

    @Option(name: .customLong("peak-search"), help: ArgumentHelp("The initial peak is searched this long after the onset (600)." + OptionRanges.heatingPeakSearch.help, valueName: "SECONDS"))
    var peakSearch: Double?

    @Option(name: .customLong("plateau-window"), help: ArgumentHelp("Plateau window before the maximum step or the end (300)." + OptionRanges.heatingPlateauWindow.help, valueName: "SECONDS"))
    var plateauWindow: Double?

    @Option(name: .customLong("maximum-window"), help: ArgumentHelp("Maximum window at the end of the maximum step (180)." + OptionRanges.maximumWindow.help, valueName: "SECONDS"))
    var maximumWindow: Double?

    @Option(help: ArgumentHelp("Moving-mean length for locating peak and nadir (10)." + OptionRanges.heatingSmoothing.help, valueName: "SECONDS"))
    var smoothing: Double?

    @Option(name: .customLong("biphasic-drop"), help: ArgumentHelp("Least fall from peak to nadir, as a fraction of the peak's rise (0.1)." + OptionRanges.biphasicDrop.help, valueName: "FRACTION"))
    var biphasicDrop: Double?

    @Option(help: ArgumentHelp("Mean arterial pressure for CVC = flux / MAP." + OptionRanges.map.help, valueName: "MMHG"))
    var map: Double?

    @Option(name: .customLong("cvc-max"),
            help: ArgumentHelp("Maximal CVC measured separately, in flux/mmHg, for %CVCmax instead of the maximum step; needs --map." + OptionRanges.cvcMax.help, valueName: "CVC"))
    var cvcMax: Double?

    @OptionGroup var hampel: HampelOptionGroup

    @Option(help: "Output format: table, csv (one row per recording and channel; units in flux_unit and the names) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try OptionRanges.baselineWindow.check(baselineWindow)
        try OptionRanges.heatingPeakSearch.check(peakSearch)
        try OptionRanges.heatingPlateauWindow.check(plateauWindow)
        try OptionRanges.maximumWindow.check(maximumWindow)
        try OptionRanges.heatingSmoothing.check(smoothing)
        try OptionRanges.biphasicDrop.check(biphasicDrop)
        try OptionRanges.map.check(map)
        try OptionRanges.checkCVCMax(cvcMax, map: map)
        try OptionRanges.fileTime.check(onset)
        try OptionRanges.fileTime.named("--maximum-step").check(maximumStep)
        _ = try options()
    }

    /// The analysis options: defaults, then every option given.
    func options() throws -> HeatingOptions {
        var o = HeatingOptions()
        o.timing = timing
        o.onsetSeconds = onset
        o.maximumStepSeconds = maximumStep
        if let baselineWindow { o.baselineWindowSeconds = baselineWindow }
        if let peakSearch { o.peakSearchSeconds = peakSearch }
        if let plateauWindow { o.plateauWindowSeconds = plateauWindow }
        if let maximumWindow { o.maximumWindowSeconds = maximumWindow }
        if let smoothing { o.smoothingSeconds = smoothing }
        if let biphasicDrop { o.biphasicDrop = biphasicDrop }
        o.meanArterialPressureMmHg = map
        o.maximumCVC = cvcMax
        o.artifactFilter = hampel.filter(defaultWindowSeconds: HeatingOptions.artifactWindowSeconds)
        try o.validate()
        return o
    }

    func run() throws {
        let options = try options()
        var records: [HeatingRecordingRecord] = []
        var results: [HeatingResult] = []
        for path in files {
            do {
                for recording in try input.readChannels(path) {
                    let result = try HeatingAnalysis.analyze(recording, options: options)
                    for d in result.diagnostics { printDiagnostic("\(result.source): \(d)") }
                    records.append(HeatingRecordingRecord(result))
                    results.append(result)
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                records.append(HeatingRecordingRecord(source: path, error: error.description))
            }
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(HeatingOutputRecord(options: options, recordings: records)))
        case .csv:
            try StandardOutput.write(CSVTable(rows: results.map(HeatingRow.init)).text)
        case .table:
            try StandardOutput.writeLine(results.map { HeatingText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n"))
        }
        if records.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
