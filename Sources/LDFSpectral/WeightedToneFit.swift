import Foundation

/// Weighted least-squares fit of `c + a cos(2 pi f t) + b sin(2 pi f t)` (t = n / fs) to data that
/// are already multiplied by the root weights: minimises || y - R [1, cos, sin] (c, a, b) || with
/// R = diag(root weights). The step PyMODAlib's `fcast` repeats for every trial frequency.
struct WeightedToneFit: Sendable {
    struct Result: Sendable {
        var frequency: Double
        var constant: Double
        var cos: Double
        var sin: Double
        /// Population standard deviation of the weighted residual (NumPy's `std`).
        var error: Double
    }

    let rootWeights: [Double]
    let rateHz: Double

    /// Fills `cosine` and `sine` with rw * cos / rw * sin at `frequency`, by rotation (exact
    /// cos / sin re-evaluated every 64 samples to bound rounding drift).
    private func columns(_ frequency: Double, _ cosine: inout [Double], _ sine: inout [Double]) {
        let step = 2 * Double.pi * frequency / rateHz
        let stepCos = Foundation.cos(step), stepSin = Foundation.sin(step)
        var c = 1.0, s = 0.0
        for n in 0..<rootWeights.count {
            if n & 63 == 0 {
                let angle = step * Double(n)
                c = Foundation.cos(angle)
                s = Foundation.sin(angle)
            }
            cosine[n] = rootWeights[n] * c
            sine[n] = rootWeights[n] * s
            let nextC = c * stepCos - s * stepSin
            s = s * stepCos + c * stepSin
            c = nextC
        }
    }

    func fit(_ data: [Double], frequency: Double) -> Result {
        let count = rootWeights.count
        var cosine = [Double](repeating: 0, count: count), sine = [Double](repeating: 0, count: count)
        columns(frequency, &cosine, &sine)
        var basis = [rootWeights, cosine, sine]
        // QR by modified Gram-Schmidt with one reorthogonalisation pass: basis becomes Q, r is R.
        var r = [[Double]](repeating: [0, 0, 0], count: 3)
        for j in 0..<3 {
            for _ in 0..<2 {
                for i in 0..<j {
                    let projection = dot(basis[i], basis[j])
                    r[i][j] += projection
                    for n in 0..<count { basis[j][n] -= projection * basis[i][n] }
                }
            }
            let norm = dot(basis[j], basis[j]).squareRoot()
            r[j][j] = norm
            if norm > 0 { for n in 0..<count { basis[j][n] /= norm } }
        }
        var projected = (0..<3).map { dot(basis[$0], data) }
        var residual = data
        for i in 0..<3 where r[i][i] > 0 {
            for n in 0..<count { residual[n] -= projected[i] * basis[i][n] }
        }
        // Back substitution R b = Q^T y (a zero pivot means a dependent column: its coefficient is 0).
        var b = [0.0, 0.0, 0.0]
        for i in stride(from: 2, through: 0, by: -1) {
            guard r[i][i] > 1e-14 * r[0][0] else { b[i] = 0; projected[i] = 0; continue }
            var sum = projected[i]
            for k in (i + 1)..<3 { sum -= r[i][k] * b[k] }
            b[i] = sum / r[i][i]
        }
        return Result(frequency: frequency, constant: b[0], cos: b[1], sin: b[2],
                      error: PredictiveExtension.standardDeviation(residual))
    }

    /// data -= R (c + a cos + b sin) for a fitted tone.
    func subtract(_ tone: Result, from data: inout [Double]) {
        var cosine = [Double](repeating: 0, count: rootWeights.count), sine = cosine
        columns(tone.frequency, &cosine, &sine)
        for n in 0..<data.count {
            data[n] -= tone.constant * rootWeights[n] + tone.cos * cosine[n] + tone.sin * sine[n]
        }
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        let count = a.count
        var n = 0
        while n + 4 <= count {
            s0 += a[n] * b[n]; s1 += a[n + 1] * b[n + 1]; s2 += a[n + 2] * b[n + 2]; s3 += a[n + 3] * b[n + 3]
            n += 4
        }
        while n < count { s0 += a[n] * b[n]; n += 1 }
        return (s0 + s1) + (s2 + s3)
    }
}
