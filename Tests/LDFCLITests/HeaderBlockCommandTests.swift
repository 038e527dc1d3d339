import Foundation
import Testing
import LDFTestSupport

/// Exports that open with a vendor-style header block (`Key: value` lines) before the column
/// names: the time column must be found, never analysed as perfusion.
@Suite struct HeaderBlockCommandTests {
    /// A PeriSoft-like tab-separated export: a header block, then `Time (s)`, `Flux`.
    static func periSoftLike(rows: Int = 640) -> String {
        var lines = ["File:\tC:\\PSW\\Data\\S01.PSW", "Date:\t2023-03-14", "Time:\t10:22:01", "Sample rate:\t32 Hz", "Subject ID\tS01", "",
                     "Time (s)\tFlux"]
        for i in 0..<rows {
            let t = Double(i) / 32
            lines.append(String(format: "%.5f\t%.3f", t, 60 + 10 * sin(2 * Double.pi * 0.2 * t) + 3 * sin(2 * Double.pi * 1.1 * t)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The silent failure of issue 10: with `--rate` (as the old error suggested) the time
    /// column was analysed as perfusion and every command exited 0.
    @Test func timeColumnAfterAHeaderBlockIsTimeNotPerfusion() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("S01.txt")
        try Data(Self.periSoftLike().utf8).write(to: url)
        for extra in [[String](), ["--rate", "32"]] {
            let out = try LDFCommandRunner.run(["info", "--format", "json"] + extra + [url.path])
            #expect(out.status == 0, "\(extra): \(out.stderr)")
            let json = try #require(out.json, "\(extra): \(out.stdout)")
            let channels = try #require(json["channels"] as? [[String: Any]])
            #expect(channels.map { $0["name"] as? String } == ["Flux"], "\(extra)")
            #expect(json["sample_rate_hz"] as? Double == 32)
            #expect(abs((json["duration_s"] as? Double ?? 0) - 20) < 1e-9)
            let mean = try #require(channels.first?["mean"] as? Double)
            #expect(abs(mean - 60) < 0.5, "the perfusion channel is the flux, not the time axis")
        }
    }
}
