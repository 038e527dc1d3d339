import ArgumentParser
import Foundation
import LDFCore
import LDFEpochs
import LDFIO
import LDFReport

/// `ldf epochs FILE...`: statistics per interval and channel.
struct EpochsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epochs",
        abstract: "Statistics per interval and channel: between marks, given intervals, or every N seconds.",
        discussion: """
            Intervals come from --interval NAME:START-END (repeatable, on the file's time axis), \
            --every SECONDS (consecutive windows from the first sample), or else the file's events \
            (each state-column run, and the stretches between consecutive marks, each named by the \
            mark it starts at). For each interval and channel: start, end, duration, mean, median, \
            SD, min, max, the share of valid samples, CVC = mean / MAP for perfusion channels with \
            --map, and the change of the mean from the --reference interval (absolute and %). \
            Values that cannot be computed are empty (CSV) or null with a reason (JSON). An interval \
            outside the recording or overlapping another is an error.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("interval"),
            help: ArgumentHelp("An interval NAME:START-END in seconds on the file's time axis (repeatable).", valueName: "NAME:START-END"))
    var intervalTexts: [String] = []

    @Option(help: ArgumentHelp("Consecutive intervals of this length from the first sample.", valueName: "SECONDS"))
    var every: Double?

    @Option(help: ArgumentHelp("Mean arterial pressure for CVC = flux / MAP.", valueName: "MMHG"))
    var map: Double?

    @Option(help: ArgumentHelp("Interval the changes are measured from.", valueName: "NAME"))
    var reference: String?

    @Option(help: "Output format: table, csv (one row per interval and channel) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        _ = try source()
        if let map, !(map.isFinite && map > 0 && map < 300) {
            throw LDFError("--map", "mean arterial pressure \(map) mmHg is not plausible (0-300)", fix: "e.g. --map 93")
        }
    }

    /// Where the intervals come from.
    func source() throws -> EpochSource {
        if let every {
            guard intervalTexts.isEmpty else {
                throw LDFError("--every", "cannot be combined with --interval", fix: "give one of them")
            }
            guard every.isFinite, every > 0 else { throw LDFError("--every", "\(every) s is not a positive length", fix: "e.g. --every 60") }
            return .every(every)
        }
        if intervalTexts.isEmpty { return .events }
        return .intervals(try EpochInterval.validated(intervalTexts.map(EpochInterval.init(parsing:))))
    }

    func run() throws {
        let options = EpochOptions(meanArterialPressureMmHg: map, referenceName: reference)
        let source = try source()
        var entries: [(record: EpochsRecordingRecord, report: EpochReport?)] = []
        for path in files {
            do {
                for recording in try input.readAll(path) {
                    let report = try EpochReport(recording: recording, source: source, options: options)
                    for d in report.diagnostics { printDiagnostic("\(report.source): \(d)") }
                    entries.append((EpochsRecordingRecord(report: report), report))
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                entries.append((EpochsRecordingRecord(source: path, error: error.description), nil))
            }
        }
        let reports = entries.compactMap(\.report)
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(EpochsOutputJSON(options: options, source: source, recordings: entries.map(\.record))))
        case .csv:
            try StandardOutput.writeLine(CSVWriter.record(["source"] + ReportColumns.names(of: EpochRecord.self)))
            for report in reports {
                try StandardOutput.writeLines(report.rows.map { CSVWriter.record([report.source] + ReportColumns.cells(of: EpochRecord($0)).map(\.text)) })
            }
        case .table:
            try StandardOutput.writeLine(reports.map(EpochsText.table).joined(separator: "\n\n"))
        }
        if entries.contains(where: { $0.record.error != nil }) { throw ExitCode.failure }
    }
}

/// The table layout of `ldf epochs`.
enum EpochsText {
    static func table(_ report: EpochReport) -> String {
        var lines = ["\(report.source): \(report.intervals.count) intervals (times on the file's axis, s)"
                     + (report.options.referenceName.map { ", changes from '\($0)'" } ?? "")]
        func n(_ x: Double?) -> String { ReportNumber.short(x) }
        for interval in report.intervals {
            lines.append("")
            lines.append("\(interval.name): \(n(interval.startSeconds))-\(n(interval.endSeconds)) s (\(n(interval.durationSeconds)) s)")
            for r in report.rows where r.interval == interval {
                var text = "  \(r.channel) [\(r.unit)]: mean \(n(r.mean)), median \(n(r.median)), SD \(n(r.standardDeviation)), "
                    + "min \(n(r.minimum)), max \(n(r.maximum)), valid \(r.validShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "-")"
                if let cvc = r.cvc { text += ", CVC \(n(cvc)) \(r.unit)/mmHg" }
                if report.options.referenceName != nil { text += ", change \(n(r.changeFromReference)) \(r.unit) (\(n(r.percentChangeFromReference))%)" }
                if r.mean == nil, let reason = r.reasons["mean"] { text += "  (\(reason))" }
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// `ldf epochs --format json`: toolkit, parameters, per recording its rows.
struct EpochsOutputJSON: Encodable {
    var toolkit = ToolkitStamp()
    var parameters: Parameters
    var recordings: [EpochsRecordingRecord]

    struct Parameters: Encodable {
        var intervals: String
        @Nullable var everyS: Double?
        @Nullable var meanArterialPressureMmhg: Double?
        @Nullable var reference: String?
        var sampleRule = "samples whose time on the file's axis is in [start, end); SD with n - 1"
    }

    init(options: EpochOptions, source: EpochSource, recordings: [EpochsRecordingRecord]) {
        var every: Double?
        let kind: String
        switch source {
        case .events: kind = "events"
        case .intervals: kind = "given"
        case .every(let s): kind = "every"; every = s
        }
        parameters = Parameters(intervals: kind, everyS: every, meanArterialPressureMmhg: options.meanArterialPressureMmHg,
                                reference: options.referenceName)
        self.recordings = recordings
    }
}
