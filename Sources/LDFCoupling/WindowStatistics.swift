import Foundation

/// The sums one window of MODA's inference needs, made once per window: base functions at the
/// midpoint phases (kept per sample for the noise estimate), p p^T, p times each phase
/// derivative, the summed derivatives of the base functions, and the derivatives themselves.
struct WindowStatistics {
    let k: Int
    /// Derivative samples N (window length - 1).
    let count: Int
    /// p at every midpoint, sample-major (count x k).
    let basis: [Double]
    /// (phi1(n+1) - phi1(n)) / h and the same for phi2.
    let derivative1: [Double]
    let derivative2: [Double]
    /// sum p p^T (k x k), sum p dphi1/dt, sum p dphi2/dt, sum dp/dphi1, sum dp/dphi2.
    let gram: [Double]
    let projection1: [Double]
    let projection2: [Double]
    let derivativeSum1: [Double]
    let derivativeSum2: [Double]

    init(_ phase1: ArraySlice<Double>, _ phase2: ArraySlice<Double>, basis functions: PhaseBasis, h: Double) {
        let a = Array(phase1), b = Array(phase2)
        let n = a.count - 1, k = functions.count
        self.k = k
        count = n
        let rate1 = (0..<n).map { (a[$0 + 1] - a[$0]) / h }, rate2 = (0..<n).map { (b[$0 + 1] - b[$0]) / h }
        derivative1 = rate1
        derivative2 = rate2
        var p = [Double](repeating: 0, count: n * k)
        var gram = [Double](repeating: 0, count: k * k)
        var projection1 = [Double](repeating: 0, count: k), projection2 = projection1, sums = projection1
        var scratch = [Double](repeating: 0, count: 4 * functions.order)
        p.withUnsafeMutableBufferPointer { p in
            scratch.withUnsafeMutableBufferPointer { scratch in
                for t in 0..<n {
                    functions.values((a[t + 1] + a[t]) / 2, (b[t + 1] + b[t]) / 2, into: p.baseAddress! + t * k, scratch: scratch.baseAddress!)
                }
            }
            gram.withUnsafeMutableBufferPointer { g in
                for t in 0..<n {
                    let row = p.baseAddress! + t * k
                    let d1 = rate1[t], d2 = rate2[t]
                    for i in 0..<k {
                        let pi = row[i]
                        sums[i] += pi
                        projection1[i] += pi * d1
                        projection2[i] += pi * d2
                        let line = g.baseAddress! + i * k
                        for j in i..<k { line[j] += pi * row[j] }
                    }
                }
            }
        }
        let derivatives = functions.derivativeSums(sums)
        for i in 0..<k { for j in 0..<i { gram[i * k + j] = gram[j * k + i] } }
        basis = p
        self.gram = gram
        self.projection1 = projection1
        self.projection2 = projection2
        derivativeSum1 = derivatives.phi1
        derivativeSum2 = derivatives.phi2
    }

    struct Posterior {
        var mean: [Double]
        var concentration: SquareMatrix
        var noise: [Double]
        var loops: Int
    }

    /// The window's posterior from the prior mean and concentration (MODA's bayesPhs loop).
    func posterior(prior: [Double], concentration Xi: SquareMatrix, h: Double) throws -> Posterior {
        let m = 2 * k
        var current = prior, previous = prior
        var result: Posterior?
        for loop in 1...BayesianPhaseInference.maximumLoops {
            let e = noise(current, h: h)
            let determinant = e[0] * e[3] - e[1] * e[2]
            guard determinant != 0, determinant.isFinite else { throw BayesianPhaseInference.singular(0) }
            let inverse = [e[3] / determinant, -e[1] / determinant, -e[2] / determinant, e[0] / determinant]
            var xi = Xi
            for i in 0..<k {
                for j in 0..<k {
                    let g = h * gram[i * k + j]
                    xi[i, j] += inverse[0] * g
                    xi[i, k + j] += inverse[1] * g
                    xi[k + i, j] += inverse[2] * g
                    xi[k + i, k + j] += inverse[3] * g
                }
            }
            var r = [Double](repeating: 0, count: m)
            for i in 0..<m {
                var sum = 0.0
                for j in 0..<m { sum += Xi[i, j] * prior[j] }
                r[i] = sum
            }
            for i in 0..<k {
                r[i] += h * (inverse[0] * projection1[i] + inverse[1] * projection2[i] - 0.5 * derivativeSum1[i])
                r[k + i] += h * (inverse[2] * projection1[i] + inverse[3] * projection2[i] - 0.5 * derivativeSum2[i])
            }
            guard let solved = xi.solve(r) else { throw BayesianPhaseInference.singular(0) }
            current = solved
            result = Posterior(mean: current, concentration: xi, noise: e, loops: loop)
            var change = 0.0
            for i in 0..<m { change += (previous[i] - current[i]) * (previous[i] - current[i]) / (current[i] * current[i]) }
            if change < BayesianPhaseInference.tolerance { return result! }
            previous = current
        }
        return result!
    }

    /// E = h / N sum r r^T with r = dphi/dt - c p (2 x 2, row-major).
    func noise(_ c: [Double], h: Double) -> [Double] {
        var e00 = 0.0, e01 = 0.0, e11 = 0.0
        basis.withUnsafeBufferPointer { p in
            c.withUnsafeBufferPointer { c in
            for t in 0..<count {
                let row = p.baseAddress! + t * k
                var f1 = 0.0, f2 = 0.0
                for i in 0..<k {
                    f1 += c[i] * row[i]
                    f2 += c[k + i] * row[i]
                }
                let r1 = derivative1[t] - f1, r2 = derivative2[t] - f2
                e00 += r1 * r1
                e01 += r1 * r2
                e11 += r2 * r2
            }
            }
        }
        let scale = h / Double(count)
        return [e00 * scale, e01 * scale, e01 * scale, e11 * scale]
    }
}
