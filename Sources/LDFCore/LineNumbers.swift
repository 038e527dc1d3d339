/// The 1-based file line of each row of a table, stored as runs of consecutive lines.
///
/// A data file's rows mostly sit on consecutive lines (a 24 h export at 40 Hz is one run of 3.5
/// million), so a run list costs a few bytes where an array of line numbers costs 8 per row;
/// comments, blank lines and joined blocks start new runs. Lookup is a binary search over runs.
public struct LineNumbers: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// A run of rows on consecutive lines: row `firstRow` is on line `firstLine`, the next row on
    /// the next line, and so on up to the next run's first row.
    @usableFromInline
    struct Run: Equatable, Sendable {
        @usableFromInline var firstRow: Int
        @usableFromInline var firstLine: Int

        @usableFromInline
        init(firstRow: Int, firstLine: Int) {
            self.firstRow = firstRow
            self.firstLine = firstLine
        }
    }

    @usableFromInline var runs: [Run] = []
    /// Rows added so far.
    @usableFromInline var rowCount = 0
    public var count: Int { rowCount }

    public init() {}

    public init<S: Sequence>(_ lines: S) where S.Element == Int {
        for line in lines { append(line) }
    }

    public init(arrayLiteral lines: Int...) {
        self.init(lines)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The line of row `row`.
    public subscript(row: Int) -> Int {
        precondition(row >= 0 && row < count, "row \(row) outside 0..<\(count)")
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].firstRow <= row { low = middle } else { high = middle - 1 }
        }
        return runs[low].firstLine + (row - runs[low].firstRow)
    }

    /// Adds the next row, on `line`; extends the last run when `line` follows its last line.
    /// Inlinable: readers call it once per row from another module.
    @inlinable
    public mutating func append(_ line: Int) {
        if let last = runs.last, last.firstLine + (rowCount - last.firstRow) == line {
            rowCount += 1
            return
        }
        runs.append(Run(firstRow: rowCount, firstLine: line))
        rowCount += 1
    }

    /// How many runs of consecutive lines the rows form.
    public var runCount: Int { runs.count }
}
