import ArgumentParser
import LDFCore
import LDFIO
import LDFProtocols
import LDFReport

extension RefillDirection: ExpressibleByArgument {}
extension CRTTimingPreference: ExpressibleByArgument {}
extension CRTFitEndRule: ExpressibleByArgument {}

/// `ldf crt FILE...`: capillary refill time of every press in one or more recordings.
struct CRTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crt",
        abstract: "Capillary refill time: an exponential fit after each blanching release, CRT = -1/b with its 95 % uncertainty.",
        discussion: """
            After each release I(t) = a exp(b t) + c (a >= 0, b <= 0) is fitted on the file's own time \
            stamps (uneven camera frames are not resampled) from the release to a peak of the \
            difference between the exponential and a 6th-order polynomial of the whole segment: the \
            peak whose fit has the least uncertainty (pyCRT's default; --fit-end-rule divergence takes \
            the largest peak, --fit-end a fixed end). \
            CRT = -1/b, 95 % uncertainty 2 CRT sigma_b/|b|. The segment is --window long and ends \
            at the next press. Releases are --release, else events naming a release ('Release', \
            'CRT', 'lift'), else detected: a press holds the signal (smoothed over --smoothing) past \
            half its range for --minimum-press, and its release is the last moment at the blanched \
            level before it falls (--refill falls: camera intensity) or rises (--refill rises: flux, \
            PPG) back. A press that cannot be fitted (a curve going the wrong way, too few \
            points, no decay) has a null CRT with the reason. Exit status 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Which way the signal moves during refill: falls (camera or reflectance intensity) or rises (LDF flux, PPG amplitude).")
    var refill: RefillDirection = .falls

    @Option(help: "Releases when --release is not given: auto (events, then detection), events or detect.")
    var timing: CRTTimingPreference = .auto

    @Option(help: ArgumentHelp("Release times on the file's axis, comma-separated (a negative time as --release=-5,20).", valueName: "SECONDS,..."))
    var release: String?

    @Option(help: ArgumentHelp("Longest segment fitted after a release (15)." + OptionRanges.crtWindow.help, valueName: "SECONDS"))
    var window: Double?

    @Option(name: .customLong("fit-end"), help: ArgumentHelp("End every fit this long after its release instead of by the rule." + OptionRanges.crtFitEnd.help, valueName: "SECONDS"))
    var fitEnd: Double?

    @Option(name: .customLong("fit-end-rule"), help: "Among the peaks of |exponential - polynomial|: uncertainty (the one whose fit has the least uncertainty, pyCRT's default 'best fit') or divergence (the largest, pyCRT's 'strict').")
    var fitEndRule: CRTFitEndRule = .uncertainty

    @Option(name: .customLong("minimum-points"), help: ArgumentHelp("Fewest samples in a fit (10)." + OptionRanges.crtMinimumPoints.help, valueName: "N"))
    var minimumPoints: Int?

    @Option(help: ArgumentHelp("Moving-mean length for finding releases (0.2)." + OptionRanges.crtSmoothing.help, valueName: "SECONDS"))
    var smoothing: Double?

    @Option(name: .customLong("minimum-press"), help: ArgumentHelp("Shortest detected press (1)." + OptionRanges.crtMinimumPress.help, valueName: "SECONDS"))
    var minimumPress: Double?

    @Option(help: "Output format: table, csv (one row per press; units in unit and the names) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try OptionRanges.crtWindow.check(window)
        try OptionRanges.crtFitEnd.check(fitEnd)
        try OptionRanges.crtMinimumPoints.check(minimumPoints)
        try OptionRanges.crtSmoothing.check(smoothing)
        try OptionRanges.crtMinimumPress.check(minimumPress)
        _ = try options()
    }

    /// The release times of `--release`.
    func releaseTimes() throws -> [Double] {
        guard let release else { return [] }
        return try release.split(separator: ",").map { item in
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                throw ValidationError("--release: cannot read '\(text)' as seconds; give times like --release 12.5,40")
            }
            try OptionRanges.fileTime.named("--release").check(value)
            return value
        }
    }

    /// The analysis options: defaults, then every option given.
    func options() throws -> CRTOptions {
        var o = CRTOptions()
        o.refill = refill
        o.timing = timing
        o.releaseSeconds = try releaseTimes()
        if let window { o.windowSeconds = window }
        o.fitEndSeconds = fitEnd
        o.fitEndRule = fitEndRule
        if let minimumPoints { o.minimumPoints = minimumPoints }
        if let smoothing { o.smoothingSeconds = smoothing }
        if let minimumPress { o.minimumPressSeconds = minimumPress }
        try o.validate()
        return o
    }

    func run() throws {
        let options = try options()
        var records: [CRTRecordingRecord] = []
        var results: [CRTResult] = []
        for path in files {
            do {
                for samples in try input.readSamples(path) {
                    let result = try CRTAnalysis.analyze(samples, options: options)
                    for d in result.diagnostics { printDiagnostic("\(result.source): \(d)") }
                    records.append(CRTRecordingRecord(result))
                    results.append(result)
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                records.append(CRTRecordingRecord(source: path, error: error.description))
            }
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(CRTOutputRecord(options: options, recordings: records)))
        case .csv:
            try StandardOutput.write(CSVTable(rows: results.flatMap { r in r.presses.map { CRTPressRow($0, of: r) } }).text)
        case .table:
            try StandardOutput.writeLine(results.map { CRTText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n"))
        }
        if records.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}

extension InputOptions {
    /// Every analysed channel of every table in `path` (one per sheet of a workbook, each channel
    /// `--channel` names) at the file's own time stamps, for fits that must not resample; reading
    /// warnings printed to standard error.
    func readSamples(_ path: String) throws -> [CRTSamples] {
        try readOptions.assembly.validate()
        var samples: [CRTSamples] = []
        for table in try RecordingReader.readTables(path: path, options: readOptions) {
            let recording = try RecordingReader.assembleChecked(table, options: readOptions)
            let source = recording.provenance.source
            for d in recording.provenance.diagnostics { printDiagnostic("\(source): \(d)") }
            for r in try recording.analysedRecordings(channelSelector) {
                for d in r.analysedChannelDiagnostics { printDiagnostic("\(source): \(d)") }
                samples.append(CRTSamples(table: table, recording: r, sentinels: readOptions.assembly.sentinels))
            }
        }
        return samples
    }
}
