import Foundation
import LDFCore
@testable import LDFSpectral
import LDFTestSupport
import Numerics
import Testing

/// Hand-derived properties of the MODA wavelet transform: normalisation, grid, linearity.
@Suite("Wavelet transform")
struct WaveletTransformTests {
    static func tone(amplitude: Double, frequencyHz: Double, rateHz: Double, count: Int, phase: Double = 0.3) -> [Double] {
        (0..<count).map { amplitude * cos(2 * Double.pi * frequencyHz * Double($0) / rateHz + phase) }
    }

    @Test("a cosine of amplitude a reads a/2 on its ridge (MODA normalisation)",
          arguments: [WaveletKind.morlet, .lognormal], [Padding.predictive, .zero])
    func ridgeAmplitude(kind: WaveletKind, padding: Padding) throws {
        let rate = 20.0, count = 4000
        let options = WaveletOptions(wavelet: kind, fminHz: 0.2, fmaxHz: 4, padding: padding)
        let probe = try WaveletTransform(sampleCount: count, sampleRateHz: rate, options: options)
        // A grid frequency near 1 Hz, so the ridge lies exactly on a row.
        let ridge = probe.frequenciesHz.firstIndex { $0 >= 1 }!
        let frequency = probe.frequenciesHz[ridge]
        let spectrum = try probe.timeAveragedSpectrum(of: Self.tone(amplitude: 3, frequencyHz: frequency, rateHz: rate, count: count))
        #expect(abs(spectrum.amplitude[ridge] - 1.5) < 0.005 * 1.5, "ridge amplitude \(spectrum.amplitude[ridge])")
        #expect(abs(spectrum.power[ridge] - 2.25) < 0.01 * 2.25, "ridge power \(spectrum.power[ridge])")
        // Off the ridge the amplitude follows psi_hat: at f' the row sees psi_hat(ompeak f / f').
        let off = ridge + 12
        let wavelet = try #require(probe.wavelet)
        let expected = 1.5 * wavelet.fourierTransform(wavelet.peakAngularFrequency * frequency / probe.frequenciesHz[off])
        #expect(abs(spectrum.amplitude[off] - expected) < 0.01 * 1.5, "off-ridge \(spectrum.amplitude[off]) vs \(expected)")
    }

    @Test("frequency grid is 2^(k/nv) within [fmin, fmax] with MODA's automatic voices")
    func grid() throws {
        let morlet = try WaveletTransform(sampleCount: 72_000, sampleRateHz: 40, options: WaveletOptions(fminHz: 0.005, fmaxHz: 2))
        #expect(morlet.options.voices == 31)
        // ceil(31 log2 0.005) = ceil(-236.96) = -236; floor(31 log2 2) = 31: 268 frequencies.
        #expect(morlet.frequenciesHz.count == 268)
        #expect(relativeDifference(morlet.frequenciesHz[0], pow(2, -236.0 / 31)) < 1e-14)
        #expect(morlet.frequenciesHz.last == 2)
        for (a, b) in zip(morlet.frequenciesHz, morlet.frequenciesHz.dropFirst()) {
            #expect(relativeDifference(b / a, pow(2, 1.0 / 31)) < 1e-12)
        }
        // MODA's rule ceil(10 ln 2 / ln(xi2h / xi1h)): 30.85 -> 31 (Morlet f0 = 1), 63.89 -> 64
        // (f0 = 2), 10 ln 2 / (2 * 0.67449 / (2 pi)) = 32.28 -> 33 (log-normal f0 = 1).
        #expect(MotherWavelet(kind: .morlet, f0: 2).automaticVoices == 64)
        #expect(MotherWavelet(kind: .lognormal, f0: 1).automaticVoices == 33)
        let given = try WaveletTransform(sampleCount: 1000, sampleRateHz: 10, options: WaveletOptions(voices: 4, fminHz: 0.5, fmaxHz: 4))
        // fmin 0.5 = 2^(-4/4), fmax 4 = 2^(8/4): k = -4 ... 8, thirteen frequencies.
        #expect(given.frequenciesHz.count == 13)
        for (k, frequency) in zip(-4...8, given.frequenciesHz) {
            #expect(relativeDifference(frequency, pow(2, Double(k) / 4)) < 1e-15)
        }
        #expect(relativeDifference(given.frequenciesHz[1], 0.5946035575013605) < 1e-15)
    }

    @Test("wavelet supports match the closed forms")
    func supports() {
        let morlet = MotherWavelet(kind: .morlet, f0: 1)
        // Morlet time supports are the normal quantiles (to 1e-9; the e^{-w0^2/2} term moves them ~1e-11).
        #expect(abs(morlet.timeSupport.upperBound - 2.5758293035489004) < 1e-9)
        #expect(abs(morlet.timeSupport.lowerBound + 2.5758293035489004) < 1e-9)
        #expect(abs(morlet.timeHalfSupport.upperBound - 0.6744897501960817) < 1e-9)
        #expect(morlet.peakAngularFrequency == 2 * Double.pi)
        // Log-normal: psi_hat is a Gaussian in log(xi) with sigma 1/q, q = 2 pi f0.
        let lognormal = MotherWavelet(kind: .lognormal, f0: 1)
        #expect(abs(lognormal.frequencySupport.lowerBound - exp(-2.5758293035489004 / (2 * Double.pi))) < 1e-6)
        #expect(abs(lognormal.frequencyHalfSupport.upperBound - exp(0.6744897501960817 / (2 * Double.pi))) < 1e-6)
        #expect(lognormal.fourierTransform(1) == 1)
        #expect(abs(morlet.fourierTransform(2 * Double.pi) - (1 - exp(-4 * Double.pi * Double.pi))) < 1e-15)
    }

    @Test("the Morlet's shortcuts give the literal formula's bits for every xi > 0",
          arguments: [0.05, 0.5, 1, 2, 6])
    func morletShortcutsAreExact(f0: Double) {
        let w0 = 2 * Double.pi * f0
        // Log-spaced xi from 1e-6 w0 to 1e3 w0 crosses both thresholds (w0 xi = 40, exponent -746).
        let samples = 200_000
        var mismatches = 0, shortcutZeros = 0, shortcutSingles = 0
        for n in 0..<samples {
            let xi = w0 * pow(10, -6 + 9 * Double(n) / Double(samples - 1))
            let literal = exp(-0.5 * (w0 - xi) * (w0 - xi)) - exp(-0.5 * (w0 * w0 + xi * xi))
            let fast = MotherWavelet.morletTransform(w0: w0, xi: xi)
            if fast.bitPattern != literal.bitPattern { mismatches += 1 }
            if -0.5 * (w0 - xi) * (w0 - xi) < -746 { shortcutZeros += 1 } else if w0 * xi > 40 { shortcutSingles += 1 }
        }
        #expect(mismatches == 0)
        // Both shortcuts are exercised: the single-term one wherever some xi has w0 xi > 40 before
        // the exponent falls below -746, i.e. 40 / w0 < w0 + sqrt(1492) (every f0 here but 0.05).
        #expect(shortcutZeros > 0)
        if 40 / w0 < w0 + (2 * 746.0).squareRoot() { #expect(shortcutSingles > 0) }
    }

    @Test("the vectorised amplitude and power sum has the bits of the one-at-a-time sum",
          arguments: [0...0, 0...2, 1...4, 3...1000, 17...1023])
    func amplitudeAndPowerSumIsExact(range: ClosedRange<Int>) {
        var random = SeededRandom(seed: 42)
        let row = ComplexBuffer(count: 1024)
        for m in 0..<1024 {
            row[m] = Complex(Double.random(in: -1e3...1e3, using: &random), Double.random(in: -1e3...1e3, using: &random))
        }
        let scale = 1 / 4_194_304.0
        var expected = SIMD2<Double>()
        for m in range {
            let square = row[m].lengthSquared * scale * scale
            expected += SIMD2(square.squareRoot(), square)
        }
        let fast = WaveletTransform.amplitudeAndPowerSum(row.pointer, range, scale: scale)
        #expect(fast[0].bitPattern == expected[0].bitPattern && fast[1].bitPattern == expected[1].bitPattern)
    }

    @Test("the transform is linear (zero padding, preprocessing on)")
    func linearity() throws {
        let rate = 10.0, count = 600
        let options = WaveletOptions(fminHz: 0.1, fmaxHz: 3, padding: .zero)
        let transform = try WaveletTransform(sampleCount: count, sampleRateHz: rate, options: options)
        let x = AgreementSignal.samples(durationSeconds: 60, rateHz: rate, seed: 1)
        let y = Self.tone(amplitude: 2, frequencyHz: 0.7, rateHz: rate, count: count)
        let combined = zip(x, y).map { 2 * $0 - 3 * $1 }
        for row in [0, 20, transform.frequenciesHz.count - 1] {
            let wx = try transform.fullRateRow(of: x, frequencyIndex: row)
            let wy = try transform.fullRateRow(of: y, frequencyIndex: row)
            let wc = try transform.fullRateRow(of: combined, frequencyIndex: row)
            let scale = wc.map(\.length).max()!
            for n in stride(from: 0, to: count, by: 7) {
                let expected = wx[n].multiplied(by: 2) - wy[n].multiplied(by: 3)
                #expect((wc[n] - expected).length < 1e-9 * scale)
            }
        }
    }

    @Test("rejects bad options and signals with clear errors")
    func validation() throws {
        func message(_ body: () throws -> Void) -> LDFError? {
            do { try body() } catch let error as LDFError { return error } catch { return nil }
            return nil
        }
        let bad: [(WaveletOptions, Double, Int, String)] = [
            (WaveletOptions(fminHz: 2, fmaxHz: 1), 40, 1000, "fmin/fmax"),
            (WaveletOptions(fminHz: 1, fmaxHz: 1), 40, 1000, "fmin/fmax"),
            (WaveletOptions(fminHz: 0.1, fmaxHz: 25), 40, 1000, "fmax"),
            (WaveletOptions(fminHz: 0, fmaxHz: 2), 40, 1000, "fmin"),
            (WaveletOptions(f0: 0, fminHz: 0.1, fmaxHz: 2), 40, 1000, "f0"),
            (WaveletOptions(f0: -1, fminHz: 0.1, fmaxHz: 2), 40, 1000, "f0"),
            (WaveletOptions(voices: 0, fminHz: 0.1, fmaxHz: 2), 40, 1000, "voices"),
            (WaveletOptions(fminHz: 0.1, fmaxHz: 2), 40, 8, "signal"),
            (WaveletOptions(fminHz: 0.1, fmaxHz: 2), 0, 1000, "sample rate"),
        ]
        for (options, rate, count, context) in bad {
            let error = message { _ = try WaveletTransform(sampleCount: count, sampleRateHz: rate, options: options) }
            #expect(error?.context == context, "\(options) -> \(String(describing: error))")
            #expect(error?.fix != nil)
        }
        let transform = try WaveletTransform(sampleCount: 200, sampleRateHz: 10, options: WaveletOptions(fminHz: 0.1, fmaxHz: 2))
        var signal = Self.tone(amplitude: 1, frequencyHz: 1, rateHz: 10, count: 200)
        signal[57] = .nan
        let nan = message { _ = try transform.timeAveragedSpectrum(of: signal) }
        #expect(nan?.message.contains("sample 57") == true && nan?.message.contains("NaN") == true)
        #expect(message { _ = try transform.timeAveragedSpectrum(of: [Double](repeating: .nan, count: 200)) } != nil)
        #expect(message { _ = try transform.timeAveragedSpectrum(of: [1, 2, 3]) }?.context == "signal")
    }

    @Test("too-short signals and constant signals are reported")
    func shortAndConstant() throws {
        // 20 s at 10 Hz: MODA's cone at 0.1 Hz is ceil(2.576 * 10 / 0.1) = 258 samples a side > 200.
        let transform = try WaveletTransform(sampleCount: 200, sampleRateHz: 10, options: WaveletOptions(fminHz: 0.1, fmaxHz: 2))
        let signal = Self.tone(amplitude: 1, frequencyHz: 1, rateHz: 10, count: 200)
        let spectrum = try transform.timeAveragedSpectrum(of: signal)
        #expect(spectrum.amplitude[0].isNaN && spectrum.validFraction[0] == 0)
        #expect(spectrum.amplitude.last!.isFinite)
        #expect(spectrum.diagnostics.contains { $0.code == "no_valid_coefficients" })
        // 2 s at 10 Hz with fmin 0.5 Hz: no frequency up to 1 Hz has a valid coefficient.
        let tiny = try WaveletTransform(sampleCount: 20, sampleRateHz: 10, options: WaveletOptions(fminHz: 0.5, fmaxHz: 1))
        #expect(throws: LDFError.self) { _ = try tiny.timeAveragedSpectrum(of: [Double](repeating: 1, count: 20)) }
        let edges = try tiny.timeAveragedSpectrum(of: (0..<20).map { sin(Double($0)) }, includeEdges: true)
        #expect(edges.edgesIncluded && edges.amplitude.allSatisfy(\.isFinite))
        let constant = try transform.timeAveragedSpectrum(of: [Double](repeating: 42, count: 200))
        #expect(constant.diagnostics.contains { $0.code == "constant_signal" })
        #expect(constant.amplitude.filter(\.isFinite).allSatisfy { $0 < 1e-9 })
    }
}
