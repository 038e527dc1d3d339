import Foundation

/// MODA's predictive padding (`fcast` in wt.m; PyMODAlib's `fcast`): continues a signal past its
/// end with the sum of its main sinusoids, found one at a time by weighted least squares.
///
/// Algorithm (reproduced step by step from PyMODAlib 0.11.3b1, which ports wt.m):
/// 1. Weight the samples by sqrt(w) and keep the trailing ones whose sqrt(w) is at least 1e-8 of
///    the largest (L of them, spanning T = L / fs seconds); at most floor(L / 3) tones.
/// 2. Repeat: take the largest DFT bin of the residual (bins 1 ..< ceil(L/2) - 1), refine its
///    frequency upwards and downwards (steps growing by the golden ratio from 0.01 / T, then a
///    golden-section search to 0.01 / T) by fitting `c + a cos + b sin` by weighted least squares,
///    keep the better side, subtract the fitted tone.
/// 3. Stop when the residual standard deviation falls below 2 * machine epsilon of the original,
///    or when the Bayesian information criterion L ln(err) + (3 k + 1) ln L rose twice in a row.
/// 4. Forecast: tones inside the allowed band continue as sinusoids; tones outside it (and the
///    constant) continue as their value at the last sample.
///
/// Least squares here solve the 3 x 3 normal equations instead of NumPy's SVD; the errors the
/// search compares agree to about 1e-9 relative, so the search takes the same path except in
/// near-ties, where either choice lies within the 0.01 / T frequency tolerance.
///
/// Methods: docs/METHODS.md §3.3.
public enum PredictiveExtension {
    /// The forecast of `count` samples following `signal` (sampled at `rateHz`), continuing only
    /// tones with frequency strictly inside `band` (Hz), using at most `maxTones` tones and the
    /// least-squares `weights` (one per sample of `signal`, largest at the end).
    public static func forecast(_ signal: [Double], rateHz: Double, count: Int, band: ClosedRange<Double>,
                                maxTones: Int, weights: [Double]) -> [Double] {
        precondition(signal.count == weights.count, "one weight per sample")
        guard count > 0 else { return [] }
        let rootWeights = weights.map { $0.squareRoot() }
        let largest = rootWeights.max() ?? 0
        guard largest > 0, signal.count >= 3 else {
            return [Double](repeating: signal.last ?? 0, count: count)
        }
        var used = 0
        for value in rootWeights.reversed() where value / largest >= 1e-8 { used += 1 }
        let start = signal.count - used
        let length = used
        let rw = Array(rootWeights[start...])
        var residual = (0..<length).map { rw[$0] * signal[start + $0] }
        let duration = Double(length) / rateHz
        let toneLimit = min(maxTones, length / 3)
        let fit = WeightedToneFit(rootWeights: rw, rateHz: rateHz)
        let frequencyTolerance = 0.01 / duration
        let nyquist = rateHz / 2
        let originalSpread = standardDeviation(residual)
        let halfCount = (length + 1) / 2 // ceil(L / 2)
        let fft = RealFFT(count: length)
        let input = RealBuffer(count: length), spectrum = ComplexBuffer(count: fft.binCount)

        var tones: [(frequency: Double, amplitude: Double, phase: Double)] = []
        var constant = 0.0
        var criteria: [Double] = []
        var iteration = 0
        while iteration < toneLimit {
            iteration += 1
            for n in 0..<length { input[n] = residual[n] }
            fft.forward(input, spectrum)
            // The largest |X[k]|, compared as |X[k]|^2 (the same order; swift-numerics' `length`
            // rescales and tests finiteness on every bin).
            var peak = 1, peakSquare = -1.0
            if halfCount - 1 > 1 {
                for k in 1..<(halfCount - 1) {
                    let square = spectrum[k].lengthSquared
                    if square > peakSquare { peakSquare = square; peak = k }
                }
            }
            let start = Double(peak) * rateHz / Double(length)
            let prepared = fit.prepare(residual)
            let first = fit.fit(prepared, frequency: start) // both directions start from the same fit
            let up = refine(fit, prepared, from: first, tolerance: frequencyTolerance, limit: nyquist, upwards: true)
            let down = refine(fit, prepared, from: first, tolerance: frequencyTolerance, limit: nyquist, upwards: false)
            let best = up.error < down.error ? up : down
            tones.append((best.frequency, (best.cos * best.cos + best.sin * best.sin).squareRoot(), atan2(-best.sin, best.cos)))
            constant += best.constant
            fit.subtract(best, from: &residual)
            let criterion = Double(length) * log(best.error) + Double(3 * iteration + 1) * log(Double(length))
            criteria.append(criterion)
            if best.error / originalSpread < 2 * Double.ulpOfOne { break }
            let c = criteria.count
            if iteration > 2 && criterion > criteria[c - 2] && criteria[c - 2] > criteria[c - 3] { break }
        }

        var output = [Double](repeating: constant, count: count)
        let last = duration - 1 / rateHz
        for tone in tones {
            if band.lowerBound < tone.frequency && tone.frequency < band.upperBound {
                addTone(tone, after: duration, rateHz: rateHz, to: &output)
            } else {
                let held = tone.amplitude * cos(2 * Double.pi * tone.frequency * last + tone.phase)
                for n in 0..<count { output[n] += held }
            }
        }
        return output
    }

    /// Adds amplitude * cos(2 pi f (T + n / fs) + phase) for n = 0 ..< output.count, by rotation
    /// restarted from the exact cos and sin every 1024 samples. Four such blocks run side by side in
    /// the lanes of a SIMD4 (the rotations' latency overlaps), then two in a SIMD2, each lane
    /// computing exactly what one block alone would; the blocks left over run one at a time.
    private static func addTone(_ tone: (frequency: Double, amplitude: Double, phase: Double), after duration: Double,
                                rateHz: Double, to output: inout [Double]) {
        let count = output.count
        let step = 2 * Double.pi * tone.frequency / rateHz
        let rotation = (cos: cos(step), sin: sin(step))
        func angle(_ n: Int) -> Double { 2 * Double.pi * tone.frequency * (duration + Double(n) / rateHz) + tone.phase }
        output.withUnsafeMutableBufferPointer { values in
            var start = addBlocks(SIMD4<Double>.self, from: 0, amplitude: tone.amplitude, rotation: rotation,
                                  angle: angle, to: values)
            start = addBlocks(SIMD2<Double>.self, from: start, amplitude: tone.amplitude, rotation: rotation,
                              angle: angle, to: values)
            var c = 0.0, s = 0.0
            for n in start..<count {
                if (n - start) % toneBlock == 0 {
                    c = cos(angle(n))
                    s = sin(angle(n))
                }
                values[n] += tone.amplitude * c
                let nextC = c * rotation.cos - s * rotation.sin
                s = s * rotation.cos + c * rotation.sin
                c = nextC
            }
        }
    }

    /// Samples per `addTone` rotation block.
    private static let toneBlock = 1024

    /// `addTone`'s rotation over groups of `V.scalarCount` consecutive blocks from `start`, one block
    /// per lane, while a whole group fits; returns where the groups ended.
    @inline(__always)
    private static func addBlocks<V: SIMD>(_: V.Type, from start: Int, amplitude: Double,
                                           rotation: (cos: Double, sin: Double), angle: (Int) -> Double,
                                           to values: UnsafeMutableBufferPointer<Double>) -> Int
    where V.Scalar == Double {
        let block = toneBlock, lanes = V.scalarCount
        var start = start
        while start + lanes * block <= values.count {
            var c = V(), s = V()
            for lane in 0..<lanes {
                let first = angle(start + lane * block)
                c[lane] = cos(first)
                s[lane] = sin(first)
            }
            for j in 0..<block {
                let added = amplitude * c
                for lane in 0..<lanes { values[start + lane * block + j] += added[lane] }
                let nextC = c * rotation.cos - s * rotation.sin
                s = s * rotation.cos + c * rotation.sin
                c = nextC
            }
            start += lanes * block
        }
        return start
    }

    /// Refines a tone frequency from the fit `first` at the starting frequency in one direction:
    /// growing steps while the fit improves, then golden-section search (PyMODAlib's forward /
    /// backward search).
    private static func refine(_ fit: WeightedToneFit, _ data: WeightedToneFit.Data, from first: WeightedToneFit.Result,
                               tolerance: Double, limit nyquist: Double, upwards: Bool) -> WeightedToneFit.Result {
        let golden = (1 + 5.0.squareRoot()) / 2
        var next = first
        var previous = next
        var previousError = Double.infinity
        var step = tolerance
        while next.error < previousError {
            if upwards ? abs(next.frequency - nyquist + tolerance) < Double.ulpOfOne
                       : abs(next.frequency - tolerance) < Double.ulpOfOne { break }
            previous = next
            previousError = next.error
            let frequency = upwards ? min(previous.frequency + step, nyquist - tolerance)
                                    : max(previous.frequency - step, tolerance)
            next = fit.fit(data, frequency: frequency)
            step *= golden
        }
        if next.error < previousError { return next }
        if upwards && abs(next.frequency - previous.frequency - tolerance) < Double.ulpOfOne { return previous }
        // Bracket [low, middle, high] around the best point so far.
        var bracket: [WeightedToneFit.Result]
        if upwards {
            bracket = [fit.fit(data, frequency: previous.frequency - step / (golden * golden)), previous, next]
        } else {
            bracket = [next, previous, next] // the third point's value is never compared
            bracket[2] = WeightedToneFit.Result(frequency: previous.frequency + step / (golden * golden),
                                                constant: 0, cos: 0, sin: 0, error: next.error)
        }
        while bracket[1].frequency - bracket[0].frequency > tolerance
                && bracket[2].frequency - bracket[1].frequency > tolerance {
            let trial = fit.fit(data, frequency: bracket[0].frequency + bracket[2].frequency - bracket[1].frequency)
            let middle = bracket[1]
            if trial.error < middle.error && trial.frequency < middle.frequency {
                bracket = [bracket[0], trial, middle]
            } else if trial.error < middle.error && trial.frequency > middle.frequency {
                bracket = [middle, trial, bracket[2]]
            } else if trial.error > middle.error && trial.frequency < middle.frequency {
                bracket = [trial, middle, bracket[2]]
            } else if trial.error > middle.error && trial.frequency > middle.frequency {
                bracket = [bracket[0], middle, trial]
            } else {
                break // exact tie: PyMODAlib would loop forever here
            }
        }
        return bracket[1]
    }

    static func standardDeviation(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        var sum = 0.0
        for value in values { sum += (value - mean) * (value - mean) }
        return (sum / Double(values.count)).squareRoot()
    }
}
