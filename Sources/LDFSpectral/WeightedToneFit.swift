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
    /// sin re-evaluated at every block of 64 samples to bound rounding drift).
    @inline(__always)
    private func forEachColumn(_ frequency: Double, _ body: (Int, Double, Double) -> Void) {
        forEachColumn(frequency, in: 0..<rootWeights.count, body)
    }

    /// `forEachColumn` over the samples in `range`, which starts at a block boundary.
    @inline(__always)
    private func forEachColumn(_ frequency: Double, in range: Range<Int>, _ body: (Int, Double, Double) -> Void) {
        let step = 2 * Double.pi * frequency / rateHz
        let stepCos = Foundation.cos(step), stepSin = Foundation.sin(step)
        var c = 1.0, s = 0.0
        for n in range {
            if n & (Self.block - 1) == 0 {
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

    /// Samples per rotation block: cos and sin are evaluated exactly at each block's first sample.
    private static let block = 64

    /// The sums over the columns rw cos, rw sin that the normal equations need at one frequency:
    /// Σ rw·c, Σ rw·s, Σ c², Σ c·s, Σ s², Σ c·y, Σ s·y, Σ c, Σ s.
    private struct ColumnSums {
        var weightCos = 0.0, weightSin = 0.0, cosCos = 0.0, cosSin = 0.0, sinSin = 0.0
        var cosY = 0.0, sinY = 0.0, cos = 0.0, sin = 0.0
    }

    /// `ColumnSums` at `frequency`. Two rotation blocks run side by side in the lanes of a SIMD2
    /// (block 2j in lane 0, 2j + 1 in lane 1), each computing exactly the cos and sin values of
    /// `forEachColumn`; the serial rotation recurrence was the fit's bottleneck. The leftover
    /// blocks are summed one sample at a time, and the lanes are added at the end.
    private func columnSums(_ y: UnsafeBufferPointer<Double>, frequency: Double) -> ColumnSums {
        let count = rootWeights.count, block = Self.block
        let pairs = count / (2 * block)
        let step = 2 * Double.pi * frequency / rateHz
        let stepCos = Foundation.cos(step), stepSin = Foundation.sin(step)
        var weightCos = SIMD2<Double>(), weightSin = SIMD2<Double>(), cosCos = SIMD2<Double>()
        var cosSin = SIMD2<Double>(), sinSin = SIMD2<Double>(), cosY = SIMD2<Double>(), sinY = SIMD2<Double>()
        var cosSum = SIMD2<Double>(), sinSum = SIMD2<Double>()
        rootWeights.withUnsafeBufferPointer { weights in
            for pair in 0..<pairs {
                let first = 2 * pair * block
                let angles = SIMD2(step * Double(first), step * Double(first + block))
                var c = SIMD2(Foundation.cos(angles[0]), Foundation.cos(angles[1]))
                var s = SIMD2(Foundation.sin(angles[0]), Foundation.sin(angles[1]))
                for j in 0..<block {
                    let n = first + j
                    let w = SIMD2(weights[n], weights[n + block])
                    let value = SIMD2(y[n], y[n + block])
                    let wc = w * c, ws = w * s
                    weightCos += w * wc; weightSin += w * ws
                    cosCos += wc * wc; cosSin += wc * ws; sinSin += ws * ws
                    cosY += wc * value; sinY += ws * value
                    cosSum += wc; sinSum += ws
                    let nextC = c * stepCos - s * stepSin
                    s = s * stepCos + c * stepSin
                    c = nextC
                }
            }
        }
        var sums = ColumnSums()
        forEachColumn(frequency, in: (2 * pairs * block)..<count) { n, c, s in
            let w = rootWeights[n], value = y[n]
            sums.weightCos += w * c; sums.weightSin += w * s
            sums.cosCos += c * c; sums.cosSin += c * s; sums.sinSin += s * s
            sums.cosY += c * value; sums.sinY += s * value
            sums.cos += c; sums.sin += s
        }
        sums.weightCos += weightCos.sum(); sums.weightSin += weightSin.sum()
        sums.cosCos += cosCos.sum(); sums.cosSin += cosSin.sum(); sums.sinSin += sinSin.sum()
        sums.cosY += cosY.sum(); sums.sinY += sinY.sum()
        sums.cos += cosSum.sum(); sums.sin += sinSum.sum()
        return sums
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
        let columns = data.withUnsafeBufferPointer { columnSums($0, frequency: frequency) }
        let g01 = columns.weightCos, g02 = columns.weightSin
        let g11 = columns.cosCos, g12 = columns.cosSin, g22 = columns.sinSin
        let r1 = columns.cosY, r2 = columns.sinY, s1 = columns.cos, s2 = columns.sin
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
