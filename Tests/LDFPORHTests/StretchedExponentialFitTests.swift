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
