import LDFIO
import LDFReport

/// A command's whole output record that LDFReport can lay out in every format: itself as JSON,
/// its tidy `rows` as CSV, its `textLines` as a table for a terminal.
protocol CommandReport: Encodable {
    associatedtype Row: Codable
    var rows: [Row] { get }
    var textLines: [String] { get }
}

extension CommandReport {
    /// Writes the report to standard output in `format`.
    func write(_ format: OutputFormat) throws {
        switch format {
        case .json: try StandardOutput.writeLine(ReportJSON.string(self))
        case .csv: try StandardOutput.write(CSVTable(rows: rows).text)
        case .table: try StandardOutput.writeLines(textLines)
        }
    }
}

extension BispectrumOutputRecord: CommandReport {}
extension CouplingOutputRecord: CommandReport {}
extension HarmonicsOutputRecord: CommandReport {}
