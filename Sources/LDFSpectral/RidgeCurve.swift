import Foundation
import Numerics

/// The ridge of a time-frequency representation: at each time the amplitude peak that belongs to
/// the dominant oscillation, and the region of unimodal amplitude around it (its support).
///
/// MODA's `ecurve` (Iatsenko, Stefanovska & McClintock 2016, "On the extraction of instantaneous
/// frequencies from ridges in time-frequency representations of signals", scheme II) with its
/// defaults: the peaks of |W| at each time (quadratically interpolated), then the path through
/// one peak per time that maximises sum_n [log Q(t_n) - |dF - m_dF| / s_dF - |F - m_F| / s_F],
/// F the peak frequency (its logarithm for a wavelet), m and s the median and interquartile range
/// of F and of its step over the current path, found exactly by dynamic programming; the medians
/// and ranges are re-estimated from the new path until it stops changing (at most 20 iterations,
/// or when it returns to an earlier path). The first path takes the largest peak at each time.
public struct RidgeCurve: Sendable, Equatable {
    /// Per time: the ridge's frequency row (grid index), its interpolated peak frequency in Hz,
    /// and the first and last rows of its support.
    public var rows: [Int]
    public var peakFrequenciesHz: [Double]
    public var supportLower: [Int]
    public var supportUpper: [Int]
    /// Scheme II iterations run, and whether the path stopped changing (false: 20 reached).
    public var iterations: Int
    public var converged: Bool

    /// The peaks of one time: interpolated row index, frequency (log for a wavelet) and amplitude.
    struct Peaks {
        var index: [Double] = []
        var frequency: [Double] = []
        var amplitude: [Double] = []
    }

    static let maximumIterations = 20

    /// Extracts the ridge from `amplitude` (|W|, one array of `timeCount` values per frequency of
    /// `frequenciesHz`, ascending). `logarithmic` is true for a wavelet's grid.
    /// - Precondition: at least 3 frequencies and 3 times, every amplitude finite.
    public init(amplitude: [[Double]], frequenciesHz: [Double], logarithmic: Bool, sampleRateHz: Double) {
        self.init(amplitudes: AmplitudeRows(rows: amplitude), frequenciesHz: frequenciesHz, logarithmic: logarithmic, sampleRateHz: sampleRateHz)
    }

    /// The ridge of complex coefficient rows (one array per frequency), from their moduli.
    init(coefficients: [[Complex<Double>]], frequenciesHz: [Double], logarithmic: Bool, sampleRateHz: Double) {
        self.init(amplitudes: CoefficientModuli(rows: coefficients), frequenciesHz: frequenciesHz, logarithmic: logarithmic, sampleRateHz: sampleRateHz)
    }

    init<A: RidgeAmplitudes>(amplitudes amplitude: A, frequenciesHz: [Double], logarithmic: Bool, sampleRateHz: Double) {
        let rowCount = frequenciesHz.count, timeCount = amplitude.timeCount
        precondition(rowCount >= 3 && timeCount >= 3 && amplitude.rowCount == rowCount, "a ridge needs 3 frequencies and 3 times")
        let step = logarithmic ? (log(frequenciesHz[rowCount - 1]) - log(frequenciesHz[0])) / Double(rowCount - 1)
            : (frequenciesHz[rowCount - 1] - frequenciesHz[0]) / Double(rowCount - 1)
        var peaks: [Peaks] = []
        peaks.reserveCapacity(timeCount)
        AmplitudeBlock.forEach(amplitude) { block in
            for t in block.times { peaks.append(Self.peaks(block, time: t, frequenciesHz: frequenciesHz, step: step, logarithmic: logarithmic)) }
        }
        // First path: the largest peak at each time.
        var chosen = peaks.map { Self.firstMaximum($0.amplitude.map(log)) }
        var rows = Self.rows(peaks, chosen)
        var history = [rows]
        var iterations = 0, converged = true
        var changed = Double.nan
        while changed != 0 {
            let path = Self.pathFrequencies(peaks, chosen)
            chosen = Self.optimalPath(peaks, statistics: PathStatistics(path, sampleRateHz: sampleRateHz))
            let previous = rows
            rows = Self.rows(peaks, chosen)
            changed = Double(zip(rows, previous).filter { $0 != $1 }.count) / Double(timeCount)
            iterations += 1
            if iterations > Self.maximumIterations && changed != 0 {
                converged = false
                break
            }
            history.append(rows)
            // MODA's cycle check: stop when the path equals one before the previous.
            if changed != 0 && iterations > 2 && history[1...(iterations - 2)].contains(rows) { break }
        }
        self.rows = rows
        peakFrequenciesHz = (0..<timeCount).map { t in
            let f = peaks[t].frequency[chosen[t]]
            return logarithmic ? exp(f) : f
        }
        var lower: [Int] = [], upper: [Int] = []
        lower.reserveCapacity(timeCount)
        upper.reserveCapacity(timeCount)
        AmplitudeBlock.forEach(amplitude) { block in
            for t in block.times {
                let support = Self.support(block, time: t, peakRow: rows[t])
                lower.append(support.lower)
                upper.append(support.upper)
            }
        }
        supportLower = lower
        supportUpper = upper
        self.iterations = iterations
        self.converged = converged
    }

    /// The interior local maxima of |W| at time `t` (a[j-1] <= a[j] > a[j+1]), quadratically
    /// interpolated; with none, the border rows that rise towards the edge (or both borders).
    static func peaks(_ a: AmplitudeBlock, time t: Int, frequenciesHz f: [Double], step: Double, logarithmic: Bool) -> Peaks {
        let n = f.count
        var peaks = Peaks()
        func add(_ index: Double, _ frequency: Double, _ value: Double) {
            peaks.index.append(index)
            peaks.frequency.append(logarithmic ? log(frequency) : frequency)
            peaks.amplitude.append(value)
        }
        // Each |W| is read once, sliding the three neighbours along the rows.
        var a1 = a[0, t], a2 = a[1, t]
        for j in 1..<(n - 1) {
            let a3 = a[j + 1, t]
            defer { a1 = a2; a2 = a3 }
            guard a2 >= a1 && a2 > a3 else { continue }
            let dp = 0.5 * (a1 - a3) / (a1 - 2 * a2 + a3)
            if dp.isNaN || abs(dp) > 1 {
                add(Double(j), f[j], a2)
            } else {
                add(Double(j) + dp, logarithmic ? f[j] * exp(dp * step) : f[j] + dp * step, a2 - 0.25 * (a1 - a3) * dp)
            }
        }
        if peaks.index.isEmpty {
            let g = [a[0, t], a[1, t], a[n - 2, t], a[n - 1, t]]
            if g[0] > g[1] || g[3] > g[2] {
                if g[0] > g[1] { add(0, f[0], g[0]) }
                if g[3] > g[2] { add(Double(n - 1), f[n - 1], g[3]) }
            } else {
                add(0, f[0], g[0])
                add(Double(n - 1), f[n - 1], g[3])
            }
        }
        return peaks
    }

    /// The index of the first largest value (MATLAB's `max`).
    static func firstMaximum(_ values: [Double]) -> Int {
        var best = 0
        for i in values.indices.dropFirst() where values[i] > values[best] { best = i }
        return best
    }

    /// The grid rows of the chosen peaks (MODA's round(Ip), halves away from zero).
    static func rows(_ peaks: [Peaks], _ chosen: [Int]) -> [Int] {
        zip(peaks, chosen).map { Int($0.index[$1].rounded(.toNearestOrAwayFromZero)) }
    }

    static func pathFrequencies(_ peaks: [Peaks], _ chosen: [Int]) -> [Double] {
        zip(peaks, chosen).map { $0.frequency[$1] }
    }

    /// Medians and interquartile ranges of a path's frequencies and of their steps (MODA's `mv`).
    struct PathStatistics {
        var stepMedian: Double, stepRange: Double, median: Double, range: Double

        init(_ path: [Double], sampleRateHz: Double) {
            let steps = zip(path.dropFirst(), path).map { $0 - $1 }
            stepMedian = Self.median(steps)
            median = Self.median(path)
            // MODA guards the ranges against zero (underflow) with 1e-32 / fs and 1e-16.
            let s1 = Self.interquartileRange(steps), s2 = Self.interquartileRange(path)
            stepRange = s1 > 0 ? s1 : 1e-32 / sampleRateHz
            range = s2 > 0 ? s2 : 1e-16
        }

        static func median(_ values: [Double]) -> Double {
            let s = values.sorted(), n = s.count
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2])
        }

        /// ss(round(0.75 n)) - ss(round(0.25 n)) of the sorted values (1-based, as MODA).
        static func interquartileRange(_ values: [Double]) -> Double {
            let s = values.sorted(), n = Double(s.count)
            let upper = Int((0.75 * n).rounded(.toNearestOrAwayFromZero)), lower = Int((0.25 * n).rounded(.toNearestOrAwayFromZero))
            return s[max(upper, 1) - 1] - s[max(lower, 1) - 1]
        }
    }

    /// The peak sequence maximising sum [log Q + penalty(F) + penalty(dF)] (MODA's `pathopt`),
    /// by dynamic programming over consecutive times.
    static func optimalPath(_ peaks: [Peaks], statistics m: PathStatistics) -> [Int] {
        let timeCount = peaks.count
        func stepPenalty(_ d: Double) -> Double { -abs((d - m.stepMedian) / m.stepRange) }
        func frequencyPenalty(_ f: Double) -> Double { -abs((f - m.median) / m.range) }
        let gain = peaks.map { p in zip(p.amplitude, p.frequency).map { log($0) + frequencyPenalty($1) } }
        var score = gain[0]
        var back = [[Int]](repeating: [], count: timeCount)
        for t in 1..<timeCount {
            let current = peaks[t].frequency, previous = peaks[t - 1].frequency
            var next = [Double](repeating: 0, count: current.count)
            var from = [Int](repeating: 0, count: current.count)
            for i in current.indices {
                var best = -Double.infinity, bestIndex = 0, first = true
                for j in previous.indices {
                    let value = gain[t][i] + stepPenalty(current[i] - previous[j]) + score[j]
                    if first || value > best { best = value; bestIndex = j; first = false }
                }
                next[i] = best
                from[i] = bestIndex
            }
            score = next
            back[t] = from
        }
        var path = [Int](repeating: 0, count: timeCount)
        path[timeCount - 1] = firstMaximum(score)
        for t in stride(from: timeCount - 2, through: 0, by: -1) { path[t] = back[t + 1][path[t + 1]] }
        return path
    }

    /// The rows of unimodal |W| around `peakRow` at time `t`: up to the first local minimum on
    /// each side (a[j] <= a[j -+ 1] and a[j] < a[j +- 1]), or the grid's edge.
    static func support(_ a: AmplitudeBlock, time t: Int, peakRow c: Int) -> (lower: Int, upper: Int) {
        let n = a.rowCount
        var upper = n - 1, lower = 0
        if c < n - 2 {
            for j in (c + 1)...(n - 2) where a[j, t] <= a[j - 1, t] && a[j, t] < a[j + 1, t] { upper = j; break }
        }
        if c > 1 {
            for j in stride(from: c - 1, through: 1, by: -1) where a[j, t] <= a[j + 1, t] && a[j, t] < a[j - 1, t] { lower = j; break }
        }
        return (lower, upper)
    }
}
