import Foundation

/// Detrended fluctuation analysis, DFA-1 (Peng et al. 1994, Phys Rev E 49:1685; 1995, Chaos 5:82)
/// and its multifractal generalisation MFDFA (Kantelhardt et al. 2002, Physica A 316:87).
///
/// The profile Y = cumsum(x - mean x) is cut into non-overlapping windows of n samples from the
/// start (a trailing partial window is dropped), a straight line is fitted to each window by least
/// squares, and the residual variance F²(v, n) (mean squared residual) is kept per window; windows
/// with zero variance are dropped (they would make negative q infinite). The q-th order fluctuation
/// is F_q(n) = (mean_v F²(v, n)^(q/2))^(1/q), and F_0(n) = exp(mean_v ln F²(v, n) / 2); DFA's F(n) is
/// F_2. Exponents are least-squares slopes of ln F_q(n) against ln n. This is NeuroKit2's
/// `fractal_dfa(..., overlap=False, order=1)` (NeuroKit2 overlaps windows by half by default and
/// drops variances below an absolute 1e-8).
/// See docs/METHODS.md §16.
public enum DetrendedFluctuation {
    /// Residual variances of the windows of `scale` samples of `profile`.
    public static func windowVariances(_ profile: [Double], scale n: Int) -> [Double] {
        precondition(n >= 3, "DFA windows need at least 3 samples")
        let count = profile.count / n
        // x = 0 ..< n centred: sum x = 0, sum x^2 = n (n^2 - 1) / 12.
        let centre = Double(n - 1) / 2, sxx = Double(n) * (Double(n) * Double(n) - 1) / 12
        var variances: [Double] = []
        variances.reserveCapacity(count)
        profile.withUnsafeBufferPointer { y in
            for w in 0..<count {
                let start = w * n
                var sum = 0.0
                for k in 0..<n { sum += y[start + k] }
                let mean = sum / Double(n)
                var syy = 0.0, sxy = 0.0
                for k in 0..<n {
                    let d = y[start + k] - mean
                    syy += d * d
                    sxy += (Double(k) - centre) * d
                }
                let residual = max(0, syy - sxy * sxy / sxx) / Double(n)
                if residual > 0 { variances.append(residual) }
            }
        }
        return variances
    }

    /// The profile of `values`: cumulative sum of the deviations from the mean.
    public static func profile(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(max(values.count, 1))
        var running = 0.0
        return values.map { running += $0 - mean; return running }
    }

    /// F_q from window variances (nil when there is none).
    public static func fluctuation(_ variances: [Double], q: Double) -> Double? {
        guard !variances.isEmpty else { return nil }
        let count = Double(variances.count)
        if q == 0 { return exp(variances.reduce(0) { $0 + log($1) } / count / 2) }
        return pow(variances.reduce(0) { $0 + pow($1, q / 2) } / count, 1 / q)
    }

    /// Least-squares slope of y against x.
    static func slope(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
        }
        return sxy / sxx
    }

    /// Window sizes in samples: `count` sizes spaced evenly in log between `lowSeconds` and
    /// `highSeconds` at `sampleRateHz`, rounded to whole samples, repeats removed.
    public static func scales(lowSeconds: Double, highSeconds: Double, count: Int, sampleRateHz: Double) -> [Int] {
        let lo = log(lowSeconds * sampleRateHz), hi = log(highSeconds * sampleRateHz)
        let sizes = (0..<count).map { i in
            Int(exp(count == 1 ? lo : lo + (hi - lo) * Double(i) / Double(count - 1)).rounded())
        }
        return Array(Set(sizes)).sorted()
    }
}
