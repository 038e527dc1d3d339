import Foundation
import Numerics

/// The wavelet phases of one signal on a `HarmonicWaveletGrid`: per scale, the phase (rad) at
/// each valid column, stored as Float because the reference keeps its transform in single
/// precision (`complex64`) and takes the phase there; the phases only enter through their rank
/// order, which single precision then reproduces.
struct HarmonicPhases: Sendable {
    /// Per scale (grid order), the phases at the kernel's valid columns.
    var rows: [[Float]]
}

/// Per-task FFT buffers of the harmonic-finder transform.
final class HarmonicTransformScratch: @unchecked Sendable {
    let signalSpectrum: ComplexBuffer
    let work: ComplexBuffer
    let product: ComplexBuffer
    let folded: ComplexBuffer
    let output: ComplexBuffer

    init(fftLength: Int, stride: Int) {
        signalSpectrum = ComplexBuffer(count: fftLength)
        work = ComplexBuffer(count: fftLength)
        product = ComplexBuffer(count: fftLength)
        folded = ComplexBuffer(count: fftLength / stride)
        output = ComplexBuffer(count: fftLength / stride)
    }
}

extension HarmonicWaveletGrid {
    func makeScratch() -> HarmonicTransformScratch { HarmonicTransformScratch(fftLength: fftLength, stride: stride) }

    /// The phases of `values` (`sampleCount` finite samples) at every scale, scales spread across
    /// the cores when `parallel`.
    func phases(of values: [Double], parallel: Bool) -> HarmonicPhases {
        precondition(values.count == sampleCount, "harmonic finder grid made for \(sampleCount) samples, given \(values.count)")
        let spectrum = signalSpectrum(values)
        if parallel {
            let slots = ResultSlots<[Float]>(count: kernels.count)
            let order = Array(kernels.indices.reversed()) // longest kernels first
            ParallelWork.forEach(kernels.count, order: order, scratch: { self.makeScratch() }) { scratch, z in
                slots.set(z, self.row(z, spectrum: spectrum, scratch: scratch))
            }
            return HarmonicPhases(rows: slots.values)
        }
        let scratch = makeScratch()
        return HarmonicPhases(rows: kernels.indices.map { row($0, spectrum: spectrum, scratch: scratch) })
    }

    /// The DFT of `values` zero-padded to `fftLength`.
    func signalSpectrum(_ values: [Double]) -> [Complex<Double>] {
        let input = ComplexBuffer(count: fftLength), output = ComplexBuffer(count: fftLength)
        for i in values.indices { input[i] = Complex(values[i], 0) }
        ComplexFFT(count: fftLength).forward(input, output)
        return Array(output.buffer)
    }

    /// Scale `z`'s phases: the kernel's DFT times the signal's, folded to every `stride`-th
    /// sample of the convolution (decimation in time is aliasing in frequency), inverted at
    /// length fftLength / stride, read at column c = convolution index K + c × stride.
    func row(_ z: Int, spectrum: [Complex<Double>], scratch: HarmonicTransformScratch) -> [Float] {
        let kernel = kernels[z], n = fftLength, short = n / stride
        scratch.work.fill(.zero)
        for j in kernel.taps.indices { scratch.work[j] = kernel.taps[j] }
        ComplexFFT(count: n).forward(scratch.work, scratch.product)
        scratch.folded.fill(.zero)
        for block in 0..<stride {
            let base = block * short
            for k in 0..<short { scratch.folded[k] += scratch.product[base + k] * spectrum[base + k] }
        }
        ComplexFFT(count: short).backward(scratch.folded, scratch.output)
        let scale = 1 / Double(n), offset = kernel.halfWidth / stride
        return kernel.valid.map { c in
            let value = scratch.output[offset + c]
            return atan2(Float(value.imaginary * scale), Float(value.real * scale))
        }
    }
}
