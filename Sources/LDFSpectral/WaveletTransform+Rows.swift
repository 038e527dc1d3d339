import Foundation
import Numerics

extension WaveletTransform {
    /// Computes row `index` at `shortCount` (M, a power of two with NL / M an integer) evenly
    /// spaced padded times: on return output[m] * e^{2 pi i (first + centre) m / M} / NL is W at
    /// padded sample m * NL / M (first = the row's first bin, centre = half its bin count). The
    /// row's bins are centred on index 0 (baseband), so `output` varies slowly and
    /// |output[m]| / NL = |W| exactly.
    ///
    /// `output` needs at least `shortCount` elements and belongs to the caller's task: the row's
    /// products are written into it and transformed in place.
    func computeRow(_ index: Int, spectrum: ComplexBuffer, shortCount: Int, output: ComplexBuffer) {
        computeRow(plan: rows[index], frequencyHz: frequenciesHz[index], spectrum: spectrum, shortCount: shortCount,
                   output: output)
    }

    /// `computeRow` for a row at any frequency `frequencyHz` with its `plan` (`rowPlan(atFrequencyHz:)`):
    /// the same product and short inverse FFT, so a row off the grid is exactly what MODA's
    /// transform gives at that frequency from the same padded spectrum.
    func computeRow(plan: RowPlan, frequencyHz frequency: Double, spectrum: ComplexBuffer, shortCount: Int,
                    output row: ComplexBuffer) {
        let mask = shortCount - 1
        precondition(shortCount & mask == 0 && plan.binCount <= shortCount, "row length must be a power of two >= its bins")
        let centre = plan.binCount / 2
        // The bins fill indices -centre ..< binCount - centre (mod shortCount); zero the rest.
        for m in (plan.binCount - centre)..<(shortCount - centre) { row[m] = .zero }
        let binHz = sampleRateHz / Double(paddedCount)
        let first = plan.firstBin
        switch kernel {
        case .wavelet(let wavelet):
            let start = wavelet.peakAngularFrequency * Double(first) * binHz / frequency
            let step = wavelet.peakAngularFrequency * binHz / frequency
            if wavelet.kind == .morlet {
                Self.fillMorletRow(w0: wavelet.peakAngularFrequency, start: start, step: step, plan: plan,
                                   spectrum: spectrum, work: row, mask: mask)
            } else {
                for i in 0..<plan.binCount {
                    row[(i - centre) & mask] = spectrum[first + i].multiplied(by: wavelet.fourierTransform(start + Double(i) * step))
                }
            }
        case .window(let window):
            // g_hat(2 pi (f - nu)) at nu = (first + i) binHz; bins below 0 hold conj(X(-k)) (real signal).
            for i in 0..<plan.binCount {
                let k = first + i
                let value = k >= 0 ? spectrum[k] : spectrum[-k].conjugate
                row[(i - centre) & mask] = value.multiplied(by: window.fourierTransform(2 * Double.pi * (frequency - Double(k) * binHz)))
            }
        }
        ComplexFFT(count: shortCount).backwardInPlace(row)
    }

    /// MODA's Morlet psi_hat(xi) = exp(-(w0 - xi)^2 / 2) - exp(-(w0^2 + xi^2) / 2) on xi = start +
    /// i * step times the row's bins, by Gaussian recurrences (ratios multiply by exp(-step^2) each
    /// bin), refreshed every 128 bins.
    private static func fillMorletRow(w0: Double, start: Double, step: Double, plan: RowPlan, spectrum: ComplexBuffer,
                                      work: ComplexBuffer, mask: Int) {
        let centre = plan.binCount / 2, first = plan.firstBin
        let q = exp(-step * step)
        var g1 = 0.0, r1 = 0.0, g2 = 0.0, r2 = 0.0
        for i in 0..<plan.binCount {
            if i & 127 == 0 {
                let xi = start + Double(i) * step
                g1 = exp(-0.5 * (w0 - xi) * (w0 - xi))
                r1 = exp((w0 - xi) * step - 0.5 * step * step)
                g2 = exp(-0.5 * (w0 * w0 + xi * xi))
                r2 = exp(-xi * step - 0.5 * step * step)
            }
            let weight = g1 - g2
            work[(i - centre) & mask] = spectrum[first + i].multiplied(by: weight)
            g1 *= r1; r1 *= q
            g2 *= r2; r2 *= q
        }
    }

    /// Row `index` at full rate over the signal's own samples (no decimation, no truncation):
    /// MODA's formula applied literally to every positive bin of the padded spectrum. For
    /// checks and for users who need the complex coefficients; O(NL log NL) per row.
    public func fullRateRow(of signal: [Double], frequencyIndex index: Int) throws -> [Complex<Double>] {
        try fullRateRows(of: signal, frequencyIndices: [index])[0]
    }

    /// Several full-rate rows (see `fullRateRow`), preprocessing and padding the signal once.
    public func fullRateRows(of signal: [Double], frequencyIndices: [Int]) throws -> [[Complex<Double>]] {
        precondition(frequencyIndices.allSatisfy(frequenciesHz.indices.contains), "frequency index out of range")
        return try fullRateRows(of: signal, frequenciesHz: frequencyIndices.map { frequenciesHz[$0] })
    }

    /// Full-rate rows at any frequencies in Hz (on the grid or not), from the same padded
    /// spectrum as the grid rows: what MODA's `wtAtf2` computes for one frequency.
    public func fullRateRows(of signal: [Double], frequenciesHz frequencies: [Double]) throws -> [[Complex<Double>]] {
        try checkSignal(signal)
        precondition(frequencies.allSatisfy { $0 > 0 && $0.isFinite }, "frequencies must be positive")
        let spectrum = paddedSpectrum(signal)
        let count = paddedCount
        let work = ComplexBuffer(count: count), output = ComplexBuffer(count: count)
        let binHz = sampleRateHz / Double(count)
        let fft = ComplexFFT(count: count)
        return frequencies.map { frequency in
            work.fill(.zero)
            for k in 1...(count / 2) {
                work[k] = spectrum[k].multiplied(by: kernel.weight(frequencyHz: frequency, atHz: Double(k) * binHz))
            }
            if options.transform == .wft {
                // wft.m keeps f = 0 and the negative frequencies -(NL/2 - 1) ... -1 (zero after preprocessing).
                work[0] = spectrum[0].multiplied(by: kernel.weight(frequencyHz: frequency, atHz: 0))
                for k in 1..<(count / 2) {
                    work[count - k] = spectrum[k].conjugate.multiplied(by: kernel.weight(frequencyHz: frequency, atHz: -Double(k) * binHz))
                }
            }
            fft.backward(work, output)
            return (0..<sampleCount).map { output[padBefore + $0].divided(by: Double(count)) }
        }
    }
}
