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
        let padded = paddedSignal(signal)
        let fft = PackedRealFFT(count: paddedCount)
        let spectrum = ComplexBuffer(count: fft.binCount)
        fft.forward(padded, spectrum)
        if options.transform == .wavelet { spectrum[0] = .zero } // wt.m zeroes f <= 0; wft.m keeps f = 0
        if options.preprocess {
            let band = passBand
            for k in 0..<fft.binCount where !band.contains(k) { spectrum[k] = .zero }
        }
        return spectrum
    }

    /// Steps 1-3 of `paddedSpectrum`: the NL samples that are Fourier transformed, the signal at
    /// offsets padBefore ..< padBefore + L.
    func paddedSignal(_ signal: [Double]) -> RealBuffer {
        let length = sampleCount
        let detrendAfterPadding = options.padding == .predictive && options.fminHz < 5 * sampleRateHz / Double(length)
        var x = signal
        if options.preprocess && !detrendAfterPadding {
            PolynomialDetrend.subtractFit(from: &x)
            bandPass(&x)
        }
        let padded = RealBuffer(count: paddedCount)
        let before = padBefore, after = padAfter
        for n in 0..<length { padded[before + n] = x[n] }
        switch options.padding {
        case .zero:
            break
        case .symmetric:
            for k in 0..<min(before, length) { padded[before - 1 - k] = x[k] }
            for k in 0..<min(after, length) { padded[before + length + k] = x[length - 1 - k] }
        case .periodic:
            for k in 0..<min(before, length) { padded[before - 1 - k] = x[length - 1 - k] }
            for k in 0..<min(after, length) { padded[before + length + k] = x[k] }
        case .predictive:
            let (left, right) = predictivePads(x)
            for k in 0..<before { padded[k] = left[k] }
            for k in 0..<after { padded[before + length + k] = right[k] }
        }
        if options.preprocess && (options.padding == .predictive) {
            withExtendedLifetime(padded) { PolynomialDetrend.subtractFit(from: padded.buffer) }
        }
        return padded
    }

    /// MODA's FFT band-pass on the unpadded signal: zero the bins with |f| <= max(fmin, fs/L)
    /// or |f| >= fmax.
    private func bandPass(_ x: inout [Double]) {
        let count = x.count
        let fft = PackedRealFFT(count: count)
        let input = RealBuffer(count: count), spectrum = ComplexBuffer(count: fft.binCount)
        for n in 0..<count { input[n] = x[n] }
        fft.forward(input, spectrum)
        let low = max(options.fminHz, sampleRateHz / Double(count))
        for k in 0..<fft.binCount {
            let frequency = Double(k) * sampleRateHz / Double(count) // MODA's ff = k fs / L, exactly as rounded there
            if frequency <= low || frequency >= options.fmaxHz { spectrum[k] = .zero }
        }
        fft.backward(spectrum, input)
        let scale = 1 / Double(count)
        for n in 0..<count { x[n] = input[n] * scale }
    }

    /// The left and right forecasts (left one in time order), computed concurrently. Only the
    /// trailing samples whose root weight reaches 1e-8 of the largest take part in `fcast`, so only
    /// those (plus a margin) are weighted and handed over; the result is the same.
    private func predictivePads(_ x: [Double]) -> (left: [Double], right: [Double]) {
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
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let source = side == 0 ? Array(x[0..<tail].reversed()) : Array(x[(length - tail)...])
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
