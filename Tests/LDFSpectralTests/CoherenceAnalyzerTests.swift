import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Numerics
import Testing

@Suite("Wavelet phase coherence")
struct CoherenceAnalyzerTests {
    static let rate = 10.0

    static func analyzer(count: Int, fmin: Double, fmax: Double, padding: Padding = .predictive,
                         preprocess: Bool = true) throws -> CoherenceAnalyzer {
        let options = WaveletOptions(fminHz: fmin, fmaxHz: fmax, preprocess: preprocess, padding: padding)
        return CoherenceAnalyzer(transform: try WaveletTransform(sampleCount: count, sampleRateHz: rate, options: options))
    }

    @Test("a signal against a scaled, inverted copy: coherence exactly 1 and phase difference pi at every frequency")
    func constantPhaseDifferenceIsOne() throws {
        let x = CoherenceTestSignals.red(count: 2000, seed: 1)
        let analyzer = try Self.analyzer(count: x.count, fmin: 0.1, fmax: 2, padding: .zero)
        let result = try analyzer.coherence(x, x.map { -3 * $0 })
        let valid = result.coherence.indices.filter { result.sampleCounts[$0] > 0 }
        #expect(valid.count > 10)
        for k in valid {
            #expect(abs(result.coherence[k] - 1) < 1e-9)
            #expect(abs(abs(result.phaseDifference[k]) - Double.pi) < 1e-6)
        }
    }

    @Test("a tone against a delayed copy: coherence near 1 and the phase lead of the first signal")
    func phaseLead() throws {
        let n = 3000
        let x = CoherenceTestSignals.tone(count: n, rateHz: Self.rate, frequencyHz: 0.5)
        let y = CoherenceTestSignals.tone(count: n, rateHz: Self.rate, frequencyHz: 0.5, phase: -0.7)
        let analyzer = try Self.analyzer(count: n, fmin: 0.3, fmax: 0.8)
        let result = try analyzer.coherence(x, y)
        let k = result.frequenciesHz.indices.min { abs(result.frequenciesHz[$0] - 0.5) < abs(result.frequenciesHz[$1] - 0.5) }!
        #expect(result.coherence[k] > 0.999)
        #expect(abs(result.phaseDifference[k] - 0.7) < 0.01)
    }

    /// Segments of 20 cycles with independent uniform phases: the coherence is the mean of about
    /// n = 64 random unit phasors, whose squared length has expectation 1 / n.
    @Test("uniformly random phase differences give a coherence of about 1 / sqrt(n)")
    func randomPhaseDifference() throws {
        let segments = 64, perSegment = 200, frequency = 1.0
        let n = segments * perSegment
        let analyzer = try Self.analyzer(count: n, fmin: 0.9, fmax: 1.1, padding: .zero)
        let x = CoherenceTestSignals.tone(count: n, rateHz: Self.rate, frequencyHz: frequency)
        var squares: [Double] = []
        for seed in 1...4 as ClosedRange<UInt64> {
            var random = SeededRandom(seed: seed)
            let phases = (0..<segments).map { _ in 2 * Double.pi * random.uniform() }
            let y = (0..<n).map { cos(2 * Double.pi * frequency * Double($0) / Self.rate + phases[$0 / perSegment]) }
            let result = try analyzer.coherence(x, y)
            let k = result.frequenciesHz.indices.min { abs(result.frequenciesHz[$0] - 1) < abs(result.frequenciesHz[$1] - 1) }!
            squares.append(result.coherence[k] * result.coherence[k])
        }
        let meanSquare = squares.reduce(0, +) / Double(squares.count)
        #expect(meanSquare > 0.2 / Double(segments) && meanSquare < 4 / Double(segments))
        #expect(squares.allSatisfy { $0.squareRoot() < 4 / Double(segments).squareRoot() })
    }

    /// A shared oscillation whose phase wanders (a random walk, as physiological oscillations
    /// do): FT surrogates randomise it independently in the two signals, so the surrogate
    /// coherence is low, unlike for a strictly periodic tone, which every spectrum-keeping
    /// surrogate keeps coherent.
    static func wanderingTone(count: Int, frequencyHz: Double, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        var phase = 0.0
        return (0..<count).map { n in
            phase += 0.05 * random.gaussian()
            return cos(2 * Double.pi * frequencyHz * Double(n) / rate + phase)
        }
    }

    @Test("two signals sharing one oscillation: coherent in its band, not elsewhere; significant only there")
    func sharedOscillation() throws {
        let n = 6000
        let shared = Self.wanderingTone(count: n, frequencyHz: 0.1, seed: 20)
        let x = CoherenceTestSignals.add(shared, CoherenceTestSignals.white(count: n, sd: 0.5, seed: 21))
        let y = CoherenceTestSignals.add(shared.map { 0.5 * $0 }, CoherenceTestSignals.white(count: n, sd: 0.5, seed: 22))
        let analyzer = try Self.analyzer(count: n, fmin: 0.05, fmax: 2, padding: .symmetric)
        let spectrum = try analyzer.coherence(x, y)
        let k = spectrum.frequenciesHz.indices.min { abs(spectrum.frequenciesHz[$0] - 0.1) < abs(spectrum.frequenciesHz[$1] - 0.1) }!
        #expect(spectrum.coherence[k] > 0.95)
        let bands = BandSet(name: "test", bands: [Band("myogenic", 0.052, 0.145), Band("cardiac", 0.6, 2.0)])
        let test = try analyzer.surrogateTest(x, y, options: SurrogateOptions(kind: .fourier, count: 19, seed: 3))
        let report = CoherenceBandReport(spectrum: spectrum, bandSet: bands, test: test)
        let myogenic = report.bands[0], cardiac = report.bands[1]
        #expect(myogenic.coherence! > 0.6)
        #expect(cardiac.coherence! < 0.3)
        #expect(myogenic.isSignificant == true)
        #expect(cardiac.isSignificant == false)
        #expect(abs(myogenic.excess! - (myogenic.coherence! - myogenic.threshold!)) < 1e-15)
    }

    /// Independent pairs exceed the 95 % threshold about 5 % of the time: over 10 pairs and 2
    /// bands (20 tests), 3 or more would happen by chance with probability 7.5 %, and at most
    /// once in 10 000 for 8 or more; a biased threshold (e.g. surrogates less coherent than the
    /// null) fails this.
    @Test("independent noise stays below the 95 % surrogate threshold (FT, rank test), at the nominal rate")
    func independentNoise() throws {
        let n = 800
        let analyzer = try Self.analyzer(count: n, fmin: 0.4, fmax: 2, padding: .symmetric)
        let bands = BandSet(name: "test", bands: [Band("low", 0.4, 0.9), Band("high", 0.9, 2.0)])
        var significant = 0
        for pair in 0..<10 as Range<UInt64> {
            let x = CoherenceTestSignals.red(count: n, seed: 100 + 2 * pair), y = CoherenceTestSignals.red(count: n, seed: 101 + 2 * pair)
            let test = try analyzer.surrogateTest(x, y, options: SurrogateOptions(kind: .fourier, count: 19, seed: pair))
            let report = CoherenceBandReport(spectrum: try analyzer.coherence(x, y), bandSet: bands, test: test)
            significant += report.bands.filter { $0.isSignificant == true }.count
        }
        #expect(significant <= 3)
    }

    @Test("IAAFT surrogate test of independent noise: few frequencies above threshold, the same thresholds for the same seed")
    func iaaftIndependentNoise() throws {
        let n = 1200
        let x = CoherenceTestSignals.red(count: n, seed: 31), y = CoherenceTestSignals.red(count: n, seed: 32)
        let analyzer = try Self.analyzer(count: n, fmin: 0.3, fmax: 2, padding: .symmetric)
        let spectrum = try analyzer.coherence(x, y)
        let options = SurrogateOptions(kind: .iaaftDistribution, count: 19, seed: 8, maxIterations: 30)
        let test = try analyzer.surrogateTest(x, y, options: options)
        let above = spectrum.coherence.indices.filter { spectrum.coherence[$0] > test.thresholds[$0] }.count
        #expect(Double(above) <= 0.25 * Double(spectrum.coherence.count))
        #expect(try analyzer.surrogateTest(x, y, options: options).thresholds == test.thresholds)
        #expect(test.iterations.count == 38)
        #expect(test.iterations.allSatisfy { $0 <= 30 })
    }

    @Test("cyclic phase permutation surrogates: a coupled pair exceeds their threshold at the coupling frequency")
    func cyclePhasePermutation() throws {
        let n = 3000
        let shared = Self.wanderingTone(count: n, frequencyHz: 0.5, seed: 40)
        let x = CoherenceTestSignals.add(shared, CoherenceTestSignals.red(count: n, r: 0.5, seed: 41))
        let y = CoherenceTestSignals.add(shared, CoherenceTestSignals.red(count: n, r: 0.5, seed: 42))
        let analyzer = try Self.analyzer(count: n, fmin: 0.3, fmax: 0.8, padding: .symmetric)
        let spectrum = try analyzer.coherence(x, y)
        let options = SurrogateOptions(kind: .cyclePhasePermutation, count: 19, seed: 2)
        let test = try analyzer.surrogateTest(x, y, options: options)
        let k = spectrum.frequenciesHz.indices.min { abs(spectrum.frequenciesHz[$0] - 0.5) < abs(spectrum.frequenciesHz[$1] - 0.5) }!
        #expect(spectrum.coherence[k] > 0.8)
        #expect(test.thresholds[k] < spectrum.coherence[k] - 0.2)
        #expect(try analyzer.surrogateTest(x, y, options: options).surrogateCoherence == test.surrogateCoherence)
    }

    @Test("decimated coherence agrees with the full-rate definition, and decimated rows equal full-rate coefficients")
    func decimatedAgreesWithFullRate() throws {
        let n = 2000
        let x = CoherenceTestSignals.add(CoherenceTestSignals.tone(count: n, rateHz: Self.rate, frequencyHz: 0.4),
                                         CoherenceTestSignals.red(count: n, seed: 51))
        let y = CoherenceTestSignals.add(CoherenceTestSignals.tone(count: n, rateHz: Self.rate, frequencyHz: 0.4, phase: 1),
                                         CoherenceTestSignals.red(count: n, seed: 52))
        let analyzer = try Self.analyzer(count: n, fmin: 0.2, fmax: 2)
        let transform = analyzer.transform
        let result = try analyzer.coherence(x, y)
        for k in stride(from: 0, to: transform.frequenciesHz.count, by: 17) {
            let a = try transform.fullRateRow(of: x, frequencyIndex: k), b = try transform.fullRateRow(of: y, frequencyIndex: k)
            let range = transform.cone.validRange(k)
            var sum = Complex<Double>.zero
            for t in range { sum += Complex(length: 1, phase: (a[t] * b[t].conjugate).phase) }
            let full = sum.length / Double(range.count)
            #expect(abs(full - result.coherence[k]) < 0.01, "frequency \(transform.frequenciesHz[k]) Hz")
            let row = try transform.decimatedRow(of: x, frequencyIndex: k)
            let scale = a[range].map(\.length).max()!
            for (j, z) in row.coefficients.enumerated() {
                let t = row.firstSample + j * row.strideSamples
                #expect((z - a[t]).length < 1e-9 * scale)
            }
            #expect(row.timesSeconds.first! >= Double(range.lowerBound) / Self.rate)
        }
    }

    @Test("time-localised coherence follows a coupling that stops halfway")
    func timeLocalised() throws {
        let n = 4000, frequency = 0.5
        let x = CoherenceTestSignals.add(CoherenceTestSignals.tone(count: n, rateHz: Self.rate, frequencyHz: frequency),
                                         CoherenceTestSignals.white(count: n, sd: 0.3, seed: 61))
        // Coupled (phase lag 0.4 rad) in the first half; the second half holds only independent noise.
        let y = (0..<n).map { i in i < n / 2 ? cos(2 * Double.pi * frequency * Double(i) / Self.rate - 0.4) : 0 }
        let noisyY = CoherenceTestSignals.add(y, CoherenceTestSignals.white(count: n, sd: 0.3, seed: 63))
        let analyzer = try Self.analyzer(count: n, fmin: 0.4, fmax: 0.6)
        let rows = try analyzer.timeLocalised(x, noisyY, windowCycles: 10)
        let row = rows.min { abs($0.frequencyHz - frequency) < abs($1.frequencyHz - frequency) }!
        #expect(abs(row.windowSeconds - 10 / row.frequencyHz) < 2)
        let half = Double(n) / Self.rate / 2
        let early = zip(row.timesSeconds, row.coherence).filter { $0.0 < half - row.windowSeconds }.map(\.1)
        let late = zip(row.timesSeconds, row.coherence).filter { $0.0 > half + row.windowSeconds }.map(\.1)
        #expect(!early.isEmpty && !late.isEmpty)
        #expect(early.min()! > 0.95)
        #expect(late.reduce(0, +) / Double(late.count) < 0.6)
        #expect(throws: LDFError.self) { try analyzer.timeLocalised(x, noisyY, windowCycles: 0) }
    }
}
