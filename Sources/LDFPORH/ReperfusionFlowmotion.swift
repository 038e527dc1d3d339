import LDFCore
import LDFSpectral

/// Flowmotion of the reperfusion segment after the PORH transient is removed (docs/METHODS.md §7.5,
/// Linköping): the band summaries of r(t) = (x(t) - fit(t)) / d from the peak to the end of the
/// recovery, where fit is the stretched-exponential transient and d its plateau. Without that
/// removal the transient puts false power into the low bands.
///
/// r is dimensionless (a fraction of the plateau), so band amplitudes are relative too. Bands
/// with fewer than 5 cycles in the segment are flagged by the band report, as for any recording.
public struct ReperfusionFlowmotion: Sendable {
    /// The analysed segment: the peak to the next occlusion's start or the recording's end.
    public var segment: TimeWindow
    /// Band summaries of r (wavelet, MODA defaults, the options' band set).
    public var report: BandSummaryReport
    /// Notes from the band analysis (gaps, cone of influence, short bands).
    public var diagnostics: [Diagnostic]

    /// Recordings faster than this are reduced by block means of whole samples to at least this rate
    /// before the wavelet transform (1000 Hz becomes 20 Hz): the bands end at 2 Hz, where a block
    /// mean at 20 Hz keeps 98.4% of the amplitude, and the transform runs 50 times faster.
    static let analysisRateHz = 20.0

    /// Removes `fit` (time from `peakSeconds`) from `flux` over `segment` and analyses the bands.
    /// - Throws: `LDFError` when the plateau d is zero or the segment is unusable for the transform.
    init(flux: [Double], rateHz: Double, source: String, fit: StretchedExponentialFit, peakSeconds: Double,
         segment: TimeWindow, bandSet: BandSet, rule: BandValidityRule = BandValidityRule()) throws {
        guard fit.d != 0, fit.d.isFinite else {
            throw LDFError(source, "the transient's plateau d is zero, so (x - fit)/d is undefined")
        }
        let lo = max(0, Int((segment.startSeconds * rateHz).rounded(.up)))
        let hi = min(flux.count, Int((segment.endSeconds * rateHz).rounded(.up)))
        let residual = (lo..<max(lo, hi)).map { i in (flux[i] - fit.value(at: Double(i) / rateHz - peakSeconds)) / fit.d }
        let factor = max(1, Int(rateHz / Self.analysisRateHz))
        let recording = Recording(channels: [Channel(name: "reperfusion residual", unit: "1", kind: .perfusion,
                                                     values: MovingMean.blocks(residual, length: factor))],
                                  sampleRateHz: rateHz / Double(factor),
                                  provenance: Provenance(source: "\(source) reperfusion", reader: "porh"))
        let analysis = try BandAnalysis(recording: recording, settings: BandAnalysisSettings(bandSet: bandSet, minimumValidFraction: rule.minimumValidFraction,
                                                                                             allowsShortBands: rule.allowsShortBands))
        self.segment = segment
        report = analysis.report
        diagnostics = analysis.diagnostics
    }
}
