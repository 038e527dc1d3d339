import Foundation

/// Least-squares fit of the shape of a hyperaemic peak, for its time (docs/METHODS.md §7.3,
/// `peak_time_s`): before the peak time t0 the top of the rise, a parabola with its vertex at t0,
///
///     x(t) = P - k (t0 - t)²            for t < t0,
///
/// and from t0 on the Linköping recovery transient (§7.4) starting at the same height,
///
///     x(t) = d + (P - d) exp(-((t - t0) / b)^c)   for t ≥ t0.
///
/// The rise is modelled only near its top, where any smooth maximum approached with zero slope is
/// a parabola; the recovery by the published transient. The two meet at (t0, P), so the time of the
/// maximum is set by where the rise stops and the recovery begins rather than by a symmetric curve
/// through a peak that rises slowly and falls fast (a parabola's vertex then comes late). Times in
/// seconds, levels in the flux unit; k in flux/s², b in seconds, c dimensionless (kept within
/// 0.1-10).
///
/// Levenberg-Marquardt with Marquardt's diagonal scaling on (t0, P, k, ln b, ln c, d) and
/// forward-difference derivatives (the model is continuous in t0 but not smooth in it when c < 1).
struct PeakShapeFit: Sendable, Equatable {
    /// Time of the maximum, s (on the axis of the fitted times).
    var peakTime: Double
    /// Height of the maximum, flux.
    var peak: Double
    /// Curvature of the rise's top, flux/s².
    var curvature: Double
    var b: Double
    var c: Double
    var d: Double

    /// Model value at `t` seconds for the parameters p = (t0, P, k, ln b, ln c, d).
    static func model(_ t: Double, _ p: [Double]) -> Double {
        if t < p[0] { return p[1] - p[2] * (p[0] - t) * (p[0] - t) }
        return p[5] + (p[1] - p[5]) * exp(-pow((t - p[0]) / exp(p[3]), exp(p[4])))
    }

    /// Fits finite points (`times` in s, ascending) from the start values; nil with fewer than 8
    /// finite points, or when the fit leaves the data (t0 outside the fitted times, a rise that is
    /// not concave, or a recovery that does not fall).
    static func fit(times: [Double], values: [Double], start: PeakShapeFit) -> PeakShapeFit? {
        precondition(times.count == values.count, "times and values must have equal lengths")
        let points = zip(times, values).filter { $0.0.isFinite && $0.1.isFinite }
        guard points.count >= 8 else { return nil }
        let t = points.map(\.0), y = points.map(\.1)
        let p0 = [start.peakTime, start.peak, max(start.curvature, 1e-9), log(start.b), log(start.c), start.d]
        let p = levenbergMarquardt(t: t, y: y, start: p0)
        let result = PeakShapeFit(peakTime: p[0], peak: p[1], curvature: p[2], b: exp(p[3]), c: exp(p[4]), d: p[5])
        guard p.allSatisfy(\.isFinite), p[0] > t[0], p[0] < t[t.count - 1], p[2] > 0, p[1] > p[5] else { return nil }
        return result
    }

    /// Minimises the sum of squared residuals over p = (t0, P, k, ln b, ln c, d).
    static func levenbergMarquardt(t: [Double], y: [Double], start: [Double]) -> [Double] {
        let lnC = log(0.1)...log(10.0)
        let scale = [max(t[t.count - 1] - t[0], 1), max(abs(start[1]), 1), max(abs(start[2]), 1e-9), 1, 1, max(abs(start[1]), 1)]
        func clamp(_ p: [Double]) -> [Double] {
            var q = p
            q[4] = min(max(q[4], lnC.lowerBound), lnC.upperBound)
            return q
        }
        func ssr(_ p: [Double]) -> Double {
            var s = 0.0
            for i in t.indices { let r = y[i] - model(t[i], p); s += r * r }
            return s
        }
        var p = clamp(start)
        var current = ssr(p)
        var lambda = 1e-3
        let n = p.count
        for _ in 0..<200 {
            var jtj = [Double](repeating: 0, count: n * n), jtr = [Double](repeating: 0, count: n)
            let steps = (0..<n).map { 1e-6 * scale[$0] }
            for i in t.indices {
                let f = model(t[i], p)
                let r = y[i] - f
                let g = (0..<n).map { j -> Double in
                    var q = p
                    q[j] += steps[j]
                    return (model(t[i], q) - f) / steps[j]
                }
                for j in 0..<n {
                    jtr[j] += g[j] * r
                    for k in 0..<n { jtj[n * j + k] += g[j] * g[k] }
                }
            }
            var improved = false
            while lambda < 1e12 {
                var m = jtj
                for j in 0..<n { m[(n + 1) * j] += lambda * max(jtj[(n + 1) * j], 1e-12) }
                guard let step = solve(m, jtr, n: n) else { lambda *= 10; continue }
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
        return p
    }

    /// Solves the n×n system m x = v (row-major) by Gaussian elimination with partial pivoting.
    static func solve(_ m: [Double], _ v: [Double], n: Int) -> [Double]? {
        var a = m, b = v
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[n * $0 + col]) < abs(a[n * $1 + col]) }!
            guard abs(a[n * pivot + col]) > 1e-300 else { return nil }
            if pivot != col {
                for k in 0..<n { a.swapAt(n * col + k, n * pivot + k) }
                b.swapAt(col, pivot)
            }
            for row in (col + 1)..<n {
                let f = a[n * row + col] / a[n * col + col]
                for k in col..<n { a[n * row + k] -= f * a[n * col + k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<n { s -= a[n * row + k] * x[k] }
            x[row] = s / a[n * row + row]
        }
        return x
    }
}
