import Foundation
import LDFCore

/// Reads delimited text (CSV, semicolon, tab or whitespace separated; docs/METHODS.md §1.1).
///
/// - Delimiter, decimal separator (`12,5` with `;` or tab), header row and optional units row
///   are detected from the first 100 content lines (`DelimitedLayout`); blank lines and lines
///   starting with `#` are skipped anywhere; a UTF-8 BOM is ignored; CRLF is fine; cells may be
///   quoted.
/// - Time: the column whose header names it (`time`, `t`, `s`, `ms`, `clock`, `date`,
///   `excel`, ...; units like `[ms]` or `(min)` scale it), else a column of clock times, else the
///   first numeric column when it strictly increases and its header names no measurement (taken
///   as seconds; a `sample`/`index` counter is skipped). Clock times (`hh:mm:ss.fff`,
///   `mm:ss.fff`) may carry a date, in the cell or in a separate date column; midnight crossings
///   without a date add a day. Excel serial days become `(serial - first) * 86,400` seconds and
///   set `startDate` (epoch 1899-12-30). Without a time column the sample rate must come from
///   `--rate`.
/// - Every other numeric column is delivered with its name and unit; `*`, empty, `NaN`, `-` and
///   other text cells become NaN (the assembler masks and counts them).
/// - A marker column (named marker/event/comment/label/note, or holding only text) becomes
///   events at its rows' times.
/// - Ragged rows: missing cells at the end of a row become NaN and the rows are counted in the
///   notes (a truncated last line should not lose a whole recording); extra cells are ignored
///   and counted. A missing time cell is an error naming the line (from the assembler).
public enum DelimitedTextReader: TableReader {
    public static let kind = ReaderKind.delimited

    /// Delimited text is the fallback layout: anything that is text qualifies.
    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.prefix(TextDecoding.inspectedPrefix).contains(0)
    }

    /// Text cells remembered per column (markers, or text in numeric columns) at most.
    static let maxTextCellsPerColumn = 100_000

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        try bytes.withUnsafeBufferPointer { buffer in
            try TextDecoding.requireText(buffer, source: source)
            let layout = try DelimitedLayout.detect(buffer, start: TextDecoding.byteOrderMarkLength(buffer), source: source)
            let rows = try parseRows(buffer, layout: layout, source: source)
            return try DelimitedTable.build(rows, layout: layout, source: source, options: options)
        }
    }

    /// A run of consecutive rows holding the same text in one column.
    struct TextRun: Equatable {
        var firstRow: Int
        var lastRow: Int
        var text: String
    }

    /// Runs remembered per text column at most (more are counted in `droppedRuns`).
    static let maxRunsPerColumn = 100_000
    /// Rows with extra numeric cells listed by line at most (more are counted).
    static let listedLongLines = 10

    /// The raw cells of every data row, column by column.
    struct ParsedRows {
        /// Numbers (NaN when missing or text); clock columns hold seconds since 1970 or since
        /// midnight; date columns hold days since 1970; text columns hold NaN.
        var values: [[Double]]
        /// Dates seen in clock columns (whether any cell had a date).
        var clockHasDate: [Bool]
        /// Text cells of numeric columns, by column: row and text.
        var texts: [[(row: Int, text: String)]]
        /// Text columns as runs of equal cells (a cell `0` counts as empty).
        var textRuns: [[TextRun]]
        /// Runs beyond `maxRunsPerColumn`, by column.
        var droppedRuns: [Int]
        var lineNumbers: LineNumbers
        var shortRows = 0, firstShortLine = 0
        /// Rows with extra cells: empty ones (a trailing delimiter), text (a trailing comment,
        /// read as an event), and numbers (the row's cells may be shifted: its values are masked).
        var emptyExtraRows = 0
        var shiftedRows = 0
        var shiftedLines: [Int] = []
        /// Rows whose data cells are masked once the time column is known.
        var shiftedRowIndices: [Int] = []
        var trailingComments: [(row: Int, text: String)] = []
        var usedFallback = false
    }

    static func parseRows(_ bytes: UnsafeBufferPointer<UInt8>, layout: DelimitedLayout, source: String) throws -> ParsedRows {
        let columnCount = layout.headers.count
        let estimate = Int(Double(bytes.count - layout.dataStart) / layout.bytesPerRow * 1.05) + 16
        var values = [[Double]](repeating: [], count: columnCount)
        for c in 0..<columnCount { values[c].reserveCapacity(estimate) }
        var rows = ParsedRows(values: [], clockHasDate: [Bool](repeating: false, count: columnCount),
                              texts: [[(row: Int, text: String)]](repeating: [], count: columnCount),
                              textRuns: [[TextRun]](repeating: [], count: columnCount),
                              droppedRuns: [Int](repeating: 0, count: columnCount), lineNumbers: [])
        let splitter = CellSplitter(delimiter: layout.delimiter)
        let separator = layout.decimalSeparator
        let kinds = layout.cellKinds
        var bounds: [Int] = []
        bounds.reserveCapacity(2 * columnCount + 8)
        var lastRunCell = [(start: Int, end: Int)](repeating: (0, 0), count: columnCount)
        var cursor = ByteLineCursor(bytes, from: layout.dataStart, lineNumber: layout.linesBeforeData)
        var row = 0
        // Fast path: all columns numeric and a one-byte delimiter; each line is read in one pass.
        let fast = kinds.allSatisfy { $0 == .number } && layout.delimiter.byte != nil
        let delimiterByte = layout.delimiter.byte ?? 0
        var rowValues = [Double](repeating: 0, count: columnCount)
        while let line = cursor.next() {
            if line.isEmpty { continue }
            let lead = bytes[line.start]
            if (lead == UInt8(ascii: "#") || CellSplitter.isBlank(lead)) && DelimitedLayout.isSkippable(bytes, line) { continue }
            if fast && rowValues.withUnsafeMutableBufferPointer({
                parseNumericLine(bytes, line, delimiter: delimiterByte, decimalSeparator: separator, into: $0)
            }) {
                for c in 0..<columnCount { values[c].append(rowValues[c]) }
                rows.lineNumbers.append(line.number)
                row += 1
                continue
            }
            let n = splitter.split(bytes, line, into: &bounds)
            if n < columnCount {
                if rows.shortRows == 0 { rows.firstShortLine = line.number }
                rows.shortRows += 1
            } else if n > columnCount {
                readExtraCells(bytes, bounds, from: columnCount, to: n, row: row, line: line.number, separator: separator, rows: &rows)
            }
            for c in 0..<columnCount {
                guard c < n else { values[c].append(.nan); continue }
                let s = bounds[2 * c], e = bounds[2 * c + 1]
                switch kinds[c] {
                case .number:
                    if let v = DecimalParser.parse(bytes, s, e, decimalSeparator: separator) {
                        values[c].append(v)
                    } else {
                        values[c].append(.nan)
                        if !DelimitedLayout.isMissingToken(bytes, s, e) && rows.texts[c].count < maxTextCellsPerColumn {
                            rows.texts[c].append((row, CellText.string(bytes, s, e, usedFallback: &rows.usedFallback)))
                        }
                    }
                case .clock:
                    if let clock = ClockTime.parse(bytes, s, e) {
                        values[c].append(clock.secondsSinceEpochOrDay)
                        if clock.day != nil { rows.clockHasDate[c] = true }
                    } else {
                        values[c].append(.nan)
                    }
                case .date:
                    values[c].append(ClockTime.parseDate(bytes, s, e).map(Double.init) ?? .nan)
                case .text:
                    values[c].append(.nan)
                    guard s < e, DecimalParser.parse(bytes, s, e, decimalSeparator: separator) != 0 else { continue }
                    let previous = lastRunCell[c]
                    if let last = rows.textRuns[c].last, last.lastRow == row - 1, previous.end - previous.start == e - s,
                       memcmp(bytes.baseAddress! + previous.start, bytes.baseAddress! + s, e - s) == 0 {
                        rows.textRuns[c][rows.textRuns[c].count - 1].lastRow = row
                    } else if rows.textRuns[c].count < maxRunsPerColumn {
                        rows.textRuns[c].append(TextRun(firstRow: row, lastRow: row, text: CellText.string(bytes, s, e, usedFallback: &rows.usedFallback)))
                    } else {
                        rows.droppedRuns[c] += 1
                    }
                    lastRunCell[c] = (s, e)
                }
            }
            rows.lineNumbers.append(line.number)
            row += 1
        }
        rows.values = values
        return rows
    }

    /// Sorts the cells past the header's columns: empty ones are a trailing delimiter, text is a
    /// trailing comment (an event at the row), numbers mean the row's cells may be shifted (its
    /// data cells are masked by `DelimitedTable` and its line listed).
    static func readExtraCells(_ bytes: UnsafeBufferPointer<UInt8>, _ bounds: [Int], from first: Int, to n: Int, row: Int, line: Int,
                               separator: UInt8, rows: inout ParsedRows) {
        var numeric = false, text = false
        for c in first..<n {
            let s = bounds[2 * c], e = bounds[2 * c + 1]
            guard s < e, !DelimitedLayout.isMissingToken(bytes, s, e) else { continue }
            if DecimalParser.parse(bytes, s, e, decimalSeparator: separator) != nil { numeric = true } else { text = true }
        }
        if numeric {
            rows.shiftedRows += 1
            rows.shiftedRowIndices.append(row)
            if rows.shiftedLines.count < listedLongLines { rows.shiftedLines.append(line) }
            return
        }
        if text {
            let comment = CellText.string(bytes, bounds[2 * first], bounds[2 * n - 1], usedFallback: &rows.usedFallback)
            rows.trailingComments.append((row, comment.trimmingCharacters(in: CharacterSet(charactersIn: " \t,;"))))
        } else {
            rows.emptyExtraRows += 1
        }
    }

    /// Reads a line of plain numbers (optionally space-padded) in one pass, cell by cell, into
    /// `row`; false when the line is anything else (missing or text cells, quotes, a different
    /// cell count), which the general path then handles.
    @inline(__always)
    static func parseNumericLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine, delimiter: UInt8, decimalSeparator: UInt8,
                                 into row: UnsafeMutableBufferPointer<Double>) -> Bool {
        var i = line.start
        let end = line.end
        let last = row.count - 1
        for c in 0...last {
            while i < end && bytes[i] == 0x20 { i += 1 }
            let (value, stop) = DecimalParser.scan(bytes, i, end, decimalSeparator: decimalSeparator)
            guard let value else { return false }
            var j = stop
            while j < end && bytes[j] == 0x20 { j += 1 }
            if c == last {
                guard j == end else { return false }
            } else {
                guard j < end && bytes[j] == delimiter else { return false }
                j += 1
            }
            row[c] = value
            i = j
        }
        return true
    }
}
