import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// The windowed Fourier transform of Tests/Fixtures/moda-ridges/ridge-signal.csv against MODA's own
/// wft.m run in GNU Octave (see that folder's README.md).
@Suite("Windowed Fourier transform against MODA")
struct WindowedFourierReferenceTests {
    struct Transform: Decodable {
        var f0: Double
        var frequenciesHz: [Double]
        var t1e: Double, t2e: Double, t1h: Double, t2h: Double, xi1h: Double, xi2h: Double
        /// |W| and arg W, frequency by stored sample.
        var amplitude: [[Double]]
        var phase: [[Double]]
        var meanAmplitude: [Double?]
        var validSamples: Int
    }

    struct Fixture: Decodable {
        var rateHz: Double
        var storedSamples: [Int]
        var wft_default: Transform
        var wft_plain: Transform
    }

    static func load() throws -> (Fixture, [Double]) {
        let folder = RepositoryPaths.fixture("moda-ridges")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: folder.appendingPathComponent("wft-ridges.json")))
        let rows = try String(contentsOf: folder.appendingPathComponent("ridge-signal.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        return (fixture, rows.map { $0[1] })
    }

    /// MODA's defaults (f0 = 1 / fmin, predictive padding, preprocessing) and a plain variant.
    static func cases(_ fixture: Fixture) -> [(String, Transform, WaveletOptions)] {
        [("default", fixture.wft_default,
          WaveletOptions(transform: .wft, f0: WaveletOptions.defaultWindowF0(fminHz: 0.5), fminHz: 0.5, fmaxHz: 1.5)),
         ("plain", fixture.wft_plain,
          WaveletOptions(transform: .wft, f0: 1.5, fminHz: 0.5, fmaxHz: 1.5, preprocess: false, padding: .zero))]
    }

    @Test("window supports, frequency grid and cone agree with wft.m")
    func grid() throws {
        let (fixture, x) = try Self.load()
        for (name, reference, options) in Self.cases(fixture) {
            #expect(abs(options.f0 - reference.f0) < 1e-12, "\(name)")
            let transform = try WaveletTransform(sampleCount: x.count, sampleRateHz: fixture.rateHz, options: options)
            guard case .window(let window) = transform.kernel else { Issue.record("not a window"); continue }
            #expect(abs(window.timeSupport.lowerBound - reference.t1e) < 1e-8 && abs(window.timeSupport.upperBound - reference.t2e) < 1e-8, "\(name)")
            #expect(abs(window.timeHalfSupport.lowerBound - reference.t1h) < 1e-8 && abs(window.timeHalfSupport.upperBound - reference.t2h) < 1e-8)
            #expect(abs(window.frequencyHalfSupport.lowerBound - reference.xi1h) < 1e-8 && abs(window.frequencyHalfSupport.upperBound - reference.xi2h) < 1e-8)
            #expect(transform.frequenciesHz.count == reference.frequenciesHz.count, "\(name)")
            #expect(zip(transform.frequenciesHz, reference.frequenciesHz).allSatisfy { abs($0 - $1) < 1e-12 })
            #expect(transform.cone.validCount(0) == reference.validSamples, "\(name)")
            #expect(transform.cone.validCount(transform.frequenciesHz.count - 1) == reference.validSamples)
        }
    }

    @Test("every stored |W| and arg W agrees with wft.m (predictive padding with preprocessing; zero padding without)")
    func coefficients() throws {
        let (fixture, x) = try Self.load()
        for (name, reference, options) in Self.cases(fixture) {
            let transform = try WaveletTransform(sampleCount: x.count, sampleRateHz: fixture.rateHz, options: options)
            let rows = try transform.fullRateRows(of: x, frequencyIndices: Array(transform.frequenciesHz.indices))
            let peak = reference.amplitude.flatMap { $0 }.max()!
            var worstAmplitude = 0.0, worstPhase = 0.0
            for (j, row) in rows.enumerated() {
                for (column, sample) in fixture.storedSamples.enumerated() {
                    let amplitude = row[sample].length
                    worstAmplitude = max(worstAmplitude, abs(amplitude - reference.amplitude[j][column]) / peak)
                    if amplitude > 0.01 * peak {
                        worstPhase = max(worstPhase, abs(remainder(row[sample].phase - reference.phase[j][column], 2 * Double.pi)))
                    }
                }
            }
            // Measured: 8e-10 of the peak and 5e-9 rad in both cases (the fixture's 9 digits).
            #expect(worstAmplitude > 0 && worstAmplitude < 1e-7, "\(name): |W| within \(worstAmplitude) of the peak")
            #expect(worstPhase > 0 && worstPhase < 1e-6, "\(name): arg W within \(worstPhase) rad")
        }
    }

    @Test("the time-averaged amplitude inside the cone agrees with wft.m's CutEdges mean")
    func timeAverage() throws {
        let (fixture, x) = try Self.load()
        for (name, reference, options) in Self.cases(fixture) {
            let transform = try WaveletTransform(sampleCount: x.count, sampleRateHz: fixture.rateHz, options: options)
            let spectrum = try transform.timeAveragedSpectrum(of: x)
            let means = reference.meanAmplitude.map { $0! }
            let peak = means.max()!
            let worst = zip(spectrum.amplitude, means).map { abs($0 - $1) / peak }.max()!
            // Measured: 1.4e-6 of the peak (the decimated average, see timeAveragedSpectrum).
            #expect(worst < 1e-5, "\(name): mean |W| within \(worst) of the peak")
        }
    }

    @Test("a cosine reads |W| = a / 2 on its row, and the window's Gaussian off it")
    func cosine() throws {
        let rate = 20.0, count = 4000
        let options = WaveletOptions(transform: .wft, f0: 2, fminHz: 0.5, fmaxHz: 1.5)
        let transform = try WaveletTransform(sampleCount: count, sampleRateHz: rate, options: options)
        let ridge = try #require(transform.frequenciesHz.firstIndex { abs($0 - 1) < 1e-9 })
        let x = (0..<count).map { 3 * cos(2 * Double.pi * Double($0) / rate) }
        let spectrum = try transform.timeAveragedSpectrum(of: x)
        #expect(abs(spectrum.amplitude[ridge] - 1.5) < 1e-3)
        // 0.05 Hz off: g_hat(2 pi 0.05) = exp(-(2 * 2 pi 0.05)^2 / 2) = 0.8207.
        let off = ridge + 5
        #expect(abs(spectrum.amplitude[off] - 1.5 * exp(-0.5 * pow(2 * 2 * Double.pi * 0.05, 2))) < 2e-3)
    }

    @Test("a signal shorter than the window's support has no valid coefficient, and the error says what to change")
    func tooShort() throws {
        let options = WaveletOptions(transform: .wft, f0: 20, fminHz: 0.05, fmaxHz: 1)
        let transform = try WaveletTransform(sampleCount: 1000, sampleRateHz: 10, options: options)
        #expect(transform.cone.validCount(0) == 0)
        let error = #expect(throws: LDFError.self) { try transform.timeAveragedSpectrum(of: [Double](repeating: 1, count: 1000)) }
        #expect(error?.description.contains("window resolution f0 below") == true)
        #expect(throws: LDFError.self) {
            try WaveletTransform(sampleCount: 1000, sampleRateHz: 10,
                                 options: WaveletOptions(transform: .wft, f0: 2, voices: 16, fminHz: 0.5, fmaxHz: 1))
        }
    }
}
