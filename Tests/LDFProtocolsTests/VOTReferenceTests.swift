import Foundation
import Testing
import LDFCore
import LDFPORH
import LDFProtocols
import LDFTestSupport

/// `VOTAnalysis`'s baseline and regression lines against an independent Python implementation of
/// the window rules with scipy.stats.linregress (Tests/Fixtures/vot/README.md).
@Suite struct VOTReferenceTests {
    struct Line: Decodable {
        var slope: Double
        var r_squared: Double
        var count: Int
        var start_s: Double
        var end_s: Double
    }

    struct Reference: Decodable {
        var rate_hz: Double
        var start_s: Double
        var release_s: Double
        var values: [Double]
        var baseline: Double
        var desaturation: Line
        var reoxygenation: Line
    }

    @Test func slopesAndRSquaredMatchScipyLinregress() throws {
        let data = try Data(contentsOf: RepositoryPaths.fixture("vot/linregress.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        var options = VOTOptions()
        options.occlusions = [OcclusionInterval(startSeconds: reference.start_s, releaseSeconds: reference.release_s)]
        let result = try VOTAnalysis.analyze(saturationRecording(reference.values, rateHz: reference.rate_hz), options: options)
        let o = try #require(result.occlusions.first)
        #expect(abs((o.baseline.value ?? .nan) - reference.baseline) < 1e-9)
        for (slope, line, perSecond) in [(o.desaturation, reference.desaturation, 60.0), (o.reoxygenation, reference.reoxygenation, 1.0)] {
            #expect(abs((slope.slope.value ?? .nan) - line.slope * perSecond) < 1e-9 * abs(line.slope * perSecond))
            #expect(abs((slope.rSquared ?? .nan) - line.r_squared) < 1e-9)
            #expect(slope.count == line.count)
            #expect(slope.window?.startSeconds == line.start_s && slope.window?.endSeconds == line.end_s)
        }
    }
}
