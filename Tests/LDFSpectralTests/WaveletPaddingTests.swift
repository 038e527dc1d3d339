import Foundation
import LDFCore
@testable import LDFSpectral
import LDFTestSupport
import Testing

/// MODA's pad lengths and the four padding modes (wt.m), and the predictive forecast.
@Suite("Wavelet padding")
struct WaveletPaddingTests {
    static let options = WaveletOptions(fminHz: 0.1, fmaxHz: 2, preprocess: false)

    @Test("pad lengths: NL = 2^ceil(log2(L + 2 coib)) split in proportion to the cone")
    func lengths() throws {
        let transform = try WaveletTransform(sampleCount: 1000, sampleRateHz: 10, options: Self.options)
        // Lowest grid frequency 2^(ceil(31 log2 0.1) / 31) = 2^(-102/31) = 0.1022149 Hz;
        // coib = ceil(2.5758293 * 10 / 0.1022149) = ceil(252.0014) = 253 a side;
        // 1000 + 506 = 1506 -> NL = 2048, 1048 padding samples, 524 a side.
        #expect(relativeDifference(transform.frequenciesHz[0], pow(2, -102.0 / 31)) < 1e-15)
        #expect(transform.modaCone.leadingInvalid[0] == 253 && transform.modaCone.trailingInvalid[0] == 253)
        #expect(transform.paddedCount == 2048)
        #expect(transform.padBefore == 524 && transform.padAfter == 524)
        // The Torrence-Compo rule changes the cone, not MODA's pad lengths.
        var tc = Self.options
        tc.coneRule = .torrenceCompo
        let other = try WaveletTransform(sampleCount: 1000, sampleRateHz: 10, options: tc)
        #expect(other.paddedCount == 2048 && other.padBefore == 524)
        #expect(other.cone.leadingInvalid[0] == Int((10 * 1.3504744742356594 / other.frequenciesHz[0]).rounded(.up)))
    }

    static func padded(_ signal: [Double], _ padding: Padding) throws -> (WaveletTransform, [Double]) {
        var options = Self.options
        options.padding = padding
        let transform = try WaveletTransform(sampleCount: signal.count, sampleRateHz: 10, options: options)
        let buffer = transform.paddedSignal(signal)
        return (transform, withExtendedLifetime(buffer) { Array(buffer.buffer) })
    }

    @Test("zero, symmetric and periodic padding (no preprocessing)")
    func modes() throws {
        let signal = (0..<1000).map { Double($0 % 97) + 0.25 * Double($0) }
        let (t, zero) = try Self.padded(signal, .zero)
        let b = t.padBefore, l = signal.count
        #expect(Array(zero[b..<(b + l)]) == signal)
        #expect(zero[..<b].allSatisfy { $0 == 0 } && zero[(b + l)...].allSatisfy { $0 == 0 })
        let (_, symmetric) = try Self.padded(signal, .symmetric)
        // wt.m: [flipud(x(1:n1)); x; flipud(x(L-n2+1:L))] — mirrored including the edge sample.
        #expect(symmetric[b - 1] == signal[0] && symmetric[b - 5] == signal[4])
        #expect(symmetric[b + l] == signal[l - 1] && symmetric[b + l + 9] == signal[l - 10])
        let (_, periodic) = try Self.padded(signal, .periodic)
        #expect(periodic[b - 1] == signal[l - 1] && periodic[b - 3] == signal[l - 3])
        #expect(periodic[b + l] == signal[0] && periodic[b + l + 7] == signal[7])
    }

    @Test("padding longer than the signal is filled with zeros beyond one copy")
    func longPadding() throws {
        // 16 samples at 10 Hz, fmin 0.1 Hz: the cone (253 a side) is far longer than the signal.
        let signal = (0..<16).map { Double($0 + 1) }
        let (t, symmetric) = try Self.padded(signal, .symmetric)
        let b = t.padBefore
        #expect(b > 16)
        #expect(symmetric[b - 16] == 16 && symmetric[b - 17] == 0 && symmetric[0] == 0)
        #expect(symmetric[b + 16 + 15] == 1 && symmetric[b + 16 + 16] == 0)
    }

    @Test("predictive padding continues a sum of tones")
    func predictive() throws {
        let rate = 10.0
        func x(_ n: Int) -> Double {
            let t = Double(n) / rate
            return 2 * cos(2 * Double.pi * 0.37 * t + 0.4) + 0.8 * sin(2 * Double.pi * 1.3 * t)
        }
        let signal = (0..<1200).map(x)
        let (t, padded) = try Self.padded(signal, .predictive)
        let b = t.padBefore, l = signal.count
        var worst = 0.0
        for k in 0..<50 {
            worst = max(worst, abs(padded[b + l + k] - x(l + k)), abs(padded[b - 1 - k] - x(-1 - k)))
        }
        // MODA refines tone frequencies only to 0.01 / T (T = the 71.5 s weighting window here), so
        // the forecast drifts slowly: measured 0.033 after 5 s for these amplitude-2 and 0.8 tones.
        #expect(worst < 0.1, "forecast error \(worst)")
    }

    @Test("the forecast keeps out-of-band tones at their last value")
    func forecastBand() {
        let rate = 10.0
        let signal = (0..<600).map { 3 + cos(2 * Double.pi * 0.5 * Double($0) / rate) }
        let weights = [Double](repeating: 1, count: signal.count)
        let inBand = PredictiveExtension.forecast(signal, rateHz: rate, count: 20, band: 0.1...2, maxTones: 5, weights: weights)
        let outOfBand = PredictiveExtension.forecast(signal, rateHz: rate, count: 20, band: 1...2, maxTones: 5, weights: weights)
        for k in 0..<20 {
            let expected = 3 + cos(2 * Double.pi * 0.5 * Double(600 + k) / rate)
            #expect(abs(inBand[k] - expected) < 1e-6)
            // Held: constant 3 plus the tone's value at the last sample, cos(2 pi 0.5 * 59.9) = cos(59.9 pi).
            #expect(abs(outOfBand[k] - (3 + cos(2 * Double.pi * 0.5 * 599 / rate))) < 1e-6)
        }
    }

    @Test("cubic detrend removes a cubic exactly and leaves orthogonal residuals")
    func detrend() {
        let cubic = (0..<500).map { n -> Double in
            let t = Double(n) / 40
            return 5 - 2 * t + 0.3 * t * t - 0.01 * t * t * t
        }
        #expect(PolynomialDetrend.residual(of: cubic).allSatisfy { abs($0) < 1e-9 })
        let wave = (0..<500).map { sin(Double($0) * 0.2) }
        let residual = PolynomialDetrend.residual(of: zip(cubic, wave).map(+))
        // The residual is orthogonal to 1, t, t^2, t^3.
        for power in 0...3 {
            let projection = residual.enumerated().map { pow(Double($0.offset) / 499, Double(power)) * $0.element }.reduce(0, +)
            #expect(abs(projection) < 1e-9)
        }
        #expect(PolynomialDetrend.residual(of: [4, 7]) == [0, 0])
        #expect(PolynomialDetrend.residual(of: []).isEmpty)
    }
}
