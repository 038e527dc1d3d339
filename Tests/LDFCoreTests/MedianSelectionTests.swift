import Testing
import LDFCore

/// The median by selection equals the median of the sorted finite values, bit for bit.
@Suite struct MedianSelectionTests {
    func sortedMedian(_ values: [Double]) -> Double {
        let finite = values.filter(\.isFinite).sorted()
        return finite.isEmpty ? .nan : Statistics.median(sorted: finite)
    }

    func selected(_ values: [Double]) -> Double {
        var copy = values
        return Statistics.median(selecting: &copy)
    }

    @Test func handCheckedCases() {
        #expect(selected([3, 1, 2]) == 2)
        #expect(selected([4, 1, 3, 2]) == 2.5)
        #expect(selected([.nan, 5, 1, .nan, 3]) == 3)
        #expect(selected([.nan, 5, 1, .infinity, 3, 8]) == 4)
        #expect(selected([7, 7, 7, 7]) == 7)
        #expect(selected([7]) == 7)
        #expect(selected([-1, -1]) == -1)
        #expect(selected([.nan, .nan]).isNaN)
        #expect(selected([]).isNaN)
    }

    @Test(arguments: [1, 2, 3, 10, 101, 1000, 4097])
    func equalsTheSortedMedian(count: Int) {
        var random = SeededRandom(seed: UInt64(count))
        for trial in 0..<20 {
            var values = (0..<count).map { _ in random.gaussian() }
            if trial % 4 == 1 { values = values.map { ($0 * 3).rounded() + 10 } }   // many ties (off zero: ±0 sort as equals)
            if trial % 4 == 2 { for i in stride(from: 0, to: count, by: 3) { values[i] = .nan } }
            if trial % 4 == 3 { values.sort(by: >) }                            // presorted, descending
            let expected = sortedMedian(values)
            let got = selected(values)
            #expect(got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN), "n \(count), trial \(trial)")
        }
    }

    @Test func constantInputOfAnyLength() {
        for n in [2, 5, 1_000, 100_000] {
            #expect(selected([Double](repeating: 4.25, count: n)) == 4.25)
        }
    }

    @Test func summaryStatisticsUseTheSameMedian() {
        var random = SeededRandom(seed: 9)
        let values = (0..<999).map { i in i % 7 == 0 ? .nan : 50 + 10 * random.gaussian() }
        let s = SummaryStatistics(values)
        let finite = values.filter(\.isFinite).sorted()
        #expect(s.median == sortedMedian(values))
        #expect(s.minimum == finite.first && s.maximum == finite.last && s.count == finite.count)
    }
}
