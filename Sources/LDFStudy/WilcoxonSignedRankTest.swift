/// The Wilcoxon signed-rank test of paired values, two-sided, with the matched-pairs
/// rank-biserial correlation as effect size. Matches `scipy.stats.wilcoxon(b - a,
/// zero_method="wilcox", alternative="two-sided")` with the method `RankTestMethod` describes.
///
/// Methods: docs/METHODS.md §12.2.
public enum WilcoxonSignedRankTest {
    /// Most pairs for which the exact distribution is used (scipy's historical `auto` limit).
    public static let exactLimit = 50

    /// Tests the pairs (first[i], second[i]); pairs with a non-finite member are dropped.
    /// Differences are second - first.
    /// - Returns: nil when no pair has a non-zero difference.
    public static func test(first: [Double], second: [Double]) -> RankTestResult? {
        precondition(first.count == second.count, "paired samples must have equal lengths")
        let pairs = zip(first, second).filter { $0.0.isFinite && $0.1.isFinite }
        let differences = pairs.map { $0.1 - $0.0 }
        let nonZero = differences.filter { $0 != 0 }
        guard !nonZero.isEmpty else { return nil }
        let ranking = Ranking(nonZero.map(abs))
        var plus = 0.0, minus = 0.0
        for (d, r) in zip(nonZero, ranking.ranks) {
            if d > 0 { plus += r } else { minus += r }
        }
        let n = Double(nonZero.count)
        let hasZeros = nonZero.count < differences.count
        let method: RankTestMethod = hasZeros || ranking.hasTies || nonZero.count > exactLimit ? .asymptotic : .exact
        let p: Double
        switch method {
        case .exact:
            let counts = exactCounts(nonZero.count)
            let total = counts.reduce(0, +)
            let w = Int(plus.rounded())
            let upper = counts[w...].reduce(0, +) / total
            let lower = counts[...w].reduce(0, +) / total
            p = 2 * min(upper, lower)
        case .asymptotic:
            let mean = n * (n + 1) / 4
            let sd = ((n * (n + 1) * (2 * n + 1) - ranking.tieTerm / 2) / 24).squareRoot()
            if sd > 0 {
                var z = (plus - mean) / sd
                z -= (z > 0 ? 1 : z < 0 ? -1 : 0) * 0.5 / sd
                p = 2 * StandardNormal.survival(abs(z))
            } else {
                p = 1
            }
        }
        return RankTestResult(statistic: min(plus, minus), pValue: min(max(p, 0), 1), method: method,
                              rankBiserial: (plus - minus) / (plus + minus), countA: differences.count, countB: differences.count)
    }

    /// Number of sign patterns giving each W+ = 0 ... n(n+1)/2 for n distinct ranks: the
    /// coefficients of prod_{i=1}^{n} (1 + q^i). Exact in Double for n <= 52.
    static func exactCounts(_ n: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: n * (n + 1) / 2 + 1)
        counts[0] = 1
        var top = 0
        for i in stride(from: 1, through: n, by: 1) {
            top += i
            for w in stride(from: top, through: i, by: -1) { counts[w] += counts[w - i] }
        }
        return counts
    }
}
