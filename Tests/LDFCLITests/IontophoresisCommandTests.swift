import Foundation
import Testing
import LDFTestSupport

/// `ldf simulate iontophoresis` and `ldf iontophoresis` end to end (issue 16; docs/METHODS.md §21).
@Suite struct IontophoresisCommandTests {
    /// Simulates a short protocol at 4 Hz into `dir` with `extra` options; returns the path.
    static func simulate(_ dir: URL, _ extra: [String] = []) throws -> String {
        let path = dir.appendingPathComponent("ionto.csv").path
        let out = try LDFCommandRunner.run(["simulate", "iontophoresis", "--rate", "4", "--rest-seconds", "120", "-o", path] + extra)
        #expect(out.status == 0, "\(out.stderr)")
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func marksAndChannelNamesGiveDrugAndVehicle() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--markers"])
        let out = try LDFCommandRunner.run(["iontophoresis", "--format", "json", "--current", "0.1", path])
        #expect(out.status == 0, "\(out.stderr)")
        let recordings = try #require(try Self.json(out.stdout)["recordings"] as? [[String: Any]])
        #expect(recordings.map { $0["drug"] as? String } == ["ach", "vehicle"])
        let doses = try #require(recordings[0]["doses"] as? [[String: Any]])
        #expect(doses.count == 5)
        #expect(doses.map { $0["start_s"] as? Double } == [120, 200, 280, 360, 440])
        #expect(doses[4]["cumulative_charge_mc"] as? Double == 10, "5 pulses of 0.1 mA × 20 s")
        #expect(abs((doses[2]["plateau"] as? Double ?? 0) / 38 - 1) < 0.02)
        #expect(doses[0]["vehicle_channel"] as? String == "Vehicle" && doses[0]["vehicle_change"] as? Double != nil)
        #expect((recordings[0]["units"] as? [String: String])?["interval_area"] == "PU·s")
    }

    @Test func givenPulsesAndDrugsOverrideTheFile() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir)
        let out = try LDFCommandRunner.run(["iontophoresis", "--format", "csv", "--pulses", "120+20:2,200+20:2,280+20:2,360+20:2,440+20:2",
                                            "--drugs", "ACh=snp,2=vehicle", "--channel", "ACh", path])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 6 && lines[0].hasPrefix("source,channel,drug,drug_source,flux_unit,dose,start_s"), "\(out.stdout)")
        #expect(lines[1].contains(",ACh,snp,given,PU,1,120.0,140.0,2.0,2.0,"), "\(lines[1])")
        #expect(out.stdout.contains("no vehicle channel in the file"), "the vehicle channel was not analysed")
    }

    @Test func tableShowsTheDoseResponseWithTheVehicle() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir, ["--markers", "--drug", "snp"])
        let out = try LDFCommandRunner.run(["iontophoresis", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("iontophoresis, SNP (PU), 4 Hz, drug snp (channel)"), "\(out.stdout)")
        #expect(out.stdout.contains("dose-response (changes from each channel's rest, PU; the vehicle beside each drug)"), "\(out.stdout)")
    }

    @Test func badInputsAreOneErrorLine() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.simulate(dir)
        let cases: [([String], Int32, String)] = [
            (["iontophoresis", path], 1, "no iontophoresis pulses: the file has no events"),
            (["iontophoresis", "--pulses", "120+20,130+20", path], 64, "doses overlap"),
            (["iontophoresis", "--pulses", "120+20,5000+20", path], 1, "is outside the recording"),
            (["iontophoresis", "--drugs", "ACh=insulin", path], 64, "'insulin' (for channel 'ACh') is not a drug"),
            (["iontophoresis", "--pulses", "120:20", path], 64, "is not START+DURATION[:CHARGE]"),
            (["iontophoresis", "--threshold-sd", "50", path], 64, "--threshold-sd 50"),
            (["simulate", "iontophoresis", "--plateaus", "16,12,20,30,40"], 64, "plateaus must rise"),
            (["simulate", "iontophoresis", "--vehicle-plateaus", "9.5"], 64, "1 vehicle plateaus for 5 drug plateaus"),
        ]
        for (arguments, status, message) in cases {
            let out = try LDFCommandRunner.run(arguments)
            #expect(out.status == status, "\(arguments): \(out.stderr)")
            let lines = out.stderr.split(separator: "\n")
            // A usage error (64) is followed by the usage lines; a failed file is the one line.
            #expect(lines.first?.hasPrefix("error: ") == true && lines[0].contains(message), "\(arguments): \(out.stderr)")
            #expect(status == 64 ? lines[1].hasPrefix("Usage: ") : lines.count == 1, "\(arguments): \(out.stderr)")
        }
    }
}
