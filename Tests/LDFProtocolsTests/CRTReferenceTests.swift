import Foundation
import Testing
@testable import LDFProtocols
import LDFTestSupport

/// The fixture of Tests/Fixtures/crt (README there): seeded refill segments fitted by
/// scipy.optimize.curve_fit and by pyCRT 2.2.2's own pipeline.
struct CRTReferenceCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Fit: Decodable, Sendable { var a: Double, b: Double, c: Double, a_se: Double, b_se: Double, c_se: Double }
    struct Pipeline: Decodable, Sendable { var count: Int, b: Double, b_se: Double, crt: Double, uncertainty: Double }
    var name: String
    var times: [Double]
    var values: [Double]
    var scipy_whole_segment: Fit
    var scipy_at_pycrt_end: Fit
    var pycrt_strict: Pipeline
    var pycrt_best_fit: Pipeline

    var testDescription: String { name }

    static let all: [CRTReferenceCase] = {
        struct File: Decodable { var cases: [CRTReferenceCase] }
        let data = try! Data(contentsOf: RepositoryPaths.fixture("crt/crt_reference.json"))
        return try! JSONDecoder().decode(File.self, from: data).cases
    }()
}

@Suite struct CRTReferenceTests {
    /// The same least-squares minimum and covariance as curve_fit on the whole segment and on
    /// pyCRT's chosen part of it.
    @Test(arguments: CRTReferenceCase.all)
    func fitMatchesScipyCurveFit(_ c: CRTReferenceCase) throws {
        let count = c.pycrt_strict.count
        for (reference, times, values) in [(c.scipy_whole_segment, c.times, c.values),
                                           (c.scipy_at_pycrt_end, Array(c.times[..<count]), Array(c.values[..<count]))] {
            let fit = try ExponentialDecayFit.fit(times: times, values: values)
            #expect(isClose(fit.rate, reference.b, relative: 1e-7), "b \(fit.rate) vs \(reference.b)")
            #expect(isClose(fit.amplitude, reference.a, relative: 1e-6), "a \(fit.amplitude) vs \(reference.a)")
            #expect(isClose(fit.offset, reference.c, relative: 1e-7), "c \(fit.offset) vs \(reference.c)")
            #expect(isClose(fit.rateSE, reference.b_se, relative: 1e-5), "σ_b \(fit.rateSE) vs \(reference.b_se)")
            #expect(isClose(fit.amplitudeSE, reference.a_se, relative: 1e-5))
            #expect(isClose(fit.offsetSE, reference.c_se, relative: 1e-5))
        }
    }

    /// The divergence rules end the fit at pyCRT's sample ("strict" and "best fit"), and give its
    /// CRT and uncertainty to pyCRT's own convergence (curve_fit's default tolerances, 1e-4).
    @Test(arguments: CRTReferenceCase.all)
    func fitEndMatchesPyCRT(_ c: CRTReferenceCase) throws {
        let t = c.times.map { $0 - c.times[0] }
        for (rule, reference) in [(CRTFitEndRule.divergence, c.pycrt_strict), (.uncertainty, c.pycrt_best_fit)] {
            let choice = try CRTFitEnd(t: t, y: c.values, minimumPoints: 10).choose(rule)
            #expect(choice.count == reference.count, "\(rule): \(choice.count) samples vs pyCRT's \(reference.count)")
            let crt = -1 / choice.fit.rate
            #expect(isClose(crt, reference.crt, relative: 1e-4), "\(rule): CRT \(crt) vs \(reference.crt)")
            #expect(isClose(crt * CRTFitEnd.relativeUncertainty(choice.fit), reference.uncertainty, relative: 1e-3))
        }
    }
}
