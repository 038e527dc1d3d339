import Foundation
import Testing
import LDFTestSupport

/// `ldf simulate crt` and `ldf crt` end to end (issue 16 item 4; docs/METHODS.md §23).
@Suite struct CRTCommandTests {
    /// Simulates into `dir` with `extra` options; returns the recording's path.
    static func simulate(_ dir: URL, _ extra: [String] = [], name: String = "crt.csv") throws -> String {
        let path = dir.appendingPathComponent(name).path
        let out = try LDFCommandRunner.run(["simulate", "crt", "-o", path] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return path
    }

    /// The truth file's press CRTs and release times.
    static func truth(_ path: String) throws -> [(crt: Double, release: Double)] {
        let url = URL(fileURLWithPath: path.replacingOccurrences(of: ".csv", with: ".truth.json"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let presses = ((json?["truth"] as? [String: Any])?["expected"] as? [String: Any])?["presses"] as? [[String: Any]] ?? []
        return presses.map { ($0["crt_seconds"] as? Double ?? .nan, $0["release_seconds"] as? Double ?? .nan) }
    }

    /// The presses of the first recording of `ldf crt --format json`.
    static func presses(_ out: LDFCommandRunner.Output) throws -> [[String: Any]] {
        let recording = try #require((out.json?["recordings"] as? [[String: Any]])?.first)
        return try #require(recording["presses"] as? [[String: Any]])
    }

    @Test func jitteredCameraFramesGiveTheTruthWithinFivePercent() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--frame-jitter", "0.4", "--crt", "0.8,2,4", "--seed", "11"])
        let out = try LDFCommandRunner.run(["crt", "--format", "json", path])
        #expect(out.status == 0, "\(out.stderr)")
        let presses = try Self.presses(out)
        let truth = try Self.truth(path)
        #expect(presses.count == 3)
        for (press, expected) in zip(presses, truth) {
            let crt = try #require(press["crt_s"] as? Double)
            #expect(abs(crt / expected.crt - 1) <= 0.05, "CRT \(crt) for \(expected.crt)")
            #expect(press["release_source"] as? String == "detected")
        }
        let recording = try #require((out.json?["recordings"] as? [[String: Any]])?.first)
        #expect(recording["irregular_times"] as? Bool == true, "the file's own stamps are fitted")
        #expect((recording["units"] as? [String: String])?["crt_s"] == "s")
        #expect((out.json?["toolkit"] as? [String: Any])?["version"] != nil)
    }

    @Test func markedFluxRefillRises() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--direction", "rises", "--markers", "--crt", "1,3", "--rest-level", "80", "--seed", "12"])
        let out = try LDFCommandRunner.run(["crt", "--refill", "rises", "--format", "csv", path])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = out.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = out.stdout.split(separator: "\n")[0].split(separator: ",").map(String.init)
        let crtColumn = try #require(header.firstIndex(of: "crt_s")), sourceColumn = try #require(header.firstIndex(of: "release_source"))
        for (row, expected) in zip(rows, try Self.truth(path)) {
            #expect(row[sourceColumn] == "events")
            let crt = try #require(Double(row[crtColumn]))
            #expect(abs(crt / expected.crt - 1) <= 0.05, "CRT \(crt) for \(expected.crt)")
        }
        #expect(rows.count == 2)
    }

    @Test func wrongDirectionIsANullCRTWithTheFix() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--crt", "2"])
        let out = try LDFCommandRunner.run(["crt", "--refill", "rises", "--release", "10", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("press 1 crt_s: the curve falls after the release instead of rising"), "\(out.stdout)")
        #expect(out.stdout.contains("give --refill falls"), "\(out.stdout)")
        #expect(out.stderr.contains("1 of 1 presses have no CRT"), "\(out.stderr)")
    }

    @Test func noReleaseIsOneErrorLineAndExit1() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("flat.csv").path
        try (["time [s],Intensity [a.u.]"] + (0..<300).map { "\(Double($0) / 30),\(50 + ($0 % 3))" }).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let out = try LDFCommandRunner.run(["crt", path])
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && lines[0].contains("no release found"), "\(out.stderr)")
        #expect(lines[0].contains("--release"), "\(out.stderr)")
        let events = try LDFCommandRunner.run(["crt", "--timing", "events", RepositoryPaths.sample("crt-camera-30fps.csv").path])
        #expect(events.status == 1 && events.stderr.contains("no release event (the file has no events)"), "\(events.stderr)")
    }

    @Test func invalidCombinationsAreUsageErrors() throws {
        let file = RepositoryPaths.sample("crt-camera-30fps.csv").path
        for arguments in [["crt", "--fit-end", "20", file], ["crt", "--release", "30,10", file], ["crt", "--release", "ten", file],
                          ["crt", "--release", "10", "--timing", "detect", file], ["simulate", "crt", "--crt", "6"],
                          ["simulate", "crt", "--jitter", "0.1"], ["simulate", "crt", "--crt", "1,x"]] {
            let out = try LDFCommandRunner.run(arguments)
            #expect(out.status == 64, "\(arguments): \(out.stderr)")
            #expect(out.stderr.hasPrefix("error: --") || out.stderr.hasPrefix("error: ldf simulate crt"), "\(arguments): \(out.stderr)")
        }
    }
}
