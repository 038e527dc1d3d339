/// An aligned text table for a terminal: the first column left-aligned, the others right-aligned,
/// two spaces apart. Headers carry their units ("amplitude PU", "peak Hz").
public struct TextTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row has \(row.count) cells for \(header.count) columns")
        rows.append(row)
    }

    /// The aligned lines, header first.
    public var lines: [String] {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - row[i].count)
                return i == 0 ? row[i] + pad : pad + row[i]
            }.joined(separator: "  ")
        }
    }
}

extension TextTable {
    /// Aligned lines of `rows`, the first of which is the header.
    public static func align(_ rows: [[String]]) -> [String] {
        guard let header = rows.first else { return [] }
        var table = TextTable(header: header)
        rows.dropFirst().forEach { table.append($0) }
        return table.lines
    }
}
