import Foundation
import LDFCore
import LDFSpectral

/// Seeded signals with known truth for the coherence and surrogate tests.
enum CoherenceTestSignals {
    /// AR(1) noise x[n] = r x[n-1] + e[n], e standard normal: a red spectrum, so IAAFT has
    /// something to keep.
    static func red(count: Int, r: Double = 0.9, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        var x = 0.0
        return (0..<count).map { _ in
            x = r * x + random.gaussian()
            return x
        }
    }

    /// White noise of standard deviation `sd`.
    static func white(count: Int, sd: Double = 1, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in sd * random.gaussian() }
    }

    /// amplitude * cos(2 pi f t + phase) at `rateHz`.
    static func tone(count: Int, rateHz: Double, frequencyHz: Double, amplitude: Double = 1, phase: Double = 0) -> [Double] {
        (0..<count).map { amplitude * cos(2 * Double.pi * frequencyHz * Double($0) / rateHz + phase) }
    }

    static func add(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 + $1 } }

    /// |DFT| of `x` at bins 0 ... L/2 (direct FFT through the toolkit's RealFFT).
    static func amplitudeSpectrum(_ x: [Double]) -> [Double] {
        let fft = RealFFT(count: x.count)
        let input = RealBuffer(count: x.count), output = ComplexBuffer(count: fft.binCount)
        for i in x.indices { input[i] = x[i] }
        fft.forward(input, output)
        return (0..<fft.binCount).map { output[$0].length }
    }

    /// sqrt(sum (|A| - |B|)^2 / sum |B|^2) over bins 1 ... L/2: relative spectral distance.
    static func spectralDistance(_ a: [Double], to b: [Double]) -> Double {
        let x = amplitudeSpectrum(a), y = amplitudeSpectrum(b)
        var num = 0.0, den = 0.0
        for k in 1..<x.count {
            num += (x[k] - y[k]) * (x[k] - y[k])
            den += y[k] * y[k]
        }
        return (num / den).squareRoot()
    }
}
