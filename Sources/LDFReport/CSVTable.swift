/// A table written as RFC 4180 CSV with a header row: plain column names, numbers in their
/// shortest round-trip form, empty cells for missing values, so pandas and R read it as is.
public struct CSVTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// A table of row models (`ReportColumns`), each row after the cells of `lead` columns
    /// (e.g. a study's manifest metadata); the header is there even without rows.
    public init<Row: Codable>(lead: [String] = [], rows: [(lead: [String], row: Row)]) {
        self.init(columns: lead + ReportColumns.names(of: Row.self))
        for (cells, row) in rows { append(cells + ReportColumns.texts(of: row)) }
    }

    /// A table of row models without lead columns.
    public init<Row: Codable>(rows: [Row]) {
        self.init(rows: rows.map { (lead: [String](), row: $0) })
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The CSV text, LF line ends, ending with a line break.
    public var text: String {
        ([columns] + rows).map(CSVWriter.record).joined(separator: "\n") + "\n"
    }

    /// A number cell: shortest round-trip form; empty for nil or non-finite.
    public static func cell(_ x: Double?) -> String { ReportNumber.exact(x) }

    public static func cell(_ x: Int?) -> String { ReportNumber.exact(x) }
}
