import Foundation
import Testing
@testable import LDFCore
import LDFSimulation
import LDFTestSupport

@Suite struct HampelFilterTests {
    /// Hand-checked: at 1 Hz a 4 s window is 2 samples each side. Only the 20 is an outlier (its
    /// window [0,1,20,1,0] has median 1 and MAD 1; 19 > 3 * 1.4826); the alternating 0/1 samples
    /// never deviate from their window's median by more than 3 scaled MADs.
    @Test func handCaseReplacesTheSpikeByInterpolation() throws {
        let x: [Double] = [0, 1, 0, 1, 0, 1, 20, 1, 0, 1, 0, 1, 0]
        let filter = try HampelFilter(options: HampelOptions(windowSeconds: 4, threshold: 3, widenSamples: 0))
        let result = filter.apply(x, sampleRateHz: 1)
        #expect(result.outlierCount == 1)
        #expect(result.replacedIndices == [6])
        var expected = x
        expected[6] = 1 // (x[5] + x[7]) / 2
        #expect(result.values == expected)
        #expect(isClose(result.replacedPercent, 100.0 / 13.0, relative: 1e-12))
    }

    /// Widening by one sample replaces 5...7, interpolated between x[4] = 0 and x[8] = 0.
    @Test func wideningReplacesNeighbours() throws {
        let x: [Double] = [0, 1, 0, 1, 0, 1, 20, 1, 0, 1, 0, 1, 0]
        let filter = try HampelFilter(options: HampelOptions(windowSeconds: 4, threshold: 3, widenSamples: 1))
        let result = filter.apply(x, sampleRateHz: 1)
        #expect(result.outlierCount == 1)
        #expect(result.replacedIndices == [5, 6, 7])
        #expect(Array(result.values[4...8]) == [0, 0, 0, 0, 0])
    }

    /// An outlier at the very start has no left neighbour: the first kept value is held.
    @Test func outlierAtTheEdgeIsHeld() throws {
        let x: [Double] = [50, 1, 2, 3, 1, 2, 3, 1, 2, 3]
        let filter = try HampelFilter(options: HampelOptions(windowSeconds: 6, threshold: 3, widenSamples: 0))
        let result = filter.apply(x, sampleRateHz: 1)
        #expect(result.replacedIndices == [0])
        #expect(result.values[0] == 1)
    }

    /// Seeded simulation with known truth: ten spikes of 20 SD on Gaussian noise are all found,
    /// nothing else is flagged at 5 scaled MADs, and the replacements sit near the baseline.
    @Test func seededSpikesAreFound() throws {
        var rng = SeededRandom(seed: 42)
        let rate = 10.0
        var x = (0..<2000).map { _ in 100 + rng.gaussian() }
        let spikes = [37, 250, 251, 600, 999, 1200, 1450, 1700, 1950, 1999]
        for (n, i) in spikes.enumerated() { x[i] += n.isMultiple(of: 2) ? 20 : -20 }
        let result = try HampelFilter(options: HampelOptions(widenSamples: 2)).apply(x, sampleRateHz: rate)
        #expect(result.outlierCount == spikes.count)
        for i in spikes {
            #expect(result.replacedIndices.contains(i))
            #expect(abs(result.values[i] - 100) < 5)
        }
    }

    /// The textbook rule is kept when the MAD is zero: in a window of equal values any different
    /// value is an outlier (MATLAB's `hampel` does the same).
    @Test func zeroMADFlagsAnyDeviation() throws {
        let x: [Double] = [5, 5, 5, 5, 6, 5, 5, 5, 5]
        let result = try HampelFilter(options: HampelOptions(windowSeconds: 4, threshold: 5, widenSamples: 0))
            .apply(x, sampleRateHz: 1)
        #expect(result.replacedIndices == [4])
        #expect(result.values == [Double](repeating: 5, count: 9))
    }

    /// NaN samples are skipped by the window and stay NaN; the percentage counts finite samples.
    @Test func nanSamplesAreLeftAlone() throws {
        var x = (0..<40).map { 5 + Double($0 % 4) }
        x[10...14] = [.nan, .nan, .nan, .nan, .nan]
        x[20] = 100
        let result = try HampelFilter(options: HampelOptions(windowSeconds: 10, threshold: 5, widenSamples: 0))
            .apply(x, sampleRateHz: 1)
        #expect(result.finiteCount == 35)
        #expect(result.replacedIndices == [20])
        #expect(result.values[10...14].allSatisfy { $0.isNaN })
    }

    /// Agreement with the straightforward numpy reference (per-sample np.median) in
    /// Tests/Fixtures/scipy/hampel.json.
    @Test func agreesWithNumpyReference() throws {
        let data = try Data(contentsOf: RepositoryPaths.fixture("scipy/hampel.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let input = try #require(json["input"] as? [Any]).map { ($0 as? Double) ?? .nan }
        let output = try #require(json["output"] as? [Any]).map { ($0 as? Double) ?? .nan }
        let options = HampelOptions(windowSeconds: try #require(json["window_seconds"] as? Double),
                                    threshold: try #require(json["threshold"] as? Double),
                                    widenSamples: try #require(json["widen_samples"] as? Int))
        let result = try HampelFilter(options: options)
            .apply(input, sampleRateHz: try #require(json["sample_rate_hz"] as? Double))
        #expect(result.outlierCount == (json["outliers"] as? [Int])?.count)
        #expect(result.replacedIndices == json["replaced"] as? [Int])
        for (a, b) in zip(result.values, output) {
            #expect(a.isNaN == b.isNaN)
            if !b.isNaN { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
        }
    }

    /// The sorted window's median and MAD equal a brute-force computation, duplicates included.
    @Test func sortedWindowMatchesBruteForce() {
        var rng = SeededRandom(seed: 3)
        var window = SortedWindow(capacity: 9)
        var contents: [Double] = []
        for step in 0..<300 {
            let value = Double(Int(rng.uniform() * 7))
            if contents.count == 9 || (step.isMultiple(of: 5) && !contents.isEmpty) {
                let old = contents.removeFirst()
                if contents.count == 8 && step.isMultiple(of: 2) {
                    window.replace(old, with: value)
                    contents.append(value)
                } else {
                    window.remove(old)
                }
            } else {
                window.insert(value)
                contents.append(value)
            }
            guard !contents.isEmpty else { continue }
            let median = Statistics.median(contents)
            #expect(window.median == median)
            #expect(window.medianAbsoluteDeviation(around: median) == Statistics.median(contents.map { abs($0 - median) }))
        }
    }

    @Test func invalidOptionsNameTheOption() {
        #expect(throws: LDFError.self) { try HampelFilter(options: HampelOptions(windowSeconds: 0)) }
        do {
            _ = try HampelFilter(options: HampelOptions(threshold: -1))
            Issue.record("a negative threshold must be rejected")
        } catch let error as LDFError {
            #expect(error.context == "hampelThreshold")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
