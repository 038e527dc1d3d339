import Foundation
import Testing
import LDFTestSupport

/// `ldf simulate vot` and `ldf vot` end to end, and the NIRS exports through `ldf vot` (issue 16;
/// docs/METHODS.md §22).
@Suite struct VOTCommandTests {
    static func nirs(_ name: String) -> String { RepositoryPaths.fixture("nirs/\(name)").path }

    /// Simulates a VOT at 2 Hz into `dir` with `extra` options; returns the path.
    static func simulate(_ dir: URL, _ extra: [String] = []) throws -> String {
        let path = dir.appendingPathComponent("vot.csv").path
        let out = try LDFCommandRunner.run(["simulate", "vot", "--rate", "2", "-o", path] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return path
    }

    /// One occlusion row of `ldf vot --format json` for `arguments`.
    static func firstOcclusion(_ arguments: [String]) throws -> [String: Any] {
        let out = try LDFCommandRunner.run(["vot", "--format", "json"] + arguments)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let recording = try #require((json["recordings"] as? [[String: Any]])?.first)
        let occlusion = try #require((recording["occlusions"] as? [[String: Any]])?.first)
        return try #require(occlusion["result"] as? [String: Any])
    }

    @Test func simulatedTruthIsRecoveredFromTheSaturation() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--zero-at-occlusion", "--floor", "45"])
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path.replacingOccurrences(of: ".csv", with: ".truth.json"))))
        let expected = try #require(((truth as? [String: Any])?["truth"] as? [String: Any])?["expected"] as? [String: Any])
        #expect(expected["minimum"] as? Double == 45)
        let row = try Self.firstOcclusion([path])
        #expect(row["timing_source"] as? String == "signal")
        #expect(abs((row["start_s"] as? Double ?? 99) - 0) <= 1)
        #expect(abs((row["release_s"] as? Double ?? 0) - 180) <= 1)
        #expect(abs((row["desaturation_slope"] as? Double ?? 0) + 12) <= 0.6)
        #expect(abs((row["reoxygenation_slope"] as? Double ?? 0) - 2) <= 0.1)
        #expect(abs((row["minimum"] as? Double ?? 0) - 45) <= 0.9)
    }

    @Test func pressureAndEventsTimeTheOcclusion() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pressure = try Self.simulate(dir, ["--pressure"])
        #expect(try Self.firstOcclusion([pressure])["timing_source"] as? String == "pressure")
        let marked = try Self.simulate(dir, ["--markers"])
        let out = try LDFCommandRunner.run(["vot", "--format", "csv", marked])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("source,channel,unit,occlusion,start_s,release_s,timing_source,baseline,desaturation_slope") == true)
        #expect(lines.count == 2 && lines[1].contains(",120.0,300.0,events,"), "\(out.stdout)")
    }

    /// The Oxysoft export is timed by its Occlusion/Release markers, its TSI% analysed.
    @Test func oxysoftExportThroughVOT() throws {
        let row = try Self.firstOcclusion([Self.nirs("oxysoft_vot_full.txt")])
        #expect(row["channel"] as? String == "Rx1 - Tx1,Tx2,Tx3 TSI%", "the reader folds the double space")
        #expect(row["timing_source"] as? String == "events")
        #expect(row["start_s"] as? Double == 120 && row["release_s"] as? Double == 300)
        #expect(abs((row["desaturation_slope"] as? Double ?? 0) + 10) <= 0.5)
        #expect(abs((row["reoxygenation_slope"] as? Double ?? 0) - 1.5) <= 0.075)
        #expect(abs((row["overshoot"] as? Double ?? 0) - 8) <= 0.5)
    }

    /// The Moxy file has no marks: the SmO2 itself times the occlusion, at 0.5 Hz.
    @Test func moxyExportThroughVOT() throws {
        let row = try Self.firstOcclusion([Self.nirs("moxy_vot_full.csv")])
        #expect(row["channel"] as? String == "SmO2 Live")
        #expect(row["timing_source"] as? String == "signal")
        #expect(abs((row["start_s"] as? Double ?? 0) - 120) <= 2)
        #expect(abs((row["release_s"] as? Double ?? 0) - 300) <= 1)
        #expect(abs((row["desaturation_slope"] as? Double ?? 0) + 10) <= 0.5)
    }

    /// The short Oxysoft fixture marks a 1 s occlusion: refused with what the events showed.
    @Test func aShortMarkedOcclusionIsOneErrorLine() throws {
        let out = try LDFCommandRunner.run(["vot", "--timing", "events", Self.nirs("oxysoft_vot.txt")])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no usable occlusion start/release event pair"), "\(out.stderr)")
        #expect(out.stderr.contains("shorter than the 20.0 s minimum occlusion"), "\(out.stderr)")
    }

    /// A flux channel (150-156 PU) is no saturation: one error line naming the fix.
    @Test func aChannelOutsideZeroToHundredIsRefused() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("flux.csv").path
        try ("time,Flux\n" + (0..<400).map { "\($0),\(150 + $0 % 7)" }.joined(separator: "\n")).write(toFile: path, atomically: true, encoding: .utf8)
        let out = try LDFCommandRunner.run(["vot", path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("is not a tissue saturation in %"), "\(out.stderr)")
        #expect(out.stderr.contains("--channel"), "\(out.stderr)")
    }

    /// A reoxygenation window longer than the recovery window is a usage error naming both.
    @Test func badWindowsAreUsageErrors() throws {
        let out = try LDFCommandRunner.run(["vot", "--reoxygenation-window", "200", "--recovery-window", "100", Self.nirs("moxy_vot_full.csv")])
        #expect(out.status == 64)
        #expect(out.stderr.contains("--recovery-window"), "\(out.stderr)")
    }
}
