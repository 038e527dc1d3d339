import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf ridges` end to end on the MODA reference signal (Tests/Fixtures/moda-ridges): what users
/// read, and how bad input is refused.
@Suite struct RidgesCommandTests {
    static let signal = RepositoryPaths.fixture("moda-ridges").appendingPathComponent("ridge-signal.csv").path

    @Test("json: parameters, a component per band with summary and series on the file's time axis, a null band with its reason")
    func json() throws {
        let out = try LDFCommandRunner.run(["ridges", Self.signal, "--channel", "signal", "--band", "fm:0.7-1.4", "--band", "10-20",
                                            "--transform", "wft", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        #expect((json["toolkit"] as? [String: Any])?["version"] as? String == Toolkit.version)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["method"] as? String == "ridge" && parameters["transform"] as? String == "wft" && parameters["kernel"] as? String == "gaussian")
        let bands = try #require(json["bands"] as? [[String: Any]])
        #expect(bands.map { $0["name"] as? String } == ["fm", "10-20"])
        let fm = bands[0]
        #expect(abs((fm["window_f0_s"] as? Double ?? 0) - 1 / 0.7) < 1e-12)
        let summary = try #require(fm["summary"] as? [String: Any])
        #expect(abs((summary["frequency_mean_hz"] as? Double ?? 0) - 1) < 0.01)
        #expect(summary["samples"] as? Int == 4000)
        let series = try #require(fm["series"] as? [String: Any])
        let times = try #require(series["time_s"] as? [Double])
        #expect(times.count == 4000 && times[1] == 0.05)
        #expect((series["phase_rad"] as? [Double])?.allSatisfy { $0 >= 0 && $0 < 2 * Double.pi } == true)
        #expect(bands[1]["summary"] is NSNull && (bands[1]["reason"] as? String)?.contains("Nyquist") == true)
        #expect(out.stderr.contains("10-20: the band reaches 20.0 Hz"))
    }

    @Test("csv: the tidy series (one row per band and sample) and, with --summary, one row per band with every parameter")
    func csv() throws {
        let out = try LDFCommandRunner.run(["ridges", Self.signal, "--channel", "signal", "--band", "0.7-1.4,0.15-0.4", "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.first == "source,channel,flux_unit,band,time_s,frequency_hz,amplitude,phase_rad,component")
        #expect(lines.count == 1 + 2 * 4000)
        let summary = try LDFCommandRunner.run(["ridges", Self.signal, "--channel", "signal", "--band", "0.15-0.4", "--method", "butterworth",
                                                "--format", "csv", "--summary"])
        let rows = summary.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["method"] == "butterworth" && Int(row["filter_order"] ?? "") != nil)
        #expect(abs((Double(row["frequency_mean_hz"] ?? "") ?? 0) - 0.25) < 0.005)
        #expect(abs((Double(row["amplitude_mean"] ?? "") ?? 0) - 0.6) < 0.05)
        let table = try LDFCommandRunner.run(["ridges", Self.signal, "--channel", "signal", "--band", "0.7-1.4"])
        #expect(table.status == 0 && table.stdout.contains("ridge extraction (wavelet, morlet)") && table.stdout.contains("freq mean Hz"))
    }

    @Test("bad input: no band, inverted or unknown bands, options of the other method, a flat band")
    func badInput() throws {
        for (arguments, message) in [([String](), "--band: no band given"), (["--band", "3-1"], "0 < LO < HI"),
                                     (["--band", "nonsense"], "neither a band of preset"),
                                     (["--band", "1-2", "--method", "butterworth", "--transform", "wft"], "apply to the ridge method"),
                                     (["--band", "1-2", "--f0", "-1"], "--f0")] {
            let out = try LDFCommandRunner.run(["ridges", Self.signal, "--channel", "signal"] + arguments)
            #expect(out.status != 0 && out.stderr.contains(message), "\(arguments): \(out.stderr)")
        }
        // A slow tone alone: nothing in 1-2 Hz, reported as a null band (status 0); a constant file is an error.
        let folder = try LDFCommandRunner.temporaryDirectory()
        let tone = (0..<2000).map { "\(Double($0) / 10),\(5 + cos(2 * Double.pi * 0.1 * Double($0) / 10))" }
        let slow = try LDFCommandRunner.write("time,flux\n" + tone.joined(separator: "\n"), named: "slow.csv", in: folder)
        let out = try LDFCommandRunner.run(["ridges", slow, "--band", "1-2", "--format", "csv", "--summary"])
        #expect(out.status == 0 && out.stdout.contains("no oscillation"), "\(out.stdout) \(out.stderr)")
        let flat = try LDFCommandRunner.write("time,flux\n" + (0..<400).map { "\(Double($0) / 10),5" }.joined(separator: "\n"), named: "flat.csv", in: folder)
        let constant = try LDFCommandRunner.run(["ridges", flat, "--band", "1-2"])
        #expect(constant.status != 0 && constant.stderr.contains("constant"))
    }
}
