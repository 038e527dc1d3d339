import Foundation

/// Least-squares fit of the Linköping PORH transient x(t) = a exp(-(t/b)^c) + d (docs/METHODS.md §7.4),
/// t in seconds from the peak. Levels in the flux unit, b in seconds, c dimensionless.
///
/// Levenberg-Marquardt (Marquardt's diagonal scaling) on (a, ln b, ln c, d), so b and c stay
/// positive; c is kept within 0.1-10. Three starts (c = 0.7, 1, 1.5) guard against a poor local
/// minimum; the best sum of squares wins. Checked against `scipy.optimize.curve_fit`
/// (Tests/Fixtures/porh).
public struct StretchedExponentialFit: Sendable, Codable, Equatable {
    public var a: Double
    /// Time scale in seconds.
    public var b: Double
    /// Stretch exponent.
    public var c: Double
    /// Asymptote (the level the transient settles to).
    public var d: Double
    /// Coefficient of determination, 1 - SS_res / SS_tot.
    public var rSquared: Double
    /// Number of data points fitted.
    public var pointCount: Int

    public init(a: Double, b: Double, c: Double, d: Double, rSquared: Double, pointCount: Int) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.rSquared = rSquared
        self.pointCount = pointCount
    }

    /// Model value at `t` seconds from the peak.
    public func value(at t: Double) -> Double { Self.model(t, a, b, c, d) }

    static func model(_ t: Double, _ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        a * exp(-pow(max(t, 0) / b, c)) + d
    }

    /// Time in seconds from the peak until the model falls to d + `fraction` a (0 < fraction < 1):
    /// b (ln(1 / fraction))^(1/c); T50 is `recoveryTime(fraction: 0.5)`.
    public func recoveryTime(fraction: Double) -> Double { b * pow(log(1 / fraction), 1 / c) }

    /// Fits the model to finite points (`times` in seconds from the peak, not negative). Starting
    /// values: `d` from the last fifth of the data (or `fixedAsymptote`), `a` from the first value
    /// minus `d`, `b` from the half-decay time. With `fixedAsymptote` the end level d is held at that
    /// value and only a, b and c are fitted (a recovery too short to show its own end level).
    /// Returns nil with fewer than 8 finite points or no decay to fit.
    public static func fit(times: [Double], values: [Double], fixedAsymptote: Double? = nil) -> StretchedExponentialFit? {
        precondition(times.count == values.count, "times and values must have equal lengths")
        let points = zip(times, values).filter { $0.0.isFinite && $0.1.isFinite }
        guard points.count >= 8 else { return nil }
        let t = points.map(\.0), y = points.map(\.1)
        let tail = y.suffix(max(2, y.count / 5))
        let d0 = fixedAsymptote ?? tail.reduce(0, +) / Double(tail.count)
        let a0 = y.prefix(max(1, y.count / 50)).reduce(0, +) / Double(max(1, y.count / 50)) - d0
        guard a0 != 0, a0.isFinite else { return nil }
        let halfIndex = y.firstIndex { ($0 - d0) / a0 <= 0.5 } ?? y.count / 2
        let b0 = max(t[halfIndex] / log(2), (t[t.count - 1] - t[0]) / Double(t.count))
        var best: (p: [Double], ssr: Double)?
        for c0 in [0.7, 1.0, 1.5] {
            let result = levenbergMarquardt(t: t, y: y, start: [a0, log(b0), log(c0), d0], fitsAsymptote: fixedAsymptote == nil)
            if best == nil || result.ssr < best!.ssr { best = result }
        }
        guard let p = best?.p, let ssr = best?.ssr, ssr.isFinite else { return nil }
        let mean = y.reduce(0, +) / Double(y.count)
        let sst = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return StretchedExponentialFit(a: p[0], b: exp(p[1]), c: exp(p[2]), d: p[3],
                                       rSquared: sst > 0 ? 1 - ssr / sst : .nan, pointCount: y.count)
    }

    /// Minimises the sum of squared residuals over p = (a, ln b, ln c, d); d stays at its start
    /// value unless `fitsAsymptote`.
    static func levenbergMarquardt(t: [Double], y: [Double], start: [Double], fitsAsymptote: Bool = true) -> (p: [Double], ssr: Double) {
        let lnCRange = log(0.1)...log(10.0)
        func clamp(_ p: [Double]) -> [Double] { [p[0], p[1], min(max(p[2], lnCRange.lowerBound), lnCRange.upperBound), p[3]] }
        func ssr(_ p: [Double]) -> Double {
            let b = exp(p[1]), c = exp(p[2])
            var s = 0.0
            for i in t.indices {
                let r = y[i] - model(t[i], p[0], b, c, p[3])
                s += r * r
            }
            return s
        }
        var p = clamp(start)
        var current = ssr(p)
        var lambda = 1e-3
        for _ in 0..<200 {
            // Normal equations J^T J and J^T r for the model's derivatives.
            var jtj = [Double](repeating: 0, count: 16), jtr = [Double](repeating: 0, count: 4)
            let a = p[0], b = exp(p[1]), c = exp(p[2])
            for i in t.indices {
                let u = max(t[i], 0) / b
                let uc = u > 0 ? pow(u, c) : 0
                let e = exp(-uc)
                let r = y[i] - (a * e + p[3])
                let logU = u > 0 ? log(u) : 0
                let g = [e, a * e * c * uc, -a * e * c * uc * logU, fitsAsymptote ? 1.0 : 0.0]
                for j in 0..<4 {
                    jtr[j] += g[j] * r
                    for k in 0..<4 { jtj[4 * j + k] += g[j] * g[k] }
                }
            }
            var improved = false
            while lambda < 1e12 {
                var m = jtj
                for j in 0..<4 { m[5 * j] += lambda * max(jtj[5 * j], 1e-12) }
                if !fitsAsymptote { m[15] = 1 }
                guard let step = solve4(m, jtr) else { lambda *= 10; continue }
                let trial = clamp(zip(p, step).map { $0 + $1 })
                let s = ssr(trial)
                if s.isFinite && s < current {
                    let relative = (current - s) / max(current, 1e-300)
                    p = trial
                    current = s
                    lambda = max(lambda / 3, 1e-12)
                    improved = relative > 1e-12
                    break
                }
                lambda *= 4
            }
            if !improved { break }
        }
        return (p, current)
    }

    /// Solves the 4x4 system m x = v (row-major) by Gaussian elimination with partial pivoting.
    static func solve4(_ m: [Double], _ v: [Double]) -> [Double]? {
        var a = m, b = v
        for col in 0..<4 {
            let pivot = (col..<4).max { abs(a[4 * $0 + col]) < abs(a[4 * $1 + col]) }!
            guard abs(a[4 * pivot + col]) > 1e-300 else { return nil }
            if pivot != col {
                for k in 0..<4 { a.swapAt(4 * col + k, 4 * pivot + k) }
                b.swapAt(col, pivot)
            }
            for row in (col + 1)..<4 {
                let f = a[4 * row + col] / a[4 * col + col]
                for k in col..<4 { a[4 * row + k] -= f * a[4 * col + k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: 4)
        for row in stride(from: 3, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<4 { s -= a[4 * row + k] * x[k] }
            x[row] = s / a[4 * row + row]
        }
        return x
    }
}
