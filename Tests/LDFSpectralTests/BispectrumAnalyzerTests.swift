import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Numerics
import Testing

@Suite("Wavelet bispectrum")
struct BispectrumAnalyzerTests {
    static let rate = 10.0

    static func transform(count: Int, fmin: Double = 0.2, fmax: Double = 2, voices: Int? = 8,
                          padding: Padding = .zero) throws -> WaveletTransform {
        try WaveletTransform(sampleCount: count, sampleRateHz: rate,
                             options: WaveletOptions(voices: voices, fminHz: fmin, fmaxHz: fmax, padding: padding))
    }

    /// Tones at f1, f2 and f1 + f2 with phases phi1, phi2 and phi1 + phi2 + theta (quadratic
    /// phase coupling, biphase -theta), plus a little seeded noise. `diffusion` (rad per sample)
    /// lets phi1 and phi2 wander, so the coupling is a property of the phases, not of fixed tones;
    /// uncoupled, the third tone's phase wanders on its own.
    static func coupledTones(count: Int, f1: Double, f2: Double, theta: Double, coupled: Bool = true,
                             diffusion: Double = 0, seed: UInt64 = 3) -> [Double] {
        var random = SeededRandom(seed: seed)
        var (phi1, phi2, phi3) = (0.4, 1.1, 0.0)
        return (0..<count).map { n in
            let t = Double(n) / rate
            phi1 += diffusion * random.gaussian()
            phi2 += diffusion * random.gaussian()
            phi3 += max(diffusion, 0.15) * random.gaussian()
            let third = coupled ? phi1 + phi2 + theta : phi3
            return cos(2 * Double.pi * f1 * t + phi1) + 0.8 * cos(2 * Double.pi * f2 * t + phi2)
                + 0.6 * cos(2 * Double.pi * (f1 + f2) * t + third) + 0.01 * random.gaussian()
        }
    }

    @Test("every defined cell equals the full-rate mean of W1 W2 conj(W(f1 + f2)) over the cone, to 1e-4 relative")
    func matchesFullRateMean() throws {
        let x = Self.coupledTones(count: 1200, f1: 0.5, f2: 0.7, theta: 0.3)
        let y = CoherenceTestSignals.red(count: 1200, seed: 5).enumerated().map { $0.element + x[$0.offset] }
        let transform = try Self.transform(count: x.count)
        let analyzer = BispectrumAnalyzer(transform: transform)
        let grids = try analyzer.bispectra(x, y, kinds: [.b122, .b111])
        let f = transform.frequenciesHz
        let rowsX = try transform.fullRateRows(of: x, frequencyIndices: Array(f.indices))
        let rowsY = try transform.fullRateRows(of: y, frequencyIndices: Array(f.indices))
        var checked = 0
        for (grid, (a, b, bSource)) in zip(grids, [(rowsX, rowsY, y), (rowsX, rowsX, x)]) {
            for j in f.indices {
                for k in f.indices where !grid.amplitude(j, k).isNaN {
                    let sum = f[j] + f[k]
                    let w3 = try transform.fullRateRows(of: bSource, frequenciesHz: [sum])[0]
                    let cone = transform.cone
                    let range = max(cone.validRange(j).lowerBound, cone.validRange(k).lowerBound)
                        ..< min(cone.validRange(j).upperBound, cone.validRange(k).upperBound)
                    var total = Complex<Double>.zero
                    for t in range { total += a[j][t] * b[k][t] * w3[t].conjugate }
                    let expected = total.divided(by: Double(range.count))
                    #expect(relativeDifference(grid.amplitude(j, k), expected.length) < 1e-4, "\(grid.kind) \(f[j]) \(f[k])")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test("quadratic phase coupling at grid frequencies: |B| = a1 a2 a3 / 8 and the biphase is -theta; uncoupled: small")
    func quadraticPhaseCoupling() throws {
        let transform = try Self.transform(count: 3000)
        let f = transform.frequenciesHz
        let (j, k) = (f.firstIndex { $0 > 0.3 }!, f.firstIndex { $0 > 0.55 }!)
        let analyzer = BispectrumAnalyzer(transform: transform)
        let coupled = try analyzer.bispectra(Self.coupledTones(count: 3000, f1: f[j], f2: f[k], theta: 0.3), nil, kinds: [.b111])[0]
        let expected = 1 * 0.8 * 0.6 / 8
        #expect(abs(coupled.amplitude(j, k) - expected) < 0.01 * expected)
        #expect(abs(coupled.phase[j * f.count + k] + 0.3) < 0.01)
        let uncoupled = try analyzer.bispectra(Self.coupledTones(count: 3000, f1: f[j], f2: f[k], theta: 0, coupled: false), nil,
                                               kinds: [.b111])[0]
        #expect(uncoupled.amplitude(j, k) < 0.4 * expected)
    }

    @Test("defined cells follow MODA's rule: f1 + f2 <= fmax, a grid frequency strictly between max(f1, f2) and the sum, f1 <= f2 for auto")
    func definedCells() throws {
        let x = CoherenceTestSignals.red(count: 800, seed: 2)
        let transform = try Self.transform(count: x.count, voices: 4)
        let analyzer = BispectrumAnalyzer(transform: transform, includeEdges: true)
        let grids = try analyzer.bispectra(x, Array(x.reversed()), kinds: [.b111, .b211])
        let f = transform.frequenciesHz
        for j in f.indices {
            for k in f.indices {
                let sum = f[j] + f[k]
                let above = f.firstIndex { $0 >= sum }
                let defined = sum <= f.last! && above.map { $0 - 1 > max(j, k) } == true
                #expect(grids[1].amplitude(j, k).isNaN == !defined)
                #expect(grids[0].amplitude(j, k).isNaN == !(defined && j <= k))
            }
        }
        #expect(analyzer.undefinedCounts.sumAboveGrid + analyzer.undefinedCounts.noFrequencyBetween
                == grids[1].amplitude.filter(\.isNaN).count)
    }

    @Test("the biphase at the coupled pair stays at -theta over time; at the exact, off-grid frequencies")
    func biphaseOverTime() throws {
        let (f1, f2) = (0.31, 0.57)
        let x = Self.coupledTones(count: 3000, f1: f1, f2: f2, theta: 1.2)
        // f0 = 3: the tone at f2 stays out of W(f1 + f2) (with f0 = 1 it leaks in at 9 %).
        let transform = try WaveletTransform(sampleCount: x.count, sampleRateHz: Self.rate,
                                             options: WaveletOptions(f0: 3, voices: 8, fminHz: 0.2, fmaxHz: 2, padding: .zero))
        let series = try BispectrumAnalyzer(transform: transform).biphase(x, nil, kinds: [.b111], pair: FrequencyPair(f1Hz: f1, f2Hz: f2))[0]
        #expect(series.reason == nil && series.timesSeconds.count > 50)
        let wrapped = series.biphase.map { atan2(sin($0 + 1.2), cos($0 + 1.2)) }
        #expect(wrapped.allSatisfy { abs($0) < 0.01 })
        #expect(series.biamplitude.allSatisfy { abs($0 - 0.06) < 0.001 })
        #expect(zip(series.timesSeconds, series.timesSeconds.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("biphase frequencies above Nyquist, whose sum is, or outside fmin-fmax are refused with the option's name")
    func biphaseBadFrequencies() throws {
        let x = CoherenceTestSignals.red(count: 800, seed: 2)
        let analyzer = BispectrumAnalyzer(transform: try Self.transform(count: x.count))
        for (f1, f2, words) in [(6.0, 0.5, "Nyquist"), (3.0, 2.5, "f1 + f2 = 5.5 Hz"), (1.5, 1.0, "outside the analysed range"),
                                (0.1, 0.5, "f1 = 0.1 Hz")] {
            do {
                _ = try analyzer.biphase(x, nil, kinds: [.b111], pair: FrequencyPair(f1Hz: f1, f2Hz: f2))
                Issue.record("accepted \(f1), \(f2)")
            } catch let error as LDFError {
                #expect(error.context == "biphase")
                #expect(error.description.contains(words), "\(error)")
            }
        }
    }

    @Test("a kind that needs a second signal is refused for one signal")
    func secondSignalNeeded() throws {
        let x = CoherenceTestSignals.red(count: 800, seed: 2)
        let analyzer = BispectrumAnalyzer(transform: try Self.transform(count: x.count))
        #expect(throws: LDFError.self) { try analyzer.bispectra(x, nil, kinds: [.b122]) }
    }

    @Test("surrogate thresholds: the coupled cell exceeds them, most others do not; same seed, same thresholds")
    func surrogateSignificance() throws {
        let transform = try Self.transform(count: 1500, voices: 4)
        let f = transform.frequenciesHz
        let (j, k) = (f.firstIndex { $0 > 0.3 }!, f.firstIndex { $0 > 0.55 }!)
        let x = Self.coupledTones(count: 1500, f1: f[j], f2: f[k], theta: 0.3, diffusion: 0.07)
        let analyzer = BispectrumAnalyzer(transform: transform)
        let options = SurrogateOptions(kind: .iaaftSpectrum, count: 19, seed: 4)
        let test = try analyzer.surrogateTest(x, nil, kinds: [.b111], options: options)
        let grid = try analyzer.bispectra(x, nil, kinds: [.b111])[0]
        let thresholds = try #require(test.thresholds[.b111])
        #expect(grid.amplitude(j, k) > thresholds[j * f.count + k])
        let defined = grid.amplitude.indices.filter { !grid.amplitude[$0].isNaN }
        let significant = defined.filter { grid.amplitude[$0] > thresholds[$0] }
        #expect(Double(significant.count) < 0.3 * Double(defined.count))
        let again = try analyzer.surrogateTest(x, nil, kinds: [.b111], options: options)
        #expect(again.thresholds[.b111]?.map(\.bitPattern) == thresholds.map(\.bitPattern))
        #expect(thresholds.indices.allSatisfy { thresholds[$0].isNaN == grid.amplitude[$0].isNaN })
    }
}
