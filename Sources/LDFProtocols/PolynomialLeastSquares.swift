import Foundation

/// Least-squares polynomial of a given degree through samples at arbitrary times, solved by
/// Householder QR on the times mapped to [-1, 1] (well conditioned up to degree 6 and beyond,
/// unlike the normal equations). Used as the smooth reference of the CRT fit's end
/// (docs/METHODS.md §23.4).
struct PolynomialLeastSquares {
    /// Coefficients in powers of the mapped time x = (t - centre) / halfSpan.
    let coefficients: [Double]
    let centre: Double
    let halfSpan: Double

    /// The fit of `values` at `times` (at least degree + 1 distinct times); nil when the design is
    /// rank-deficient.
    init?(times: [Double], values: [Double], degree: Int) {
        let n = times.count, p = degree + 1
        guard n >= p, let first = times.first, let last = times.last, last > first else { return nil }
        centre = (first + last) / 2
        halfSpan = (last - first) / 2
        // Column-major design matrix.
        var a = [Double](repeating: 0, count: n * p)
        for i in 0..<n {
            let x = (times[i] - centre) / halfSpan
            var power = 1.0
            for j in 0..<p { a[j * n + i] = power; power *= x }
        }
        var b = values
        for j in 0..<p {
            var norm = 0.0
            for i in j..<n { norm += a[j * n + i] * a[j * n + i] }
            norm = norm.squareRoot()
            guard norm > 1e-12 else { return nil }
            let alpha = a[j * n + j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n - j)
            for i in j..<n { v[i - j] = a[j * n + i] }
            v[0] -= alpha
            let vv = v.reduce(0) { $0 + $1 * $1 }
            guard vv > 0 else { continue }
            for k in j..<p {
                var dot = 0.0
                for i in j..<n { dot += v[i - j] * a[k * n + i] }
                let f = 2 * dot / vv
                for i in j..<n { a[k * n + i] -= f * v[i - j] }
            }
            var dot = 0.0
            for i in j..<n { dot += v[i - j] * b[i] }
            let f = 2 * dot / vv
            for i in j..<n { b[i] -= f * v[i - j] }
        }
        var x = [Double](repeating: 0, count: p)
        for j in stride(from: p - 1, through: 0, by: -1) {
            var s = b[j]
            for k in (j + 1)..<p { s -= a[k * n + j] * x[k] }
            x[j] = s / a[j * n + j]
        }
        coefficients = x
    }

    /// The polynomial at time `t` (s, on the times' own axis).
    func value(at t: Double) -> Double {
        let x = (t - centre) / halfSpan
        return coefficients.reversed().reduce(0) { $0 * x + $1 }
    }
}
