import LDFCore

/// The samples of `ldf export` as CSV (docs/METHODS.md §1.6): one row per grid sample, the time on
/// the file's own axis (`time_s`), then per channel its value (`NAME [UNIT]`, or `NAME` without a
/// unit; empty where missing) and its `SampleFlag` (`NAME flag`). Long recordings have millions
/// of rows, so the table is written in chunks of rows (`csv(rows:)`), never held whole as text.
public struct ExportTable: Sendable {
    /// The recording as written: every channel on the common grid.
    public let recording: Recording
    /// The rate the file stores each channel at (`recording.channels` order), Hz.
    public let sourceRatesHz: [Double]

    /// The export of `recording`; channels kept at their own rate are resampled onto the common
    /// grid (docs/METHODS.md §1.5), as every analysis does.
    public init(_ recording: Recording) {
        sourceRatesHz = recording.allChannels.map(\.sampleRateHz)
        self.recording = recording.resampledToCommonGrid(for: "ldf export")
    }

    /// The header cell of a channel's values (`CSVWriter.headerCell`: `NAME [UNIT]`).
    public static func valueColumn(_ channel: Channel) -> String {
        CSVWriter.headerCell(channel.name, unit: channel.unit)
    }

    /// The header cell of a channel's flags.
    public static func flagColumn(_ channel: Channel) -> String { "\(channel.name) flag" }

    /// The column names, in order.
    public var columns: [String] {
        ["time_s"] + recording.channels.flatMap { [Self.valueColumn($0), Self.flagColumn($0)] }
    }

    /// The header line, with its line break.
    public var csvHeader: String { CSVWriter.record(columns) + "\n" }

    /// The CSV lines (each with its line break) of grid samples `rows`.
    public func csv(rows: Range<Int>) -> String {
        let flags = recording.channels.indices.map { recording.sampleFlags(channelAt: $0, in: rows) }
        var text = ""
        var cells = [String](repeating: "", count: columns.count)
        for k in rows {
            cells[0] = ReportNumber.exact(recording.fileTime(recording.time(ofSample: k)))
            for (c, channel) in recording.channels.enumerated() {
                cells[1 + 2 * c] = ReportNumber.exact(channel.values[k])
                cells[2 + 2 * c] = flags[c][k - rows.lowerBound].rawValue
            }
            text += CSVWriter.record(cells)
            text += "\n"
        }
        return text
    }

    /// The events as a table (`RecordingInfo.EventInfo` rows: `time_s`, `end_s`, `label`, `kind`,
    /// times on the file's axis).
    public var eventsTable: CSVTable {
        CSVTable(rows: ExportDescription.events(of: recording))
    }
}
