import Foundation
import LDFCore
import Numerics

/// A digital Butterworth band-pass filter in transfer-function form, designed as MATLAB's and
/// GNU Octave's `butter(n, [lo hi] / (fs / 2))` (order 2n): the analog prototype's poles
/// exp(i pi (2k + n - 1) / (2n)), prewarped band edges 2 tan(pi f / fs) (with T = 2), the
/// low-pass to band-pass transform s -> (s^2 + wl wh) / (s (wh - wl)), the bilinear transform,
/// and the polynomials expanded from the roots in Octave's order (`sftrans`, `bilinear`, `poly`).
///
/// MODA filters phases this way (`bandpass_butter`, `loop_butter`) before the Hilbert transform.
/// High orders of narrow, low bands are numerically unstable in transfer-function form (the
/// rounded denominator has roots outside the unit circle), so `filtfilt` runs the same poles and
/// zeros as a cascade of second-order sections, which is stable at any order, and
/// `transferFunctionDeviation` measures how far the transfer-function form would stray.
public struct ButterworthBandPass: Sendable, Equatable {
    /// Prototype order n (the filter has order 2n).
    public let order: Int
    public let lowHz: Double
    public let highHz: Double
    public let sampleRateHz: Double
    /// Numerator b and denominator a (a[0] = 1), 2n + 1 coefficients each.
    public let numerator: [Double]
    public let denominator: [Double]

    /// - Throws: `LDFError` when the band is not 0 < low < high < fs / 2 or the order is below 1.
    public init(order: Int, lowHz: Double, highHz: Double, sampleRateHz: Double) throws {
        let nyquist = sampleRateHz / 2
        guard order >= 1 else { throw LDFError("order", "filter order \(order) must be at least 1") }
        guard lowHz > 0, lowHz < highHz, highHz < nyquist, lowHz.isFinite, highHz.isFinite else {
            throw LDFError("band", "\(lowHz)–\(highHz) Hz is not a band between 0 and the Nyquist frequency \(nyquist) Hz",
                           fix: "give 0 < low < high < \(nyquist) Hz")
        }
        self.order = order
        self.lowHz = lowHz
        self.highHz = highHz
        self.sampleRateHz = sampleRateHz
        // Prewarped edges (T = 2): w = tan(pi * f / fs).
        let wl = tan(Double.pi * lowHz / nyquist / 2), wh = tan(Double.pi * highHz / nyquist / 2)
        var prototype = (1...order).map { k in Complex<Double>(length: 1, phase: Double.pi * Double(2 * k + order - 1) / Double(2 * order)) }
        if order % 2 == 1 { prototype[(order + 1) / 2 - 1] = Complex(-1, 0) }
        // Low-pass to band-pass (Octave's sftrans): each pole p gives b +- sqrt(b^2 - wl wh), b = p (wh - wl) / 2.
        let bs = prototype.map { $0.multiplied(by: (wh - wl) / 2) }
        let root = bs.map { Complex.sqrt($0 * $0 - Complex(wl * wh, 0)) }
        let analogPoles = zip(bs, root).map { $0 + $1 } + zip(bs, root).map { $0 - $1 }
        var gain = pow(wh - wl, Double(order))
        // Bilinear transform with T = 2: z = (1 + s) / (1 - s); zeros at s = 0 -> z = 1, at infinity -> z = -1.
        let poles = analogPoles.map { (Complex(1, 0) + $0) / (Complex(1, 0) - $0) }
        let denominatorScale = analogPoles.reduce(Complex<Double>(1, 0)) { $0 * (Complex(1, 0) - $1) }
        gain = (Complex(gain, 0) / denominatorScale).real
        let zeros = [Complex<Double>](repeating: Complex(1, 0), count: order) + [Complex<Double>](repeating: Complex(-1, 0), count: order)
        numerator = Self.poly(zeros).map { $0.multiplied(by: gain).real }
        denominator = Self.poly(poles).map(\.real)
        sections = Self.sections(poles: poles, gain: gain)
    }

    /// Second-order sections [b0, b1, b2, a1, a2] (a0 = 1): each pairs a pole with its
    /// conjugate (poles come in conjugate pairs: the prototype's k-th and (n + 1 - k)-th) and
    /// one zero at z = 1 with one at z = -1 (numerator 1 - z^-2); the gain goes to the first.
    public let sections: [[Double]]

    static func sections(poles: [Complex<Double>], gain: Double) -> [[Double]] {
        // Conjugate pairs: sort the upper half-plane poles, match each with its conjugate.
        var remaining = poles
        var result: [[Double]] = []
        while let p = remaining.first {
            remaining.removeFirst()
            let partner = remaining.indices.min { (remaining[$0] - p.conjugate).length < (remaining[$1] - p.conjugate).length }!
            let q = remaining.remove(at: partner)
            result.append([1, 0, -1, -(p + q).real, (p * q).real])
        }
        result[0] = [gain, 0, -gain] + result[0][3...]
        return result
    }

    /// How far filtering in transfer-function form (as MODA does) strays from the exact response
    /// on `signal`: max |tf - sections| / max |sections| of the two zero-phase outputs (infinite
    /// when the transfer function blows up).
    public func transferFunctionDeviation(_ signal: [Double]) throws -> Double {
        let exact = try filtfilt(signal)
        let direct = try ZeroPhaseFilter(numerator: numerator, denominator: denominator).apply(signal)
        let peak = exact.map(abs).max() ?? 0
        var worst = 0.0
        for (a, b) in zip(direct, exact) {
            guard a.isFinite else { return .infinity }
            worst = max(worst, abs(a - b))
        }
        return peak > 0 ? worst / peak : (worst > 0 ? .infinity : 0)
    }

    /// The monic polynomial with `roots`, coefficients from the highest power down (Octave's
    /// `poly`: y(2:j+1) -= r_j y(1:j), root by root).
    static func poly(_ roots: [Complex<Double>]) -> [Complex<Double>] {
        var y = [Complex<Double>](repeating: .zero, count: roots.count + 1)
        y[0] = Complex(1, 0)
        for (j, r) in roots.enumerated() {
            for i in stride(from: j + 1, through: 1, by: -1) { y[i] = y[i] - r * y[i - 1] }
        }
        return y
    }

    /// The zero-phase filtered signal: MATLAB's and Octave's `filtfilt` (reflected ends of
    /// 3 x the filter order, forward and backward passes from steady states) through the
    /// second-order sections (`ZeroPhaseFilter`).
    /// - Throws: `LDFError` when the signal is not longer than 3 x the filter order.
    public func filtfilt(_ signal: [Double]) throws -> [Double] {
        try ZeroPhaseFilter(sections: sections).apply(signal)
    }
}
