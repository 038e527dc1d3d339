import Foundation
import Testing
import LDFStudy
import LDFTestSupport

/// Rank tests and p-value corrections against hand-derived values and scipy.stats fixtures
/// (Tests/Fixtures/stats/make_stats_fixtures.py).
@Suite struct RankTestTests {
    struct Fixtures: Decodable {
        struct MannWhitney: Decodable {
            var name: String, a: [Double], b: [Double], method: String, statistic: Double, p: Double, rank_biserial: Double
        }
        struct Wilcoxon: Decodable {
            var name: String, first: [Double], second: [Double], method: String, statistic: Double, p: Double, rank_biserial: Double
        }
        struct Adjusted: Decodable { var p: [Double], adjusted: [Double] }
        var mannwhitneyu: [MannWhitney]
        var wilcoxon: [Wilcoxon]
        var benjamini_hochberg: Adjusted
    }

    static let fixtures: Fixtures = {
        let url = RepositoryPaths.fixture("stats/stats_fixtures.json")
        return try! JSONDecoder().decode(Fixtures.self, from: Data(contentsOf: url))
    }()

    @Test func ranksAverageTies() {
        let ranking = Ranking([10, 20, 20, 5, 20])
        #expect(ranking.ranks == [2, 4, 4, 1, 4])
        #expect(ranking.tieGroupSizes == [3])
        #expect(ranking.tieTerm == 24)
    }

    /// Fully separated groups of 4: U = 0 is 1 of C(8, 4) = 70 orderings, two-sided p = 2/70.
    @Test func mannWhitneyHandDerivedSeparation() throws {
        let r = try #require(MannWhitneyTest.test([1, 2, 3, 4], [5, 6, 7, 8]))
        #expect(r.statistic == 0)
        #expect(r.method == .exact)
        #expect(abs(r.pValue - 2.0 / 70) < 1e-15)
        #expect(r.rankBiserial == -1)
        let reversed = try #require(MannWhitneyTest.test([5, 6, 7, 8], [1, 2, 3, 4]))
        #expect(reversed.statistic == 16 && reversed.rankBiserial == 1 && reversed.pValue == r.pValue)
    }

    /// One value against two: U in {0, 1, 2}, each with probability 1/3.
    @Test func mannWhitneyExactDistributionByHand() throws {
        let r = try #require(MannWhitneyTest.test([2], [1, 3]))
        #expect(r.statistic == 1)
        #expect(r.pValue == 1)
        let low = try #require(MannWhitneyTest.test([0], [1, 3]))
        #expect(abs(low.pValue - 2.0 / 3) < 1e-15)
    }

    @Test func mannWhitneyAgreesWithScipy() throws {
        for c in Self.fixtures.mannwhitneyu {
            let r = try #require(MannWhitneyTest.test(c.a, c.b), "\(c.name)")
            #expect(r.method.rawValue == c.method, "\(c.name)")
            #expect(r.statistic == c.statistic, "\(c.name)")
            #expect(isClose(r.pValue, c.p, relative: 1e-10), "\(c.name): \(r.pValue) vs scipy \(c.p)")
            #expect(isClose(r.rankBiserial, c.rank_biserial, relative: 1e-12, absolute: 1e-15), "\(c.name)")
            #expect(r.countA == c.a.count && r.countB == c.b.count)
        }
    }

    @Test func mannWhitneyDropsMissingValuesAndRefusesEmptySamples() throws {
        #expect(MannWhitneyTest.test([], [1, 2]) == nil)
        #expect(MannWhitneyTest.test([.nan], [1, 2]) == nil)
        let withNaN = try #require(MannWhitneyTest.test([1, 2, .nan, 3, 4], [5, 6, 7, 8]))
        #expect(withNaN.countA == 4 && abs(withNaN.pValue - 2.0 / 70) < 1e-15)
    }

    /// Six increases: W+ = 21 is 1 of 2^6 = 64 sign patterns, two-sided p = 2/64.
    @Test func wilcoxonHandDerived() throws {
        let r = try #require(WilcoxonSignedRankTest.test(first: [1, 2, 3, 4, 5, 6], second: [2, 4, 6, 8, 10, 12]))
        #expect(r.method == .exact)
        #expect(r.statistic == 0)
        #expect(r.pValue == 2.0 / 64)
        #expect(r.rankBiserial == 1)
        #expect(WilcoxonSignedRankTest.test(first: [1, 2], second: [1, 2]) == nil)
    }

    @Test func wilcoxonAgreesWithScipy() throws {
        for c in Self.fixtures.wilcoxon {
            let r = try #require(WilcoxonSignedRankTest.test(first: c.first, second: c.second), "\(c.name)")
            #expect(r.method.rawValue == c.method, "\(c.name)")
            #expect(r.statistic == c.statistic, "\(c.name)")
            #expect(isClose(r.pValue, c.p, relative: 1e-10), "\(c.name): \(r.pValue) vs scipy \(c.p)")
            #expect(isClose(r.rankBiserial, c.rank_biserial, relative: 1e-12), "\(c.name)")
        }
    }

    /// Holm by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04,
    /// made monotone: 0.02, 0.03, 0.06, 0.06.
    @Test func holmByHand() {
        let adjusted = PValueAdjustment.holm.adjust([0.01, 0.04, 0.03, 0.005, .nan])
        let expected = [0.03, 0.06, 0.06, 0.02]
        for (a, e) in zip(adjusted, expected) { #expect(abs(a - e) < 1e-15) }
        #expect(adjusted[4].isNaN)
        #expect(PValueAdjustment.holm.adjust([0.6, 0.9]) == [1, 1])
    }

    @Test func benjaminiHochbergAgreesWithScipy() {
        let f = Self.fixtures.benjamini_hochberg
        let adjusted = PValueAdjustment.benjaminiHochberg.adjust(f.p)
        for (a, e) in zip(adjusted, f.adjusted) { #expect(isClose(a, e, relative: 1e-12)) }
        #expect(PValueAdjustment.none.adjust(f.p) == f.p)
    }
}
