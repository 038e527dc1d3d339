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
        try checkRecoveryCrossings(result, name: name)
        #expect(result.summary.first { $0.key == .peakFlux }?.count == 4)
    }

    /// These recoveries settle above their end level, so the recovery fit describes them poorly and
    /// T75/T50/T25 are crossings of the smoothed flux: peak time + T on the file's axis within 0.1 s
    /// of the crossings read independently by Tests/Fixtures/porh-real/hand_read_recovery_times.py
    /// (hand-read-recovery-times.csv; empty where the smoothed flux never gets there).
    func checkRecoveryCrossings(_ result: PORHRecordingResult, name: String) throws {
        let text = try String(contentsOf: RepositoryPaths.fixture("porh-real/hand-read-recovery-times.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let rows = lines.dropFirst().filter { $0[header.firstIndex(of: "file")!] == name }
        try #require(rows.count == result.occlusions.count)
        for (o, row) in zip(result.occlusions, rows) {
            func column(_ key: String) -> Double? { Double(row[header.firstIndex(of: key)!]) }
            #expect(o.recoveryTimesMethod == .crossing, "loading \(o.index): R² beyond noise \(o.recoveryFitRSquared ?? .nan)")
            #expect(abs((o[.peakFlux].value ?? .nan) - (column("peak_flux") ?? .nan)) < 0.01, "loading \(o.index) peak")
            let peakTime = try #require(o[.peakTime].value)
            for (key, label) in [(PORHParameterKey.t75, "t75_crossing_s"), (.t50, "t50_crossing_s"), (.t25, "t25_crossing_s")] {
                if let crossing = column(label) {
                    let t = try #require(o[key].value, "loading \(o.index) \(key.rawValue): \(o[key].reason ?? "")")
                    #expect(abs(peakTime + t - crossing) <= 0.1, "loading \(o.index) \(key.rawValue): \(peakTime + t) vs \(crossing)")
                } else {
                    #expect(o[key].value == nil, "loading \(o.index) \(key.rawValue)")
                }
            }
        }
    }
}
