import LDFCore
@testable import LDFSpectral
import Testing

@Suite("Surrogate rank ordering")
struct SurrogateRankingTests {
    /// The reference: a plain comparison sort by (value, index).
    static func reference(_ values: [Double]) -> [Int32] {
        values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }.map { Int32($0) }
    }

    @Test("packed-key sorting equals a comparison sort, with ties, near-ties, signs and zeros", arguments: [3000, 6000])
    func matchesComparisonSort(count: Int) {
        var random = SeededRandom(seed: 12)
        var values = (0..<count).map { _ in random.gaussian() * 100 }
        // Exact ties, values equal in their top bits but not exactly, -0 and +0, large magnitudes.
        for k in 0..<50 { values[k] = values[k + 100] }
        for k in 200..<250 { values[k] = values[k + 100].nextUp }
        values[400] = -0.0; values[401] = 0.0; values[402] = -0.0
        values[500] = 1e300; values[501] = -1e300; values[502] = .leastNonzeroMagnitude
        var order = (0..<Int32(values.count)).map { $0 }
        SurrogateGenerator.sortIndices(&order, by: values)
        #expect(order == Self.reference(values))
        // Starting from another order gives the same result.
        var shuffled = order.reversed().map { $0 }
        SurrogateGenerator.sortIndices(&shuffled, by: values)
        #expect(shuffled == order)
        // The convergence check agrees: the sorted order is sorted, its reverse and one swap are not.
        values.withUnsafeBufferPointer { v in
            #expect(SurrogateGenerator.isSorted(order, by: v))
            #expect(!SurrogateGenerator.isSorted(order.reversed(), by: v))
            var swapped = order
            swapped.swapAt(1000, 1001)
            #expect(!SurrogateGenerator.isSorted(swapped, by: v))
        }
    }

    @Test("a reused ranking equals a comparison sort call after call, for any length and value spread", arguments: [1, 2, 3, 17, 1000, 4097])
    func reusedRanking(count: Int) {
        var random = SeededRandom(seed: 5)
        var ranking = ValueRanking(count: count)
        var order = [Int32](repeating: 0, count: count)
        // A wide spread; one binade (most radix digits shared by every key, so skipped); a few
        // distinct values (long runs of ties); a constant (every digit skipped).
        let series: [[Double]] = [
            (0..<count).map { _ in random.gaussian() * 1e3 },
            (0..<count).map { _ in 1.5 + random.uniform() * 0.25 },
            (0..<count).map { _ in Double(Int.random(in: -2...2, using: &random)) },
            [Double](repeating: 3, count: count),
        ]
        for values in series {
            let expected = Self.reference(values)
            values.withUnsafeBufferPointer { ranking.sort(&order, by: $0) }
            #expect(order == expected)
            // Re-sorting from the result, from its reverse (the insertion budget runs out, so the
            // radix sort finishes) and from a locally disturbed order gives the same order.
            var starts = [expected, Array(expected.reversed()), expected]
            for j in stride(from: 1, to: count, by: 3) { starts[2].swapAt(j - 1, j) }
            for var start in starts {
                values.withUnsafeBufferPointer { ranking.resort(&start, by: $0) }
                #expect(start == expected)
            }
        }
    }
}
