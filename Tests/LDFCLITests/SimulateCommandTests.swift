import Foundation
import Testing
import LDFTestSupport

@Suite struct SimulateCommandTests {
    @Test func restIsSeededAndWritesItsTruth() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.csv").path, b = dir.appendingPathComponent("b.csv").path
        let args = ["simulate", "rest", "--duration", "30", "--rate", "10", "--seed", "3", "--amplitudes", "cardiac:0"]
        #expect(try LDFCommandRunner.run(args + ["-o", a]).status == 0)
        #expect(try LDFCommandRunner.run(args + ["-o", b]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        let truth = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent("a.truth.json"))) as? [String: Any])
        #expect(truth["seed"] as? Int == 3)
        let oscillations = ((truth["truth"] as? [String: Any])?["oscillations"] as? [[String: Any]]) ?? []
        #expect(oscillations.count == 5)
        #expect(!oscillations.contains { $0["band"] as? String == "cardiac" })
        let info = try LDFCommandRunner.run(["info", "--format", "json", a])
        #expect(info.json?["samples"] as? Int == 300)
    }

    @Test func porhWritesMarkersAndPressure() throws {
        let out = try LDFCommandRunner.run(["simulate", "porh", "--site", "forearm", "--rate", "10", "--pressure", "--markers",
                                            "--occlusion-seconds", "60", "--recovery-seconds", "120"])
        #expect(out.status == 0, "\(out.stderr)")
        let header = out.stdout.prefix { $0 != "\n" }
        #expect(header.contains("[mmHg]"))
        #expect(header.hasSuffix("marker"))
        #expect(out.stdout.contains("Release"))
    }

    @Test func porhLoadingProtocolWritesTheFileAxisAndItsTruth() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.csv").path
        let out = try LDFCommandRunner.run(["simulate", "porh", "--protocol", "loading", "--seed", "2", "--jitter", "0.1",
                                            "--dropped", "3", "--bz-fraction", "0.3", "-o", path])
        #expect(out.status == 0, "\(out.stderr)")
        let truth = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent("l.truth.json"))) as? [String: Any])
        let payload = try #require(truth["truth"] as? [String: Any])
        let configuration = try #require(payload["configuration"] as? [String: Any])
        let expected = try #require(payload["expected"] as? [String: Any])
        #expect(configuration["sample_rate_hz"] as? Double == 2)
        #expect(configuration["plateau_spread_pu"] as? Double == 1)
        #expect(configuration["plateau_dips_per_minute"] as? Double == 10)
        let rest = try #require(configuration["rest_flux_pu"] as? Double)
        #expect(abs((configuration["biological_zero_pu"] as? Double ?? 0) - 0.3 * rest) < 1e-9)
        let occlusions = try #require(expected["occlusions"] as? [[String: Any]])
        #expect(occlusions.count == 4)
        #expect(occlusions[0]["file_start_seconds"] as? Double == 0)
        #expect(((truth["artifacts"] as? [String: Any])?["dropped_sample_times_s"] as? [Double])?.count == 3)
        let info = try LDFCommandRunner.run(["info", "--format", "json", path])
        #expect((info.json?["time_origin_s"] as? Double ?? 0) < -59)
    }

    @Test func badOptionsAreRefused() throws {
        for args in [["simulate", "rest", "--rate", "0"], ["simulate", "rest", "--jitter", "0.9"],
                     ["simulate", "rest", "--amplitudes", "lymphatic:3"], ["simulate", "porh", "--occlusions", "0"],
                     ["simulate", "porh", "--bz-fraction", "1.2"], ["simulate", "porh", "--plateau-spread", "-1"],
                     ["simulate", "porh", "--bz-fraction", "0.3", "--biological-zero", "2"],
                     ["simulate", "porh", "--biological-zero", "500", "--site", "forearm"],
                     ["simulate", "rest", "--rate", "2"]] {
            let out = try LDFCommandRunner.run(args)
            #expect(out.status != 0, "\(args)")
            #expect(!out.stderr.isEmpty, "\(args)")
        }
    }
}
