import Foundation
import Testing
import LDFTestSupport

/// `ldf export` end to end: flags agree with what `ldf info` counts and with the sample's truth,
/// the export reads back as the same recording, channels at other rates are resampled, and bad
/// input gets one `error:` line.
@Suite struct ExportCommandTests {
    static func description(_ arguments: [String]) throws -> [String: Any] {
        let out = try LDFCommandRunner.run(["export", "--format", "json"] + arguments)
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(out.json)
    }

    @Test func flagCountsAreTheReadingCountsOfInfo() throws {
        let path = RepositoryPaths.sample("rest-40hz-20min-artifacts.csv").path
        let info = try #require(try LDFCommandRunner.run(["info", "--format", "json", path]).json)
        let columns = try #require(try Self.description([path])["columns"] as? [[String: Any]])
        let counts = try #require(columns.first?["flag_counts"] as? [String: Int])
        let truth = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: RepositoryPaths.sample("rest-40hz-20min-artifacts.truth.json"))) as? [String: Any])
        let dropped = try #require((truth["artifacts"] as? [String: Any])?["dropped_sample_times_s"] as? [Double])
        #expect(counts["filled"] == dropped.count)
        #expect(counts["filled"] == info["resampled_gaps"] as? Int)
        #expect(counts["bridged"] == info["interpolated_samples"] as? Int)
        let gaps = try #require(info["gaps"] as? [[String: Any]])
        let gapSamples = gaps.map { Int((($0["duration_s"] as? Double) ?? 0) * 40 + 0.5) }.reduce(0, +)
        #expect(counts["gap"] == gapSamples)
        #expect(counts.values.reduce(0, +) == info["samples"] as? Int)
    }

    @Test func anExportReadsBackAsTheSameSamples() throws {
        let folder = try LDFCommandRunner.temporaryDirectory()
        let first = folder.appendingPathComponent("first.csv").path
        let source = RepositoryPaths.fixture("export").appendingPathComponent("flags.csv").path
        #expect(try LDFCommandRunner.run(["export", source, "-o", first]).status == 0)
        let again = try LDFCommandRunner.run(["export", first])
        #expect(again.status == 0, "\(again.stderr)")
        let original = try String(contentsOfFile: first, encoding: .utf8)
        // Values, times and units survive; a gap stays a gap, filled and bridged values are now
        // rows of the file.
        func valueColumns(_ text: String) -> [String] {
            text.split(separator: "\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).enumerated()
                    .filter { $0.offset % 2 == 1 || $0.offset == 0 }.map { String($0.element) }.joined(separator: ",")
            }
        }
        #expect(valueColumns(again.stdout) == valueColumns(original))
        #expect(again.stdout.contains(",gap,") && !again.stdout.contains("filled") && !again.stdout.contains("bridged"))
    }

    @Test func channelsAtOtherRatesAreResampledOntoTheGrid() throws {
        let path = RepositoryPaths.fixture("edf").appendingPathComponent("multirate.edf").path
        let json = try Self.description([path])
        #expect(json["sample_rate_hz"] as? Double == 32)
        let columns = try #require(json["columns"] as? [[String: Any]])
        #expect(columns.count == 3)
        #expect(Set(columns.compactMap { $0["source_sample_rate_hz"] as? Double }) == [32, 1, 8])
        #expect(columns.allSatisfy { ($0["flag_counts"] as? [String: Int])?.values.reduce(0, +) == 32 * 120 })
        let out = try LDFCommandRunner.run(["export", path])
        #expect(out.stdout.split(separator: "\n").count == 1 + 32 * 120)
    }

    @Test func eventsAndDescriptionFilesBesideTheSamples() throws {
        let folder = try LDFCommandRunner.temporaryDirectory()
        let source = RepositoryPaths.sample("porh-forearm-2-occlusions.csv").path
        let events = folder.appendingPathComponent("events.csv").path
        let metadata = folder.appendingPathComponent("export.json").path
        let out = try LDFCommandRunner.run(["export", source, "--events", events, "--metadata", metadata])
        #expect(out.status == 0, "\(out.stderr)")
        let table = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        #expect(table.first == "time_s,end_s,label,kind")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metadata))) as? [String: Any])
        #expect((json["events"] as? [Any])?.count == table.count - 1)
        #expect((json["toolkit"] as? [String: Any])?["version"] != nil)
    }

    @Test func aWorkbookOfSeveralSheetsNeedsOne() throws {
        let path = RepositoryPaths.fixture("xlsx").appendingPathComponent("trials.xlsx").path
        let out = try LDFCommandRunner.run(["export", path])
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("error: ") && out.stderr.contains("--sheet"))
        #expect(try LDFCommandRunner.run(["export", path, "--sheet", "1"]).status == 0)
    }

    @Test func writingOverTheInputIsRefused() throws {
        let folder = try LDFCommandRunner.temporaryDirectory()
        let copy = folder.appendingPathComponent("in.csv")
        try FileManager.default.copyItem(at: RepositoryPaths.fixture("export").appendingPathComponent("flags.csv"), to: copy)
        let out = try LDFCommandRunner.run(["export", copy.path, "-o", copy.path])
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("error: "))
        #expect(try String(contentsOf: copy, encoding: .utf8).hasPrefix("Time [s]"))
    }
}
