import Foundation
import LDFCore

extension WaveletTransform {
    /// The padded, preprocessed signal's spectrum, bins 0 ... NL/2 (unnormalised DFT), exactly
    /// as wt.m builds it before the per-frequency products:
    /// 1. preprocessing first (detrend, band-pass on the L-point FFT) unless the padding is
    ///    predictive and fmin < 5 fs / L (then only after padding, MODA's `dflag`);
    /// 2. padding (`Padding`): zero; symmetric or periodic copies (zeros beyond one signal length);
    ///    predictive = MODA's forecast (`PredictiveExtension`) of each end, weighted by
    ///    2^(-(distance from the end in s) / (t2h - t1h)) as in PyMODAlib and the wt.m it ports
    ///    (a later wt.m multiplies the exponent by 2 pi fmin / ompeak, weighting far longer
    ///    stretches; PyMODAlib, the reference the agreement tests use, does not);
    /// 3. after predictive padding, detrend the padded signal again;
    /// 4. the NL-point FFT, zeroing bins outside max(fmin, fs/L) < f < fmax when preprocessing
    ///    (fmin < f < fmax for the WFT, `passBand`).
    /// The same steps serve wft.m, whose padding weights use the window's t2h - t1h in seconds.
    func paddedSpectrum(_ signal: [Double]) -> ComplexBuffer {
        let fft = PackedRealFFT(count: paddedCount)
        let spectrum = ComplexBuffer(uninitializedCount: fft.binCount) // every bin is written below
        let padded = paddedSignal(signal, scratch: spectrum)
        fft.forward(padded, spectrum)
        if options.transform == .wavelet { spectrum[0] = .zero } // wt.m zeroes f <= 0; wft.m keeps f = 0
        if options.preprocess {
            let band = passBand
            for k in 0..<fft.binCount where !band.contains(k) { spectrum[k] = .zero }
        }
        return spectrum
    }

    /// Steps 1-3 of `paddedSpectrum`: the NL samples that are Fourier transformed, the signal at
    /// offsets padBefore ..< padBefore + L. The preprocessing works in the padded buffer itself
    /// (its first L samples, then moved into place), so the only large allocation is the buffer;
    /// `scratch`, at least L/2 + 1 bins, holds the band-pass spectrum (a new buffer if nil).
    func paddedSignal(_ signal: [Double], scratch: ComplexBuffer? = nil) -> RealBuffer {
        let length = sampleCount, before = padBefore, after = padAfter
        precondition(signal.count == length, "the transform was made for \(length) samples, not \(signal.count)")
        let detrendAfterPadding = options.padding == .predictive && options.fminHz < 5 * sampleRateHz / Double(length)
        let padded = RealBuffer(uninitializedCount: paddedCount)
        let all = padded.buffer
        if options.preprocess && !detrendAfterPadding {
            let head = UnsafeMutableBufferPointer(rebasing: all[0..<length])
            _ = head.initialize(from: signal)
            PolynomialDetrend.subtractFit(from: head)
            bandPass(padded, scratch: scratch ?? ComplexBuffer(uninitializedCount: length / 2 + 1))
            let scale = 1 / Double(length)
            (padded.pointer + before).update(from: padded.pointer, count: length) // memmove
            for n in before..<(before + length) { all[n] *= scale }
        } else {
            _ = UnsafeMutableBufferPointer(rebasing: all[before..<(before + length)]).initialize(from: signal)
        }
        padded.pointer.update(repeating: 0, count: before)
        (padded.pointer + before + length).update(repeating: 0, count: after)
        let x = UnsafeBufferPointer(rebasing: all[before..<(before + length)])
        switch options.padding {
        case .zero:
            break
        case .symmetric:
            for k in 0..<min(before, length) { all[before - 1 - k] = x[k] }
            for k in 0..<min(after, length) { all[before + length + k] = x[length - 1 - k] }
        case .periodic:
            for k in 0..<min(before, length) { all[before - 1 - k] = x[length - 1 - k] }
            for k in 0..<min(after, length) { all[before + length + k] = x[k] }
        case .predictive:
            let (left, right) = predictivePads(x)
            for k in 0..<before { all[k] = left[k] }
            for k in 0..<after { all[before + length + k] = right[k] }
        }
        if options.preprocess && (options.padding == .predictive) {
            withExtendedLifetime(padded) { PolynomialDetrend.subtractFit(from: padded.buffer) }
        }
        return padded
    }

    /// MODA's FFT band-pass on the first L samples of `buffer`, in place: zero the bins with
    /// |f| <= max(fmin, fs/L) or |f| >= fmax. The result is left scaled by L (FFTW's unnormalised
    /// inverse); the caller divides. `scratch` holds the L/2 + 1 bins.
    private func bandPass(_ buffer: RealBuffer, scratch spectrum: ComplexBuffer) {
        let count = sampleCount
        let fft = PackedRealFFT(count: count)
        fft.forward(buffer, spectrum)
        let low = max(options.fminHz, sampleRateHz / Double(count))
        for k in 0..<fft.binCount {
            let frequency = Double(k) * sampleRateHz / Double(count) // MODA's ff = k fs / L, exactly as rounded there
            if frequency <= low || frequency >= options.fmaxHz { spectrum[k] = .zero }
        }
        fft.backward(spectrum, buffer)
    }

    /// The left and right forecasts (left one in time order), computed concurrently. Only the
    /// trailing samples whose root weight reaches 1e-8 of the largest take part in `fcast`, so only
    /// those (plus a margin) are weighted and handed over; the result is the same.
    private func predictivePads(_ x: UnsafeBufferPointer<Double>) -> (left: [Double], right: [Double]) {
        let length = sampleCount
        let halfSpan = kernel.timeHalfSpan
        // sqrt(w) >= 1e-8 <=> distance <= 2 log2(1e8) half-spans = 53.15 * halfSpan seconds.
        let tail = min(length, Int(2 * log2(1e8) * halfSpan * sampleRateHz) + 4)
        let weights = ((length - tail)..<length).map { n in pow(2, -(Double(length - 1 - n) / sampleRateHz) / halfSpan) }
        let band = max(options.fminHz, sampleRateHz / Double(length))...options.fmaxHz
        let maxTones = min(Int((Double(frequenciesHz.count) / 2).rounded(.up)) + 5, Int((Double(length) / 3).rounded()))
        let results = PadResults()
        let counts = [padBefore, padAfter]
        let rate = sampleRateHz
        let sources = [Array(x[0..<tail].reversed()), Array(x[(length - tail)...])] // copied before the tasks start
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let source = sources[side]
            let forecast = PredictiveExtension.forecast(source, rateHz: rate, count: counts[side], band: band,
                                                        maxTones: maxTones, weights: weights)
            results.set(side, side == 0 ? Array(forecast.reversed()) : forecast)
        }
        return (results.get(0), results.get(1))
    }
}

/// Two result slots written by two concurrent tasks (one each), read after both finished.
private final class PadResults: @unchecked Sendable {
    private var slots: [[Double]] = [[], []]
    private let lock = NSLock()
    func set(_ index: Int, _ value: [Double]) { lock.lock(); slots[index] = value; lock.unlock() }
    func get(_ index: Int) -> [Double] { lock.lock(); defer { lock.unlock() }; return slots[index] }
}
