import Foundation
import Testing
import LDFCore
import LDFIO
import LDFPORH
import LDFTestSupport

/// Flux-only detection on real finger recordings with four local-pressure loadings each
/// (Tests/Fixtures/porh-real/README.md: CC0 data, approximate loading times from the source).
@Suite struct RealRecordingTests {
    /// The source's approximate loading intervals, on the files' axis (t = 0 at the first loading).
    static let loadings: [(start: Double, release: Double)] = [(0, 90), (175, 260), (355, 475), (565, 690)]

    @Test(arguments: ["P008_j1_1.csv", "P009_j1_1.csv"])
    func fourLoadingsAreFoundOnTheFileAxis(_ name: String) throws {
        let recording = try RecordingReader.read(path: RepositoryPaths.fixture("porh-real/\(name)").path)
        #expect(recording.timeOriginSeconds < -60)
        var options = PORHOptions(site: .fingerPad)
        options.timing = .flux
        let result = try PORHAnalysis.analyze(recording, options: options)
        try #require(result.occlusions.count == 4, "\(result.occlusions.map { ($0.timing.startSeconds, $0.timing.releaseSeconds) })")
        for (found, expected) in zip(result.occlusions, Self.loadings) {
            #expect(abs(found.timing.startSeconds - expected.start) <= 20, "start \(found.timing.startSeconds) vs about \(expected.start)")
            #expect(abs(found.timing.releaseSeconds - expected.release) <= 15, "release \(found.timing.releaseSeconds) vs about \(expected.release)")
            #expect((found.timing.confidence ?? 0) >= 0.5)
            // A biological zero well above zero under local pressure, and a hyperaemic peak.
            let zero = try #require(found[.biologicalZero].value)
            #expect(zero > 3 && zero < 25, "biological zero \(zero)")
            #expect((found[.peakRestRatio].value ?? 0) > 1.3)
        }
        #expect(result.occlusions.dropFirst().allSatisfy { $0.restReference == .beforeFirstOcclusion })
        #expect(result.summary.first { $0.key == .peakFlux }?.count == 4)
    }
}
