import Foundation
import Testing
import LDFTestSupport

/// `ldf epochs` on intervals that do not fit the recording or each other, and on an interval with
/// no valid sample (issue 11, "Bad input"; docs/METHODS.md §15).
@Suite struct EpochsBadInputCommandTests {
    /// A 1 Hz file from 0 to 19 s, flux i + 1 at t = i, empty cells at 8-13 s (longer than the
    /// 1 s bridge, so they stay missing).
    private func file() throws -> (URL, String) {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let path = dir.appendingPathComponent("gap.csv").path
        var text = "time [s],Flux [PU]\n"
        for i in 0..<20 { text += "\(i),\((8..<14).contains(i) ? "" : "\(i + 1)")\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    /// Overlapping and reversed intervals are usage errors (64) found before the file is read; an
    /// interval outside the recording is an error of that file (1). Each message names the interval.
    @Test func badIntervalsExitWithTheirCodeAndReason() throws {
        let (dir, path) = try file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], Int32, String)] = [
            (["--interval", "a:0-6", "--interval", "b:5-9"], 64, "intervals a:0.0-6.0 s and b:5.0-9.0 s overlap"),
            (["--interval", "back:9-3"], 64, "the end (3.0 s) is not after the start (9.0 s)"),
            (["--interval", "late:15-30"], 1, "late:15.0-30.0 s: the interval is outside the recording"),
            (["--interval", "early:-5-3"], 1, "early:-5.0-3.0 s: the interval is outside the recording"),
        ]
        for (args, status, text) in cases {
            let out = try LDFCommandRunner.run(["epochs"] + args + [path])
            #expect(out.status == status, "\(args): status \(out.status)")
            #expect(out.stderr.contains(text), "\(args): \(out.stderr)")
        }
    }

    /// An interval with no valid sample: its statistics are null with the reason, and so is every
    /// change from it when it is the reference; the run succeeds.
    @Test func intervalWithoutValidSamplesGivesNullsWithReasons() throws {
        let (dir, path) = try file()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try LDFCommandRunner.run(["epochs", "--interval", "gap:9-13", "--interval", "after:14-20", "--reference", "gap",
                                            "--format", "json", path])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = try #require(((out.json?["recordings"] as? [[String: Any]])?.first?["rows"]) as? [[String: Any]])
        let gap = try #require(rows.first { $0["interval"] as? String == "gap" })
        #expect(gap["mean"] is NSNull && gap["median"] is NSNull && gap["sd"] is NSNull)
        #expect(gap["valid_share"] as? Double == 0 && gap["samples"] as? Int == 4)
        #expect((gap["null_reasons"] as? String)?.contains("no valid sample in the interval (all 4 missing)") == true)
        let after = try #require(rows.first { $0["interval"] as? String == "after" })
        #expect(after["mean"] as? Double == 17.5)
        #expect(after["change"] is NSNull)
        #expect((after["null_reasons"] as? String)?.contains("the reference interval 'gap' has no valid samples") == true)
    }
}
