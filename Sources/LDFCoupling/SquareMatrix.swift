/// Small dense linear algebra for the Bayesian inference: square matrices stored row-major,
/// solved by Cholesky when symmetric positive definite (as MATLAB's and Octave's `\` do for such
/// matrices) and by LU with partial pivoting otherwise.
struct SquareMatrix: Equatable {
    let size: Int
    var values: [Double]

    init(size: Int, values: [Double]) {
        precondition(values.count == size * size, "a square matrix needs size^2 values")
        self.size = size
        self.values = values
    }

    static func zeros(_ size: Int) -> SquareMatrix { SquareMatrix(size: size, values: [Double](repeating: 0, count: size * size)) }

    subscript(row: Int, column: Int) -> Double {
        get { values[row * size + column] }
        set { values[row * size + column] = newValue }
    }

    /// x with A x = b: Cholesky when A is symmetric positive definite, else LU; nil when A is
    /// singular to working precision.
    func solve(_ b: [Double]) -> [Double]? {
        choleskySolve(b) ?? luSolve(b)
    }

    /// The inverse (columns solved one by one), nil when singular.
    func inverse() -> SquareMatrix? {
        var result = SquareMatrix.zeros(size)
        if let factor = cholesky() {
            for column in 0..<size {
                var e = [Double](repeating: 0, count: size)
                e[column] = 1
                let x = Self.choleskySolve(factor, e, size: size)
                for row in 0..<size { result[row, column] = x[row] }
            }
            return result
        }
        for column in 0..<size {
            var e = [Double](repeating: 0, count: size)
            e[column] = 1
            guard let x = luSolve(e) else { return nil }
            for row in 0..<size { result[row, column] = x[row] }
        }
        return result
    }

    /// A = L L^T for a symmetric (to 1e-10 relative) positive definite A, from its lower
    /// triangle (row-major factor), else nil.
    func cholesky() -> [Double]? {
        let n = size
        for i in 0..<n {
            for j in 0..<i where abs(self[i, j] - self[j, i]) > 1e-10 * max(abs(self[i, j]), abs(self[j, i])) { return nil }
        }
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = self[j, j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > 0 else { return nil }
            let root = diagonal.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<max(j + 1, n) {
                var sum = self[i, j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / root
            }
        }
        return l
    }

    private func choleskySolve(_ b: [Double]) -> [Double]? {
        cholesky().map { Self.choleskySolve($0, b, size: size) }
    }

    private static func choleskySolve(_ l: [Double], _ b: [Double], size n: Int) -> [Double] {
        var y = b
        for i in 0..<n {
            var sum = y[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<max(i + 1, n) { sum -= l[k * n + i] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        return y
    }

    private func luSolve(_ b: [Double]) -> [Double]? {
        let n = size
        var a = values, x = b
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<max(column + 1, n) where abs(a[row * n + column]) > abs(a[pivot * n + column]) { pivot = row }
            guard a[pivot * n + column] != 0 else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                x.swapAt(pivot, column)
            }
            for row in (column + 1)..<max(column + 1, n) {
                let factor = a[row * n + column] / a[column * n + column]
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                x[row] -= factor * x[column]
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<max(i + 1, n) { sum -= a[i * n + k] * x[k] }
            x[i] = sum / a[i * n + i]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
