import Foundation
import Testing
import LDFTestSupport

@Suite struct EpochsCommandTests {
    /// A 1 Hz file on an axis starting at -4 s: flux 1...10, a marker at 2 s.
    private func file() throws -> (URL, String) {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("e.csv").path
        var text = "time [s],Flux [PU],marker\n"
        for i in 0..<10 { text += "\(i - 4),\(i + 1),\(i == 6 ? "drug" : "")\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test func csvJsonAndTableCarryTheStatistics() throws {
        let (dir, path) = try file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try LDFCommandRunner.run(["epochs", "--interval", "base:-4-0", "--interval", "drug:2-6", "--reference", "base",
                                            "--map", "80", "--format", "csv", path])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("source,interval,start_s,end_s,duration_s,channel,flux_unit"))
        let drug = try #require(lines.first { $0.contains(",drug,") })
        #expect(drug.contains(",8.5,"))          // mean of 7...10 (t = 2 ... 5)
        #expect(drug.contains(",6.0,"))          // change from base (mean 2.5)
        #expect(drug.contains(",240.0,"))        // % change
        let json = try LDFCommandRunner.run(["epochs", "--format", "json", path])
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(((json.json?["recordings"] as? [[String: Any]])?.first?["rows"]) as? [[String: Any]])
        #expect(rows.map { $0["interval"] as? String } == ["before drug", "drug"])
        #expect(rows[0]["cvc"] is NSNull)
        #expect(((json.json?["toolkit"] as? [String: Any])?["version"]) != nil)
        let table = try LDFCommandRunner.run(["epochs", "--every", "5", path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("mean 3"))
    }

    @Test func badIntervalsAreClearErrors() throws {
        let (dir, path) = try file()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (args, expected) in [(["--interval", "late:3-20"], "outside the recording"),
                                 (["--interval", "a:-4-2", "--interval", "b:0-4"], "overlap"),
                                 (["--interval", "back:4-1"], "not after the start"),
                                 (["--interval", "a:-4-0", "--reference", "zz"], "no interval is named"),
                                 (["--every", "0"], "--every")] {
            let out = try LDFCommandRunner.run(["epochs"] + args + [path])
            #expect(out.status != 0, "\(args)")
            #expect(out.stderr.contains(expected), "\(args): \(out.stderr)")
        }
    }
}
