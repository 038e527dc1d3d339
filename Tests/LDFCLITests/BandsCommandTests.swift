import Foundation
import Testing
import LDFTestSupport
import LDFCore

/// `ldf bands` end to end on small generated CSV files: JSON and CSV fields, exit codes, errors.
@Suite struct BandsCommandTests {
    /// Writes `time [s],flux [PU]` rows: 50 PU plus sines (Hz, PU amplitude) and seeded noise.
    static func writeCSV(_ name: String, in folder: URL, rate: Double, seconds: Double,
                         tones: [(hz: Double, amplitude: Double)], constant: Bool = false) throws -> String {
        var text = "time [s],flux [PU]\n"
        var state: UInt64 = 12345
        for i in 0..<Int(seconds * rate) {
            let t = Double(i) / rate
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = constant ? 0 : (Double(state >> 11) * 0x1.0p-53 - 0.5) * 0.1
            let value = 50 + noise + tones.reduce(0) { $0 + $1.amplitude * sin(2 * .pi * $1.hz * t) }
            text += "\(t),\(value)\n"
        }
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }

    static let twoBands = "myogenic:0.052-0.145,respiratory:0.145-0.6"

    @Test func jsonForTwoFiles() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 4, seconds: 300, tones: [(0.1, 4)])
        let b = try Self.writeCSV("b.csv", in: dir, rate: 4, seconds: 300, tones: [(0.3, 2)])
        let out = try LDFCommandRunner.run(["bands", a, b, "--bands", Self.twoBands, "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let toolkit = try #require(json["toolkit"] as? [String: Any])
        #expect(toolkit["name"] as? String == Toolkit.name && toolkit["version"] as? String == Toolkit.version)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["preset"] as? String == "custom")
        #expect(parameters["method"] as? String == "wavelet")
        #expect(parameters["wavelet"] as? String == "morlet")
        #expect(parameters["f0"] as? Double == 1)
        #expect(parameters["padding"] as? String == "predictive")
        #expect(parameters["cone"] as? String == "moda")
        #expect(parameters["preprocessing"] as? Bool == true)
        #expect(parameters["include_edges"] as? Bool == false)
        #expect(parameters["fmin"] as? Double == 0.052 && parameters["fmax"] as? Double == 0.6)
        #expect(parameters["hampel"] is NSNull)
        let recordings = try #require(json["recordings"] as? [[String: Any]])
        #expect(recordings.map { $0["source"] as? String } == [a, b])
        for recording in recordings {
            #expect(recording["diagnostics"] is [Any])
            #expect(recording["unit"] as? String == "PU")
            let bands = try #require(recording["bands"] as? [[String: Any]])
            #expect(bands.map { $0["band"] as? String } == ["myogenic", "respiratory"])
            for band in bands {
                for key in ["low_hz", "high_hz", "amplitude", "power", "amplitude_ratio_to_mean", "power_ratio_to_mean",
                            "power_ratio_to_median", "valid_fraction", "peak_hz", "peak_amplitude", "pixel_amplitude", "pixel_power"] {
                    #expect(band[key] is Double, "\(key)")
                }
                // The Welch shares are null in a wavelet analysis.
                #expect(band["power_share"] is NSNull && band["rms_ratio_to_total"] is NSNull)
                #expect(band["reason"] is NSNull)
            }
        }
        // The 0.1 Hz tone of amplitude 4 peaks in the myogenic band at about a / 2 = 2.
        let myogenic = try #require((recordings[0]["bands"] as? [[String: Any]])?.first)
        #expect(abs((myogenic["peak_hz"] as? Double ?? 0) - 0.1) < 0.003)
        #expect(abs((myogenic["peak_amplitude"] as? Double ?? 0) - 2) < 0.05)
        let respiratory = try #require((recordings[1]["bands"] as? [[String: Any]])?.last)
        #expect(abs((respiratory["peak_hz"] as? Double ?? 0) - 0.3) < 0.01)
    }

    /// Welch through the CLI: a sine's band power is a^2 / 2 (amplitude 2 gives 2).
    @Test func welchPowerOfASine() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 4, seconds: 400, tones: [(0.25, 2)])
        let out = try LDFCommandRunner.run(["bands", a, "--bands", Self.twoBands, "--method", "welch",
                                            "--welch-segment", "100", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let bands = try #require(((out.json?["recordings"] as? [[String: Any]])?.first)?["bands"] as? [[String: Any]])
        #expect(abs((bands[1]["power"] as? Double ?? 0) - 2) < 0.02)
        #expect(abs((bands[1]["power_share"] as? Double ?? 0) - 1) < 0.01)
        #expect((out.json?["parameters"] as? [String: Any])?["method"] as? String == "welch")
    }

    /// A 100 s recording is too short for the lowest Stefanovska bands: null values and a reason.
    @Test func tooShortBandIsNullWithReason() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("short.csv", in: dir, rate: 4, seconds: 100, tones: [(0.3, 2)])
        let out = try LDFCommandRunner.run(["bands", a, "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let bands = try #require(((out.json?["recordings"] as? [[String: Any]])?.first)?["bands"] as? [[String: Any]])
        #expect(bands.count == 6)
        let lowest = bands[0]
        #expect(lowest["band"] as? String == "endothelial_no_independent")
        #expect(lowest["amplitude"] is NSNull && lowest["power"] is NSNull && lowest["peak_hz"] is NSNull)
        #expect((lowest["reason"] as? String)?.contains("too short") == true)
        #expect(bands[4]["amplitude"] is Double)
        #expect(out.stderr.contains("endothelial_no_independent: no coefficient inside the cone of influence"))
        // No bare NaN values (JSONSerialization would reject them; null is used instead).
        #expect(out.json != nil && !out.stdout.contains(": NaN"))
    }

    @Test func tidyCSV() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 4, seconds: 200, tones: [(0.1, 4)])
        let b = try Self.writeCSV("b.csv", in: dir, rate: 4, seconds: 200, tones: [(0.3, 2)])
        let out = try LDFCommandRunner.run(["bands", a, b, "--bands", Self.twoBands, "--method", "welch", "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        let header = lines[0].split(separator: ",").map(String.init)
        for column in ["source", "band", "amplitude", "power", "power_ratio_to_mean", "power_ratio_to_median", "power_share", "preset", "method", "fmin_hz"] {
            #expect(header.contains(column), "\(column)")
        }
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row.count == header.count)
        #expect(row[header.firstIndex(of: "source")!] == a)
        #expect(row[header.firstIndex(of: "band")!] == "myogenic")
        #expect(row[header.firstIndex(of: "method")!] == "welch")
    }

    @Test func defaultTableIsReadable() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 4, seconds: 200, tones: [(0.1, 4)])
        let out = try LDFCommandRunner.run(["bands", a, "--bands", Self.twoBands, "--method", "welch"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("myogenic") && out.stdout.contains("power share") && out.stdout.contains("preset custom"))
        #expect(!out.stdout.contains("power/mean")) // Welch gives shares, not the wavelet's ratios to the mean
    }

    @Test(arguments: [
        (["--fmin", "1", "--fmax", "0.5"], "--fmin/--fmax"),
        (["--preset", "nonsense"], "'stefanovska', 'stefanovska-1.6', 'linkoping' or 'pittsburgh'"),
        (["--bands", "a:0.01-0.05,b:0.04-0.1"], "overlap"),
        (["--f0", "0"], "--f0"),
        (["--method", "fourier"], "'wavelet' and 'welch'"),
        (["--padding", "mirror"], "'zero', 'symmetric', 'periodic' or 'predictive'"),
        (["--hampel", "--hampel-window", "0"], "--hampel-window"),
        (["--preset", "linkoping", "--bands", "a:0.01-0.05"], "--preset/--bands"),
    ])
    func badOptionsAreUsageErrors(_ arguments: [String], _ expected: String) throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 4, seconds: 50, tones: [(0.3, 2)])
        let out = try LDFCommandRunner.run(["bands", a] + arguments)
        #expect(out.status == 64)
        #expect(out.stderr.contains(expected), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    /// A constant file and a missing file fail with the reason; the good file is still analysed,
    /// and the exit status is 1.
    @Test func badFilesAreReportedAndTheRestAnalysed() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let good = try Self.writeCSV("good.csv", in: dir, rate: 4, seconds: 200, tones: [(0.3, 2)])
        let flat = try Self.writeCSV("flat.csv", in: dir, rate: 4, seconds: 200, tones: [], constant: true)
        let missing = dir.appendingPathComponent("missing.csv").path
        let out = try LDFCommandRunner.run(["bands", good, flat, missing, "--bands", Self.twoBands, "--method", "welch", "--format", "json"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("constant"))
        #expect(out.stderr.contains("no such file"))
        let recordings = try #require(out.json?["recordings"] as? [[String: Any]])
        #expect(recordings.count == 3)
        #expect(recordings[0]["error"] is NSNull)
        #expect((recordings[1]["error"] as? String)?.contains("constant") == true)
        #expect((recordings[2]["error"] as? String)?.contains("no such file") == true)
        #expect((recordings[1]["bands"] as? [Any])?.isEmpty == true)
    }

    /// A fixed fmax above the file's Nyquist frequency is an error naming --fmax.
    @Test func fmaxAboveNyquist() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 2, seconds: 200, tones: [(0.3, 2)])
        let out = try LDFCommandRunner.run(["bands", a, "--fmax", "1.5", "--method", "welch"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("--fmax") && out.stderr.contains("Nyquist"))
    }

    /// Real data (Tests/Fixtures/labchart, MIT licence, see its README): the fingertip recording's
    /// heart-rate peak is near 1.3 Hz; Welch with the Hampel filter finds it in the cardiac band.
    @Test func realLabChartFingertipHeartRate() throws {
        let file = RepositoryPaths.fixture("labchart/Shabina_fingertip.txt").path
        let out = try LDFCommandRunner.run(["bands", file, "--method", "welch", "--welch-segment", "20", "--hampel",
                                            "--bands", "respiratory:0.145-0.6,cardiac:0.6-2", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let recording = try #require((out.json?["recordings"] as? [[String: Any]])?.first)
        let cardiac = try #require((recording["bands"] as? [[String: Any]])?.last)
        #expect(abs((cardiac["peak_hz"] as? Double ?? 0) - 1.3) <= 0.1)
        #expect(((recording["hampel"] as? [String: Any])?["replaced_percent"] as? Double).map { $0 >= 0 && $0 < 5 } == true)
        // The two LabChart blocks leave a gap: the longer block is analysed, with a warning.
        #expect(out.stderr.contains("longest gap-free stretch"))
        #expect(recording["start_s"] as? Double ?? 0 > 3)
    }

    /// "-" reads the recording from standard input.
    @Test func standardInput() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try Self.writeCSV("a.csv", in: dir, rate: 4, seconds: 200, tones: [(0.25, 2)])
        let out = try LDFCommandRunner.run(["bands", "-", "--bands", Self.twoBands, "--method", "welch",
                                            "--welch-segment", "100", "--format", "json"],
                                           stdin: try Data(contentsOf: URL(fileURLWithPath: a)))
        #expect(out.status == 0, "\(out.stderr)")
        let recording = try #require((out.json?["recordings"] as? [[String: Any]])?.first)
        #expect(recording["source"] as? String == "-")
        #expect(abs(((recording["bands"] as? [[String: Any]])?.last?["power"] as? Double ?? 0) - 2) < 0.05)
    }
}
