import LDFSpectral

/// The text of one recording's band analysis in `ldf bands` (and the surrogate table's lead): a
/// title line (source, channel, method, preset, seconds analysed, rate, frequency range) and the
/// band table of `BandSummaryRow.textTable`.
public enum BandAnalysisText {
    public static func lines(_ analysis: BandAnalysis) -> [String] {
        let report = analysis.report, short = ReportNumber.short
        let title = "\(analysis.source) [\(analysis.channel)]: \(report.method.rawValue), preset \(report.bandSet.name), "
            + "\(short(analysis.analysedSeconds)) s analysed at \(short(analysis.sampleRateHz)) Hz, "
            + "\(short(report.fminHz))–\(short(report.fmaxHz)) Hz"
        return [title] + BandSummaryRow.textTable(report.bands.map { BandSummaryRow($0, channel: analysis.channel, fluxUnit: analysis.unit) },
                                                  method: report.method)
    }
}
