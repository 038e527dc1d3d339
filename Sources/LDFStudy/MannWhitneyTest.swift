/// The Mann–Whitney U test (Wilcoxon rank-sum) of two independent samples, two-sided, with the
/// rank-biserial correlation as effect size. Matches `scipy.stats.mannwhitneyu(a, b,
/// alternative="two-sided")` with the method `RankTestMethod` describes.
///
/// Methods: docs/METHODS.md §12.2.
public enum MannWhitneyTest {
    /// Largest group size for which the exact distribution is used (scipy: either group <= 8).
    public static let exactLimit = 8

    /// Tests `a` against `b`; non-finite values are dropped first.
    /// - Returns: nil when either sample has no finite value.
    public static func test(_ a: [Double], _ b: [Double]) -> RankTestResult? {
        let x = a.filter(\.isFinite), y = b.filter(\.isFinite)
        guard !x.isEmpty, !y.isEmpty else { return nil }
        let n1 = x.count, n2 = y.count
        let ranking = Ranking(x + y)
        let r1 = ranking.ranks[0..<n1].reduce(0, +)
        let u1 = r1 - Double(n1 * (n1 + 1)) / 2
        let u2 = Double(n1 * n2) - u1
        let u = max(u1, u2)
        let method: RankTestMethod = (n1 > exactLimit && n2 > exactLimit) || ranking.hasTies ? .asymptotic : .exact
        let p: Double
        switch method {
        case .exact:
            p = 2 * exactSurvival(Int(u.rounded()), n1, n2)
        case .asymptotic:
            let n = Double(n1 + n2)
            let sd = (Double(n1 * n2) / 12 * ((n + 1) - ranking.tieTerm / (n * (n - 1)))).squareRoot()
            // All values equal: no evidence either way.
            p = sd > 0 ? 2 * StandardNormal.survival((u - Double(n1 * n2) / 2 - 0.5) / sd) : 1
        }
        return RankTestResult(statistic: u1, pValue: min(max(p, 0), 1), method: method,
                              rankBiserial: (u1 - u2) / Double(n1 * n2), countA: n1, countB: n2)
    }

    /// P(U >= k) under the null hypothesis for samples of n1 and n2 values without ties.
    static func exactSurvival(_ k: Int, _ n1: Int, _ n2: Int) -> Double {
        let counts = exactCounts(n1, n2)
        let total = counts.reduce(0, +)
        guard k > 0 else { return 1 }
        guard k < counts.count else { return 0 }
        return counts[k...].reduce(0, +) / total
    }

    /// Number of orderings of n1 + n2 distinct values giving each U = 0 ... n1 n2, from the
    /// recursion f(m, n, u) = f(m - 1, n, u - n) + f(m, n - 1, u) (the largest value belongs to the
    /// first sample and beats all n of the second, or to the second). Exact in Double while the
    /// total C(n1 + n2, n1) stays below 2^53.
    static func exactCounts(_ n1: Int, _ n2: Int) -> [Double] {
        guard n1 > 0, n2 > 0 else { return [1] }
        let size = n1 * n2 + 1
        // previous[m] = f(m, n - 1, ·); with n = 0 there is one ordering, U = 0.
        var previous = [[Double]](repeating: [1] + [Double](repeating: 0, count: size - 1), count: n1 + 1)
        for n in 1...n2 {
            var current = previous
            for m in 1...n1 {
                for u in 0..<size {
                    current[m][u] = previous[m][u] + (u >= n ? current[m - 1][u - n] : 0)
                }
            }
            previous = current
        }
        return previous[n1]
    }
}
