import Foundation
import LDFCore
import Numerics

/// The biamplitude and biphase of one frequency pair over time (MODA's `biphaseWavNew`):
/// x(t) = W_a(f1, t) W_b(f2, t) conj(W_b(f1 + f2, t)) at the exact frequencies f1, f2, f1 + f2
/// (not grid frequencies), biamplitude |x(t)|, biphase arg x(t) unwrapped over time. A biphase
/// that stays nearly constant over time marks quadratic phase coupling between the oscillations
/// at f1, f2 and f1 + f2; a drifting one, none.
public struct BiphaseSeries: Sendable, Equatable {
    public var kind: BispectrumKind
    public var pair: FrequencyPair
    /// Times in seconds from the first analysed sample (every NL / M samples, inside the cones of
    /// influence of all three rows, or over the whole signal with edges included).
    public var timesSeconds: [Double]
    /// |x(t)|, signal unit cubed.
    public var biamplitude: [Double]
    /// arg x(t), radians, unwrapped (NumPy's rule).
    public var biphase: [Double]
    /// Why the series is empty, when it is.
    public var reason: String?
}

extension BispectrumAnalyzer {
    /// The biamplitude and biphase of `kinds` at `pair` for `first` and `second` (nil: the first
    /// signal alone, kind 111 only).
    /// - Throws: `LDFError` (naming `--biphase`) when f1, f2 or f1 + f2 lies above the Nyquist
    ///   frequency, or outside fmin ... fmax with preprocessing on (its band-pass removes them);
    ///   for a wrong signal length, a NaN sample or a kind that needs the second signal.
    public func biphase(_ first: [Double], _ second: [Double]?, kinds: [BispectrumKind], pair: FrequencyPair) throws -> [BiphaseSeries] {
        try check(pair)
        let spectra = try paddedSpectra(first, second, kinds: kinds)
        return kinds.map { series($0, spectra: spectra, pair: pair) }
    }

    /// Checks that f1, f2 and f1 + f2 can be analysed.
    func check(_ pair: FrequencyPair) throws {
        let nyquist = transform.sampleRateHz / 2, sum = pair.f1Hz + pair.f2Hz
        let text = "\(MessageNumber.short(pair.f1Hz)),\(MessageNumber.short(pair.f2Hz))"
        let named = [("f1", pair.f1Hz), ("f2", pair.f2Hz), ("f1 + f2", sum)]
        for (name, f) in named {
            guard f.isFinite, f > 0 else {
                throw LDFError("\(parameter: "biphase")", "\(name) = \(f) Hz must be positive", fix: "give two positive frequencies, e.g. \(parameter: "biphase") 0.1,0.25")
            }
            guard f <= nyquist else {
                throw LDFError("\(parameter: "biphase")", "\(name) = \(MessageNumber.short(f)) Hz of the pair \(text) is above the Nyquist frequency \(MessageNumber.short(nyquist)) Hz",
                               fix: "choose frequencies whose sum is at most \(MessageNumber.short(nyquist)) Hz")
            }
        }
        let options = transform.options
        for (name, f) in named where options.preprocess && !(options.fminHz...options.fmaxHz).contains(f) {
            throw LDFError("\(parameter: "biphase")", "\(name) = \(MessageNumber.short(f)) Hz of the pair \(text) lies outside the analysed range \(MessageNumber.short(options.fminHz))–\(MessageNumber.short(options.fmaxHz)) Hz, which the preprocessing band-pass keeps",
                           fix: "widen \(parameter: "fmin")/\(parameter: "fmax") (fmax at most the Nyquist frequency \(MessageNumber.short(nyquist)) Hz) or choose another pair")
        }
    }

    /// The series of one kind at `pair` from the signals' padded spectra.
    func series(_ kind: BispectrumKind, spectra: [ComplexBuffer], pair: FrequencyPair) -> BiphaseSeries {
        let sum = pair.f1Hz + pair.f2Hz
        let range = includeEdges ? 0..<transform.sampleCount
            : transform.cone(atFrequencyHz: min(pair.f1Hz, pair.f2Hz)).validRange(0).clamped(to: transform.cone(atFrequencyHz: sum).validRange(0))
        var result = BiphaseSeries(kind: kind, pair: pair, timesSeconds: [], biamplitude: [], biphase: [])
        guard !range.isEmpty else {
            result.reason = "no time has all of \(MessageNumber.short(pair.f1Hz)), \(MessageNumber.short(pair.f2Hz)) and \(MessageNumber.short(sum)) Hz inside the cone of influence; analyse a longer recording or include the edges"
            return result
        }
        let frequencies = [pair.f1Hz, pair.f2Hz, sum]
        let plans = frequencies.map { transform.rowPlan(atFrequencyHz: $0, validCount: range.count) }
        let m = plans.map(\.shortCount).max()!
        let sources = [kind.sources.first, kind.sources.second, kind.sources.second]
        let rows = (0..<3).map { i -> ComplexBuffer in
            let output = ComplexBuffer(count: m)
            transform.computeRow(plan: plans[i], frequencyHz: frequencies[i], spectrum: spectra[sources[i]], shortCount: m,
                                 output: output)
            return output
        }
        let decimation = transform.paddedCount / m
        let firstIndex = (transform.padBefore + range.lowerBound + decimation - 1) / decimation
        let endIndex = (transform.padBefore + range.upperBound + decimation - 1) / decimation
        let shift = ((Self.shift(plans[0]) + Self.shift(plans[1]) - Self.shift(plans[2])) % m + m) % m
        let scale = pow(1 / Double(transform.paddedCount), 3)
        var phases: [Double] = []
        for index in firstIndex..<max(firstIndex, endIndex) {
            let angle = 2 * Double.pi * Double(shift * index % m) / Double(m)
            let x = (rows[0][index] * rows[1][index] * rows[2][index].conjugate * Complex(cos(angle), sin(angle))).multiplied(by: scale)
            result.timesSeconds.append(Double(index * decimation - transform.padBefore) / transform.sampleRateHz)
            result.biamplitude.append(x.length)
            phases.append(atan2(x.imaginary, x.real))
        }
        result.biphase = SurrogateGenerator.unwrap(phases)
        return result
    }
}
