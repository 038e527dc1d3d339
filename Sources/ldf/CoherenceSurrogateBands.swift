import LDFIO
import LDFReport
import LDFSpectral

/// Output of `ldf bands --surrogates N`: the usual band output with each band's surrogate
/// thresholds added (`BandsSurrogateOutputRecord` for JSON, `BandSurrogateTableRow`s for CSV, a
/// second table per recording for text).
enum BandsSurrogateOutput {
    /// Writes the results of every recording in `format` to standard output.
    static func write(_ format: OutputFormat, settings: BandAnalysisSettings, options: SurrogateOptions, entries: [BandsEntry]) throws {
        switch format {
        case .json:
            let record = BandsSurrogateOutputRecord(settings: settings, options: options, recordings: entries.map { ($0.record, $0.test) })
            try StandardOutput.writeLine(ReportJSON.string(record))
        case .csv:
            let rows = entries.flatMap { entry -> [BandSurrogateTableRow] in
                guard let analysis = entry.analysis, let test = entry.test else { return [] }
                return zip(BandTableRow.rows(analysis, settings: settings), test.bands).map { row, band in
                    Merged(row, Merged(BandSurrogateColumns(band), SurrogateTestColumns(options)))
                }
            }
            try StandardOutput.write(CSVTable(rows: rows).text)
        case .table:
            let blocks = entries.compactMap { entry -> String? in
                guard let analysis = entry.analysis, let test = entry.test else { return nil }
                return (BandAnalysisText.lines(analysis) + test.textTable(fluxUnit: analysis.unit)).joined(separator: "\n")
            }
            try StandardOutput.writeLine(blocks.joined(separator: "\n\n"))
        }
    }
}
