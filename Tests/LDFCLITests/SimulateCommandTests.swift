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

    @Test func badOptionsAreRefused() throws {
        for args in [["simulate", "rest", "--rate", "0"], ["simulate", "rest", "--jitter", "0.9"],
                     ["simulate", "rest", "--amplitudes", "lymphatic:3"], ["simulate", "porh", "--occlusions", "0"],
                     ["simulate", "porh", "--biological-zero", "500", "--site", "forearm"],
                     ["simulate", "rest", "--rate", "2"]] {
            let out = try LDFCommandRunner.run(args)
            #expect(out.status != 0, "\(args)")
            #expect(!out.stderr.isEmpty, "\(args)")
        }
    }
}
