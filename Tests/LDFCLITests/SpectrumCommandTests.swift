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
        #expect(lines.first == "frequency_hz,density")
        // Bins 0.05, 0.06, ..., 1.0 Hz at 0.01 Hz resolution.
        #expect(lines.count == 1 + 96)
        let peak = lines.dropFirst().map { $0.split(separator: ",").map { Double($0)! } }.max { $0[1] < $1[1] }!
        #expect(abs(peak[0] - 0.25) < 1e-9)
    }
}
