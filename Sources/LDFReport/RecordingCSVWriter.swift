import Foundation
import LDFCore
import LDFIO

/// Writes a `SampleTable` (time stamps, columns, events) as a recording file that the delimited
/// reader reads back: CSV through the one writer (`CSVWriter`, RFC 4180), a header
/// `time [s],name [unit],...,marker`, one row per sample (times in their shortest exact form,
/// values at `valueDecimals`, both by `ReportNumber`), and the labels of the events nearest each
/// row in its marker cell, joined by " | " (docs/METHODS.md §17).
public struct RecordingCSVWriter: Sendable {
    /// Digits after the decimal point for channel values (time stamps are written exactly).
    public var valueDecimals: Int

    public init(valueDecimals: Int = 4) {
        precondition((0...12).contains(valueDecimals), "valueDecimals must be 0...12")
        self.valueDecimals = valueDecimals
    }

    /// The file's bytes.
    public func bytes(for table: SampleTable) -> [UInt8] {
        let rows = table.rowCount
        let times = table.times ?? (0..<rows).map(Double.init)
        var labels = [String?](repeating: nil, count: rows)
        for event in table.events where rows > 0 {
            let row = nearestRow(to: event.timeSeconds, in: times)
            labels[row] = [labels[row], event.label].compactMap { $0 }.joined(separator: " | ")
        }
        let hasMarkers = !table.events.isEmpty
        var out: [UInt8] = []
        out.reserveCapacity(rows * (12 + 12 * table.columns.count))
        var header = table.times == nil ? [] : ["time [s]"]
        header += table.columns.map { CSVWriter.headerCell($0.name, unit: $0.unit) }
        if hasMarkers { header.append("marker") }
        out.append(contentsOf: CSVWriter.record(header).utf8)
        out.append(10)
        for r in 0..<rows {
            var first = true
            if table.times != nil {
                out.append(contentsOf: ReportNumber.exact(times[r]).utf8)
                first = false
            }
            for column in table.columns {
                if !first { out.append(44) }
                first = false
                ReportNumber.appendFixed(column.values[r], decimals: valueDecimals, to: &out)
            }
            if hasMarkers {
                out.append(44)
                if let label = labels[r] { out.append(contentsOf: CSVWriter.field(label).utf8) }
            }
            out.append(10)
        }
        return out
    }

    /// Writes the table to `path` as an `OutputFile` ("-" for standard output; never over one of
    /// `inputs`; a regular file is replaced only once every byte is on disk).
    public func write(_ table: SampleTable, to path: String, role: String = "the recording", inputs: [String] = []) throws {
        try OutputFile.write(bytes(for: table), to: path, role: role, inputs: inputs)
    }

    /// Writes the table to the file at `url` (as `write(_:to:)` with its path).
    public func write(_ table: SampleTable, to url: URL) throws {
        try write(table, to: url.path)
    }

    private func nearestRow(to time: Double, in times: [Double]) -> Int {
        var lo = 0, hi = times.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < time { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 && abs(times[lo - 1] - time) <= abs(times[lo] - time) { return lo - 1 }
        return lo
    }
}
