/// A table written as RFC 4180 CSV with a header row: plain column names, numbers in their
/// shortest round-trip form, empty cells for missing values, so pandas and R read it as is.
public struct CSVTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The CSV text, LF line ends, ending with a line break.
    public var text: String {
        ([columns] + rows).map { $0.map(CSVRecords.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A number cell: shortest round-trip form; empty for nil or non-finite.
    public static func cell(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return "\(x)"
    }

    public static func cell(_ x: Int?) -> String { x.map(String.init) ?? "" }
}
