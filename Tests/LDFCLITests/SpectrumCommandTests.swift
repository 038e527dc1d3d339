import Foundation
import Testing
import LDFTestSupport

/// `ldf spectrum` end to end.
@Suite struct SpectrumCommandTests {
    @Test func waveletSpectrumJSONColumns() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try BandsCommandTests.writeCSV("a.csv", in: dir, rate: 4, seconds: 300, tones: [(0.1, 4)])
        let out = try LDFCommandRunner.run(["spectrum", a, "--fmin", "0.05", "--fmax", "0.5", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        #expect(json["source"] as? String == a)
        #expect(json["voices"] as? Int == 31)
        let spectrum = try #require(json["spectrum"] as? [String: Any])
        let f = try #require(spectrum["frequency_hz"] as? [Double])
        let amplitude = try #require(spectrum["amplitude"] as? [Any])
        #expect(amplitude.count == f.count && (spectrum["power"] as? [Any])?.count == f.count)
        #expect((spectrum["valid_fraction"] as? [Double])?.count == f.count)
        // Log-spaced grid 2^(k/31) between 0.05 and 0.5 Hz.
        #expect(f.first! >= 0.05 && f.last! <= 0.5)
        #expect(abs(f[1] / f[0] - pow(2, 1.0 / 31)) < 1e-12)
        // The ridge of the 0.1 Hz tone.
        let values = amplitude.map { ($0 as? Double) ?? 0 }
        let peak = values.indices.max { values[$0] < values[$1] }!
        #expect(abs(f[peak] - 0.1) < 0.003)
    }

    @Test func welchSpectrumCSV() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try BandsCommandTests.writeCSV("a.csv", in: dir, rate: 4, seconds: 400, tones: [(0.25, 2)])
        let out = try LDFCommandRunner.run(["spectrum", a, "--method", "welch", "--welch-segment", "100",
                                            "--fmin", "0.05", "--fmax", "1", "--format", "csv"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        // The wavelet's columns are empty for Welch.
        #expect(lines.first == "channel,flux_unit,frequency_hz,amplitude,power,valid_fraction,density")
        // Bins 0.05, 0.06, ..., 1.0 Hz at 0.01 Hz resolution, each naming the channel.
        #expect(lines.count == 1 + 96)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("flux,PU,") && $0.contains(",,,,") })
        let cells = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let peak = cells.max { Double($0[6])! < Double($1[6])! }!
        #expect(abs(Double(peak[2])! - 0.25) < 1e-9)
    }

    /// The decimated scalogram as JSON: the 0.1 Hz tone of amplitude 4 reads about 2 mid-recording,
    /// and the cone marks the ends of the lowest frequency as edge-affected.
    @Test func scalogramJSON() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try BandsCommandTests.writeCSV("a.csv", in: dir, rate: 4, seconds: 300, tones: [(0.1, 4)])
        let path = dir.appendingPathComponent("scalogram.json").path
        let out = try LDFCommandRunner.run(["spectrum", a, "--fmin", "0.05", "--fmax", "0.5", "--format", "json",
                                            "--scalogram", path, "--scalogram-step", "5"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let times = try #require(json["time_s"] as? [Double])
        let frequencies = try #require(json["frequency_hz"] as? [Double])
        let amplitude = try #require(json["amplitude"] as? [[Any]])
        #expect(times.count == 60 && times[1] == 5)
        #expect(frequencies == (out.json?["spectrum"] as? [String: Any])?["frequency_hz"] as? [Double])
        #expect(amplitude.count == frequencies.count && amplitude.allSatisfy { $0.count == times.count })
        let row = frequencies.indices.min { abs(frequencies[$0] - 0.1) < abs(frequencies[$1] - 0.1) }!
        #expect(abs((amplitude[row][30] as? Double ?? 0) - 2) < 0.1)
        let cone = try #require(json["cone"] as? [String: Any])
        let start = try #require(cone["start_s"] as? [Any]), end = try #require(cone["end_s"] as? [Any])
        #expect(start.count == frequencies.count && end.count == frequencies.count)
        #expect((start[0] as? Double ?? 0) > 0 && (end[0] as? Double ?? 300) < 300)
        #expect(json["unit"] as? String == "PU")
    }

    @Test func scalogramCSVAndItsErrors() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let a = try BandsCommandTests.writeCSV("a.csv", in: dir, rate: 4, seconds: 100, tones: [(0.3, 2)])
        let path = dir.appendingPathComponent("scalogram.csv").path
        let out = try LDFCommandRunner.run(["spectrum", a, "--fmin", "0.2", "--fmax", "0.5", "--scalogram", path,
                                            "--scalogram-step", "10"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "channel,flux_unit,time_s,frequency_hz,amplitude,in_cone")
        #expect((lines.count - 1) % 10 == 0)
        let unit = lines[1].split(separator: ",").prefix(2).joined(separator: ",") + ","
        #expect(lines[1].hasPrefix(unit + "0.0,") && lines[1].hasSuffix("false"))
        #expect(lines.contains { $0.hasPrefix(unit + "50.0,") && $0.hasSuffix("true") })
        let welch = try LDFCommandRunner.run(["spectrum", a, "--method", "welch", "--scalogram", path])
        #expect(welch.status == 64 && welch.stderr.contains("--method wavelet"))
        let step = try LDFCommandRunner.run(["spectrum", a, "--scalogram", path, "--scalogram-step", "0"])
        #expect(step.status == 64 && step.stderr.contains("--scalogram-step"))
    }
}
