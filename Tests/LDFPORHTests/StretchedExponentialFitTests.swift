import Testing
import Foundation
import LDFPORH
import LDFTestSupport

/// Noiseless data from known parameters: the fit must return them.
@Test(arguments: [(40.0, 30.0, 1.1, 9.5), (200.0, 20.0, 1.3, 237.0), (5.0, 12.0, 0.7, 2.0), (100.0, 25.0, 2.0, 50.0)])
func fitRecoversExactParameters(_ truth: (Double, Double, Double, Double)) throws {
    let (a, b, c, d) = truth
    let t = (0..<200).map { Double($0) * 0.75 }
    let y = t.map { a * exp(-pow($0 / b, c)) + d }
    let fit = try #require(StretchedExponentialFit.fit(times: t, values: y))
    #expect(relativeDifference(fit.a, a) < 1e-6)
    #expect(relativeDifference(fit.b, b) < 1e-6)
    #expect(relativeDifference(fit.c, c) < 1e-6)
    #expect(relativeDifference(fit.d, d) < 1e-6)
    #expect(fit.rSquared > 1 - 1e-10)
    #expect(fit.pointCount == 200)
}

/// Hand-checked model value: a exp(-(t/b)^c) + d at t = b is a/e + d.
@Test func modelValueAtTimeScale() {
    let fit = StretchedExponentialFit(a: 10, b: 5, c: 2, d: 1, rSquared: 1, pointCount: 0)
    #expect(abs(fit.value(at: 5) - (10 / M_E + 1)) < 1e-12)
    #expect(fit.value(at: 0) == 11)
}

/// Too few points or nothing to fit: nil, not a guess.
@Test func fitRefusesTooFewPoints() {
    #expect(StretchedExponentialFit.fit(times: [0, 1, 2], values: [3, 2, 1]) == nil)
    let t = (0..<20).map(Double.init)
    #expect(StretchedExponentialFit.fit(times: t, values: t.map { _ in Double.nan }) == nil)
}

struct ScipyFitCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Parameters: Decodable, Sendable { var a, b, c, d, r2: Double }
    var name: String
    var t: [Double]
    var y: [Double]
    var scipy: Parameters
    var testDescription: String { name }
}

func scipyCases() throws -> [ScipyFitCase] {
    struct File: Decodable { var cases: [ScipyFitCase] }
    let data = try Data(contentsOf: RepositoryPaths.fixture("porh/stretched_exponential_fits.json"))
    return try JSONDecoder().decode(File.self, from: data).cases
}

/// Noisy data: the same least-squares minimum as scipy.optimize.curve_fit (Tests/Fixtures/porh).
@Test(arguments: try scipyCases())
func fitMatchesScipyCurveFit(_ c: ScipyFitCase) throws {
    let fit = try #require(StretchedExponentialFit.fit(times: c.t, values: c.y))
    #expect(relativeDifference(fit.a, c.scipy.a) < 1e-4, "a \(fit.a) vs \(c.scipy.a)")
    #expect(relativeDifference(fit.b, c.scipy.b) < 1e-4, "b \(fit.b) vs \(c.scipy.b)")
    #expect(relativeDifference(fit.c, c.scipy.c) < 1e-4, "c \(fit.c) vs \(c.scipy.c)")
    #expect(relativeDifference(fit.d, c.scipy.d) < 1e-4, "d \(fit.d) vs \(c.scipy.d)")
    #expect(abs(fit.rSquared - c.scipy.r2) < 1e-8)
}

/// With the end level held, only a, b and c are fitted: held at the truth they come back exactly;
/// held elsewhere, d stays where it was put.
@Test func fitWithHeldAsymptote() throws {
    let t = (0..<120).map { Double($0) * 0.5 }
    let y = t.map { 60 * exp(-pow($0 / 15, 1.2)) + 20 }
    let held = try #require(StretchedExponentialFit.fit(times: t, values: y, fixedAsymptote: 20))
    #expect(relativeDifference(held.a, 60) < 1e-6 && relativeDifference(held.b, 15) < 1e-6 && relativeDifference(held.c, 1.2) < 1e-6)
    #expect(held.d == 20)
    let off = try #require(StretchedExponentialFit.fit(times: t, values: y, fixedAsymptote: 25))
    #expect(off.d == 25)
    #expect(off.rSquared < held.rSquared)
}

/// Recovery time b (ln(1/X))^(1/c): a plain exponential of b = 20 s halves (towards d) in 20 ln 2 s.
@Test func recoveryTimeIsHandChecked() {
    let fit = StretchedExponentialFit(a: 10, b: 20, c: 1, d: 5, rSquared: 1, pointCount: 0)
    #expect(abs(fit.recoveryTime(fraction: 0.5) - 20 * log(2.0)) < 1e-12)
    #expect(abs(fit.value(at: fit.recoveryTime(fraction: 0.25)) - (5 + 0.25 * 10)) < 1e-12)
    let stretched = StretchedExponentialFit(a: 10, b: 20, c: 2, d: 0, rSquared: 1, pointCount: 0)
    #expect(abs(stretched.recoveryTime(fraction: 0.5) - 20 * log(2.0).squareRoot()) < 1e-12)
}
