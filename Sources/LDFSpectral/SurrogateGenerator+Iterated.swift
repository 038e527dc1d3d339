import Foundation
import LDFCore
import Numerics

extension SurrogateGenerator {
    /// IAAFT (Schreiber & Schmitz 1996, MODA's IAAFT1/IAAFT2). Starts from a random permutation;
    /// each iteration imposes the signal's Fourier amplitudes (keeping the current phases), then
    /// puts the signal's sorted values in the rank order of that series. Stops when the rank order
    /// is unchanged (MODA's rule) or after `maxIterations`. Each ranking starts from the previous
    /// order (`ValueRanking.resort`), which after the first iterations needs only local moves.
    ///
    /// `.iaaftDistribution` returns the rank-ordered series (exact distribution);
    /// `.iaaftSpectrum` the spectrum-adjusted series of the last iteration (exact spectrum).
    func iterated(_ kind: SurrogateKind, random: inout SeededRandom) -> Surrogate {
        precondition(kind == .iaaftDistribution || kind == .iaaftSpectrum, "not an IAAFT kind")
        let n = count
        let bins = fft.binCount
        let workspace = SurrogateWorkspace(count: n)
        // Target amplitudes divided by L, so the inverse FFT needs no rescaling.
        let targetAmplitude = fourier.map { $0.length / Double(n) }
        // The rank-ordered series, in FFTW-aligned memory so that the forward FFT reads it in
        // place (an out-of-place real-to-complex transform leaves its input as it is).
        let current = RealBuffer(count: n)
        let start = permuted(random: &random)
        _ = current.buffer.update(fromContentsOf: start)
        // One ranking (keys, radix buffers) for every iteration of this surrogate.
        var ranking = ValueRanking(count: n)
        var order = [Int32](repeating: 0, count: n)
        start.withUnsafeBufferPointer { ranking.sort(&order, by: $0) }
        let adjusted = UnsafeBufferPointer(start: workspace.real.pointer, count: n)
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            // 1. Impose the Fourier amplitudes, keep the phases (result in workspace.real).
            fft.forward(current, workspace.spectrum)
            targetAmplitude.withUnsafeBufferPointer { target in
                Self.imposeAmplitudes(target, on: workspace.spectrum.pointer, bins: bins)
            }
            fft.backward(workspace.spectrum, workspace.real)
            // 2. Impose the distribution: the sorted values in the rank order of the adjusted
            //    series. An unchanged rank order leaves `current` as it is: converged.
            if SurrogateGenerator.isSorted(order, by: adjusted) {
                converged = true
                break
            }
            ranking.resort(&order, by: adjusted)
            let c = current.pointer
            sortedValues.withUnsafeBufferPointer { sorted in
                order.withUnsafeBufferPointer { o in
                    for j in 0..<n { c[Int(o[j])] = sorted[j] }
                }
            }
        }
        let values = Array(kind == .iaaftDistribution ? UnsafeBufferPointer(current.buffer) : adjusted)
        return Surrogate(kind: kind, values: values, iterations: iterations, converged: converged)
    }

    /// Gives each bin z of `spectrum` the amplitude `target[k]` and keeps its phase:
    /// z·(target / |z|), or (target, 0) where z = 0. Two bins at a time in SIMD lanes (packed square
    /// roots and divisions, no branch); each lane does the scalar operations in the same order, so
    /// the result is the same to the bit.
    @inline(__always)
    static func imposeAmplitudes(_ target: UnsafeBufferPointer<Double>, on spectrum: UnsafeMutablePointer<Complex<Double>>, bins: Int) {
        UnsafeMutableRawPointer(spectrum).withMemoryRebound(to: Double.self, capacity: 2 * bins) { s in
            var k = 0
            while k + 2 <= bins {
                let re = SIMD2(s[2 * k], s[2 * k + 2]), im = SIMD2(s[2 * k + 1], s[2 * k + 3])
                let goal = SIMD2(target[k], target[k + 1])
                let length = (re * re + im * im).squareRoot()
                let factor = goal / length
                let zero = length .== 0
                let newRe = (re * factor).replacing(with: goal, where: zero)
                let newIm = (im * factor).replacing(with: 0, where: zero)
                s[2 * k] = newRe[0]
                s[2 * k + 1] = newIm[0]
                s[2 * k + 2] = newRe[1]
                s[2 * k + 3] = newIm[1]
                k += 2
            }
            if k < bins {
                let re = s[2 * k], im = s[2 * k + 1]
                let length = (re * re + im * im).squareRoot()
                let factor = target[k] / length
                s[2 * k] = length > 0 ? re * factor : target[k]
                s[2 * k + 1] = length > 0 ? im * factor : 0
            }
        }
    }
}
