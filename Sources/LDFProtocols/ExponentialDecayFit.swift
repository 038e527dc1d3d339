import Foundation

/// Why an exponential-decay fit was refused (docs/METHODS.md §23.3).
public enum ExponentialFitFailure: Error, Sendable, Equatable {
    /// Fewer samples than the fit needs.
    case tooFewPoints(count: Int, needed: Int)
    /// The samples do not fall: the least-squares amplitude is negative or the curve is flat.
    case notFalling
    /// The best rate is at the bound b = 0 (no decay within the samples' span).
    case noDecay
    /// The whole fall happens between two samples (time constant below the sampling).
    case stepFall

    /// One line for outputs.
    public var reason: String {
        switch self {
        case .tooFewPoints(let count, let needed): "too few points (\(count); the fit needs at least \(needed))"
        case .notFalling: "the curve rises or is flat instead of falling (b >= 0 or a < 0)"
        case .noDecay: "no decay within the segment (the best rate is at the bound b = 0)"
        case .stepFall: "the curve falls within one sampling interval (time constant below the sampling)"
        }
    }
}

/// Least-squares fit of y(t) = a·exp(b·t) + c with a ≥ 0 and b ≤ 0 on samples at arbitrary,
/// strictly increasing times (no resampling), t counted from the first sample (s); a and c in the
/// samples' unit, b in 1/s (docs/METHODS.md §23.3).
///
/// Method: variable projection, then Gauss-Newton. For a fixed time constant τ = -1/b, a and c are
/// linear and solved exactly; the residual sum of squares is scanned over 240 log-spaced τ from
/// half the shortest sampling interval to 20 times the span and refined by golden-section search
/// in log τ; Gauss-Newton steps on (a, b, c) then polish the optimum. The covariance is
/// s²(JᵀJ)⁻¹ with s² = RSS/(n - 3), as `scipy.optimize.curve_fit` (absolute_sigma=False) gives;
/// it is invariant to the scale and offset of y. Values are standardised (mean 0, SD 1) while
/// fitting, for conditioning, and reported in the input's unit.
public struct ExponentialDecayFit: Sendable, Equatable, Codable {
    /// a: the fall above the asymptote at the first sample, in the samples' unit.
    public var amplitude: Double
    /// b, 1/s (negative).
    public var rate: Double
    /// c: the asymptote, in the samples' unit.
    public var offset: Double
    /// Standard errors of a, b and c from the covariance.
    public var amplitudeSE: Double
    public var rateSE: Double
    public var offsetSE: Double
    /// Residual sum of squares (samples' unit squared) and the coefficient of determination.
    public var residualSumOfSquares: Double
    public var rSquared: Double
    public var pointCount: Int

    /// Fewest samples the fit accepts (three parameters and one degree of freedom).
    public static let minimumPoints = 4

    /// The fitted curve at `t` seconds from the first sample.
    public func value(at t: Double) -> Double { amplitude * exp(rate * t) + offset }

    /// Fits `values` at `times` (s, strictly increasing). Throws `ExponentialFitFailure`.
    public static func fit(times: [Double], values: [Double]) throws -> ExponentialDecayFit {
        precondition(times.count == values.count, "times and values differ in length")
        let n = times.count
        guard n >= minimumPoints else { throw ExponentialFitFailure.tooFewPoints(count: n, needed: minimumPoints) }
        let t = times.map { $0 - times[0] }
        let mean = values.reduce(0, +) / Double(n)
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        guard sd > 0, sd.isFinite else { throw ExponentialFitFailure.notFalling }
        let y = values.map { ($0 - mean) / sd }
        let projection = VariableProjection(t: t, y: y)
        let tau = try projection.bestTimeConstant()
        let start = projection.linear(tau: tau)
        guard start.a > 0 else { throw ExponentialFitFailure.notFalling }
        let polished = GaussNewtonDecay(t: t, y: y).polish(a: start.a, b: -1 / tau, c: start.c)
        guard polished.b < 0, polished.a > 0 else { throw ExponentialFitFailure.notFalling }
        let total = y.reduce(0) { $0 + $1 * $1 }
        return ExponentialDecayFit(
            amplitude: polished.a * sd, rate: polished.b, offset: polished.c * sd + mean,
            amplitudeSE: polished.se.a * sd, rateSE: polished.se.b, offsetSE: polished.se.c * sd,
            residualSumOfSquares: polished.rss * sd * sd, rSquared: total > 0 ? 1 - polished.rss / total : 1, pointCount: n)
    }
}

/// For a fixed time constant the model is linear in a and c: the residual as a function of τ alone.
struct VariableProjection {
    let t: [Double]
    let y: [Double]
    static let gridSize = 240

    /// a, c and the residual sum of squares of the best line y ≈ a·exp(-t/τ) + c.
    func linear(tau: Double) -> (a: Double, c: Double, rss: Double) {
        let n = Double(t.count)
        var su = 0.0, suu = 0.0, sy = 0.0, suy = 0.0, syy = 0.0
        for (ti, yi) in zip(t, y) {
            let u = exp(-ti / tau)
            su += u; suu += u * u; sy += yi; suy += u * yi; syy += yi * yi
        }
        let varU = suu - su * su / n
        guard varU > 1e-14 * max(suu, 1) else { return (0, sy / n, syy - sy * sy / n) }
        let covUY = suy - su * sy / n
        let a = covUY / varU
        let c = (sy - a * su) / n
        return (a, c, max(syy - sy * sy / n - a * covUY, 0))
    }

    /// The τ of least residual with a ≥ 0: a log grid, then golden-section search between the
    /// best grid point's neighbours.
    func bestTimeConstant() throws -> Double {
        let span = t[t.count - 1]
        var shortest = Double.infinity
        for i in 1..<t.count { shortest = min(shortest, t[i] - t[i - 1]) }
        let low = log(shortest / 2), high = log(20 * span)
        let grid = (0..<Self.gridSize).map { low + (high - low) * Double($0) / Double(Self.gridSize - 1) }
        func cost(_ logTau: Double) -> Double {
            let fit = linear(tau: exp(logTau))
            return fit.a >= 0 ? fit.rss : .infinity
        }
        let costs = grid.map(cost)
        guard let best = costs.indices.min(by: { costs[$0] < costs[$1] }), costs[best].isFinite else {
            throw ExponentialFitFailure.notFalling
        }
        if best == grid.count - 1 { throw ExponentialFitFailure.noDecay }
        if best == 0 { throw ExponentialFitFailure.stepFall }
        return exp(Self.goldenSection(cost, grid[best - 1], grid[best + 1]))
    }

    /// Minimum of a unimodal `f` on [lo, hi] to 1e-12 of the interval.
    static func goldenSection(_ f: (Double) -> Double, _ lo: Double, _ hi: Double) -> Double {
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = lo, b = hi
        var x1 = b - ratio * (b - a), x2 = a + ratio * (b - a)
        var f1 = f(x1), f2 = f(x2)
        while b - a > 1e-12 * max(1, abs(a)) {
            if f1 < f2 {
                b = x2; x2 = x1; f2 = f1
                x1 = b - ratio * (b - a); f1 = f(x1)
            } else {
                a = x1; x1 = x2; f1 = f2
                x2 = a + ratio * (b - a); f2 = f(x2)
            }
        }
        return (a + b) / 2
    }
}
