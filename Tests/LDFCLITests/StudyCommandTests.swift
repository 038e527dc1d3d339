import Foundation
import Testing
import LDFTestSupport

/// `ldf study` end to end on a tiny cohort: outputs, errors by manifest line, resuming, shards
/// with merge, progress lines, and usage errors.
@Suite struct StudyCommandTests {
    /// 100 s at 10 Hz with a 0.2 Hz oscillation of the given amplitude.
    static func recording(amplitude: Double) -> String {
        var text = "time,flux\n"
        for n in 0..<1000 {
            let t = Double(n) / 10
            text += "\(t),\(50 + amplitude * sin(2 * .pi * 0.2 * t))\n"
        }
        return text
    }

    /// Four good rows (groups a, b), a missing file, an empty group, and a manifest for them.
    static func makeCohort() throws -> URL {
        let dir = try LDFCommandRunner.temporaryDirectory()
        for (i, a) in [1.0, 1.5, 3.0, 3.5].enumerated() {
            try Data(recording(amplitude: a).utf8).write(to: dir.appendingPathComponent("r\(i + 1).csv"))
        }
        let manifest = """
            subject,group,site,condition,protocol,path,cohort
            s1,a,forearm,rest,rest,r1.csv,x
            s2,a,forearm,rest,rest,r2.csv,x
            s3,b,forearm,rest,rest,r3.csv,y
            s4,b,forearm,rest,rest,r4.csv,y
            s5,b,forearm,rest,rest,nowhere.csv,y
            s6,,forearm,rest,rest,r1.csv,y

            """
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        return dir
    }

    static let fastBands = ["--bands", "myogenic:0.052-0.145,respiratory:0.145-0.6"]

    func csv(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    /// `protocol=epochs`: statistics between each file's marks, changes from its first interval,
    /// and a group comparison of them.
    @Test func epochsProtocolWritesIntervalStatistics() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var manifest = "subject,group,site,condition,protocol,path,map_mmhg\n"
        for (i, level) in [20.0, 22, 40, 44].enumerated() {
            var text = "time,flux,marker\n"
            for n in 0..<600 { text += "\(Double(n) / 2),\(n < 300 ? 10 : level),\(n == 300 ? "drug" : "")\n" }
            try Data(text.utf8).write(to: dir.appendingPathComponent("e\(i).csv"))
            manifest += "s\(i),\(i < 2 ? "a" : "b"),finger-pad,base,epochs,e\(i).csv,80\n"
        }
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let out = dir.appendingPathComponent("out")
        let run = try LDFCommandRunner.run(["study", dir.appendingPathComponent("manifest.csv").path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try csv(out.appendingPathComponent("epochs.csv"))
        #expect(rows.count == 8)
        let drug = try #require(rows.first { $0["subject"] == "s2" && $0["interval"] == "drug" })
        #expect(drug["mean"] == "40.0" && drug["change"] == "30.0" && drug["percent_change"] == "300.0" && drug["cvc"] == "0.5")
        #expect(drug["start_s"] == "150.0" && drug["end_s"] == "300.0")
        let comparisons = try csv(out.appendingPathComponent("comparisons.csv"))
        #expect(comparisons.contains { $0["analysis"] == "epochs" && $0["measure"] == "mean" && $0["band"] == "drug" })
    }

    @Test func runWritesTablesListsBadRowsAndResumes() throws {
        let dir = try Self.makeCohort()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let manifest = dir.appendingPathComponent("manifest.csv").path
        let first = try LDFCommandRunner.run(["study", manifest, "--out", out.path, "--jobs", "2"] + Self.fastBands)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        // Not a terminal: plain progress lines on standard error.
        #expect(first.stderr.contains("study: 4/4 (0 cached, 0 failed)"))
        // With the rate and the time left: none left after the last.
        #expect(first.stderr.contains(#/study: 4/4 \(0 cached, 0 failed\) [0-9.]+/s, ETA 0:00 /#))
        #expect(first.stderr.contains("4 of 6 recordings analysed"))
        for name in ["bands.csv", "spectra.csv", "porh.csv", "summary.csv", "comparisons.csv", "spectra_comparisons.csv", "errors.csv", "study.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let errors = try csv(out.appendingPathComponent("errors.csv"))
        #expect(errors.contains { $0["row"] == "6" && $0["severity"] == "error" && $0["message"]!.hasPrefix("file not found") })
        let errorsText = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errorsText.contains("\n7,s6/forearm/rest/rest,r1.csv,error,manifest,\"empty group;"))
        let bands = try csv(out.appendingPathComponent("bands.csv"))
        #expect(bands.count == 8 && bands.allSatisfy { $0["cohort"] == "x" || $0["cohort"] == "y" })
        let comparisons = try csv(out.appendingPathComponent("comparisons.csv"))
        let respiratory = try #require(comparisons.first { $0["band"] == "respiratory" && $0["measure"] == "amplitude" })
        // Group b's oscillation is larger in every recording: U of b = 4 of 4 pairs, exact p = 2/6.
        #expect(respiratory["statistic"] == "4.0" && respiratory["effect_size"] == "1.0" && respiratory["method"] == "exact")
        #expect(abs(Double(respiratory["p_value"]!)! - 1.0 / 3) < 1e-12)

        let second = try LDFCommandRunner.run(["study", "run", manifest, "--out", out.path] + Self.fastBands)
        #expect(second.status == 0)
        #expect(second.stderr.contains("study: 4/4 (4 cached, 0 failed) ETA 0:00 "))
        // Other parameters: analysed again.
        let third = try LDFCommandRunner.run(["study", manifest, "--out", out.path, "--bands", "myogenic:0.05-0.15"])
        #expect(third.stderr.contains("study: 4/4 (0 cached, 0 failed)"))
    }

    @Test func shardsThenMerge() throws {
        let dir = try Self.makeCohort()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent("manifest.csv").path
        var shardDirs: [String] = []
        for k in 1...2 {
            let shardDir = dir.appendingPathComponent("shard\(k)").path
            let run = try LDFCommandRunner.run(["study", manifest, "--out", shardDir, "--shard", "\(k)/2"] + Self.fastBands)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.contains("shard \(k)/2: 2 recordings"))
            #expect(!FileManager.default.fileExists(atPath: shardDir + "/bands.csv"))
            shardDirs.append(shardDir)
        }
        let merged = dir.appendingPathComponent("merged").path
        let merge = try LDFCommandRunner.run(["study", "merge", manifest, "--out", merged] + shardDirs)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stderr.contains("4 of 6 recordings analysed"))
        let full = dir.appendingPathComponent("full").path
        _ = try LDFCommandRunner.run(["study", manifest, "--out", full] + Self.fastBands)
        for name in ["bands.csv", "comparisons.csv", "spectra_comparisons.csv", "summary.csv", "errors.csv"] {
            let a = try String(contentsOfFile: merged + "/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: full + "/" + name, encoding: .utf8)
            #expect(a == b, "\(name) differs between merged shards and the full run")
        }
    }

    @Test func usageErrors() throws {
        let dir = try Self.makeCohort()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = dir.appendingPathComponent("manifest.csv").path
        let shard = try LDFCommandRunner.run(["study", manifest, "--out", dir.path + "/o", "--shard", "3/2"])
        #expect(shard.status == 64 && shard.stderr.contains("--shard"))
        let correction = try LDFCommandRunner.run(["study", manifest, "--out", dir.path + "/o", "--spectra-correction", "bonferroni"])
        #expect(correction.status == 64 && correction.stderr.contains("'holm', 'bh' or 'none'"))
        try Data("subject,group,path\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let columns = try LDFCommandRunner.run(["study", dir.appendingPathComponent("bad.csv").path, "--out", dir.path + "/o"])
        #expect(columns.status != 0 && columns.stderr.contains("required columns site, condition, protocol missing"))
        let merge = try LDFCommandRunner.run(["study", "merge", manifest, "--out", dir.path + "/m", dir.path + "/nothing"])
        #expect(merge.status != 0 && merge.stderr.contains("parameters.json"))
    }
}
