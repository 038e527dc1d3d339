import Foundation
import LDFCore

/// What a delimited text file looks like, judged from its first lines: the delimiter, the
/// decimal separator, the header (names and units), where the data start, and what each column's
/// cells hold.
struct DelimitedLayout {
    /// What the cells of a column hold in the inspected data rows.
    enum CellKind: Equatable {
        case number
        /// Clock times (`hh:mm:ss`, possibly with a date).
        case clock
        /// Calendar dates alone (`2021-12-28`, `28.12.2021`), combined with a clock column.
        case date
        /// Free text (markers, comments); never parsed as numbers.
        case text
    }

    var delimiter: Delimiter
    /// `.` or `,` (European exports with `;` or tab delimiters).
    var decimalSeparator: UInt8
    /// One per column; generated names (`Column N`) when the file has no header.
    var headers: [ColumnHeader]
    var hasHeader: Bool
    var cellKinds: [CellKind]
    /// Byte offset and line number (0-based count of lines before it) of the first data line.
    var dataStart: Int
    var linesBeforeData: Int
    /// Average bytes per data line in the inspected rows (to reserve column capacity).
    var bytesPerRow: Double
    var notes: [String]
    /// The lines before the names row (and `#` lines before the data), as key–value pairs.
    var headerBlock: [HeaderLine] = []

    /// Content lines inspected to detect the layout (header blocks of dozens of lines fit).
    static let inspectedLines = 200

    /// Cells that mean "no value" in a numeric column.
    @inline(__always)
    static func isMissingToken(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let n = e - s
        if n == 0 { return true }
        if n == 1 { let b = bytes[s]; return b == UInt8(ascii: "*") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") }
        guard n <= 5 else { return false }
        var lower = ""
        for i in s..<e { lower.unicodeScalars.append(Unicode.Scalar(bytes[i] | (bytes[i] >= 65 && bytes[i] <= 90 ? 0x20 : 0))) }
        return ["--", "nan", "na", "n/a", "#n/a", "null", "none", "-nan", "inf", "-inf", "+inf", "***"].contains(lower)
    }

    /// Detects the layout of `bytes` (BOM already skipped: `start` is the first content byte).
    ///
    /// The table is found by the shape of its rows: the delimiter and decimal separator are chosen
    /// from the second half of the inspected lines (surely data), which also give the column count
    /// and which columns hold numbers (`TableProfile`). The first line that fits that profile,
    /// and is followed by lines that fit it, starts the data. Of the lines before it, the last is
    /// the names row when it looks like names (optionally followed by a units row); every earlier
    /// line, and every `#` comment line before the data, is the header block (`HeaderLine`).
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, source: String) throws -> DelimitedLayout {
        var usedFallback = false
        var cursor = ByteLineCursor(bytes, from: start)
        var lines: [ByteLine] = []
        var comments: [ByteLine] = []
        var reachedEnd = true
        while let line = cursor.next() {
            if isBlank(bytes, line) { continue }
            if isSkippable(bytes, line) { comments.append(line); continue }
            lines.append(line)
            if lines.count == inspectedLines { reachedEnd = cursor.next() == nil; break }
        }
        guard !lines.isEmpty else {
            throw LDFError(source, "the file has no content (only blank or comment lines)", fix: "export the recording again")
        }
        let tail = Array(lines.suffix(max(1, lines.count / 2)))
        let delimiter = chooseDelimiter(bytes, tail)
        let splitter = CellSplitter(delimiter: delimiter)
        var bounds: [Int] = []
        // With comma delimiters only quoted cells can hold decimal commas ("12,5").
        let decimalSeparator = chooseDecimalSeparator(bytes, tail, splitter)
        let profile = TableProfile(bytes, tail, splitter: splitter, decimalSeparator: decimalSeparator)
        guard let profile, let firstData = profile.dataStart(bytes, lines) else {
            if reachedEnd && lines.count <= 2 {
                throw LDFError(source, "the file holds only a header (\(lines.count) line(s)) and no data rows",
                               fix: "export the recording with its samples")
            }
            // `Key: value` or `Key=value` lines (not a table of text cells).
            let keyed = lines.filter { line in
                let text = CellText.string(bytes, line.start, line.end, usedFallback: &usedFallback)
                guard let header = HeaderLine(number: line.number, text: text, delimiter: .whitespace), !header.key.isEmpty else { return false }
                return text.contains(":") || text.contains("=")
            }
            if reachedEnd && 2 * keyed.count >= lines.count {
                throw LDFError(source, "the file holds a header block (\(lines.count) line(s) such as '\(CellText.string(bytes, lines[0].start, lines[0].end, usedFallback: &usedFallback))') but no table of samples after it",
                               fix: "export the recording with its samples (the header alone carries no data)")
            }
            if reachedEnd {
                throw LDFError(source, "no numeric data column found: none of the \(lines.count) lines holds numbers",
                               fix: "check that the file holds the recording's samples, and its delimiter and decimal separator")
            }
            throw LDFError(source, "no numeric data rows in the first \(lines.count) lines",
                           fix: "check the delimiter and decimal separator, or force a reader with \(parameter: "reader")")
        }
        let dataLines = Array(lines[firstData...])
        var notes: [String] = []

        // Column count: the most common cell count of the data rows.
        var countFrequency: [Int: Int] = [:]
        for line in dataLines { countFrequency[splitter.split(bytes, line, into: &bounds), default: 0] += 1 }
        var columnCount = countFrequency.max { ($0.value, $0.key) < ($1.value, $1.key) }!.key

        // Header rows: the header block, then names, optionally followed by a units row.
        let headerRows = lines[..<firstData].map { line -> [String] in
            let n = splitter.split(bytes, line, into: &bounds)
            return (0..<n).map { CellText.string(bytes, bounds[2 * $0], bounds[2 * $0 + 1], usedFallback: &usedFallback) }
        }
        var namesRow: Int?
        var units: [String]?
        if let last = headerRows.last {
            if headerRows.count >= 2 && looksLikeUnits(last) && looksLikeNames(headerRows[headerRows.count - 2], columnCount: columnCount) {
                namesRow = headerRows.count - 2
                units = last.map(stripBrackets)
            } else if looksLikeNames(last, columnCount: columnCount) {
                namesRow = headerRows.count - 1
            }
        }
        var headers: [ColumnHeader] = []
        if let namesRow {
            let names = headerRows[namesRow]
            columnCount = max(columnCount, names.count)
            for c in 0..<columnCount {
                var header = ColumnHeader(cell: c < names.count ? names[c] : "")
                if let units, c < units.count, !units[c].isEmpty { header.unit = units[c] }
                if header.name.isEmpty { header.name = "Column \(c + 1)" }
                headers.append(header)
            }
        } else {
            headers = (0..<columnCount).map { ColumnHeader(name: "Column \($0 + 1)", unit: "") }
        }
        let blockLines = (lines[..<(namesRow ?? firstData)] + comments.filter { $0.start < dataLines[0].start }).sorted { $0.start < $1.start }
        let headerBlock = blockLines.compactMap { line in
            HeaderLine(number: line.number, text: CellText.string(bytes, line.start, line.end, usedFallback: &usedFallback), delimiter: delimiter)
        }
        if !headerBlock.isEmpty { notes.append("\(headerBlock.count) header line(s) before the table read as metadata") }

        // What each column holds in the inspected data rows.
        var numbers = [Int](repeating: 0, count: columnCount)
        var clocks = numbers, dates = numbers, texts = numbers
        for line in dataLines {
            let n = min(splitter.split(bytes, line, into: &bounds), columnCount)
            for c in 0..<n {
                let s = bounds[2 * c], e = bounds[2 * c + 1]
                if DecimalParser.parse(bytes, s, e, decimalSeparator: decimalSeparator) != nil { numbers[c] += 1 }
                else if ClockTime.parse(bytes, s, e) != nil { clocks[c] += 1 }
                else if ClockTime.parseDate(bytes, s, e) != nil { dates[c] += 1 }
                else if !isMissingToken(bytes, s, e) { texts[c] += 1 }
            }
        }
        let cellKinds: [CellKind] = (0..<columnCount).map { c in
            if headers[c].role == .marker { return .text }
            if clocks[c] > 0 && clocks[c] >= numbers[c] { return .clock }
            if dates[c] > 0 && dates[c] >= numbers[c] { return .date }
            if numbers[c] == 0 && texts[c] > 0 { return .text }
            return .number
        }
        if usedFallback { notes.append(TextDecoding.fallbackNote) }
        let span = Double(dataLines.last!.end - dataLines.first!.start)
        return DelimitedLayout(delimiter: delimiter, decimalSeparator: decimalSeparator, headers: headers,
                               hasHeader: namesRow != nil, cellKinds: cellKinds,
                               dataStart: dataLines[0].start, linesBeforeData: dataLines[0].number - 1,
                               bytesPerRow: max(2, span / Double(max(1, dataLines.count - 1))), notes: notes,
                               headerBlock: headerBlock)
    }

    /// Whether a header row reads as column names: not a `Key: value` line, at least two cells
    /// when the table has two or more columns, and mostly text.
    static func looksLikeNames(_ cells: [String], columnCount: Int) -> Bool {
        let filled = cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = filled.first else { return false }
        if columnCount >= 2 && cells.count < 2 { return false }
        if first.hasSuffix(":") || first.hasSuffix("=") { return false }
        if filled.count == 1 && (first.contains(": ") || first.contains("=")) { return false }
        let numeric = filled.filter { DecimalParser.parse($0) != nil || DecimalParser.parse($0, decimalSeparator: UInt8(ascii: ",")) != nil }.count
        return 2 * numeric < filled.count
    }

    /// Lines of blanks only.
    @inline(__always)
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine) -> Bool {
        var i = line.start
        while i < line.end && CellSplitter.isBlank(bytes[i]) { i += 1 }
        return i == line.end
    }

    /// Blank lines and `#` comment lines carry no data.
    @inline(__always)
    static func isSkippable(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine) -> Bool {
        var i = line.start
        while i < line.end && CellSplitter.isBlank(bytes[i]) { i += 1 }
        return i == line.end || bytes[i] == UInt8(ascii: "#")
    }

    /// The delimiter that splits the inspected lines into the same number (at least 2) of cells
    /// most consistently; tab, then semicolon, then comma win ties; whitespace is the fallback.
    static func chooseDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [ByteLine]) -> Delimiter {
        var bounds: [Int] = []
        var best: (delimiter: Delimiter, score: Double)?
        for candidate in [Delimiter.tab, .semicolon, .comma, .whitespace] {
            let splitter = CellSplitter(delimiter: candidate)
            var frequency: [Int: Int] = [:]
            for line in lines { frequency[splitter.split(bytes, line, into: &bounds), default: 0] += 1 }
            guard let (count, hits) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), count >= 2 else { continue }
            let score = Double(hits) / Double(lines.count)
            if score >= 0.8 && (best == nil || score > best!.score + 0.1) { best = (candidate, score) }
        }
        return best?.delimiter ?? .comma
    }

    /// `,` when numeric-looking cells use decimal commas (`12,5`) and none uses a decimal point.
    static func chooseDecimalSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [ByteLine], _ splitter: CellSplitter) -> UInt8 {
        var bounds: [Int] = []
        var commaOnly = 0, pointed = 0
        for line in lines {
            let n = splitter.split(bytes, line, into: &bounds)
            for c in 0..<n {
                let s = bounds[2 * c], e = bounds[2 * c + 1]
                let hasPoint = (s..<e).contains { bytes[$0] == UInt8(ascii: ".") }
                if hasPoint, DecimalParser.parse(bytes, s, e, decimalSeparator: UInt8(ascii: ".")) != nil { pointed += 1 }
                else if DecimalParser.parse(bytes, s, e, decimalSeparator: UInt8(ascii: ",")) != nil,
                        (s..<e).contains(where: { bytes[$0] == UInt8(ascii: ",") }) { commaOnly += 1 }
            }
        }
        return commaOnly > 0 && pointed == 0 ? UInt8(ascii: ",") : UInt8(ascii: ".")
    }

    /// Common unit spellings, lower-cased.
    static let knownUnits: Set<String> = [
        "s", "sec", "ms", "min", "h", "pu", "bpu", "apu", "au", "a.u.", "tpu", "°c", "c", "degc", "mmhg", "kpa", "v", "mv",
        "%", "hz", "bpm", "mm/s", "cm/s", "perfusion units", "hh:mm:ss", "days", "msec", "deg c", "°f", "a.u", "volts", "µv", "uv",
    ]

    /// A header row of short cells, most of which (more than half) are known or bracketed units
    /// (`s;PU;°C`, `[s]  [PU]`; a names row such as `Time;PU` is not one).
    static func looksLikeUnits(_ cells: [String]) -> Bool {
        let filled = cells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !filled.isEmpty, filled.allSatisfy({ $0.count <= 16 }) else { return false }
        let units = filled.filter { cell in
            let lower = cell.lowercased()
            return knownUnits.contains(lower) || knownUnits.contains(stripBrackets(lower))
                || (cell.hasPrefix("[") && cell.hasSuffix("]")) || (cell.hasPrefix("(") && cell.hasSuffix(")"))
        }
        return 2 * units.count > filled.count
    }

    static func stripBrackets(_ cell: String) -> String {
        var text = cell.trimmingCharacters(in: .whitespaces)
        if (text.hasPrefix("[") && text.hasSuffix("]")) || (text.hasPrefix("(") && text.hasSuffix(")")), text.count >= 2 {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }
}
