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

    /// Data (already multiplied by the root weights) with the sums over it that no trial
    /// frequency changes, made once per residual by `prepare`.
    struct Data: Sendable {
        var values: [Double]
        /// Σ rw·y, Σ y, Σ y².
        var weighted: Double, sum: Double, sumSquares: Double
    }

    let rootWeights: [Double]
    let rateHz: Double
    /// Σ rw² and Σ rw: the weights' own sums, the same at every frequency.
    private let weightSquares: Double, weightSum: Double

    init(rootWeights: [Double], rateHz: Double) {
        self.rootWeights = rootWeights
        self.rateHz = rateHz
        var squares = 0.0, sum = 0.0
        for w in rootWeights { squares += w * w; sum += w }
        weightSquares = squares
        weightSum = sum
    }

    /// `data` with its frequency-independent sums (each summed in sample order, as one pass would).
    func prepare(_ data: [Double]) -> Data {
        var weighted = 0.0, sum = 0.0, squares = 0.0
        for n in data.indices {
            let value = data[n]
            weighted += rootWeights[n] * value
            sum += value
            squares += value * value
        }
        return Data(values: data, weighted: weighted, sum: sum, sumSquares: squares)
    }

    /// Calls `body(n, rw cos, rw sin)` for every sample at `frequency`, by rotation (exact cos /
    /// sin re-evaluated every 64 samples to bound rounding drift).
    @inline(__always)
    private func forEachColumn(_ frequency: Double, _ body: (Int, Double, Double) -> Void) {
        let step = 2 * Double.pi * frequency / rateHz
        let stepCos = Foundation.cos(step), stepSin = Foundation.sin(step)
        var c = 1.0, s = 0.0
        for n in 0..<rootWeights.count {
            if n & 63 == 0 {
                let angle = step * Double(n)
                c = Foundation.cos(angle)
                s = Foundation.sin(angle)
            }
            let w = rootWeights[n]
            body(n, w * c, w * s)
            let nextC = c * stepCos - s * stepSin
            s = s * stepCos + c * stepSin
            c = nextC
        }
    }

    /// Least squares by the 3 x 3 normal equations (one pass over the frequency's columns; the
    /// sums that do not involve them come from `init` and `prepare`). The residual's sum of squares
    /// is y.y - b.(A^T y) from the same sums when that is safely above rounding (residual energy at
    /// least 1e-6 of the data's); otherwise a second pass computes the residual explicitly.
    func fit(_ prepared: Data, frequency: Double) -> Result {
        let data = prepared.values
        // Gram matrix of [rw, rw cos, rw sin], right-hand side and column sums.
        let g00 = weightSquares, s0 = weightSum
        let r0 = prepared.weighted, sumY = prepared.sum, sumYY = prepared.sumSquares
        var g01 = 0.0, g02 = 0.0, g11 = 0.0, g12 = 0.0, g22 = 0.0
        var r1 = 0.0, r2 = 0.0, s1 = 0.0, s2 = 0.0
        data.withUnsafeBufferPointer { y in
            forEachColumn(frequency) { n, c, s in
                let w = rootWeights[n], value = y[n]
                g01 += w * c; g02 += w * s
                g11 += c * c; g12 += c * s; g22 += s * s
                r1 += c * value; r2 += s * value
                s1 += c; s2 += s
            }
        }
        let b = Self.solve([g00, g01, g02, g01, g11, g12, g02, g12, g22], [r0, r1, r2])
        let count = Double(data.count)
        var sum = sumY - (b[0] * s0 + b[1] * s1 + b[2] * s2)
        var sumSquares = sumYY - (b[0] * r0 + b[1] * r1 + b[2] * r2)
        if !(sumSquares > 1e-6 * sumYY) {
            sum = 0
            sumSquares = 0
            data.withUnsafeBufferPointer { y in
                forEachColumn(frequency) { n, c, s in
                    let residual = y[n] - (b[0] * rootWeights[n] + b[1] * c + b[2] * s)
                    sum += residual
                    sumSquares += residual * residual
                }
            }
        }
        let mean = sum / count
        return Result(frequency: frequency, constant: b[0], cos: b[1], sin: b[2],
                      error: max(0, sumSquares / count - mean * mean).squareRoot())
    }

    /// data -= R (c + a cos + b sin) for a fitted tone.
    func subtract(_ tone: Result, from data: inout [Double]) {
        data.withUnsafeMutableBufferPointer { y in
            forEachColumn(tone.frequency) { n, c, s in
                y[n] -= tone.constant * rootWeights[n] + tone.cos * c + tone.sin * s
            }
        }
    }

    /// Solves a 3 x 3 system (row-major) by Gaussian elimination with partial pivoting; a
    /// vanishing pivot (a dependent column, e.g. sin at 0 Hz) gets coefficient 0.
    private static func solve(_ matrix: [Double], _ right: [Double]) -> [Double] {
        var a = matrix, b = right
        let scale = max(abs(a[0]), abs(a[4]), abs(a[8]))
        var dependent = [false, false, false]
        for column in 0..<3 {
            var pivot = column
            for row in (column + 1)..<3 where abs(a[row * 3 + column]) > abs(a[pivot * 3 + column]) { pivot = row }
            if pivot != column {
                for k in 0..<3 { a.swapAt(column * 3 + k, pivot * 3 + k) }
                b.swapAt(column, pivot)
            }
            let diagonal = a[column * 3 + column]
            guard abs(diagonal) > 1e-13 * scale else { dependent[column] = true; continue }
            for row in (column + 1)..<3 {
                let factor = a[row * 3 + column] / diagonal
                for k in column..<3 { a[row * 3 + k] -= factor * a[column * 3 + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [0.0, 0.0, 0.0]
        for row in stride(from: 2, through: 0, by: -1) where !dependent[row] {
            var sum = b[row]
            for k in (row + 1)..<3 { sum -= a[row * 3 + k] * x[k] }
            x[row] = sum / a[row * 3 + row]
        }
        return x
    }
}
