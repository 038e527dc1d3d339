import Foundation
import LDFCore
import Numerics

extension CoherenceAnalyzer {
    /// Time-localised phase coherence of `first` and `second` at every frequency (MODA's
    /// `tlphcoh`): at frequency f, |sum of exp(i dphi)| / w over a centred window of w decimated
    /// samples, w = round(windowCycles / f / spacing) made odd (MODA rounds the window to an odd
    /// number of samples and divides by w, counting samples without a phase as zero). Windows lie
    /// wholly inside the cone of influence; a frequency whose valid stretch is shorter than its
    /// window gets no values.
    ///
    /// - Parameter windowCycles: window length in cycles of each frequency (default 10, MODA's).
    /// - Throws: `LDFError` for a non-positive window, a wrong length or a NaN / infinite sample.
    public func timeLocalised(_ first: [Double], _ second: [Double], windowCycles: Double = 10) throws -> [TimeLocalisedCoherence] {
        guard windowCycles.isFinite && windowCycles > 0 else {
            throw LDFError("\(parameter: "windowCycles")", "\(windowCycles) cycles must be positive", fix: "use the default 10 cycles (MODA's)")
        }
        try transform.checkSignal(first)
        try transform.checkSignal(second)
        let spectrumA = transform.paddedSpectrum(first), spectrumB = transform.paddedSpectrum(second)
        let rowCount = transform.frequenciesHz.count
        let slots = ResultSlots<TimeLocalisedCoherence>(count: rowCount)
        let longest = longestRow
        ParallelWork.forEach(rowCount) { index in
            let buffers = RowBuffers(count: longest)
            slots.set(index, self.localRow(index, spectrumA, spectrumB, buffers, windowCycles: windowCycles))
        }
        return slots.values
    }

    private func localRow(_ index: Int, _ spectrumA: ComplexBuffer, _ spectrumB: ComplexBuffer, _ buffers: RowBuffers,
                          windowCycles: Double) -> TimeLocalisedCoherence {
        let frequency = transform.frequenciesHz[index]
        let rate = transform.sampleRateHz
        let stride = transform.paddedCount / transform.rows[index].shortCount
        var window = Int((windowCycles / frequency * rate / Double(stride)).rounded())
        window += 1 - window % 2
        let windowSeconds = Double(window * stride) / rate
        let span = spans[index]
        guard span.count >= window, transform.rows[index].binCount > 0 else {
            return TimeLocalisedCoherence(frequencyHz: frequency, windowSeconds: windowSeconds, timesSeconds: [], coherence: [])
        }
        computeRows(index, spectrumA, spectrumB, buffers)
        let a = buffers.first.pointer, b = buffers.second.pointer
        // Cumulative sums of the unit phasors, cumulative[j] = sum of the first j.
        var cumulative = [Complex<Double>](repeating: .zero, count: span.count + 1)
        var running = Complex<Double>.zero
        for (j, m) in span.enumerated() {
            let product = a[m] * b[m].conjugate
            let magnitude = product.length
            if magnitude > 0 { running += product.divided(by: magnitude) }
            cumulative[j + 1] = running
        }
        let half = window / 2
        let centres = 0...(span.count - window)
        let times = centres.map { Double((span.lowerBound + $0 + half) * stride - transform.padBefore) / rate }
        let values = centres.map { (cumulative[$0 + window] - cumulative[$0]).length / Double(window) }
        return TimeLocalisedCoherence(frequencyHz: frequency, windowSeconds: windowSeconds, timesSeconds: times, coherence: values)
    }
}
