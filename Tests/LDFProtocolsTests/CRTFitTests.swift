import Foundation
import Testing
import LDFCore
@testable import LDFProtocols
import LDFTestSupport

/// Hand-derived cases of the refill fit (docs/METHODS.md §23.3-23.4): noise-free exponentials at
/// even and uneven times give b exactly, the covariance matches its closed form, the 6th-order
/// polynomial reproduces a polynomial, and the divergence rule ends the fit where the refill does.
@Suite struct CRTFitTests {
    /// Stamps 0, 0.03, ... with a deterministic uneven spacing (camera frames): 0.02-0.045 s apart.
    static func unevenTimes(_ n: Int) -> [Double] {
        var t = [0.0]
        for k in 1..<n { t.append(t[k - 1] + 0.02 + 0.025 * Double((k * 7) % 11) / 10) }
        return t
    }

    @Test(arguments: [0.5, 1.0, 2.5, 5.0])
    func noiseFreeExponentialGivesTheExactRate(crt: Double) throws {
        for times in [(0..<300).map { Double($0) / 30 }, Self.unevenTimes(300)] {
            let values = times.map { 37 * exp(-$0 / crt) + 112 }
            let fit = try ExponentialDecayFit.fit(times: times, values: values)
            #expect(abs(-1 / fit.rate - crt) <= 1e-6 * crt, "CRT \(-1 / fit.rate) for \(crt)")
            #expect(abs(fit.amplitude - 37) <= 1e-6 * 37)
            #expect(abs(fit.offset - 112) <= 1e-6 * 112)
            #expect(fit.rSquared > 1 - 1e-12)
            #expect(fit.rateSE < 1e-6 * abs(fit.rate), "noise-free data leave no uncertainty")
        }
    }

    @Test func fitStartsAtTheFirstStampWhateverTheAxis() throws {
        let times = (0..<120).map { 1000 + Double($0) / 20 }
        let values = times.map { 5 * exp(-($0 - 1000) / 1.2) - 3 }
        let fit = try ExponentialDecayFit.fit(times: times, values: values)
        #expect(abs(-1 / fit.rate - 1.2) < 1e-6 * 1.2)
        #expect(abs(fit.amplitude - 5) < 1e-6 * 5, "a is the fall above the asymptote at the first sample")
    }

    /// With residuals r = ±e alternating (orthogonal to the model's tangent space only
    /// approximately), the standard errors must equal sqrt(diag(s² (JᵀJ)⁻¹)) computed by hand at
    /// the fitted parameters, and be invariant to scaling y.
    @Test func standardErrorsFollowTheCovarianceFormula() throws {
        let times = (0..<60).map { Double($0) / 10 }
        let values = times.enumerated().map { i, t in 2 * exp(-t / 1.5) + 1 + (i % 2 == 0 ? 0.01 : -0.01) }
        let fit = try ExponentialDecayFit.fit(times: times, values: values)
        let (a, b) = (fit.amplitude, fit.rate)
        var m = [Double](repeating: 0, count: 9)
        for t in times {
            let row = [exp(b * t), a * t * exp(b * t), 1]
            for i in 0..<3 { for j in 0..<3 { m[3 * i + j] += row[i] * row[j] } }
        }
        let s2 = fit.residualSumOfSquares / Double(times.count - 3)
        let inverseBB = try #require(GaussNewtonDecay.solve3(m, [0, 1, 0]))[1]
        #expect(isClose(fit.rateSE, (s2 * inverseBB).squareRoot(), relative: 1e-6))
        let scaled = try ExponentialDecayFit.fit(times: times, values: values.map { 250 * $0 - 40 })
        #expect(isClose(scaled.rateSE, fit.rateSE, relative: 1e-6), "σ_b does not depend on the unit of y")
        #expect(isClose(scaled.rate, fit.rate, relative: 1e-9))
    }

    @Test func risingCurveIsRefused() {
        let times = (0..<50).map { Double($0) / 10 }
        #expect(throws: ExponentialFitFailure.notFalling) {
            try ExponentialDecayFit.fit(times: times, values: times.map { 10 - 4 * exp(-$0 / 1.0) })
        }
    }

    @Test func straightFallHasNoDecay() {
        let times = (0..<50).map { Double($0) / 10 }
        #expect(throws: ExponentialFitFailure.noDecay) {
            try ExponentialDecayFit.fit(times: times, values: times.map { 10 - 0.5 * $0 })
        }
    }

    @Test func tooFewPointsAndFlatCurvesAreRefused() {
        #expect(throws: ExponentialFitFailure.tooFewPoints(count: 3, needed: 4)) {
            try ExponentialDecayFit.fit(times: [0, 1, 2], values: [3, 2, 1.5])
        }
        #expect(throws: ExponentialFitFailure.notFalling) {
            try ExponentialDecayFit.fit(times: [0, 1, 2, 3, 4], values: [2, 2, 2, 2, 2])
        }
    }

    @Test func sixthOrderPolynomialIsReproducedAtUnevenTimes() throws {
        let times = Self.unevenTimes(200)
        let p: (Double) -> Double = { t in 3 - 2 * t + 0.5 * pow(t, 2) - 0.1 * pow(t, 3) + 0.02 * pow(t, 4) - 0.003 * pow(t, 5) + 0.0002 * pow(t, 6) }
        let fit = try #require(PolynomialLeastSquares(times: times, values: times.map(p), degree: 6))
        for t in [0.0, 1.3, 3.7, times.last!] { #expect(abs(fit.value(at: t) - p(t)) < 1e-9, "at \(t)") }
    }

    /// A refill of CRT 0.8 s released into a segment that rises again (the next press) from 5 s
    /// (the layout of the pyCRT fixture's third case, without noise): the whole-segment exponential
    /// misses the rise, and the largest divergence peak ends the fit before it, so the CRT is the
    /// refill's; a given end inside the pure refill is exact.
    @Test func divergenceRuleEndsTheFitBeforeTheNextPress() throws {
        let t = (0..<300).map { Double($0) / 30 }
        let y = t.map { 100 + 40 * exp(-$0 / 0.8) + ($0 > 5 ? 15 * (1 - exp(-($0 - 5) / 0.3)) : 0) }
        let choice = try CRTFitEnd(t: t, y: y, minimumPoints: 10).choose(.divergence)
        #expect(choice.rule == "divergence peak")
        #expect(t[choice.count - 1] < 5, "ends at \(t[choice.count - 1]) s")
        #expect(abs(-1 / choice.fit.rate - 0.8) < 0.04, "CRT \(-1 / choice.fit.rate)")
        let fitted = try CRTFitEnd(t: t, y: y, minimumPoints: 10).fit(untilSeconds: 4.9)
        #expect(abs(-1 / fitted.fit.rate - 0.8) < 1e-6, "a given end inside the pure refill is exact")
        #expect(t[fitted.count - 1] <= 4.9)
    }
}
