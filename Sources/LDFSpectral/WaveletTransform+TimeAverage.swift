import Foundation
import LDFCore
import Numerics
import Synchronization

extension WaveletTransform {
    /// The time-averaged spectrum of `signal` (mean |W| and mean |W|^2 per frequency,
    /// docs/METHODS.md §3.6) without forming the time-frequency matrix: memory O(NL), rows computed in parallel.
    ///
    /// Averages run over the samples inside the cone of influence (`cone`), or over the whole
    /// signal when `includeEdges` is true. Each row is evaluated at every (NL / M)-th sample
    /// (band-limited rows, see the type's documentation), at least 1024 samples inside the cone and
    /// at twice the row's bandwidth; against the full-rate average this changes amplitudes and
    /// powers by less than 1e-4 relative (measured at most 4e-5 in WaveletAveragingTests).
    ///
    /// - Throws: `LDFError` when the signal has the wrong length or a NaN / infinite sample, or
    ///   when no frequency has a coefficient inside the cone (the recording is too short for the
    ///   grid) and `includeEdges` is false.
    public func timeAveragedSpectrum(of signal: [Double], includeEdges: Bool = false) throws -> TimeAveragedSpectrum {
        try checkSignal(signal)
        let rowCount = frequenciesHz.count
        let validCounts = (0..<rowCount).map { cone.validCount($0) }
        if !includeEdges && validCounts.allSatisfy({ $0 == 0 }) {
            let seconds = Double(sampleCount) / sampleRateHz
            throw LDFError("signal", "the \(seconds) s signal has no \(options.transform == .wft ? "WFT" : "wavelet") coefficient inside the cone of influence at any frequency up to \(options.fmaxHz) Hz",
                           fix: "analyse a longer recording, or \(shortSignalFix), or include the edges")
        }
        let spectrum = paddedSpectrum(signal)
        let amplitude = ResultSlots<Double>(count: rowCount), power = ResultSlots<Double>(count: rowCount)
        // Largest rows first, so the short ones fill the gaps at the end.
        let order = (0..<rowCount).sorted { rows[$0].shortCount > rows[$1].shortCount }
        let longest = rows.map(\.shortCount).max() ?? 1
        ParallelWork.forEach(rowCount, order: order, scratch: { ComplexBuffer(count: longest) }) { output, index in
            let range = includeEdges ? 0..<sampleCount : cone.validRange(index)
            guard !range.isEmpty, rows[index].binCount > 0 else {
                let empty = range.isEmpty ? Double.nan : 0
                amplitude.set(index, empty); power.set(index, empty)
                return
            }
            let shortCount = rows[index].shortCount
            computeRow(index, spectrum: spectrum, shortCount: shortCount, output: output)
            let averages = decimatedAverages(output, shortCount: shortCount, signalRange: range)
            amplitude.set(index, averages.amplitude)
            power.set(index, averages.power)
        }
        var diagnostics: [Diagnostic] = []
        if let first = signal.first, signal.allSatisfy({ $0 == first }) {
            diagnostics.append(.warning("constant_signal", "the signal is constant (\(first)): every wavelet amplitude is zero"))
        }
        let empty = validCounts.filter { $0 == 0 }.count
        if !includeEdges && empty > 0 {
            diagnostics.append(.warning("no_valid_coefficients",
                "\(empty) of \(rowCount) frequencies (below about \(lowestResolvableFrequencyHz) Hz) have no coefficient inside the cone of influence: their averages are NaN"))
        }
        return TimeAveragedSpectrum(frequenciesHz: frequenciesHz, amplitude: amplitude.values, power: power.values,
                                    validFraction: (0..<rowCount).map { includeEdges ? 1 : cone.validFraction($0) },
                                    edgesIncluded: includeEdges, options: options, diagnostics: diagnostics)
    }

    /// Mean |W| and |W|^2 over the signal samples `signalRange` from a row computed by
    /// `computeRow` at every D = NL / M samples (`decimatedMean`).
    private func decimatedAverages(_ output: ComplexBuffer, shortCount: Int,
                                   signalRange: Range<Int>) -> (amplitude: Double, power: Double) {
        let mask = shortCount - 1
        let scale = 1 / Double(paddedCount)
        let mean = Self.decimatedMean(from: padBefore + signalRange.lowerBound, through: padBefore + signalRange.upperBound - 1,
                                      decimation: paddedCount / shortCount, sample: { m in
            let square = output[m & mask].lengthSquared * scale * scale // not .real / .imaginary, which test finiteness
            return SIMD2(square.squareRoot(), square)
        }, rangeSum: { range in
            // Decimated indices of signal samples lie inside the row (no wrap-around).
            precondition(range.lowerBound >= 0 && range.upperBound <= mask, "decimated range outside the row")
            return Self.amplitudeAndPowerSum(output.pointer, range, scale: scale)
        })
        return (mean[0], mean[1])
    }

    /// The sum over `range` of (|z| s, |z|^2 s^2) for z at `row`: the same bits as adding
    /// `decimatedAverages`'s samples one at a time in order (each |z|^2 s^2 computed as
    /// (re re + im im) s s, its square root exactly rounded), four samples loaded and squared at a
    /// time. The square roots themselves stay scalar: Swift on Linux lowers `squareRoot()`, SIMD
    /// included, to libm's `sqrt` with its errno check, and they now bound the loop.
    static func amplitudeAndPowerSum(_ row: UnsafeMutablePointer<Complex<Double>>, _ range: ClosedRange<Int>,
                                     scale: Double) -> SIMD2<Double> {
        var sum = SIMD2<Double>()
        var m = range.lowerBound
        let raw = UnsafeRawPointer(row)
        while m + 3 <= range.upperBound {
            let values = raw.loadUnaligned(fromByteOffset: m * MemoryLayout<Complex<Double>>.stride, as: SIMD8<Double>.self)
            let re = values.evenHalf, im = values.oddHalf
            let squares = (re * re + im * im) * scale * scale
            let roots = squares.squareRoot()
            for lane in 0..<4 { sum += SIMD2(roots[lane], squares[lane]) }
            m += 4
        }
        while m <= range.upperBound {
            let square = row[m].lengthSquared * scale * scale
            sum += SIMD2(square.squareRoot(), square)
            m += 1
        }
        return sum
    }

    /// The mean of g(n) over the padded samples a ... b (inclusive) from its values `sample(m)` =
    /// g(m D) at every D = `decimation` samples. The discrete sum is estimated by Euler-Maclaurin
    /// on the piecewise-linear interpolant of the decimated samples:
    /// sum_{n=a}^{b} g(n) ~ integral_a^b g + (g(a) + g(b)) / 2, exact when D = 1. Unlike a plain
    /// mean of the decimated samples, this weights the ends of the range correctly, where a
    /// wavelet row changes fastest. Two components at once (|W| and |W|^2, or a complex value).
    @inline(__always)
    static func decimatedMean(from a: Int, through b: Int, decimation: Int,
                              _ sample: (Int) -> SIMD2<Double>) -> SIMD2<Double> {
        decimatedMean(from: a, through: b, decimation: decimation, sample: sample) { range in
            var sum = SIMD2<Double>()
            for m in range { sum += sample(m) }
            return sum
        }
    }

    /// `decimatedMean` with the inner sum of `sample` over a closed range of decimated indices
    /// given by `rangeSum` (a faster loop giving the same bits).
    @inline(__always)
    static func decimatedMean(from a: Int, through b: Int, decimation: Int, sample: (Int) -> SIMD2<Double>,
                              rangeSum: (ClosedRange<Int>) -> SIMD2<Double>) -> SIMD2<Double> {
        let d = Double(decimation)
        func interpolated(_ t: Int) -> SIMD2<Double> {
            let m = t >= 0 ? t / decimation : -((-t + decimation - 1) / decimation)
            let fraction = Double(t - m * decimation) / d
            let g0 = sample(m)
            return fraction == 0 ? g0 : g0 + (sample(m + 1) - g0) * fraction
        }
        let count = Double(b - a + 1)
        let ends = interpolated(a) + interpolated(b)
        guard b > a else { return ends / 2 }
        let firstInside = (a + decimation - 1) / decimation, lastInside = b / decimation
        var integral = SIMD2<Double>()
        if firstInside > lastInside {
            integral = Double(b - a) * ends / 2
        } else {
            let sum = rangeSum(firstInside...lastInside)
            let first = sample(firstInside), last = sample(lastInside)
            integral = d * (sum - (first + last) / 2)
            integral += Double(firstInside * decimation - a) * (interpolated(a) + first) / 2
            integral += Double(b - lastInside * decimation) * (last + interpolated(b)) / 2
        }
        return (integral + ends / 2) / count
    }
}

extension TimeAveragedSpectrum {
    /// One-call convenience: sets up a `WaveletTransform` for `signal` and averages it. Build the
    /// transform yourself to analyse several signals of the same length and rate.
    public init(waveletOf signal: [Double], sampleRateHz: Double, options: WaveletOptions,
                includeEdges: Bool = false) throws {
        let transform = try WaveletTransform(sampleCount: signal.count, sampleRateHz: sampleRateHz, options: options)
        self = try transform.timeAveragedSpectrum(of: signal, includeEdges: includeEdges)
    }
}
