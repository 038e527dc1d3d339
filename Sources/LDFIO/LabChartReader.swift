import Foundation
import LDFCore

/// Reads LabChart text exports (docs/METHODS.md §1.1), recognised by `Interval=` / `ChannelTitle=`
/// header lines.
///
/// - Each block starts with its own `Key=<TAB>value` lines (`LabChartHeader`); rows are
///   `time<TAB>value...` with `*` for a missing sample.
/// - Blocks are placed in absolute time from their `ExcelDateTime` relative to the first
///   block, `(serial - first serial) * 86,400` s, so the pause between blocks becomes a real gap
///   the assembler reports. A block without a stamp, or whose stamp would overlap the previous
///   block, is appended one interval after the previous block's last row, with a note.
/// - Comments become events at their row's time: trailing cells after the channel values
///   (`#* cuff on`, `#1 cuff on`, or plain text), and `#*` rows (at the previous row's time).
/// - Time columns: `StartOfBlock` (default), seconds from the file start, clock time of day
///   (placed on the block's date) and Excel serial days are read; anything else is an error.
/// - Text that is not valid UTF-8 is decoded as Windows-1252 and noted.
/// - The clock start is the first block's `ExcelDateTime` clock text as written (local time of the
///   recording computer with its fraction of a second; the file carries no time zone), else its
///   serial day; the time axis is seconds from the first block's start.
/// - The first block's header lines are kept as the recording's metadata.
public enum LabChartReader: TableReader {
    public static let kind = ReaderKind.labchart

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = Array(bytes.prefix(4096))
        return head.withUnsafeBufferPointer { buffer in
            var cursor = ByteLineCursor(buffer)
            var checked = 0
            while let line = cursor.next(), checked < 20 {
                checked += 1
                guard LabChartHeader.isHeaderLine(buffer, line) else { continue }
                let key = String(decoding: UnsafeBufferPointer(rebasing: buffer[line.start..<line.end]), as: UTF8.self)
                // LabChart writes `Key=<TAB>value`; `Interval= 0.025 s` with a space is a generic
                // header block, read by the delimited reader.
                if key.hasPrefix("Interval=\t") || key.hasPrefix("ChannelTitle=") || key.hasPrefix("ExcelDateTime=") { return true }
            }
            return false
        }
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        try bytes.withUnsafeBufferPointer { buffer in
            try TextDecoding.requireText(buffer, source: source)
            var parser = LabChartBlockParser(bytes: buffer, source: source)
            try parser.run(from: TextDecoding.byteOrderMarkLength(buffer))
            return try parser.table()
        }
    }
}

/// The state of one pass over a LabChart file: blocks, rows, comments.
struct LabChartBlockParser {
    struct Block {
        var header: LabChartHeader
        /// How the time column is written (from this block's `TimeFormat`, else block 1's).
        var format: LabChartHeader.TimeColumn
        /// Row range in the joined columns.
        var firstRow: Int
        var rowCount = 0
        /// Offset of this block's time zero from the first block's, in seconds.
        var offsetSeconds = 0.0
        var firstTime = Double.nan
        var lastTime = Double.nan
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let source: String
    var blocks: [Block] = []
    var channelCount: Int?
    var times: [Double] = []
    var values: [[Double]] = []
    var lineNumbers = LineNumbers()
    /// Comments by the row they belong to (times are known only once blocks are placed).
    var comments: [(row: Int, label: String)] = []
    var notes: [String] = []
    var usedFallback = false
    var decimalSeparator = UInt8(ascii: ".")
    private var bounds: [Int] = []
    private var pendingHeader = LabChartHeader()

    init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
        self.bytes = bytes
        self.source = source
    }

    mutating func run(from start: Int) throws {
        var cursor = ByteLineCursor(bytes, from: start)
        let splitter = CellSplitter(delimiter: .tab)
        while let line = cursor.next() {
            if line.isEmpty { continue }
            if LabChartHeader.isHeaderLine(bytes, line) {
                pendingHeader.add(bytes, line, usedFallback: &usedFallback)
                continue
            }
            if bytes[line.start] == UInt8(ascii: "#") {
                addCommentRow(line)
                continue
            }
            if !pendingHeader.isEmpty || blocks.isEmpty { try startBlock() }
            let n = splitter.split(bytes, line, into: &bounds)
            if blocks[blocks.count - 1].rowCount == 0 && isLabelRow(cellCount: n) {
                notes.append("line \(line.number) holds no numbers before the block's rows (a label row?) and was skipped")
                continue
            }
            try addRow(line, cellCount: n)
        }
        if !pendingHeader.isEmpty && !blocks.isEmpty {
            notes.append("header lines at the end of the file (line \(pendingHeader.firstLine)) start a block without rows; ignored")
        }
    }

    /// Begins a block with the header lines read since the previous block.
    mutating func startBlock() throws {
        let header = pendingHeader
        pendingHeader = LabChartHeader()
        if blocks.isEmpty {
            if header.usesDecimalComma { decimalSeparator = UInt8(ascii: ",") }
            if let titles = header.channelTitles, !titles.isEmpty { channelCount = titles.count }
        }
        let inherited = header.isEmpty && !blocks.isEmpty ? blocks[0].header : header
        guard let format = inherited.timeColumn else {
            throw LDFError("\(source) line \(header.firstLine)", "TimeFormat '\(header.timeFormat ?? "")' is not one the reader knows",
                           fix: "export again from LabChart with time shown as 'Start of Block' (TimeFormat=StartOfBlock)")
        }
        if let titles = header.channelTitles, let expected = channelCount, titles.count != expected {
            throw LDFError("\(source) line \(header.firstLine)",
                           "block \(blocks.count + 1) has \(titles.count) channel(s) but block 1 has \(expected)",
                           fix: "export the blocks with the same channels, or export them to separate files")
        }
        blocks.append(Block(header: header, format: format, firstRow: times.count))
    }

    /// Whether the split line has no numeric cell at all (e.g. a `Time<TAB>Flux` label row).
    func isLabelRow(cellCount n: Int) -> Bool {
        for c in 0..<n where DecimalParser.parse(bytes, bounds[2 * c], bounds[2 * c + 1], decimalSeparator: decimalSeparator) != nil
            || ClockTime.parse(bytes, bounds[2 * c], bounds[2 * c + 1]) != nil {
            return false
        }
        return true
    }


    mutating func addRow(_ line: ByteLine, cellCount n: Int) throws {
        guard n >= 1 else { return }
        let b = blocks.count - 1
        let timeCell = (bounds[0], bounds[1])
        let t = try rowTime(line, timeCell.0, timeCell.1)
        if blocks[b].rowCount > 0 && t < blocks[b].lastTime && blocks[b].format == .secondsFromBlockStart {
            // Time restarting without header lines: a new block without its own stamp.
            notes.append("time restarts at line \(line.number) without header lines; read as a new block")
            blocks.append(Block(header: LabChartHeader(), format: blocks[b].format, firstRow: times.count))
            return try addRow(line, cellCount: n)
        }
        if channelCount == nil {
            // No ChannelTitle: count the numeric cells of the first row.
            var count = 0
            for c in 1..<n where DecimalParser.parse(bytes, bounds[2 * c], bounds[2 * c + 1], decimalSeparator: decimalSeparator) != nil
                || DelimitedLayout.isMissingToken(bytes, bounds[2 * c], bounds[2 * c + 1]) {
                count = c
            }
            channelCount = max(count, 1)
        }
        let channels = channelCount!
        if values.isEmpty { values = [[Double]](repeating: [], count: channels) }
        var comment: String?
        var c = 1
        while c < n {
            let s = bounds[2 * c], e = bounds[2 * c + 1]
            if c <= channels, let v = DecimalParser.parse(bytes, s, e, decimalSeparator: decimalSeparator) {
                values[c - 1].append(v)
            } else if c <= channels && DelimitedLayout.isMissingToken(bytes, s, e) {
                values[c - 1].append(.nan)
            } else {
                // Text: a comment from here to the end of the row.
                comment = CellText.string(bytes, s, bounds[2 * n - 1], usedFallback: &usedFallback)
                break
            }
            c += 1
        }
        while c <= channels { values[c - 1].append(.nan); c += 1 }
        if blocks[b].rowCount == 0 { blocks[b].firstTime = t }
        blocks[b].lastTime = t
        blocks[b].rowCount += 1
        times.append(t)
        lineNumbers.append(line.number)
        if let comment, let label = Self.commentLabel(comment) {
            comments.append((times.count - 1, label))
        }
    }

    /// A `#*` (or `#`) line: a comment at the time of the previous row of its block (of the next
    /// row when it opens a block).
    mutating func addCommentRow(_ line: ByteLine) {
        let text = CellText.string(bytes, line.start, line.end, usedFallback: &usedFallback)
        guard let label = Self.commentLabel(text) else { return }
        let inBlock = pendingHeader.isEmpty && (blocks.last?.rowCount ?? 0) > 0
        comments.append((inBlock ? times.count - 1 : times.count, label))
    }

    /// Strips LabChart's comment prefixes (`#*`, `#12`, `#`) and surrounding blanks and tabs.
    static func commentLabel(_ text: String) -> String? {
        var label = Substring(text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
        if label.hasPrefix("#") {
            label = label.dropFirst()
            if label.hasPrefix("*") { label = label.dropFirst() } else { label = label.drop(while: \.isNumber) }
        }
        let result = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        return result.isEmpty ? nil : result
    }

    /// The time cell of a row in seconds, as the block's TimeFormat says.
    func rowTime(_ line: ByteLine, _ s: Int, _ e: Int) throws -> Double {
        switch blocks[blocks.count - 1].format {
        case .secondsFromBlockStart, .secondsFromFileStart, .excelSerial:
            if let t = DecimalParser.parse(bytes, s, e, decimalSeparator: decimalSeparator) { return t }
        case .clock:
            if let clock = ClockTime.parse(bytes, s, e) { return clock.secondsOfDay }
        }
        var ignored = false
        let cell = CellText.string(bytes, s, e, usedFallback: &ignored)
        throw LDFError("\(source) line \(line.number)", "the time cell '\(cell)' is not a time in the file's format (TimeFormat=\(blocks[0].header.timeFormat ?? "none"))",
                       fix: "repair the row, or export again with time shown as 'Start of Block'")
    }
}
