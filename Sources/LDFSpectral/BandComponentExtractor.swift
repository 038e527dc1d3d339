import Foundation
import LDFCore
import Numerics

/// MODA's filtering window, headless: the dominant oscillation of each band of a signal.
///
/// Ridge method (MODA's `ridge_extraction`): the wavelet or windowed Fourier transform of the band
/// alone (fmin, fmax = the band's edges; MODA's defaults otherwise: Morlet f0 = 1 or the Gaussian
/// window with f0 = 1 / fmin, predictive padding, preprocessing, no cut edges), the ridge by
/// `RidgeCurve`, the component by `RidgeReconstruction`. Only the band's rows are kept (frequencies
/// x samples, complex), never the recording's whole time-frequency matrix.
///
/// Butterworth method (MODA's `loop_butter`): `MODABandPass`, then the Hilbert transform.
///
/// A band gets no component, with the reason, when it reaches the Nyquist frequency, when the
/// signal is flat in it (|W| zero everywhere), or when at most times |W| has no peak inside the
/// band (it only rises towards an edge: the oscillation lies outside the band).
public struct BandComponentExtractor: Sendable {
    public var method: ComponentMethod
    /// Transform options for the ridge method; `fminHz`/`fmaxHz` are replaced by each band's edges,
    /// and for the WFT a nil `windowF0` takes MODA's 1 / (band's low edge).
    public var transform: WaveletOptions
    public var windowF0: Double?

    public init(method: ComponentMethod = .ridge, transform: WaveletOptions = WaveletOptions(fminHz: 1, fmaxHz: 2),
                windowF0: Double? = nil) {
        self.method = method
        self.transform = transform
        self.windowF0 = windowF0
    }

    /// Largest share of times whose ridge may sit on a border row before the band counts as having no ridge.
    public static let borderShareLimit = 0.5

    /// The component of `band` in `signal` (gap-free, sampled at `sampleRateHz`).
    /// - Throws: `LDFError` for a NaN sample or a signal too short for the transform.
    public func extract(_ signal: [Double], sampleRateHz: Double, band: Band) throws -> BandComponentOutcome {
        let nyquist = sampleRateHz / 2
        guard band.highHz <= nyquist else {
            return .unavailable(band, reason: "the band reaches \(band.highHz) Hz, above the Nyquist frequency \(nyquist) Hz of a \(sampleRateHz) Hz recording")
        }
        if let bad = signal.firstIndex(where: { !$0.isFinite }) {
            throw LDFError("signal", "sample \(bad) is not finite; ridge extraction needs a gap-free signal",
                           fix: "bridge short gaps (\(parameter: "maxBridge")) or analyse the segments between gaps separately")
        }
        switch method {
        case .ridge: return try ridge(signal, sampleRateHz: sampleRateHz, band: band)
        case .butterworth: return try butterworth(signal, sampleRateHz: sampleRateHz, band: band)
        }
    }

    /// The options of the band's own transform.
    public func transformOptions(band: Band) -> WaveletOptions {
        var options = transform
        options.fminHz = band.lowHz
        options.fmaxHz = band.highHz
        if options.transform == .wft { options.f0 = windowF0 ?? WaveletOptions.defaultWindowF0(fminHz: band.lowHz) }
        return options
    }

    private func ridge(_ signal: [Double], sampleRateHz: Double, band: Band) throws -> BandComponentOutcome {
        let transform = try WaveletTransform(sampleCount: signal.count, sampleRateHz: sampleRateHz, options: transformOptions(band: band))
        let f = transform.frequenciesHz
        guard f.count >= 3 else {
            return .unavailable(band, reason: "the band holds \(f.count) frequencies of the transform's grid; a ridge needs at least 3 (widen the band)")
        }
        let rows = try transform.fullRateBandRows(of: signal)
        let scale = signal.map(abs).max() ?? 0
        guard Self.largestModulus(rows) > 1e-12 * max(scale, .leastNormalMagnitude) else {
            return .unavailable(band, reason: "the signal is flat in the band (its transform is zero): no oscillation to follow")
        }
        let curve = RidgeCurve(coefficients: rows, frequenciesHz: f, logarithmic: transform.options.transform == .wavelet,
                               sampleRateHz: sampleRateHz)
        let onBorder = curve.rows.filter { $0 == 0 || $0 == f.count - 1 }.count
        if Double(onBorder) > Self.borderShareLimit * Double(curve.rows.count) {
            return .unavailable(band, reason: "at \(Int((100 * Double(onBorder) / Double(curve.rows.count)).rounded())) % of the times the amplitude has no peak inside the band, only a rise towards its edge: no oscillation in the band")
        }
        let series = RidgeReconstruction.direct(rows: rows, frequenciesHz: f, curve: curve, kernel: transform.kernel, sampleRateHz: sampleRateHz)
        return .extracted(BandComponent(band: band, method: .ridge, sampleRateHz: sampleRateHz, frequencyHz: series.frequencyHz,
                                        amplitude: series.amplitude, phase: series.phase, reconstruction: series.reconstruction,
                                        ridgeIterations: curve.iterations, ridgeConverged: curve.converged,
                                        transformFrequencyCount: f.count, filterOrder: nil))
    }

    private func butterworth(_ signal: [Double], sampleRateHz: Double, band: Band) throws -> BandComponentOutcome {
        let filtered = try MODABandPass(signal, lowHz: band.lowHz, highHz: band.highHz, sampleRateHz: sampleRateHz)
        guard (filtered.values.map(abs).max() ?? 0) > 0 else {
            return .unavailable(band, reason: "the signal is flat in the band (the band-passed signal is zero): no oscillation to follow")
        }
        let analytic = AnalyticSignal.of(filtered.values)
        let phase = analytic.map { z -> Double in
            let angle = z.phase
            return angle < 0 ? angle + 2 * Double.pi : angle
        }
        return .extracted(BandComponent(band: band, method: .butterworth, sampleRateHz: sampleRateHz,
                                        frequencyHz: Self.phaseRateHz(analytic, rateHz: sampleRateHz), amplitude: analytic.map(\.length),
                                        phase: phase, reconstruction: filtered.values, ridgeIterations: nil, ridgeConverged: nil,
                                        transformFrequencyCount: nil, filterOrder: filtered.order))
    }

    /// The largest |W| of the rows.
    static func largestModulus(_ rows: [[Complex<Double>]]) -> Double {
        var largest = 0.0
        for row in rows {
            for z in row { largest = max(largest, z.length) }
        }
        return largest
    }

    /// d(unwrapped arg z)/dt / 2 pi in Hz: central differences inside, one-sided at the ends.
    static func phaseRateHz(_ z: [Complex<Double>], rateHz fs: Double) -> [Double] {
        let n = z.count
        guard n > 1 else { return [Double](repeating: .nan, count: n) }
        // The phase step between neighbours, arg(z[k+1] conj z[k]) in (-pi, pi]: unwrapping for free.
        let steps = (0..<(n - 1)).map { k in (z[k + 1] * z[k].conjugate).phase }
        return (0..<n).map { k in
            let radians: Double
            if k == 0 { radians = steps[0] } else if k == n - 1 { radians = steps[n - 2] } else { radians = 0.5 * (steps[k - 1] + steps[k]) }
            return radians * fs / (2 * Double.pi)
        }
    }
}

extension WaveletTransform {
    /// Every grid row at every signal sample, complex, exact (MODA's W(f, t) with CutEdges off):
    /// the band-limited row products inverse-transformed at the full padded length, rows in parallel.
    /// Memory: frequencies x samples complex values; meant for a band's own transform.
    public func fullRateBandRows(of signal: [Double]) throws -> [[Complex<Double>]] {
        try checkSignal(signal)
        let spectrum = paddedSpectrum(signal)
        let count = paddedCount, length = sampleCount, before = padBefore
        let results = ResultSlots<[Complex<Double>]>(count: frequenciesHz.count)
        let turns = FullTurnTable(count: count)
        ParallelWork.forEach(frequenciesHz.count, scratch: { ComplexBuffer(count: count) }) { output, index in
            let plan = RowPlan(firstBin: rows[index].firstBin, binCount: rows[index].binCount, shortCount: count)
            computeRow(plan: plan, frequencyHz: frequenciesHz[index], spectrum: spectrum, shortCount: count, output: output)
            let shift = plan.firstBin + plan.binCount / 2
            let scale = 1 / Double(count)
            let baseband = (shift % count + count) % count
            results.set(index, (0..<length).map { n in
                let m = before + n
                return (output[m] * turns[baseband * m % count]).multiplied(by: scale)
            })
        }
        return results.values
    }
}

/// e^{2 pi i k / count} for k = 0 ..< count, each computed as cos and sin of 2 pi k / count: the
/// shift back from baseband looks its factors up instead of evaluating them per sample.
struct FullTurnTable: Sendable {
    private let factors: [Complex<Double>]

    init(count: Int) {
        factors = (0..<count).map { k in
            let angle = 2 * Double.pi * Double(k) / Double(count)
            return Complex(cos(angle), sin(angle))
        }
    }

    subscript(k: Int) -> Complex<Double> { factors[k] }
}
