/// Corrections of p-values for multiple comparisons within a family of tests.
///
/// Families in a study (see `GroupComparison`): for bands, the bands of one measure in one
/// stratum and contrast; for PORH, the parameters of one occlusion in one stratum and contrast;
/// for spectra, the frequencies of one stratum and contrast.
///
/// Methods: docs/METHODS.md §12.3.
public enum PValueAdjustment: String, Sendable, Codable, CaseIterable {
    /// Holm's step-down correction (Holm 1979): controls the family-wise error rate under any
    /// dependence. Used for bands and PORH parameters.
    case holm
    /// Benjamini–Hochberg step-up correction (1995): controls the false discovery rate for
    /// independent or positively dependent tests, which neighbouring frequencies of a spectrum are.
    /// The default for spectra, where Holm over ~200 strongly correlated frequencies would hide
    /// nearly every difference.
    case benjaminiHochberg = "bh"
    /// No correction (the raw p-values).
    case none

    /// Adjusted p-values in input order, as `statsmodels.stats.multitest.multipletests` computes
    /// them (`holm`, `fdr_bh`). NaN entries are not tests: they stay NaN and do not count in m.
    public func adjust(_ pValues: [Double]) -> [Double] {
        let tested = pValues.indices.filter { pValues[$0].isFinite }
        let m = Double(tested.count)
        var adjusted = [Double](repeating: .nan, count: pValues.count)
        guard !tested.isEmpty else { return adjusted }
        let order = tested.sorted { pValues[$0] < pValues[$1] }
        switch self {
        case .none:
            for i in tested { adjusted[i] = pValues[i] }
        case .holm:
            var running = 0.0
            for (rank, i) in order.enumerated() {
                running = max(running, min(1, (m - Double(rank)) * pValues[i]))
                adjusted[i] = running
            }
        case .benjaminiHochberg:
            var running = 1.0
            for (rank, i) in order.enumerated().reversed() {
                running = min(running, m / Double(rank + 1) * pValues[i])
                adjusted[i] = min(1, running)
            }
        }
        return adjusted
    }
}
