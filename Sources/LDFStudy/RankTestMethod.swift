/// How a rank test's p-value was computed.
///
/// The rule that picks it mirrors scipy.stats (checked against scipy 1.17 by
/// Tests/Fixtures/stats/make_stats_fixtures.py):
/// - Mann–Whitney U: exact when there are no ties and at least one group has at most 8 values
///   (scipy's `method="auto"`); otherwise the normal approximation with the tie correction of the
///   variance and a continuity correction of 0.5 (`method="asymptotic", use_continuity=True`).
/// - Wilcoxon signed-rank: exact when no difference is zero, no two absolute differences tie and
///   there are at most 50 pairs (`method="exact"`); otherwise the normal approximation with zero
///   differences dropped (`zero_method="wilcox"`), the tie correction and a continuity correction
///   of 0.5 (`method="asymptotic", correction=True`). scipy's own `auto` would run a permutation
///   test for small samples with ties; the toolkit keeps the deterministic approximation instead.
///
/// Methods: docs/METHODS.md §12.2.
public enum RankTestMethod: String, Sendable, Codable, CaseIterable {
    /// The exact null distribution of the statistic (no ties).
    case exact
    /// The normal approximation with tie and continuity corrections.
    case asymptotic
}

/// The result of a two-sided rank test, with its effect size.
public struct RankTestResult: Sendable, Equatable, Codable {
    /// Mann–Whitney: U of the first sample (scipy's `statistic`). Wilcoxon: min(W+, W-) (scipy's
    /// two-sided `statistic`).
    public var statistic: Double
    /// Two-sided p-value.
    public var pValue: Double
    public var method: RankTestMethod
    /// Rank-biserial correlation, -1...1. Mann–Whitney: (U1 - U2) / (n1 n2) = P(a > b) - P(a < b),
    /// positive when the first sample tends to be larger (Cureton 1956; Kerby 2014). Wilcoxon:
    /// (W+ - W-) / (W+ + W-) over the non-zero differences second - first (matched-pairs
    /// rank-biserial, Kerby 2014), positive when the second condition tends to be larger.
    public var rankBiserial: Double
    /// Values (pairs for Wilcoxon, with zero differences counted) in each sample.
    public var countA: Int
    public var countB: Int

    public init(statistic: Double, pValue: Double, method: RankTestMethod, rankBiserial: Double, countA: Int, countB: Int) {
        self.statistic = statistic
        self.pValue = pValue
        self.method = method
        self.rankBiserial = rankBiserial
        self.countA = countA
        self.countB = countB
    }
}
