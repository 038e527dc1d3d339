import Foundation
import Numerics

/// The analytic signal x + i H[x] by the FFT, as MATLAB's and GNU Octave's `hilbert`: the DFT's
/// positive frequencies doubled, DC (and, for an even length, the Nyquist bin) kept, negative
/// frequencies zeroed, inverse DFT. Its argument is the instantaneous phase MODA's Bayesian
/// inference starts from.
public enum AnalyticSignal {
    /// The analytic signal of `x` (one complex value per sample).
    public static func of(_ x: [Double]) -> [Complex<Double>] {
        let n = x.count
        guard n > 1 else { return x.map { Complex($0, 0) } }
        let fft = ComplexFFT(count: n)
        let input = ComplexBuffer(count: n), output = ComplexBuffer(count: n)
        for i in 0..<n { input[i] = Complex(x[i], 0) }
        fft.forward(input, output)
        let half = n / 2
        for k in 1..<n {
            if k < (n + 1) / 2 { output[k] = output[k].multiplied(by: 2) }
            else if !(n % 2 == 0 && k == half) { output[k] = .zero }
        }
        fft.backward(output, input)
        return (0..<n).map { input[$0].divided(by: Double(n)) }
    }

    /// The instantaneous phase arg(x + i H[x]) in radians, (-pi, pi].
    public static func phase(_ x: [Double]) -> [Double] {
        of(x).map { atan2($0.imaginary, $0.real) }
    }
}
