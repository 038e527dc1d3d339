import Foundation
import LDFTestSupport
import Testing

/// Options that several commands share mean the same everywhere (issue 13, item 6): the Hampel
/// filter (any `--hampel*` option turns it on, the window defaults to the command's), the PORH
/// timing and the reperfusion bands (`ldf porh` and `ldf study run` take the same values).
@Suite struct SharedOptionsTests {
    static let rest = RepositoryPaths.sample("rest-32hz-30min.csv").path
    static let porh = RepositoryPaths.sample("porh-finger-pad.csv").path

    func parameters(_ arguments: [String]) throws -> [String: Any] {
        let out = try LDFCommandRunner.run(arguments + ["--format", "json"])
        #expect(out.status == 0, "\(arguments): \(out.stderr)")
        return try #require(out.json?["parameters"] as? [String: Any], "\(arguments)")
    }

    @Test func anyHampelOptionTurnsTheFilterOnWithTheCommandsWindow() throws {
        let bands = try parameters(["bands", Self.rest, "--hampel-widen", "1"])["hampel"] as? [String: Any]
        #expect(bands?["window_s"] as? Double == 20 && bands?["widen_samples"] as? Double == 1 && bands?["threshold_mads"] as? Double == 5)
        #expect(try parameters(["bands", Self.rest])["hampel"] is NSNull)
        let porh = try parameters(["porh", Self.porh, "--hampel"])
        #expect(porh["hampel_window_s"] as? Double == 2 && porh["hampel_threshold_mads"] as? Double == 5)
        let tuned = try parameters(["porh", Self.porh, "--hampel-threshold", "4"])
        #expect(tuned["hampel_window_s"] as? Double == 2 && tuned["hampel_threshold_mads"] as? Double == 4)
    }

    @Test func timingAndReperfusionBandsTakeTheSameValuesInPorhAndStudy() throws {
        let manifest = RepositoryPaths.sample("study/manifest.csv").path
        for command in [["porh", Self.porh], ["study", "run", manifest, "--out", "/nonexistent/ldf-shared-options"]] {
            for (option, bad) in [("--timing", "cuff"), ("--reperfusion-bands", "bogus")] {
                let out = try LDFCommandRunner.run(command + [option, bad])
                #expect(out.status == 64, "\(command) \(option): \(out.stderr)")
                #expect(out.stderr.contains(option) && out.stderr.contains("'\(bad)'"), "\(command) \(option): \(out.stderr)")
            }
        }
        let porh = try parameters(["porh", Self.porh, "--timing", "events", "--reperfusion-bands", "stefanovska"])
        #expect(porh["timing"] as? String == "events")
        #expect(porh["reperfusion_bands"] as? String == "stefanovska")
    }
}
