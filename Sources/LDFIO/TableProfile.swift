import LDFCore

/// The shape of a delimited table's data rows, learnt from lines that are surely data (the
/// second half of the inspected lines): how many cells a row has and which columns hold numbers.
/// Lines before the table (a header block, names, units) do not fit it, because they have text
/// where the table has numbers or fewer cells than it.
struct TableProfile {
    let splitter: CellSplitter
    let decimalSeparator: UInt8
    /// The most common cell count of the data rows.
    let columnCount: Int
    /// Whether most filled cells of each column are numbers, clock times or dates.
    let numericColumns: [Bool]

    /// Lines that must fit after the first data row for it to start the table.
    static let confirmingLines = 2

    /// nil when none of `lines` is a data row.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [ByteLine], splitter: CellSplitter, decimalSeparator: UInt8) {
        self.splitter = splitter
        self.decimalSeparator = decimalSeparator
        var bounds: [Int] = []
        var counts: [Int: Int] = [:]
        var numeric: [Int] = [], filled: [Int] = []
        for line in lines {
            let n = splitter.split(bytes, line, into: &bounds)
            guard Self.isDataRow(bytes, bounds, n, decimalSeparator: decimalSeparator) else { continue }
            counts[n, default: 0] += 1
            while numeric.count < n { numeric.append(0); filled.append(0) }
            for c in 0..<n {
                let s = bounds[2 * c], e = bounds[2 * c + 1]
                guard s < e else { continue }
                filled[c] += 1
                if Self.isNumeric(bytes, s, e, decimalSeparator: decimalSeparator) { numeric[c] += 1 }
            }
        }
        guard let (count, _) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { return nil }
        columnCount = count
        numericColumns = (0..<count).map { c in c < numeric.count && 2 * numeric[c] > filled[c] }
    }

    /// A number, clock time or date.
    @inline(__always)
    static func isNumeric(_ bytes: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, decimalSeparator: UInt8) -> Bool {
        DecimalParser.parse(bytes, s, e, decimalSeparator: decimalSeparator) != nil || ClockTime.parse(bytes, s, e) != nil
            || ClockTime.parseDate(bytes, s, e) != nil
    }

    /// At least one numeric cell, and at least half of the filled cells numeric.
    static func isDataRow(_ bytes: UnsafeBufferPointer<UInt8>, _ bounds: [Int], _ n: Int, decimalSeparator: UInt8) -> Bool {
        var numeric = 0, filled = 0
        for c in 0..<n {
            let s = bounds[2 * c], e = bounds[2 * c + 1]
            if s == e { continue }
            filled += 1
            if isNumeric(bytes, s, e, decimalSeparator: decimalSeparator) { numeric += 1 }
        }
        return numeric >= 1 && 2 * numeric >= filled
    }

    /// Whether `line` fits: a data row, at least two cells when the table has two or more columns,
    /// and in every numeric column a number, clock time, date or missing-value token.
    func fits(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine) -> Bool {
        var bounds: [Int] = []
        let n = splitter.split(bytes, line, into: &bounds)
        guard Self.isDataRow(bytes, bounds, n, decimalSeparator: decimalSeparator) else { return false }
        if columnCount >= 2 && n < 2 { return false }
        for c in 0..<min(n, columnCount) where numericColumns[c] {
            let s = bounds[2 * c], e = bounds[2 * c + 1]
            if !Self.isNumeric(bytes, s, e, decimalSeparator: decimalSeparator) && !DelimitedLayout.isMissingToken(bytes, s, e) { return false }
        }
        return true
    }

    /// Index in `lines` of the first line that fits and is followed by `confirmingLines` that fit
    /// (or by the end of the lines).
    func dataStart(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [ByteLine]) -> Int? {
        var fitting = lines.map { _ -> Bool? in nil }
        func fitsAt(_ i: Int) -> Bool {
            if let known = fitting[i] { return known }
            let value = fits(bytes, lines[i])
            fitting[i] = value
            return value
        }
        for i in lines.indices where fitsAt(i) {
            let confirming = (i + 1)..<min(lines.count, i + 1 + Self.confirmingLines)
            if confirming.allSatisfy(fitsAt) { return i }
        }
        return nil
    }
}
