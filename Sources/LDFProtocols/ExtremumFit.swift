/// The vertex of a peak or trough whose sides differ (docs/METHODS.md §18.3): over a window
/// around the extreme, y = v + k1 d² + q1 d⁴ before t* and v + k2 d² + q2 d⁴ after it
/// (d = t - t*), fitted by least squares for every candidate t* (each fit linear in its five
/// coefficients). A symmetric parabola or the maximum of a moving mean would be pulled towards
/// the flatter side; the quartic terms keep a wide window (for noise) from bending the vertex.
public struct ExtremumFit: Sendable, Equatable {
    /// The vertex time, seconds from the first sample.
    public var timeSeconds: Double
    /// The vertex level.
    public var level: Double

    public init(timeSeconds: Double, level: Double) {
        self.timeSeconds = timeSeconds
        self.level = level
    }

    /// Fits the finite samples of `y` at `rateHz` in `window` (index range), with candidate
    /// vertices in `candidates` (index range inside `window`). `peak` says which way the sides
    /// must bend at the vertex (down for a peak, up for a trough); nil when no candidate gives
    /// such a fit.
    public init?(_ y: [Double], rateHz: Double, window: Range<Int>, candidates: Range<Int>, peak: Bool) {
        let points = window.compactMap { i in y[i].isFinite ? (t: Double(i) / rateHz, y: y[i]) : nil }
        guard points.count >= 12, !candidates.isEmpty else { return nil }
        // Coarse pass once a second, then every sample within a second of the best.
        let coarse = max(1, Int(rateHz.rounded()))
        guard var best = Self.best(points, Array(stride(from: candidates.lowerBound, to: candidates.upperBound, by: coarse)), rateHz: rateHz, peak: peak) else {
            return nil
        }
        let fine = max(candidates.lowerBound, best.index - coarse)..<min(candidates.upperBound, best.index + coarse + 1)
        if let refined = Self.best(points, Array(fine), rateHz: rateHz, peak: peak) { best = refined }
        self.init(timeSeconds: Double(best.index) / rateHz, level: best.level)
    }

    static func best(_ points: [(t: Double, y: Double)], _ candidates: [Int], rateHz: Double, peak: Bool)
        -> (index: Int, level: Double, sse: Double)? {
        var best: (index: Int, level: Double, sse: Double)?
        for index in candidates {
            guard let fit = fit(points, vertex: Double(index) / rateHz),
                  peak ? fit.k1 <= 0 && fit.k2 <= 0 : fit.k1 >= 0 && fit.k2 >= 0 else { continue }
            if best == nil || fit.sse < best!.sse { best = (index, fit.v, fit.sse) }
        }
        return best
    }

    /// Least squares of y on [1, d², d⁴ before t*, d², d⁴ from t*], d in units of the window's
    /// half-length (for conditioning); curvatures returned in those units (only their signs are used).
    static func fit(_ points: [(t: Double, y: Double)], vertex: Double) -> (v: Double, k1: Double, k2: Double, sse: Double)? {
        guard let first = points.first?.t, let last = points.last?.t else { return nil }
        let scale = max(1e-9, (last - first) / 2)
        var normal = [[Double]](repeating: [Double](repeating: 0, count: 5), count: 5)
        var right = [Double](repeating: 0, count: 5)
        var yy = 0.0
        for p in points {
            let d = (p.t - vertex) / scale, d2 = d * d
            let x: [Double] = p.t < vertex ? [1, d2, d2 * d2, 0, 0] : [1, 0, 0, d2, d2 * d2]
            for i in 0..<5 where x[i] != 0 {
                right[i] += x[i] * p.y
                for j in 0..<5 where x[j] != 0 { normal[i][j] += x[i] * x[j] }
            }
            yy += p.y * p.y
        }
        guard let beta = solve(normal, right) else { return nil }
        let sse = yy - zip(beta, right).reduce(0) { $0 + $1.0 * $1.1 }
        return (beta[0], beta[1], beta[3], sse)
    }

    /// Solves the symmetric system by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var a = a, b = b
        let n = b.count
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            guard abs(a[pivot][col]) > 1e-12 * max(1, abs(a[0][0])) else { return nil }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let f = a[row][col] / a[col][col]
                for k in col..<n { a[row][k] -= f * a[col][k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<n { s -= a[row][k] * x[k] }
            x[row] = s / a[row][row]
        }
        return x
    }
}
