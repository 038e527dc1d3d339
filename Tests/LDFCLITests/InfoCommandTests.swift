import Foundation
import Testing
import LDFTestSupport

/// `ldf info` end to end: JSON fields on every bundled sample, and one-line errors for bad input.
@Suite struct InfoCommandTests {
    @Test(arguments: ["rest-32hz-30min.csv", "rest-40hz-20min-artifacts.csv", "porh-finger-pad.csv", "porh-forearm-2-occlusions.csv"])
    func jsonOnEverySample(_ name: String) throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", RepositoryPaths.sample(name).path])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        for key in ["duration_s", "sample_rate_hz", "samples", "channels", "events", "resampled_gaps", "masked_samples", "toolkit"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let truthURL = RepositoryPaths.sample(name.replacingOccurrences(of: ".csv", with: ".truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as? [String: Any])
        let payload = try #require(truth["truth"] as? [String: Any])
        let configuration = (payload["configuration"] as? [String: Any]) ?? payload
        let rate = try #require(configuration["sample_rate_hz"] as? Double)
        let duration = try #require(configuration["duration_seconds"] as? Double)
        #expect(json["sample_rate_hz"] as? Double == rate)
        #expect(abs((json["duration_s"] as? Double ?? 0) - duration) < 1 / rate + 1e-9)
        let channels = try #require(json["channels"] as? [[String: Any]])
        #expect(channels.first?["unit"] as? String == "PU")
        #expect(channels.first?["name"] != nil)
    }

    @Test func artifactsSampleReportsWhatTheTruthFileSays() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", RepositoryPaths.sample("rest-40hz-20min-artifacts.csv").path])
        let json = try #require(out.json)
        let truth = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: RepositoryPaths.sample("rest-40hz-20min-artifacts.truth.json"))) as? [String: Any])
        let artifacts = try #require(truth["artifacts"] as? [String: Any])
        #expect(json["resampled_gaps"] as? Int == (artifacts["dropped_sample_times_s"] as? [Double])?.count)
        #expect(json["masked_samples"] as? Int == (artifacts["sentinel_times_s"] as? [Double])?.count)
        #expect((json["gaps"] as? [Any])?.count == 1)
        #expect((json["channels"] as? [[String: Any]])?.count == 2)
    }

    @Test func porhSampleHasItsMarkersAsEvents() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", RepositoryPaths.sample("porh-finger-pad.csv").path])
        let events = try #require(out.json?["events"] as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["occlusion_start", "occlusion_release"])
        #expect(events.map { $0["time_s"] as? Double } == [120, 300])
    }

    @Test func textOutputAndSeveralFiles() throws {
        let a = RepositoryPaths.sample("rest-32hz-30min.csv").path, b = RepositoryPaths.sample("porh-finger-pad.csv").path
        let text = try LDFCommandRunner.run(["info", a, b])
        #expect(text.status == 0)
        #expect(text.stdout.contains("32 Hz"))
        #expect(text.stdout.contains("Occlusion start"))
        let json = try LDFCommandRunner.run(["info", "--format", "json", a, b])
        let list = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 2)
    }

    @Test func standardInputWithRate() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", "--rate", "10", "-"],
                                           stdin: Data("time,flux\n0,1\n0.1,2\n0.2,3\n0.3,4\n".utf8))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.json?["samples"] as? Int == 4)
        #expect(out.json?["source"] as? String == "-")
    }

    /// Each bad input: non-zero status, nothing on stdout, one line on stderr naming the place and the fix.
    @Test func badInputGetsAOneLineError() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func file(_ name: String, _ content: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try Data(content.utf8).write(to: url)
            return url.path
        }
        let good = try file("good.csv", "time,flux\n0,1\n1,2\n2,3\n")
        var garbage = Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        garbage[10] = 0
        let garbageURL = dir.appendingPathComponent("garbage.bin")
        try garbage.write(to: garbageURL)
        let cases: [(args: [String], expect: String)] = [
            (["info", try file("empty.csv", "")], "empty.csv"),
            (["info", try file("header.csv", "time,flux\n")], "header.csv"),
            (["info", garbageURL.path], "garbage.bin"),
            (["info", try file("text.csv", "a,b\nx,y\nz,w\n")], "text.csv"),
            (["info", try file("backwards.csv", "time,flux\n0,1\n2,2\n1,3\n")], "backwards.csv line 4"),
            (["info", try file("duplicate.csv", "time,flux\n0,1\n1,2\n1,3\n")], "duplicate.csv line 4"),
            (["info", try file("single.csv", "time,flux\n0,1\n")], "single.csv"),
            (["info", "--channel", "pressure", good], "--channel"),
            (["info", "--rate", "0", good], "--rate"),
            (["info", "--rate=-5", good], "--rate"),
            (["info", dir.appendingPathComponent("missing.csv").path], "missing.csv"),
            (["info", dir.path], "directory"),
        ]
        for c in cases {
            let out = try LDFCommandRunner.run(c.args)
            #expect(out.status != 0, "\(c.args)")
            #expect(out.stdout.isEmpty, "\(c.args)")
            let lines = out.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("error: ") == true, "\(c.args): \(out.stderr)")
            #expect(lines.first?.contains(c.expect) == true, "\(c.args): \(out.stderr)")
            if c.args.contains(where: { $0.hasPrefix("--rate") }) || lines.first?.hasPrefix("error: --") == true {
                // An invalid option: the error line, then the usage (status 64).
                #expect(out.status == 64 && lines.count > 1 && lines[1].hasPrefix("Usage: ldf info"), "\(c.args): \(out.stderr)")
            } else {
                #expect(lines.count == 1, "\(c.args): \(out.stderr)")
            }
        }
    }
}
