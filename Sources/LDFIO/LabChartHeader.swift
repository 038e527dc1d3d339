import Foundation
import LDFCore

/// The `Key=<TAB>value...` header lines that start each block of a LabChart text export
/// (ADInstruments LabChart "Save As / Export Text").
///
/// Known keys: `Interval` (`0.001 s`), `ExcelDateTime` (Excel serial day, then a clock string such
/// as `12/28/2021 10:38:09.047598`), `TimeFormat` (`StartOfBlock`, ...), `DateFormat`,
/// `ChannelTitle`, `Range`, `UnitName` (`*` when none), `TopValue`, `BottomValue` (one value per
/// channel, tab separated). Unknown keys are kept but unused.
struct LabChartHeader {
    /// Values by key, in file order, without the empty cell after `=`.
    var values: [String: [String]] = [:]
    /// Every header line as a key–value pair, in file order (cells joined with ", ").
    var entries: [MetadataEntry] = []
    /// 1-based line of the first header line of the block.
    var firstLine: Int = 0

    var isEmpty: Bool { values.isEmpty }

    /// Whether `bytes[line]` is a header line: letters (a key) directly followed by `=`.
    static func isHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine) -> Bool {
        var i = line.start
        while i < line.end {
            let b = bytes[i] | 0x20
            guard b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") else { break }
            i += 1
        }
        return i > line.start && i < line.end && bytes[i] == UInt8(ascii: "=")
    }

    /// Adds one header line.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine, usedFallback: inout Bool) {
        if values.isEmpty { firstLine = line.number }
        let text = TextDecoding.string(bytes, line.start, line.end, usedFallback: &usedFallback)
        guard let equals = text.firstIndex(of: "=") else { return }
        let key = String(text[..<equals])
        // Some LabChart versions quote each title ("Channel 1") so that spaces survive.
        var cells = text[text.index(after: equals)...].split(separator: "\t", omittingEmptySubsequences: false)
            .map { cell -> String in
                let trimmed = cell.trimmingCharacters(in: .whitespaces)
                return trimmed.count >= 2 && trimmed.hasPrefix("\"") && trimmed.hasSuffix("\"") ? String(trimmed.dropFirst().dropLast()) : trimmed
            }
        if cells.first == "" { cells.removeFirst() }
        values[key] = cells
        entries.append(MetadataEntry(key: key, value: cells.filter { !$0.isEmpty }.joined(separator: ", ")))
    }

    func first(_ key: String) -> String? { values[key]?.first }

    /// Sampling interval in seconds from `Interval` (`0.001 s`, `1 ms`, `0,001 s`; LabChart's
    /// time units are hr, min, s, ms and µs).
    var intervalSeconds: Double? {
        guard let text = first("Interval") else { return nil }
        let parts = text.split(separator: " ")
        guard let number = parts.first.flatMap({ DecimalParser.parse(String($0)) ?? DecimalParser.parse(String($0), decimalSeparator: UInt8(ascii: ",")) }),
              number > 0 else { return nil }
        let unit = parts.count > 1 ? parts[1].lowercased() : "s"
        switch unit {
        case "ms": return number / 1000
        case "us", "µs": return number / 1_000_000
        case "min": return number * 60
        case "hr", "h": return number * 3600
        default: return number
        }
    }

    /// Whether the file writes decimal commas (a European locale), judged from the numbers in
    /// `Interval` and `ExcelDateTime`.
    var usesDecimalComma: Bool {
        let numbers = [first("Interval"), first("ExcelDateTime")].compactMap { $0 }
        return numbers.contains { $0.contains(",") } && !numbers.contains { $0.contains(".") }
    }

    /// The block start as an Excel serial day number, when `ExcelDateTime` gives one.
    var excelSerial: Double? {
        guard let text = first("ExcelDateTime") else { return nil }
        return DecimalParser.parse(text) ?? DecimalParser.parse(text, decimalSeparator: UInt8(ascii: ","))
    }

    /// The block start's clock string as written (e.g. `12/28/2021 10:38:09.047598`).
    var clockText: String? {
        guard let cells = values["ExcelDateTime"], cells.count > 1 else { return nil }
        return cells[1]
    }

    /// The block start as written: the clock text of `ExcelDateTime` (microseconds kept), else
    /// its serial day.
    var clockStart: ClockStart? {
        if let text = clockText, let clock = ClockTime.parse(text) { return ClockStart(day: clock.day, secondsOfDay: clock.secondsOfDay) }
        return excelSerial.map { ClockStart(date: ExcelSerialDate.date(fromSerial: $0)) }
    }

    var timeFormat: String? { first("TimeFormat") }

    var channelTitles: [String]? { values["ChannelTitle"] }

    /// Units per channel; LabChart writes `*` (or nothing) for "no unit".
    var unitNames: [String]? { values["UnitName"]?.map { $0 == "*" ? "" : $0 } }

    /// One note per channel with its input range and display limits (`Range`, `BottomValue`,
    /// `TopValue`; `*` means not set), for provenance.
    func rangeNotes(channelNames: [String]) -> [String] {
        let ranges = values["Range"] ?? [], tops = values["TopValue"] ?? [], bottoms = values["BottomValue"] ?? []
        return channelNames.indices.compactMap { c in
            var parts: [String] = []
            if c < ranges.count, !ranges[c].isEmpty, ranges[c] != "*" { parts.append("range \(ranges[c])") }
            if c < tops.count, c < bottoms.count, tops[c] != "*", bottoms[c] != "*", !tops[c].isEmpty {
                parts.append("limits \(bottoms[c]) to \(tops[c])")
            }
            return parts.isEmpty ? nil : "channel '\(channelNames[c])': " + parts.joined(separator: ", ")
        }
    }

    /// How the time column of this block is written.
    enum TimeColumn: Equatable {
        /// Seconds from the start of the block (`StartOfBlock`, LabChart's default).
        case secondsFromBlockStart
        /// Seconds from the start of the file/record (`StartOfFile`, `StartOfRecord`, ...).
        case secondsFromFileStart
        /// Clock time of day (`TimeOfDay`, `hh:mm:ss`), placed on the block's date.
        case clock
        /// Excel serial day numbers in the time column.
        case excelSerial
    }

    /// The time column layout from `TimeFormat`; nil for a format the reader does not know.
    var timeColumn: TimeColumn? {
        guard let format = timeFormat?.lowercased(), !format.isEmpty else { return .secondsFromBlockStart }
        if format.contains("block") { return .secondsFromBlockStart }
        if format.contains("excel") { return .excelSerial }
        if format.contains("day") || format.contains("clock") || format.contains("hh") || format.contains("date") { return .clock }
        if format.contains("file") || format.contains("record") || format.contains("start") { return .secondsFromFileStart }
        return nil
    }
}
