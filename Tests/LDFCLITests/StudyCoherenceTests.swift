import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf study --coherence A,B` end to end: each subject's two signals (two channels of one file,
/// or two files recorded at once), inter-subject surrogates, group summaries and comparisons, and
/// the pairs that cannot be used (one subject in a group, files that do not overlap in time).
@Suite struct StudyCoherenceTests {
    static let rate = 10.0

    /// 200 s with both probes in one file: a shared 0.3 Hz rhythm of its own phase (coupled
    /// pairs) plus independent noise, stronger for group b (weaker coherence).
    static func twoProbes(seed: UInt64, noise: Double) -> String {
        var random = SeededRandom(seed: seed)
        var phase = 6 * random.uniform()
        var text = "time,probe1,probe2\n"
        for n in 0..<2000 {
            let t = Double(n) / rate
            phase += 0.03 * random.gaussian()
            let shared = sin(2 * .pi * 0.3 * t + phase)
            text += "\(t),\(50 + 5 * shared + noise * random.gaussian()),\(30 + 3 * shared + noise * random.gaussian())\n"
        }
        return text
    }

    /// A file with dated clock times from `hour`:00 on one day, 200 s at 10 Hz.
    static func clocked(start hour: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        var text = "clock,flux\n"
        for n in 0..<2000 {
            let seconds = Double(n) / rate
            let minute = Int(seconds) / 60, second = seconds - Double(minute * 60)
            text += String(format: "2024-03-05 %02d:%02d:%06.3f,%.4f\n", hour, minute, second, 40 + random.gaussian())
        }
        return text
    }

    static func makeCohort() throws -> URL {
        let dir = try LDFCommandRunner.temporaryDirectory()
        var rows = ["subject,group,site,condition,protocol,path,channel"]
        for (index, (group, noise)) in [("a", 1.0), ("a", 1.0), ("a", 1.0), ("b", 6.0), ("b", 6.0), ("b", 6.0), ("solo", 1.0)].enumerated() {
            let name = "p\(index).csv"
            try Data(twoProbes(seed: UInt64(10 + index), noise: noise).utf8).write(to: dir.appendingPathComponent(name))
            rows.append("s\(index),\(group),forearm,rest,rest,\(name),probe1")
            rows.append("s\(index),\(group),finger,rest,rest,\(name),probe2")
        }
        try Data(clocked(start: 9, seed: 1).utf8).write(to: dir.appendingPathComponent("morning.csv"))
        try Data(clocked(start: 14, seed: 2).utf8).write(to: dir.appendingPathComponent("afternoon.csv"))
        rows.append("s9,a,forearm,rest,rest,morning.csv,")
        rows.append("s9,a,finger,rest,rest,afternoon.csv,")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        return dir
    }

    func table(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    @Test func groupCoherenceTablesAndIssues() throws {
        let dir = try Self.makeCohort()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let run = try LDFCommandRunner.run(["study", dir.appendingPathComponent("manifest.csv").path, "--out", out.path, "--coherence", "forearm,finger",
                                            "--fmin", "0.1", "--fmax", "1", "--bands", "low:0.1-0.25,mid:0.25-0.5,high:0.5-1"])
        #expect(run.status == 0, "\(run.stderr)")
        let subjects = try table(out.appendingPathComponent("coherence.csv"))
        #expect(Set(subjects.map { $0["subject"]! }) == ["s0", "s1", "s2", "s3", "s4", "s5"])
        let near = subjects.filter { abs(Double($0["frequency_hz"]!)! - 0.3) < 0.01 }
        for row in near {
            let c = Double(row["coherence"]!)!, threshold = Double(row["surrogate_threshold"]!)!, residual = Double(row["residual_coherence"]!)!
            #expect(abs(residual - max(0, c - threshold)) < 1e-12)
        }
        let groups = try table(out.appendingPathComponent("group_coherence.csv"))
        let solo = try #require(groups.first { $0["group"] == "solo" })
        #expect(solo["reason"]!.contains("at least 2 subjects"))
        let peakA = try #require(groups.filter { $0["group"] == "a" }.min { abs(Double($0["frequency_hz"]!)! - 0.3) < abs(Double($1["frequency_hz"]!)! - 0.3) })
        #expect(Double(peakA["median_coherence"]!)! > 0.8 && Double(peakA["median_coherence"]!)! > Double(peakA["surrogate_threshold"]!)!)
        let comparisons = try table(out.appendingPathComponent("coherence_comparisons.csv"))
        let bands = comparisons.filter { $0["scope"] == "band" && $0["design"] == "between_groups" }
        #expect(bands.map { $0["band"]! } == ["low", "mid", "high"] && bands.allSatisfy { $0["level_a"] == "a" && $0["level_b"] == "b" })
        #expect(bands.allSatisfy { $0["adjustment"] == "holm" && $0["p_value"]!.isEmpty == false })
        #expect(comparisons.contains { $0["scope"] == "frequency" && $0["adjustment"] == "bh" })
        let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors.contains("subject 's9'") && errors.contains("do not overlap in time"))
        let record = try String(contentsOf: out.appendingPathComponent("study.json"), encoding: .utf8)
        #expect(record.contains("\"coherence.csv\"") && record.contains("\"percentile\" : 95"))
    }

    @Test func badPairingOptions() throws {
        let dir = try Self.makeCohort()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent("manifest.csv").path, out = dir.appendingPathComponent("out").path
        let same = try LDFCommandRunner.run(["study", manifest, "--out", out, "--coherence", "finger,finger"])
        #expect(same.status == 64 && same.stderr.contains("--coherence"))
        let one = try LDFCommandRunner.run(["study", manifest, "--out", out, "--coherence", "finger"])
        #expect(one.status == 64 && one.stderr.contains("not two values"))
        let column = try LDFCommandRunner.run(["study", manifest, "--out", out, "--coherence", "a,b", "--coherence-by", "probe"])
        #expect(column.status != 0 && column.stderr.contains("--coherence-by"))
    }
}
