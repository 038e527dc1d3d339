import Foundation
import Testing
import LDFTestSupport

/// `ldf stream --porh` against `ldf porh` on the same file (docs/METHODS.md §13).
@Suite struct StreamPorhAgreementCommandTests {
    /// Four loadings at 2 Hz, the file's time axis 0 at the first loading (negative before it): the
    /// stream reports the same occlusions on the same axis, with the same parameters.
    @Test func streamedLoadingsEqualTheOfflineAnalysis() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("loading.csv")
        let sim = try LDFCommandRunner.run(["simulate", "porh", "--protocol", "loading", "--seed", "3", "-o", file.path])
        #expect(sim.status == 0, "\(sim.stderr)")
        let offline = try LDFCommandRunner.run(["porh", "--site", "finger-pad", "--format", "json", file.path])
        #expect(offline.status == 0, "\(offline.stderr)")
        let expected = try #require((offline.json?["recordings"] as? [[String: Any]])?.first?["occlusions"] as? [[String: Any]])
        let out = try LDFCommandRunner.run(["stream", "--porh", "--site", "finger-pad", "--window", "60", "--hop", "60"],
                                           stdin: Data(contentsOf: file))
        #expect(out.status == 0, "\(out.stderr)")
        let finals = out.stdout.split(separator: "\n").compactMap { line -> [String: Any]? in
            let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return record?["type"] as? String == "porh" ? record : nil
        }
        try #require(finals.count == 4 && expected.count == 4, "\(finals.count) streamed, \(expected.count) offline")
        #expect(abs(expected.first?["start_s"] as? Double ?? 9) <= 2)
        for (streamed, whole) in zip(finals, expected) {
            for key in ["start_s", "release_s", "rest_flux", "peak_flux", "time_to_peak_s", "t50_s", "hyperaemia_duration_s",
                        "debt_area", "repayment_area"] {
                let a = streamed[key] as? Double, b = whole[key] as? Double
                #expect(a == b, "\(key): stream \(String(describing: a)), offline \(String(describing: b))")
            }
        }
    }
}
