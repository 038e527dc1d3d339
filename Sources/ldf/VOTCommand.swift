import ArgumentParser
import LDFCore
import LDFIO
import LDFProtocols
import LDFReport

/// `ldf vot FILE...`: NIRS vascular occlusion test read-outs for every occlusion.
struct VOTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vot",
        abstract: "NIRS vascular occlusion test: desaturation and reoxygenation slopes, minimum, reperfusion times, overshoot and areas of a tissue saturation (StO2, %).",
        discussion: """
            The analysed channel (--channel; by default the first, e.g. TSI% of an Oxysoft export or \
            SmO2 of a Moxy file) must be a saturation in %: values outside 0-100 are refused. \
            Occlusions are timed like `ldf porh`: --occlusion START-END, events in the file, a \
            cuff-pressure channel, or the saturation alone (a sustained fall of 5 % points or more, \
            then a rise of 4 % points within 10 s). Per occlusion: baseline (mean over \
            --baseline-window before the start), desaturation slope in %/min (regression over 10-90 % \
            of the fall, with r²), minimum, reoxygenation slope in %/s (regression over \
            --reoxygenation-window after release, with r²), times from release to 50 %, 95 % and 100 % \
            reperfusion, maximum and overshoot above baseline, area over the ischaemic curve and under \
            the recovery curve above baseline (%·s), and the recovery time until StO2 is back at \
            baseline after its maximum, all within --recovery-window. A value that cannot be computed \
            is null with the reason. Times on the file's axis. Exit status 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions

    /// --timing, --occlusion and --min-occlusion, shared with `ldf porh`.
    @OptionGroup var occlusionTiming: OcclusionTimingOptions

    @Option(name: .customLong("baseline-window"), help: ArgumentHelp("Baseline window before the occlusion (60)." + OptionRanges.baselineWindow.help, valueName: "SECONDS"))
    var baselineWindow: Double?

    @Option(name: .customLong("reoxygenation-window"),
            help: ArgumentHelp("Reoxygenation slope over this long after release (10)." + OptionRanges.reoxygenationWindow.help, valueName: "SECONDS"))
    var reoxygenationWindow: Double?

    @Option(name: .customLong("recovery-window"),
            help: ArgumentHelp("Maximum, reperfusion times and recovery looked for this long after release (120)." + OptionRanges.recoveryWindow.help,
                               valueName: "SECONDS"))
    var recoveryWindow: Double?

    @Option(help: ArgumentHelp("Moving-mean length for the minimum, maximum and crossings (2)." + OptionRanges.votSmoothing.help, valueName: "SECONDS"))
    var smoothing: Double?

    @Option(help: "Output format: table, csv (one row per occlusion; units in unit and the names) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try OptionRanges.baselineWindow.check(baselineWindow)
        try OptionRanges.reoxygenationWindow.check(reoxygenationWindow)
        try OptionRanges.recoveryWindow.check(recoveryWindow)
        try OptionRanges.votSmoothing.check(smoothing)
        _ = try options()
    }

    /// The analysis options: defaults, then every option given.
    func options() throws -> VOTOptions {
        var o = VOTOptions()
        o.timing = occlusionTiming.timing
        o.occlusions = try occlusionTiming.occlusions()
        if let minOcclusion = occlusionTiming.minOcclusion { o.minimumOcclusionSeconds = minOcclusion }
        if let baselineWindow { o.baselineWindowSeconds = baselineWindow }
        if let reoxygenationWindow { o.reoxygenationWindowSeconds = reoxygenationWindow }
        if let recoveryWindow { o.recoveryWindowSeconds = recoveryWindow }
        if let smoothing { o.smoothingSeconds = smoothing }
        try o.validate()
        return o
    }

    func run() throws {
        let options = try options()
        var records: [VOTRecordingRecord] = []
        var results: [VOTResult] = []
        for path in files {
            do {
                for recording in try input.readChannels(path) {
                    let result = try VOTAnalysis.analyze(recording, options: options)
                    for d in result.diagnostics { printDiagnostic("\(result.source): \(d)") }
                    for o in result.occlusions {
                        for d in o.diagnostics { printDiagnostic("\(result.source): occlusion \(o.index): \(d)") }
                    }
                    records.append(VOTRecordingRecord(result))
                    results.append(result)
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                records.append(VOTRecordingRecord(source: path, error: error.description))
            }
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(VOTOutputRecord(options: options, recordings: records)))
        case .csv:
            try StandardOutput.write(CSVTable(rows: results.flatMap { r in r.occlusions.map { VOTOcclusionRow(r, $0) } }).text)
        case .table:
            try StandardOutput.writeLine(results.map { VOTText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n"))
        }
        if records.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
