import Foundation

/// Gauss-Newton refinement of y ≈ a·exp(b·t) + c from a good start, and the parameters'
/// standard errors from s²(JᵀJ)⁻¹ (docs/METHODS.md §23.3).
struct GaussNewtonDecay {
    let t: [Double]
    let y: [Double]
    static let maximumIterations = 50

    struct Solution {
        var a: Double, b: Double, c: Double
        var rss: Double
        var se: (a: Double, b: Double, c: Double)
    }

    func rss(_ a: Double, _ b: Double, _ c: Double) -> Double {
        var sum = 0.0
        for (ti, yi) in zip(t, y) {
            let r = yi - (a * exp(b * ti) + c)
            sum += r * r
        }
        return sum
    }

    /// JᵀJ (row-major 3×3) and Jᵀr at (a, b, c); the columns of J are ∂/∂a, ∂/∂b, ∂/∂c.
    func normalEquations(_ a: Double, _ b: Double, _ c: Double) -> (jtj: [Double], jtr: [Double]) {
        var jtj = [Double](repeating: 0, count: 9), jtr = [Double](repeating: 0, count: 3)
        for (ti, yi) in zip(t, y) {
            let e = exp(b * ti)
            let row = [e, a * ti * e, 1.0]
            let r = yi - (a * e + c)
            for i in 0..<3 {
                jtr[i] += row[i] * r
                for j in 0..<3 { jtj[3 * i + j] += row[i] * row[j] }
            }
        }
        return (jtj, jtr)
    }

    /// Steps from (a, b, c), halving a step until the residual falls; stops when no step helps.
    func polish(a: Double, b: Double, c: Double) -> Solution {
        var p = (a: a, b: b, c: c)
        var current = rss(p.a, p.b, p.c)
        for _ in 0..<Self.maximumIterations {
            let (jtj, jtr) = normalEquations(p.a, p.b, p.c)
            guard let step = Self.solve3(jtj, jtr) else { break }
            var scale = 1.0, improved = false
            while scale > 1e-6 {
                let trial = (a: p.a + scale * step[0], b: min(p.b + scale * step[1], 0), c: p.c + scale * step[2])
                let value = rss(trial.a, trial.b, trial.c)
                if value < current {
                    improved = current - value > 1e-15 * max(current, 1e-300)
                    p = trial
                    current = value
                    break
                }
                scale /= 2
            }
            if !improved { break }
        }
        return Solution(a: p.a, b: p.b, c: p.c, rss: current, se: standardErrors(p.a, p.b, p.c, rss: current))
    }

    /// sqrt of the diagonal of s²(JᵀJ)⁻¹, s² = RSS/(n - 3); infinite when JᵀJ is singular.
    func standardErrors(_ a: Double, _ b: Double, _ c: Double, rss: Double) -> (a: Double, b: Double, c: Double) {
        let s2 = rss / Double(t.count - 3)
        let jtj = normalEquations(a, b, c).jtj
        var diagonal: [Double] = []
        for k in 0..<3 {
            var unit = [0.0, 0.0, 0.0]
            unit[k] = 1
            guard let column = Self.solve3(jtj, unit) else { return (.infinity, .infinity, .infinity) }
            diagonal.append((max(column[k], 0) * s2).squareRoot())
        }
        return (diagonal[0], diagonal[1], diagonal[2])
    }

    /// Solves the 3×3 system m x = v (row-major m) by Gaussian elimination with partial pivoting;
    /// nil when m is singular.
    static func solve3(_ m: [Double], _ v: [Double]) -> [Double]? {
        var a = m, x = v
        let scale = m.map(abs).max() ?? 0
        for col in 0..<3 {
            let pivot = (col..<3).max { abs(a[3 * $0 + col]) < abs(a[3 * $1 + col]) }!
            guard abs(a[3 * pivot + col]) > 1e-14 * scale else { return nil }
            if pivot != col {
                for j in 0..<3 { a.swapAt(3 * pivot + j, 3 * col + j) }
                x.swapAt(pivot, col)
            }
            for row in (col + 1)..<3 {
                let f = a[3 * row + col] / a[3 * col + col]
                for j in col..<3 { a[3 * row + j] -= f * a[3 * col + j] }
                x[row] -= f * x[col]
            }
        }
        for row in stride(from: 2, through: 0, by: -1) {
            var s = x[row]
            for j in (row + 1)..<3 { s -= a[3 * row + j] * x[j] }
            x[row] = s / a[3 * row + row]
        }
        return x
    }
}
