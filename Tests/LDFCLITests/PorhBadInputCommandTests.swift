import Foundation
import Testing
import LDFCore
import LDFSimulation
import LDFTestSupport

/// `ldf porh` on files whose low stretches are not occlusions, and on marks the flux contradicts
/// (issue 11, "Bad input"; docs/METHODS.md §7.2).
@Suite struct PorhBadInputCommandTests {
    /// A resting forearm recording at 10 Hz (no occlusion), 400 s.
    static func resting() -> Recording {
        var sim = PorhCommandTests.simulation()
        sim.occlusions = []
        sim.durationSeconds = 400
        return sim.generate(seed: 51).recording
    }

    /// A probe-off (flux exactly 0 for 120 s) is not an occlusion: exit 1, and the error says why.
    @Test func probeOffAtZeroIsNotAnOcclusion() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var recording = Self.resting()
        for i in 1500..<2700 { recording.channels[0].values[i] = 0 }
        let out = try LDFCommandRunner.run(["porh", "--timing", "flux", try PorhCommandTests.writeCSV(recording, to: dir)])
        #expect(out.status == 1)
        #expect(out.stderr.contains("probe-off, not an occlusion") && out.stderr.contains("exactly 0"), "\(out.stderr)")
    }

    /// Device sentinels (-2500) for 120 s are masked, not read as a low level: the stretch has no
    /// valid flux, and the error says so.
    @Test func probeOffAsSentinelsIsNotAnOcclusion() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var recording = Self.resting()
        for i in 1500..<2700 { recording.channels[0].values[i] = -2500 }
        let out = try LDFCommandRunner.run(["porh", "--timing", "flux", try PorhCommandTests.writeCSV(recording, to: dir)])
        #expect(out.status == 1)
        #expect(out.stderr.contains("without valid flux"), "\(out.stderr)")
    }

    /// A release marked 100 s early, while the flux stays low: the marks are used (release at the
    /// mark), with a warning on stderr that names the contradiction.
    @Test func marksThatContradictTheFluxAreUsedWithAWarning() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("marked.csv")
        let sim = try LDFCommandRunner.run(["simulate", "porh", "--site", "forearm", "--rate", "10", "--markers", "--seed", "3",
                                            "-o", file.path])
        #expect(sim.status == 0, "\(sim.stderr)")
        // The preset occludes 120-420 s; move the release mark to 320 s.
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasSuffix(",Release") { return String(line.dropLast("Release".count)) }
            if line.hasPrefix("320.0,") { return line + "Release" }
            return String(line)
        }
        try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
        let out = try LDFCommandRunner.run(["porh", "--site", "forearm", "--format", "json", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        let o = try #require(((out.json?["recordings"] as? [[String: Any]])?.first?["occlusions"] as? [[String: Any]])?.first)
        #expect(o["release_s"] as? Double == 320)
        #expect(o["timing_source"] as? String == "events")
        #expect(out.stderr.contains("release marked at 320.0 s but the flux stays low") && out.stderr.contains("the marks are used"),
                "\(out.stderr)")
    }
}
