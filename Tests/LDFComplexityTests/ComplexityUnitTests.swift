import Foundation
import LDFComplexity
import LDFCore
import LDFTestSupport
import Testing

/// Hand-checked cases and seeded properties of the complexity measures.
@Suite("Complexity measures: hand-checked cases and properties")
struct ComplexityUnitTests {
    @Test("sample entropy of a hand-counted series")
    func handCounted() {
        // x = 0 1 0 1 0 2, m = 1, lag 1, r = 0.5: templates i = 0 ... 4 (values 0 1 0 1 0).
        // B (pairs with equal first value): {0,2},{0,4},{2,4},{1,3} = 4. A (next values also equal):
        // {0,2} (1,1), {1,3} (0,0); {0,4}: 1 vs 2 no; {2,4}: 1 vs 2 no -> 2. SampEn = ln 2.
        let e = SampleEntropy([0, 1, 0, 1, 0, 2], dimension: 1, lag: 1, tolerance: 0.5)
        #expect(e.templateCount == 5 && e.templateMatches == 4 && e.extendedMatches == 2)
        #expect(abs(e.value! - log(2.0)) < 1e-15)
    }

    @Test("no match at m + 1 gives no value and the reason")
    func undefined() {
        let e = SampleEntropy([0, 1, 2, 3, 4, 5, 6, 7], dimension: 2, lag: 1, tolerance: 0.5)
        #expect(e.value == nil && e.templateMatches == 0)
        #expect(e.reason?.contains("tolerance") == true)
    }

    @Test("the SIMD lanes and the one-by-one remainder count as brute force does, ties and distances equal to r included",
          arguments: [1, 2, 3, 4, 5])
    func pathsAgree(dimension: Int) {
        var random = SeededRandom(seed: 7)
        let gaussian = (0..<600).map { _ in random.gaussian() }
        // Multiples of 0.25 with r = 0.5: many tied first points and many differences of exactly r.
        let quantised = (0..<601).map { _ in Double(Int.random(in: 0..<9, using: &random)) * 0.25 }
        for (x, name) in [(gaussian, "gaussian"), (quantised, "quantised")] {
            for lag in [1, 3] {
                let t = x.count - dimension * lag
                var a = 0, b = 0
                for i in 0..<t { for j in (i + 1)..<t {
                    if (0..<dimension).allSatisfy({ abs(x[i + $0 * lag] - x[j + $0 * lag]) <= 0.5 }) {
                        b += 1
                        if abs(x[i + dimension * lag] - x[j + dimension * lag]) <= 0.5 { a += 1 }
                    }
                } }
                for parallel in [false, true] {
                    let e = SampleEntropy(x, dimension: dimension, lag: lag, tolerance: 0.5, parallel: parallel)
                    #expect(e.templateMatches == b && e.extendedMatches == a, "\(name) m \(dimension) lag \(lag) parallel \(parallel)")
                }
            }
        }
    }

    @Test("coarse-graining: means of non-overlapping runs, the tail dropped; lag kept in time")
    func coarseGraining() {
        #expect(MultiscaleEntropy.coarseGrained([1, 2, 3, 4, 5, 6, 7], factor: 3) == [2, 5])
        #expect(MultiscaleEntropy.coarseGrained([1, 2], factor: 1) == [1, 2])
        #expect(MultiscaleEntropy.lag(8, atScale: 3) == 3 && MultiscaleEntropy.lag(8, atScale: 20) == 1 && MultiscaleEntropy.lag(1, atScale: 2) == 1)
    }

    @Test("a scale too short for the embedding is undefined and so is the complexity index")
    func shortScale() {
        var random = SeededRandom(seed: 3)
        let x = (0..<1000).map { _ in random.gaussian() }
        let curve = MultiscaleEntropy(x, maximumScale: 12, dimension: 2, lag: 1, tolerance: 0.2)
        #expect(curve.scales[8].entropy.value != nil)   // scale 9: 111 samples, 109 templates
        #expect(curve.scales[9].entropy.value == nil)   // scale 10: 100 samples, 98 templates
        #expect(curve.scales[9].entropy.reason?.contains("coarse-grained by 10") == true)
        #expect(curve.complexityIndex == nil && curve.reason?.contains("scale 10") == true)
        let short = MultiscaleEntropy(x, maximumScale: 5, dimension: 2, lag: 1, tolerance: 0.2)
        #expect(abs(short.complexityIndex! - short.scales.map { $0.entropy.value! }.reduce(0, +)) < 1e-12)
    }

    @Test("DFA of a straight-line profile residual: a linear trend in x is removed exactly")
    func detrending() {
        // Profile of a constant-plus-alternating signal: windows of 4 of a sawtooth profile have a
        // known residual. Profile y = 0, 1, 0, 1, ...: fit to (0,1,0,1) is 0.5 + 0 x... slope 0.2,
        // residual variance: y - (0.2 + 0.2 k)... checked numerically against the normal equations.
        let y: [Double] = [0, 1, 0, 1]
        let v = DetrendedFluctuation.windowVariances(y, scale: 4)
        // Least squares: slope = 0.2, intercept = 0.2; residuals -0.2, 0.6, -0.6, 0.2; mean square 0.2.
        #expect(v.count == 1 && abs(v[0] - 0.2) < 1e-15)
        #expect(DetrendedFluctuation.windowVariances([1, 2, 3, 4, 5, 6, 7, 8], scale: 4).isEmpty)   // lines: zero variance dropped
        #expect(DetrendedFluctuation.profile([1, 2, 3]) == [-1, -1, 0])
    }

    @Test("the singularity spectrum of a monofractal is narrow; F_q is ordered in q")
    func monofractal() {
        var random = SeededRandom(seed: 11)
        let x = (0..<8192).map { _ in random.gaussian() }
        let mf = FluctuationScaling(x, sampleRateHz: 1).mfdfa(ScalingRange(name: "all", lowSeconds: 16, highSeconds: 1024), count: 10, q: [-5, -3, -1, 0, 1, 3, 5])
        #expect(mf.width! < 0.25, "white noise width \(mf.width!)")
        #expect(mf.h.allSatisfy { abs($0 - 0.5) < 0.1 })
        let v = DetrendedFluctuation.windowVariances(DetrendedFluctuation.profile(x), scale: 64)
        let f = [-3.0, 0, 2, 5].map { DetrendedFluctuation.fluctuation(v, q: $0)! }
        #expect(zip(f, f.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("scaling ranges too small or too large for the signal give the reason")
    func rangeProblems() {
        let scaling = FluctuationScaling([Double](repeating: 0, count: 400).enumerated().map { sin(Double($0.offset)) }, sampleRateHz: 2)
        let low = scaling.dfa(ScalingRange(name: "short", lowSeconds: 1, highSeconds: 10), count: 10)
        #expect(low.alpha == nil && low.reason?.contains("starts at 2 samples") == true)
        let high = scaling.dfa(ScalingRange(name: "long", lowSeconds: 10, highSeconds: 100), count: 10)
        #expect(high.alpha == nil && high.reason?.contains("at least 4 windows") == true)
    }

    @Test("the first minimum of the auto-mutual information of a sampled sine is before a quarter period")
    func sineLag() {
        let x = (0..<4000).map { sin(2 * Double.pi * Double($0) / 80) }
        let ami = AutoMutualInformation(x, bins: 16, maximumLag: 200)
        #expect(ami.firstMinimum != nil && ami.firstMinimum! <= 20)
        #expect(ami.information.count == ami.firstMinimum! + 1)
        let ramp = AutoMutualInformation((0..<500).map(Double.init), bins: 16, maximumLag: 10)
        #expect(ramp.firstMinimum == nil && ramp.information.count == 10)
    }

    @Test("the lag search's cached bin indices give exactly the per-lag histograms, also where an extreme leaves the range")
    func cachedBinsEqualDirect() {
        var random = SeededRandom(seed: 17)
        // Noise on a slow rise with the extremes at both ends (the ranges of x and y shrink at the
        // first lags), a constant stretch (values on bin edges) and a repeated maximum.
        var x = (0..<3000).map { n in 0.002 * Double(n) + sin(2 * Double.pi * Double(n) / 37) + 0.3 * Double.random(in: -1...1, using: &random) }
        x[0] = -5; x[1] = -4.5; x[2998] = 12; x[2999] = 11
        for n in 1000..<1040 { x[n] = 1 }
        x[2000] = 12
        for bins in [2, 7, 16] {
            let ami = AutoMutualInformation(x, bins: bins, maximumLag: 60)
            #expect(ami.information.count >= 3)
            for (i, value) in ami.information.enumerated() {
                #expect(value == AutoMutualInformation.information(x, lag: i + 1, bins: bins), "bins \(bins), lag \(i + 1)")
            }
        }
        // A ramp's range shrinks at every lag: every lag rebins, still the same numbers.
        let ramp = (0..<400).map { Double($0 * $0 % 97) + Double($0) }
        let rampAMI = AutoMutualInformation(ramp, bins: 16, maximumLag: 40)
        for (i, value) in rampAMI.information.enumerated() { #expect(value == AutoMutualInformation.information(ramp, lag: i + 1, bins: 16)) }
    }

    @Test("settings outside their ranges are refused naming the parameter")
    func validation() {
        func refused(_ change: (inout ComplexitySettings) -> Void, _ context: String) {
            var s = ComplexitySettings()
            change(&s)
            #expect(throws: LDFError.self) { try s.validate() }
            do { try s.validate() } catch let e as LDFError { #expect(e.context == context) } catch {}
        }
        refused({ $0.dimension = 0 }, "dimension")
        refused({ $0.dimension = 6 }, "dimension")
        refused({ $0.toleranceSD = 0 }, "tolerance")
        refused({ $0.toleranceSD = 3 }, "tolerance")
        refused({ $0.lag = 0 }, "lag")
        refused({ $0.mutualInformationBins = 2 }, "bins")
        refused({ $0.maximumScale = 0 }, "scales")
        refused({ $0.maximumScale = 101 }, "scales")
        refused({ $0.scalesPerRange = 2 }, "scales-per-range")
        refused({ $0.dfaRanges = [ScalingRange(name: "x", lowSeconds: 5, highSeconds: 2)] }, "dfa-ranges")
        refused({ $0.q = [1, 2] }, "q")
        refused({ $0.q = [3, 1, 2] }, "q")
        refused({ $0.maximumLagSeconds = -1 }, "max-lag")
        #expect(throws: Never.self) { try ComplexitySettings().validate() }
    }
}
