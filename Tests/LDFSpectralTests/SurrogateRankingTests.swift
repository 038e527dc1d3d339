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
}
