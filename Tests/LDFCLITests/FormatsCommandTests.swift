import Foundation
import Testing
import LDFTestSupport

/// Binary and open formats end to end: what `ldf info` reports for EDF, WFDB and Excel files,
/// PORH on an EDF whose cuff channel has its own rate, standard input, and one-line errors.
@Suite struct FormatsCommandTests {
    func fixture(_ folder: String, _ name: String) -> String { RepositoryPaths.fixture(folder).appendingPathComponent(name).path }

    @Test func infoListsEachChannelWithItsRate() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", fixture("edf", "multirate.edf")])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        #expect(json["reader"] as? String == "edf")
        #expect(json["sample_rate_hz"] as? Double == 32)
        let channels = try #require(json["channels"] as? [[String: Any]])
        #expect(channels.map { $0["name"] as? String } == ["Flux", "Skin temp", "Cuff"])
        #expect(channels.map { $0["sample_rate_hz"] as? Double } == [32, 1, 8])
        #expect((json["events"] as? [Any])?.count == 3)
        #expect(json["start_time"] as? String == "2023-03-14T10:20:30")
    }

    @Test func porhPutsTheCuffOnTheFluxGridAndRuns() throws {
        let out = try LDFCommandRunner.run(["porh", "--format", "json", fixture("edf", "multirate.edf")])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("occlusion"))
    }

    @Test func workbookSheetsAreReportedInOneRun() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", fixture("xlsx", "trials.xlsx")])
        #expect(out.status == 0, "\(out.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { ($0["source"] as? String)?.hasSuffix("]") } == [true, true])
        let one = try LDFCommandRunner.run(["info", "--format", "json", "--sheet", "Trial 2", fixture("xlsx", "trials.xlsx")])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.json?["sample_rate_hz"] as? Double == 2)
    }

    @Test func wfdbRecordByName() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", fixture("wfdb", "flux16")])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.json?["reader"] as? String == "wfdb")
    }

    @Test func matChoicesFromTheCommandLine() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", "--mat-signal", "data", "--mat-rate", "40", fixture("mat", "matrix.mat")])
        #expect(out.status == 0, "\(out.stderr)")
        #expect((out.json?["channels"] as? [Any])?.count == 2)
    }

    @Test func standardInputReadsBinaryFormats() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture("cfwb", "flux-double.bin")))
        let out = try LDFCommandRunner.run(["info", "--format", "json", "-"], stdin: bytes)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.json?["reader"] as? String == "cfwb")
    }

    @Test(arguments: [("xlsx", "bad-encrypted.xlsx", "encrypted"), ("xlsx", "bad-legacy.xls", "save as .xlsx or CSV"),
                      ("mat", "v73.mat", "7.3"), ("wfdb", "310derive.hea", "format 310"), ("edf", "bad-truncated.edf", "number of data records"),
                      ("cfwb", "recording.adicht", "export as text or binary from LabChart")])
    func badFilesGiveOneLineErrors(_ folder: String, _ name: String, _ phrase: String) throws {
        let out = try LDFCommandRunner.run(["info", fixture(folder, name)])
        #expect(out.status != 0)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(out.stderr)")
        #expect(out.stderr.contains(name) && out.stderr.contains(phrase), "\(out.stderr)")
    }
}
