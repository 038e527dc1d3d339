import Foundation
import Testing
import LDFTestSupport

/// `ldf simulate heating` and `ldf heating` end to end (issue 16; docs/METHODS.md §18).
@Suite struct HeatingCommandTests {
    /// Simulates a short rapid protocol at 2 Hz into `dir` with `extra` options; returns the path.
    static func simulate(_ dir: URL, _ extra: [String] = [], name: String = "heating.csv") throws -> String {
        let path = dir.appendingPathComponent(name).path
        let out = try LDFCommandRunner.run(["simulate", "heating", "--rate", "2", "--baseline-seconds", "120", "--heating-seconds", "900",
                                            "--maximum-seconds", "300", "--time-to-plateau", "600", "-o", path] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return path
    }

    @Test func findsTheOnsetAndStepFromTheTruth() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--zero-at-onset"])
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path.replacingOccurrences(of: ".csv", with: ".truth.json"))))
        let expected = try #require(((truth as? [String: Any])?["truth"] as? [String: Any])?["expected"] as? [String: Any])
        #expect(expected["file_onset_seconds"] as? Double == 0)
        let out = try LDFCommandRunner.run(["heating", "--format", "json", "--map", "90", path])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let recording = try #require((json["recordings"] as? [[String: Any]])?.first)
        let result = try #require(recording["result"] as? [String: Any])
        #expect(abs((result["onset_s"] as? Double ?? 99) - 0) <= 1)
        #expect(abs((result["maximum_step_s"] as? Double ?? 0) - 900) <= 1)
        #expect(result["biphasic"] as? Bool == true)
        #expect(abs((result["plateau"] as? Double ?? 0) / 85 - 1) < 0.02)
        #expect(result["cvc_max_source"] as? String == "maximum_step")
    }

    @Test func eventsTimeTheHeatingWhenMarked() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--markers", "--no-temperature"])
        let out = try LDFCommandRunner.run(["heating", "--format", "csv", path])
        #expect(out.status == 0, "\(out.stderr)")
        let row = out.stdout.split(separator: "\n")[1]
        #expect(row.contains(",120.0,events,1020.0,events,"), "\(row)")
    }

    @Test func fahrenheitIsConvertedWithANote() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--temperature-unit", "fahrenheit"])
        let out = try LDFCommandRunner.run(["heating", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("is in °F; converted to °C"), "\(out.stderr)")
    }

    @Test func noOnsetIsOneErrorLineAndExit1() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--set-point", "33.5", "--maximum-seconds", "0"])
        let out = try LDFCommandRunner.run(["heating", path])
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && lines[0].contains("no heating onset found"), "\(out.stderr)")
        #expect(lines[0].contains("ranged") && lines[0].contains("--onset"), "\(out.stderr)")
    }

    @Test func invalidCombinationsAreUsageErrors() throws {
        let file = RepositoryPaths.sample("heating-forearm-rapid.csv").path
        for arguments in [["heating", "--cvc-max", "1", file], ["heating", "--onset", "100", "--maximum-step", "50", file],
                          ["simulate", "heating", "--nadir-flux", "60"], ["simulate", "heating", "--time-to-plateau", "5000"]] {
            let out = try LDFCommandRunner.run(arguments)
            #expect(out.status == 64, "\(arguments): \(out.stderr)")
            #expect(out.stderr.hasPrefix("error: --"), "\(arguments): \(out.stderr)")
        }
    }
}
