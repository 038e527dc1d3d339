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
        var current = permuted(random: &random)
        // One ranking (keys, radix buffers) for every iteration of this surrogate.
        var ranking = ValueRanking(count: n)
        var order = [Int32](repeating: 0, count: n)
        current.withUnsafeBufferPointer { ranking.sort(&order, by: $0) }
        let adjusted = UnsafeBufferPointer(start: workspace.real.pointer, count: n)
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            // 1. Impose the Fourier amplitudes, keep the phases (result in workspace.real).
            current.withUnsafeBufferPointer { c in
                workspace.real.pointer.update(from: c.baseAddress!, count: n)
            }
            fft.forward(workspace.real, workspace.spectrum)
            let s = workspace.spectrum.pointer
            targetAmplitude.withUnsafeBufferPointer { target in
                for k in 0..<bins {
                    let z = s[k]
                    let length = (z.real * z.real + z.imaginary * z.imaginary).squareRoot()
                    s[k] = length > 0 ? z.multiplied(by: target[k] / length) : Complex(target[k], 0)
                }
            }
            fft.backward(workspace.spectrum, workspace.real)
            // 2. Impose the distribution: the sorted values in the rank order of the adjusted
            //    series. An unchanged rank order leaves `current` as it is: converged.
            if SurrogateGenerator.isSorted(order, by: adjusted) {
                converged = true
                break
            }
            ranking.resort(&order, by: adjusted)
            current.withUnsafeMutableBufferPointer { c in
                sortedValues.withUnsafeBufferPointer { sorted in
                    order.withUnsafeBufferPointer { o in
                        for j in 0..<n { c[Int(o[j])] = sorted[j] }
                    }
                }
            }
        }
        let values = kind == .iaaftDistribution ? current : Array(adjusted)
        return Surrogate(kind: kind, values: values, iterations: iterations, converged: converged)
    }
}
