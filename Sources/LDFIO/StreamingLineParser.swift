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

    /// Name and unit of the perfusion column (the first of `channelNames`).
    public let channelName: String
    public let channelUnit: String
    /// Names and units of every analysed column (`--channel all`, `--channel 1,3`), in order.
    public let channelNames: [String]
    public let channelUnits: [String]
    /// The values of every analysed column on the last line parsed as a sample (NaN when
    /// missing); the first is that sample's `value`.
    public private(set) var channelValues: [Double] = []
    /// The first time stamp's clock reading, once a clock or Excel time column has given one.
    public private(set) var clockStart: ClockStart?
    /// Whether lines carry a time stamp.
    public var hasTime: Bool { roles.timeIndex != nil }
    /// What was detected, for diagnostics.
    public let notes: [String]
    /// Lines the first-lines inspection counted as header (1-based numbers up to this one).
    public let headerLineCount: Int

    private let layout: DelimitedLayout
    private let roles: ColumnRoles
    private let valueColumn: Int
    private let valueColumns: [Int]
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
            return (layout, try ColumnRoles.decide(layout: layout, rows: rows, source: source, timeColumn: options.timeColumn))
        }
        let headers = layout.headers
        let dataColumns = headers.indices.filter {
            $0 != roles.timeIndex && !roles.isMarker[$0] && !roles.isNumericMark[$0] && !roles.duplicateTime[$0]
                && headers[$0].role != .index && layout.cellKinds[$0] == .number
        }
        guard !dataColumns.isEmpty else {
            throw LDFError(source, "no numeric data column in the first lines (columns: \(headers.map(\.name).joined(separator: ", ")))",
                           fix: "send one value per line, time,value lines, or a header and numeric rows")
        }
        let names = dataColumns.map { headers[$0].name }
        func isPerfusion(_ c: Int) -> Bool {
            !roles.looksLikeTime[c] && ChannelKind.guess(name: headers[c].name, unit: headers[c].unit.isEmpty ? ChannelKind.unit(fromName: headers[c].name) ?? "" : headers[c].unit) == .perfusion
        }
        let preferred = dataColumns.first(where: isPerfusion) ?? dataColumns.first { !roles.looksLikeTime[$0] } ?? dataColumns[0]
        let columns: [Int]
        switch options.assembly.channel {
        case nil: columns = [preferred]
        case .all?:
            let all = dataColumns.filter(isPerfusion)
            columns = all.isEmpty ? [preferred] : all
        case let selector?: columns = try selector.resolveAll(in: names, source: source).map { dataColumns[$0] }
        }
        let chosen = columns[0]
        self.layout = layout
        self.roles = roles
        self.valueColumn = chosen
        self.valueColumns = columns
        self.channelNames = columns.map { headers[$0].name }
        self.channelUnits = columns.map { headers[$0].unit.isEmpty ? ChannelKind.unit(fromName: headers[$0].name) ?? "" : headers[$0].unit }
        self.markerColumns = headers.indices.filter { roles.isMarker[$0] || roles.isNumericMark[$0] }
        self.channelName = channelNames[0]
        self.channelUnit = channelUnits[0]
        self.headerLineCount = layout.linesBeforeData
        var notes = ["delimiter: \(layout.delimiter.name); decimal separator: '\(Character(Unicode.Scalar(layout.decimalSeparator)))'"]
        notes += layout.notes + roles.notes
        notes.append("perfusion column\(columns.count > 1 ? "s" : ""): " + channelNames.map { "'\($0)'" }.joined(separator: ", ") + (roles.timeIndex.map { "; time column: '\(headers[$0].name)'" } ?? "; no time column"))
        self.notes = notes
    }

    /// Parses line number `number` (1-based, counting every line of the input) without its newline.
    public mutating func parse(_ line: [UInt8], number: Int) -> Line {
        if number <= headerLineCount { return .skipped }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        return line.withUnsafeBufferPointer { buffer in
            // A UTF-8 byte-order mark opens the first line of a file saved by Windows tools.
            let start = number == 1 ? TextDecoding.byteOrderMarkLength(buffer) : 0
            let byteLine = ByteLine(start: start, end: max(start, end), number: number)
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
            var values: [Double] = []
            for (k, column) in valueColumns.enumerated() {
                var value = Double.nan
                if let (s, e) = cell(column) {
                    if let v = DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator) {
                        value = v
                    } else if !DelimitedLayout.isMissingToken(buffer, s, e) {
                        let text = CellText.string(buffer, s, e, usedFallback: &usedFallback)
                        return .malformed("'\(text)' in column '\(channelNames[k])' is not a number")
                    }
                } else if k == 0 && (roles.timeIndex != nil || n == 0) {
                    return .malformed("the line has \(n) cell(s); column '\(channelName)' is missing")
                }
                values.append(value)
            }
            let value = values[0]
            var labels: [String] = []
            for c in markerColumns {
                if let (s, e) = cell(c), s < e, DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator) != 0 {
                    let text = CellText.string(buffer, s, e, usedFallback: &usedFallback).trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty { labels.append(text) }
                }
            }
            channelValues = values
            return .sample(time: time, value: value, label: labels.isEmpty ? nil : labels.joined(separator: " | "))
        }
    }

    /// Seconds from the cell, on the same scale as the file reader's: numeric times as written
    /// (scaled by their unit); clock times and Excel serial days as seconds from the first line's
    /// stamp (undated clock times unwrapped at midnight), whose clock reading becomes
    /// `clockStart`. `day` is the date from a separate date column, in days since 1970.
    private mutating func parseTime(_ buffer: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, day: Int?) -> Double? {
        switch roles.timeUnit {
        case .clock:
            guard let clock = ClockTime.parse(buffer, s, e) else { return nil }
            var t: Double
            let dayNumber = clock.day ?? day
            if let dayNumber {
                t = Double(dayNumber) * 86_400 + clock.secondsOfDay
            } else {
                t = clock.secondsOfDay + clockOffset
                if t < previousClock - 43_200 {
                    clockOffset += 86_400
                    t += 86_400
                }
                previousClock = t
            }
            if firstTime == nil {
                firstTime = t
                clockStart = ClockStart(day: dayNumber, secondsOfDay: clock.secondsOfDay)
            }
            return t - firstTime!
        case .excelSerial:
            guard let serial = DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator) else { return nil }
            if firstTime == nil {
                firstTime = serial
                clockStart = ClockStart(date: ExcelSerialDate.date(fromSerial: serial))
            }
            return ExcelSerialDate.seconds(from: firstTime!, to: serial)
        case .seconds, .milliseconds, .microseconds, .minutes, .hours:
            guard let v = DecimalParser.parse(buffer, s, e, decimalSeparator: layout.decimalSeparator), v.isFinite else { return nil }
            return v * roles.timeUnit.secondsPerUnit
        }
    }
}
