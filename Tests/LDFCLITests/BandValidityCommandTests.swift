import Foundation
import Testing
import LDFTestSupport

/// The band validity rule end to end: `ldf info` lists as unresolvable exactly the bands `ldf
/// bands` reports as null, for every preset, on lengths either side of the 5-cycle limits, with
/// the same `--min-valid` and `--allow-short-bands`; bad values are usage errors.
@Suite struct BandValidityCommandTests {
    static let presets = ["stefanovska", "stefanovska-1.6", "linkoping", "pittsburgh"]

    /// Band name -> whether it has values, from `ldf bands --format json`.
    static func bandsValued(_ file: String, _ options: [String]) throws -> [String: Bool] {
        let out = try LDFCommandRunner.run(["bands", "--format", "json"] + options + [file])
        #expect(out.status == 0, "\(out.stderr)")
        let recordings = try #require(out.json?["recordings"] as? [[String: Any]])
        let bands = try #require(recordings.first?["bands"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: bands.map { ($0["band"] as! String, $0["amplitude"] is Double) })
    }

    /// Preset -> band name -> resolvable, from `ldf info --format json`.
    static func infoResolvable(_ file: String, _ options: [String]) throws -> [String: [String: Bool]] {
        let out = try LDFCommandRunner.run(["info", "--format", "json"] + options + [file])
        #expect(out.status == 0, "\(out.stderr)")
        let bands = try #require(out.json?["bands"] as? [String: [[String: Any]]])
        return bands.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0["name"] as! String, $0["resolvable"] as! Bool) }) }
    }

    static let cases: [(seconds: Double, options: [String])] = [
        (300, []), (999, []), (1000, []), (1300, []), (600, ["--min-valid", "0.5"]), (600, ["--allow-short-bands"]),
    ]

    @Test(arguments: cases)
    func infoSaysWhatBandsDoes(_ seconds: Double, _ options: [String]) throws {
        let folder = try LDFCommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("rest.csv").path
        let made = try LDFCommandRunner.run(["simulate", "rest", "--rate", "5", "--duration", String(seconds), "--seed", "4", "-o", file])
        #expect(made.status == 0, "\(made.stderr)")
        let info = try Self.infoResolvable(file, options)
        for preset in Self.presets {
            #expect(try Self.bandsValued(file, ["--preset", preset] + options) == info[preset], "\(preset), \(seconds) s, \(options)")
        }
    }

    @Test func shortRecordingNullsTheLowBandAndSaysHow() throws {
        let folder = try LDFCommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("rest.csv").path
        _ = try LDFCommandRunner.run(["simulate", "rest", "--rate", "5", "--duration", "600", "--seed", "4", "-o", file])
        let out = try LDFCommandRunner.run(["bands", "--format", "csv", file])
        #expect(out.status == 0)
        let lowest = try #require(out.stdout.split(separator: "\n").first { $0.contains("endothelial_no_independent") })
        #expect(lowest.contains("fewer than 5 cycles of 0.005 Hz"))
        #expect(lowest.contains("record longer, or allow short bands (--allow-short-bands) to compute it with a caution"))
        let allowed = try LDFCommandRunner.run(["bands", "--format", "csv", "--allow-short-bands", file])
        #expect(allowed.stderr.contains("computed because short bands are allowed (--allow-short-bands)"))
    }

    @Test(arguments: [["bands"], ["info"], ["stream"], ["study", "run", "m.csv", "--out", "o"]])
    func minValidOutsideZeroToOneIsAUsageError(_ command: [String]) throws {
        let out = try LDFCommandRunner.run(command + ["--min-valid", "1.5"] + (command.count == 1 ? ["x.csv"] : []))
        #expect(out.status == 64)
        #expect(out.stderr.contains("--min-valid 1.5: must be from 0 to 1"))
    }
}
