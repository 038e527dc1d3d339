import Foundation

/// The end of a refill fit chosen as pyCRT does (docs/METHODS.md §23.4): over the whole segment
/// from the release, fit the exponential and a 6th-order least-squares polynomial; the candidate
/// ends are the interior local maxima of |exponential - polynomial| (a sample larger than its left
/// neighbour and at least its right one), largest first. The fit at candidate k uses the samples
/// before k (pyCRT's `x[:maxDiv]`). `divergence` keeps the first candidate whose fit succeeds
/// with enough points; `uncertainty` the one of smallest 2σ_b/|b|. Without any peak the whole
/// segment is fitted.
struct CRTFitEnd {
    static let polynomialDegree = 6

    /// Seconds from the release, and the oriented values (falling during refill).
    let t: [Double]
    let y: [Double]
    let minimumPoints: Int

    struct Choice {
        var fit: ExponentialDecayFit
        /// Samples used: indices 0..<count.
        var count: Int
        /// How the end was chosen.
        var rule: String
    }

    /// The fit to a given end (s after the release): the samples before the first one after it.
    func fit(untilSeconds end: Double) throws -> Choice {
        let count = t.firstIndex { $0 > end } ?? t.count
        return Choice(fit: try fitFirst(count), count: count, rule: "given")
    }

    /// The fit ended by `rule`; throws the whole segment's failure when it cannot be fitted at all,
    /// or the last candidate's failure when none succeeds.
    func choose(_ rule: CRTFitEndRule) throws -> Choice {
        guard t.count >= minimumPoints else {
            throw ExponentialFitFailure.tooFewPoints(count: t.count, needed: minimumPoints)
        }
        let whole = try ExponentialDecayFit.fit(times: t, values: y)
        guard let polynomial = PolynomialLeastSquares(times: t, values: y, degree: Self.polynomialDegree) else {
            return Choice(fit: whole, count: t.count, rule: "segment end (no polynomial reference)")
        }
        let divergence = t.indices.map { abs(whole.value(at: t[$0]) - polynomial.value(at: t[$0])) }
        let peaks = (1..<max(t.count - 1, 1)).filter { divergence[$0] > divergence[$0 - 1] && divergence[$0] >= divergence[$0 + 1] }
            .sorted { divergence[$0] > divergence[$1] }
        guard !peaks.isEmpty else { return Choice(fit: whole, count: t.count, rule: "segment end (no divergence peak)") }
        var lastFailure = ExponentialFitFailure.tooFewPoints(count: peaks.max()!, needed: minimumPoints)
        var accepted: [Choice] = []
        for k in peaks {
            do {
                let choice = Choice(fit: try fitFirst(k), count: k, rule: "divergence peak")
                if rule == .divergence { return choice }
                accepted.append(choice)
            } catch let failure as ExponentialFitFailure {
                lastFailure = failure
            }
        }
        guard let best = accepted.min(by: { Self.relativeUncertainty($0.fit) < Self.relativeUncertainty($1.fit) }) else { throw lastFailure }
        return Choice(fit: best.fit, count: best.count, rule: "divergence peak of least uncertainty")
    }

    func fitFirst(_ count: Int) throws -> ExponentialDecayFit {
        guard count >= minimumPoints else { throw ExponentialFitFailure.tooFewPoints(count: count, needed: minimumPoints) }
        return try ExponentialDecayFit.fit(times: Array(t[0..<count]), values: Array(y[0..<count]))
    }

    /// 2σ_b/|b|, the 95 % relative uncertainty of the CRT.
    static func relativeUncertainty(_ fit: ExponentialDecayFit) -> Double { 2 * fit.rateSE / abs(fit.rate) }
}
