/// Least-squares polynomial trend removal (MODA's preprocessing step: subtract a cubic fit).
///
/// MODA (wt.m, Iatsenko et al. 2015) and PyMODAlib fit `a + b t + c t^2 + d t^3` to the whole
/// signal by least squares and subtract it. The fit is the same whatever the time origin and scale,
/// so it is computed on t mapped to [-1, 1], which keeps the normal equations well conditioned
/// (condition number below 100 for degree 3).
public enum PolynomialDetrend {
    /// The polynomial degree MODA uses.
    public static let modaDegree = 3

    /// `samples` minus their least-squares polynomial of `degree` (default 3) against the sample
    /// index. Fewer samples than `degree + 1` leave a zero residual (the fit is exact).
    /// Samples must be finite (a NaN would spread to every output sample): callers check first.
    public static func residual(of samples: [Double], degree: Int = modaDegree) -> [Double] {
        var output = samples
        subtractFit(from: &output, degree: degree)
        return output
    }

    /// Subtracts the least-squares polynomial of `degree` in place (see `residual(of:degree:)`).
    public static func subtractFit(from samples: inout [Double], degree: Int = modaDegree) {
        samples.withUnsafeMutableBufferPointer { subtractFit(from: $0, degree: degree) }
    }

    /// Subtracts the least-squares polynomial of `degree` in place, on raw memory (for large
    /// FFT buffers that should not be copied).
    public static func subtractFit(from values: UnsafeMutableBufferPointer<Double>, degree: Int = modaDegree) {
        precondition(degree >= 0, "polynomial degree must be non-negative")
        let count = values.count
        guard count > 0 else { return }
        let terms = min(degree + 1, count)
        let scale = count > 1 ? 2.0 / Double(count - 1) : 0
        // Normal equations G c = r on the monomials of x = -1 + scale * n.
        var moments = [Double](repeating: 0, count: 2 * terms - 1)
        var right = [Double](repeating: 0, count: terms)
        if terms <= 4 {
            // Up to degree 3 (MODA's case): powers 0...6 in one pass, eleven independent sums
            // (x^4..x^6 as x^k x^4, x^4 = x^3 x), each added in sample order.
            var m1 = 0.0, m2 = 0.0, m3 = 0.0, m4 = 0.0, m5 = 0.0, m6 = 0.0
            var r0 = 0.0, r1 = 0.0, r2 = 0.0, r3 = 0.0
            for n in 0..<count {
                let x = -1 + scale * Double(n)
                let x2 = x * x, x3 = x2 * x, x4 = x3 * x
                let y = values[n]
                m1 += x; m2 += x2; m3 += x3
                m4 += x4; m5 += x * x4; m6 += x2 * x4
                r0 += y; r1 += x * y; r2 += x2 * y; r3 += x3 * y
            }
            moments = Array([Double(count), m1, m2, m3, m4, m5, m6].prefix(2 * terms - 1))
            right = Array([r0, r1, r2, r3].prefix(terms))
        } else {
            for n in 0..<count {
                let x = -1 + scale * Double(n)
                var power = 1.0
                for k in 0..<(2 * terms - 1) {
                    moments[k] += power
                    if k < terms { right[k] += power * values[n] }
                    power *= x
                }
            }
        }
        var gram = [Double](repeating: 0, count: terms * terms)
        for i in 0..<terms { for j in 0..<terms { gram[i * terms + j] = moments[i + j] } }
        let coefficients = solveSymmetric(gram, right, size: terms)
        if terms == 4 {
            // MODA's cubic: the same Horner steps as below, on constants instead of an array.
            let c0 = coefficients[0], c1 = coefficients[1], c2 = coefficients[2], c3 = coefficients[3]
            for n in 0..<count {
                let x = -1 + scale * Double(n)
                values[n] -= ((c3 * x + c2) * x + c1) * x + c0
            }
            return
        }
        for n in 0..<count {
            let x = -1 + scale * Double(n)
            var fit = coefficients[terms - 1]
            for k in stride(from: terms - 2, through: 0, by: -1) { fit = fit * x + coefficients[k] }
            values[n] -= fit
        }
    }

    /// Solves a small symmetric positive-definite system by Gaussian elimination with partial pivoting.
    private static func solveSymmetric(_ matrix: [Double], _ right: [Double], size: Int) -> [Double] {
        var a = matrix, b = right
        for column in 0..<size {
            var pivot = column
            for row in (column + 1)..<max(column + 1, size) where abs(a[row * size + column]) > abs(a[pivot * size + column]) {
                pivot = row
            }
            if pivot != column {
                for k in 0..<size { a.swapAt(column * size + k, pivot * size + k) }
                b.swapAt(column, pivot)
            }
            let diagonal = a[column * size + column]
            guard diagonal != 0 else { continue }
            for row in (column + 1)..<max(column + 1, size) {
                let factor = a[row * size + column] / diagonal
                if factor == 0 { continue }
                for k in column..<size { a[row * size + k] -= factor * a[column * size + k] }
                b[row] -= factor * b[column]
            }
        }
        var solution = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<max(row + 1, size) { sum -= a[row * size + k] * solution[k] }
            let diagonal = a[row * size + row]
            solution[row] = diagonal == 0 ? 0 : sum / diagonal
        }
        return solution
    }
}
