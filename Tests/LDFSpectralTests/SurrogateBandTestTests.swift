import Foundation
import LDFCore
import LDFSpectral
import Testing

@Suite("Band amplitudes against surrogates")
struct SurrogateBandTestTests {
    static let rate = 10.0
    static let bandSet = BandSet(name: "test", bands: [Band("respiratory", 0.145, 0.6), Band("cardiac", 0.6, 2.0)])
    static let settings = BandAnalysisSettings(bandSet: bandSet, wavelet: WaveletOptions(fminHz: 0.145, fmaxHz: 2, padding: .symmetric))

    static func recording(_ values: [Double]) -> Recording {
        Recording(channels: [Channel(name: "flux", unit: "PU", kind: .perfusion, values: values)], sampleRateHz: rate,
                  provenance: Provenance(source: "test.csv", reader: "test"))
    }

    /// An oscillation of constant amplitude whose phase wanders, on weak noise: its band amplitude
    /// (mean |W|) exceeds that of FT surrogates, linear Gaussian processes with the same spectrum
    /// (Rayleigh envelope, mean = 0.886 rms). IAAFT1 surrogates would keep the sine's bounded
    /// value distribution, hence a nearly steady envelope, so they are used for the noise case.
    @Test("a steady oscillation's band amplitude exceeds its FT threshold; a Gaussian process's stays below IAAFT's")
    func steadyOscillation() throws {
        let n = 3000
        var random = SeededRandom(seed: 4)
        var phase = 0.0
        let steady = (0..<n).map { i -> Double in
            phase += 0.2 * random.gaussian()
            return 50 + 3 * sin(2 * Double.pi * 0.3 * Double(i) / Self.rate + phase) + 0.2 * random.gaussian()
        }
        let recording = Self.recording(steady)
        let observed = try BandAnalysis(recording: recording, settings: Self.settings)
        let test = try BandSurrogateTest(recording: recording, settings: Self.settings, observed: observed,
                                         options: SurrogateOptions(kind: .fourier, count: 19, seed: 6))
        #expect(test.bands.count == 2)
        let respiratory = test.bands[0]
        #expect(respiratory.amplitudeExcess! > 0)
        #expect(abs(respiratory.amplitudeExcess! - (observed.report.bands[0].amplitude! - respiratory.amplitudeThreshold!)) < 1e-12)
        #expect(test.iterations.isEmpty)
        // Red Gaussian noise: no band above its IAAFT threshold.
        let options = SurrogateOptions(kind: .iaaftDistribution, count: 19, seed: 6, maxIterations: 40)
        let noise = Self.recording(CoherenceTestSignals.red(count: n, r: 0.7, seed: 9).map { 50 + $0 })
        let noiseObserved = try BandAnalysis(recording: noise, settings: Self.settings)
        let noiseTest = try BandSurrogateTest(recording: noise, settings: Self.settings, observed: noiseObserved, options: options)
        #expect(noiseTest.bands.allSatisfy { ($0.amplitudeExcess ?? 0) <= 0 })
        #expect(noiseTest.iterations.count == 19)
        // Same seed, same thresholds.
        let again = try BandSurrogateTest(recording: noise, settings: Self.settings, observed: noiseObserved, options: options)
        #expect(again == noiseTest)
    }

    @Test("cpp surrogates and too few surrogates are refused")
    func badOptions() throws {
        let recording = Self.recording(CoherenceTestSignals.red(count: 400, seed: 1))
        let observed = try BandAnalysis(recording: recording, settings: Self.settings)
        #expect(throws: LDFError.self) {
            try BandSurrogateTest(recording: recording, settings: Self.settings, observed: observed,
                                  options: SurrogateOptions(kind: .cyclePhasePermutation, count: 19))
        }
        #expect(throws: LDFError.self) {
            try BandSurrogateTest(recording: recording, settings: Self.settings, observed: observed, options: SurrogateOptions(count: 5))
        }
    }
}
