import LDFEpochs

extension EpochRecord {
    /// The tidy CSV of `ldf epochs`: a `source` column, then the record's columns, a row per
    /// interval and channel of every report.
    public static func table(_ reports: [EpochReport]) -> CSVTable {
        CSVTable(lead: ["source"], rows: reports.flatMap { report in report.rows.map { (lead: [report.source], row: EpochRecord($0)) } })
    }
}

extension EpochReport {
    /// The readable layout of `ldf epochs`: a title, then per interval its span and a line per
    /// channel (statistics in the channel's unit, CVC per mmHg, changes from the reference).
    public var textTable: String {
        let report = self
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
public struct EpochsOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var recordings: [EpochsRecordingRecord]

    /// Where the intervals came from ("events", "given", "every" with `every_s`), the MAP for CVC
    /// (mmHg) and the reference interval of the changes.
    public struct Parameters: Codable, Sendable, Equatable {
        public var intervals: String
        @Nullable public var everyS: Double?
        @Nullable public var meanArterialPressureMmhg: Double?
        @Nullable public var reference: String?
        public var sampleRule = "samples whose time on the file's axis is in [start, end); SD with n - 1"
    }

    public init(options: EpochOptions, source: EpochSource, recordings: [EpochsRecordingRecord]) {
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
