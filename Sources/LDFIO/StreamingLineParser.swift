import Foundation
import LDFCore

/// Parses delimited text one line at a time, for input that arrives as it is produced
/// (`ldf stream`). The layout (delimiter, decimal separator, header, time column, perfusion
/// column, marker columns) is decided once from the first lines, by the same rules as the file
/// reader (`DelimitedLayout`, `ColumnRoles`); every later line is parsed on its own.
///
/// Accepted shapes: one value per line (then the sample rate must be given), `time,value` lines,
/// or delimited text with a header (the channel chosen by `--channel` or by name and unit).
public struct StreamingLineParser: Sendable {
    /// One parsed line.
    public enum Line: Equatable, Sendable {
        /// A sample: time in seconds (nil without a time column), the perfusion value (NaN when
        /// missing), and marker text on that line, if any.
        case sample(time: Double?, value: Double, label: String?)
        /// A header, blank or comment line.
        case skipped
        /// A line that cannot be read, with the reason.
        case malformed(String)
    }

    /// Name and unit of the perfusion column.
    public let channelName: String
    public let channelUnit: String
    /// Whether lines carry a time stamp.
    public var hasTime: Bool { roles.timeIndex != nil }
    /// What was detected, for diagnostics.
    public let notes: [String]
    /// Lines the first-lines inspection counted as header (1-based numbers up to this one).
    public let headerLineCount: Int

    private let layout: DelimitedLayout
    private let roles: ColumnRoles
    private let valueColumn: Int
    private let markerColumns: [Int]
    private var firstTime: Double?
    private var clockOffset = 0.0
    private var previousClock = -Double.infinity
    private var usedFallback = false

    /// Lines to collect before deciding the layout.
    public static let inspectedLines = 20

    /// Decides the layout from `firstLines` (the first lines of the input, joined with newlines).
    public init(firstLines: [UInt8], options: ReadOptions, source: String = "-") throws {
        let (layout, roles) = try firstLines.withUnsafeBufferPointer { buffer in
            try TextDecoding.requireText(buffer, source: source)
            let layout = try DelimitedLayout.detect(buffer, start: TextDecoding.byteOrderMarkLength(buffer), source: source)
            let rows = try DelimitedTextReader.parseRows(buffer, layout: layout, source: source)
            return (layout, try ColumnRoles.decide(layout: layout, rows: rows, source: source))
        }
        let headers = layout.headers
        let dataColumns = headers.indices.filter {
            $0 != roles.timeIndex && !roles.isMarker[$0] && headers[$0].role != .index && layout.cellKinds[$0] == .number
        }
        guard !dataColumns.isEmpty else {
            throw LDFError(source, "no numeric data column in the first lines (columns: \(headers.map(\.name).joined(separator: ", ")))",
                           fix: "send one value per line, time,value lines, or a header and numeric rows")
        }
        let names = dataColumns.map { headers[$0].name }
        let chosen: Int
        if let selector = options.assembly.channel {
            chosen = dataColumns[try selector.resolve(in: names, source: source)]
        } else {
            chosen = dataColumns.first { ChannelKind.guess(name: headers[$0].name, unit: headers[$0].unit) == .perfusion } ?? dataColumns[0]
        }
        self.layout = layout
        self.roles = roles
        self.valueColumn = chosen
        self.markerColumns = headers.indices.filter { roles.isMarker[$0] }
        self.channelName = headers[chosen].name
        self.channelUnit = headers[chosen].unit
        self.headerLineCount = layout.linesBeforeData
        var notes = ["delimiter: \(layout.delimiter.name); decimal separator: '\(Character(Unicode.Scalar(layout.decimalSeparator)))'"]
        notes += layout.notes + roles.notes
        notes.append("perfusion column: '\(headers[chosen].name)'" + (roles.timeIndex.map { "; time column: '\(headers[$0].name)'" } ?? "; no time column"))
        self.notes = notes
    }

    /// Parses line number `number` (1-based, counting every line of the input) without its newline.
    public mutating func parse(_ line: [UInt8], number: Int) -> Line {
        if number <= headerLineCount { return .skipped }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        return line.withUnsafeBufferPointer { buffer in
            let byteLine = ByteLine(start: 0, end: end, number: number)
            if DelimitedLayout.isSkippable(buffer, byteLine) { return .skipped }
            var bounds: [Int] = []
            let n = CellSplitter(delimiter: layout.delimiter).split(buffer, byteLine, into: &bounds)
            func cell(_ c: Int) -> (Int, Int)? { c < n ? (bounds[2 * c], bounds[2 * c + 1]) : nil }

            var time: Double?
            if let t = roles.timeIndex {
                var day: Int?
                if let d = roles.dateIndex {
                    guard let (s, e) = cell(d), let parsed = ClockTime.parseDate(buffer, s, e) else {
                        return .malformed("the date cell is missing or not a date")
                    }
                    day = parsed
                }
                guard let (s, e) = cell(t), let parsed = parseTime(buffer, s, e, day: day) else {
                    return .malformed("the time cell is missing or not a time")
                }
                time = parsed
            }
            var value = Double.nan
            if let (s, e) = cell(valueColumn) {
                if let v = DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator) {
                    value = v
                } else if !DelimitedLayout.isMissingToken(buffer, s, e) {
                    let text = CellText.string(buffer, s, e, usedFallback: &usedFallback)
                    return .malformed("'\(text)' in column '\(channelName)' is not a number")
                }
            } else if roles.timeIndex != nil || n == 0 {
                return .malformed("the line has \(n) cell(s); column '\(channelName)' is missing")
            }
            var labels: [String] = []
            for c in markerColumns {
                if let (s, e) = cell(c), s < e {
                    let text = CellText.string(buffer, s, e, usedFallback: &usedFallback).trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty { labels.append(text) }
                }
            }
            return .sample(time: time, value: value, label: labels.isEmpty ? nil : labels.joined(separator: " | "))
        }
    }

    /// Seconds from the cell, on the same scale as the file reader's (Excel serial and dated clock
    /// times relative to the first line; undated clock times unwrapped at midnight). `day` is the
    /// date from a separate date column, in days since 1970.
    private mutating func parseTime(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, day: Int?) -> Double? {
        switch roles.timeUnit {
        case .clock:
            guard let clock = ClockTime.parse(buffer, s, e) else { return nil }
            if clock.day != nil || day != nil {
                let t = clock.secondsSinceEpochOrDay + Double(clock.day == nil ? day ?? 0 : 0) * 86_400
                if firstTime == nil { firstTime = t }
                return t - firstTime!
            }
            var t = clock.secondsOfDay + clockOffset
            if t < previousClock - 43_200 {
                clockOffset += 86_400
                t += 86_400
            }
            previousClock = t
            return t
        case .excelSerial:
            guard let serial = DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator) else { return nil }
            if firstTime == nil { firstTime = serial }
            return ExcelSerialDate.seconds(from: firstTime!, to: serial)
        case .seconds, .milliseconds, .minutes, .hours:
            guard let v = DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator), v.isFinite else { return nil }
            return v * roles.timeUnit.secondsPerUnit
        }
    }
}
