import LDFCore
import LDFSpectral
import Testing

@Suite("Surrogate significance thresholds")
struct SurrogateSignificanceTests {
    @Test("rank test: 19 surrogates at 95 % take the largest, 99 take the 5th largest")
    func rankThresholds() {
        let nineteen = SurrogateOptions(count: 19, level: 0.95, test: .rank)
        #expect(nineteen.rank == 1)
        #expect(nineteen.threshold((1...19).map(Double.init).shuffled()) == 19)
        let ninetyNine = SurrogateOptions(count: 99, level: 0.95, test: .rank)
        #expect(ninetyNine.rank == 5)
        #expect(ninetyNine.threshold((1...99).map(Double.init)) == 95)
        #expect(SurrogateOptions.minimumRankCount(level: 0.95) == 19)
        #expect(SurrogateOptions.minimumRankCount(level: 0.99) == 99)
    }

    @Test("percentile: linear interpolation between order statistics (NumPy's rule)")
    func percentileThreshold() {
        let options = SurrogateOptions(count: 5, level: 0.95, test: .percentile)
        // np.percentile([1, 2, 3, 4, 10], 95) = 4 + 0.8 * (10 - 4) = 8.8
        #expect(abs(options.threshold([10, 1, 3, 2, 4]) - 8.8) < 1e-12)
        #expect(options.threshold([.nan, .nan]).isNaN)
    }

    @Test("too few surrogates for the rank test is an error naming surrogates and the minimum")
    func tooFewForRank() {
        #expect(throws: LDFError.self) { try SurrogateOptions(count: 18, level: 0.95, test: .rank).validate() }
        do {
            try SurrogateOptions(count: 18, level: 0.95).validate()
        } catch let error as LDFError {
            #expect(error.context == "surrogates")
            #expect(error.message.contains("N >= 19"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(throws: Never.self) { try SurrogateOptions(count: 19, level: 0.95).validate() }
        #expect(throws: LDFError.self) { try SurrogateOptions(count: 10, level: 1.0).validate() }
        #expect(throws: LDFError.self) { try SurrogateOptions(count: 1, level: 0.9, test: .percentile).validate() }
    }
}
