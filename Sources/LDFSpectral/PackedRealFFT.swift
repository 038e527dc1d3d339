internal import CFFTW
import Foundation
import Numerics

/// Real-input DFT of one length for transforms made once or twice per run, with the same
/// interface and scaling as `RealFFT` (forward: bins 0 ... count/2; backward: c2r scaled by count,
/// destroying its input).
///
/// For an even length N = 2M the N reals are read as M complex numbers z[m] = x[2m] + i x[2m+1]
/// and transformed by an M-point complex FFT; the bins follow from the even and odd halves,
/// X[k] = E[k] + w^k O[k] with w = e^(-2 pi i / N), E[k] = (Z[k] + conj Z[M-k]) / 2 and
/// O[k] = (Z[k] - conj Z[M-k]) / (2i) (the classic packing of a real sequence into a complex one
/// of half the length: Press et al., *Numerical Recipes*, "FFT of Real Functions", §12.3; the
/// inverse undoes it before an M-point backward FFT).
/// Why: with FFTW_ESTIMATE, planning an r2c or c2r transform costs ten times more than planning
/// a complex one (10 ms against 1 ms at 72,000 points, 80 ms against 6 ms at 3.5 million on these
/// machines), while executing either costs about the same; for a plan used once, the planning is
/// most of the cost. Plans of repeated transforms (surrogates, Welch segments) are amortised, so
/// those keep `RealFFT`. Results agree with `RealFFT` to rounding (about 1e-15 relative).
/// Odd lengths go to `RealFFT` unchanged.
public struct PackedRealFFT: Sendable {
    public let count: Int
    /// Number of complex bins, count / 2 + 1.
    public var binCount: Int { count / 2 + 1 }

    public init(count: Int) {
        precondition(count > 0, "FFT length must be positive")
        self.count = count
    }

    /// Forward transform of `input` (count reals, unchanged) into bins 0 ... count/2 of `output`.
    public func forward(_ input: RealBuffer, _ output: ComplexBuffer) {
        precondition(input.count >= count && output.count >= binCount, "FFT buffers too short")
        guard count.isMultiple(of: 2), count >= 4 else { return RealFFT(count: count).forward(input, output) }
        let half = count / 2
        let packed = UnsafeMutableRawPointer(input.pointer).assumingMemoryBound(to: Complex<Double>.self)
        ComplexFFT(count: half).forward(packed, output.pointer)
        let bins = output.pointer, twiddles = HalfTurnTwiddles(count: count)
        let first = bins[0]
        bins[0] = Complex(first.real + first.imaginary, 0)
        bins[half] = Complex(first.real - first.imaginary, 0)
        for k in 1...(half / 2) {
            let a = bins[k], b = bins[half - k]
            // Products with constants, not `.real` / `.imaginary` (whose getters test finiteness).
            let even = (a + b.conjugate) * Complex(0.5, 0)   // E[k]
            let odd = (a - b.conjugate) * Complex(0, -0.5)   // (2 i O[k]) / (2 i)
            let turned = twiddles[k] * odd
            bins[k] = even + turned
            bins[half - k] = (even - turned).conjugate
        }
    }

    /// Backward (c2r) transform of bins 0 ... count/2 of `input` into count reals of `output`,
    /// scaled by count like FFTW's c2r; destroys `input`. The imaginary parts of bins 0 and
    /// count/2 are ignored, as FFTW ignores them.
    public func backward(_ input: ComplexBuffer, _ output: RealBuffer) {
        precondition(input.count >= binCount && output.count >= count, "FFT buffers too short")
        guard count.isMultiple(of: 2), count >= 4 else { return RealFFT(count: count).backward(input, output) }
        let half = count / 2
        let bins = input.pointer, twiddles = HalfTurnTwiddles(count: count)
        let low = bins[0].real, high = bins[half].real
        bins[0] = Complex(low + high, low - high)
        for k in 1...(half / 2) {
            let a = bins[k], b = bins[half - k]
            let even = a + b.conjugate             // 2 E[k]
            let odd = (a - b.conjugate) * twiddles[k].conjugate // 2 O[k]
            let z = even + odd * .i                              // 2 E[k] + i 2 O[k]
            // Z[M-k] = 2 E[M-k] + i 2 O[M-k] with E[M-k] = conj E[k], O[M-k] = conj O[k].
            let mirrored = even.conjugate + odd.conjugate * .i
            bins[k] = z
            bins[half - k] = mirrored
        }
        let unpacked = UnsafeMutableRawPointer(output.pointer).assumingMemoryBound(to: Complex<Double>.self)
        ComplexFFT(count: half).backward(bins, unpacked)
    }
}

/// w^k = e^(-2 pi i k / N) for 0 <= k <= N/4, as products of two short tables (k = q B + r,
/// w^k = coarse[q] * fine[r], B about the square root of N/4): about 2 sqrt(N) sines instead of
/// N/4, accurate to a few ulp.
private struct HalfTurnTwiddles {
    let block: Int
    let fine: [Complex<Double>]
    let coarse: [Complex<Double>]

    init(count: Int) {
        let last = count / 4
        let block = max(1, Int(Double(last + 1).squareRoot().rounded(.up)))
        let step = -2 * Double.pi / Double(count)
        self.block = block
        fine = (0..<block).map { Complex(cos(step * Double($0)), sin(step * Double($0))) }
        coarse = (0...(last / block)).map { q in
            let angle = step * Double(q * block)
            return Complex(cos(angle), sin(angle))
        }
    }

    subscript(k: Int) -> Complex<Double> { coarse[k / block] * fine[k % block] }
}
