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
            try StandardOutput.writeLine(ReportJSON.string(EpochsOutputRecord(options: options, source: source, recordings: entries.map(\.record))))
        case .csv:
            try StandardOutput.write(EpochRecord.table(reports).text)
        case .table:
            try StandardOutput.writeLine(reports.map(\.textTable).joined(separator: "\n\n"))
        }
        if entries.contains(where: { $0.record.error != nil }) { throw ExitCode.failure }
    }
}
