import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf complexity` end to end: what users read (JSON, tidy CSV, table), gaps as segments, nulls
/// with reasons, and options refused with exit 64.
@Suite struct ComplexityCommandTests {
    /// 240 s at 10 Hz of 0.1 Hz and 1.1 Hz oscillations in noise, with a 5 s hole at 150-155 s.
    static func recording() throws -> String {
        var random = SeededRandom(seed: 9)
        var lines = ["time [s],flux [PU]"]
        for i in 0..<2400 {
            let t = Double(i) / 10
            let flux = 100 + 5 * sin(2 * .pi * 0.1 * t) + 3 * sin(2 * .pi * 1.1 * t) + random.gaussian()
            lines.append(t >= 150 && t < 155 ? "\(t)," : "\(t),\(flux)")
        }
        return try LDFCommandRunner.write(lines.joined(separator: "\n") + "\n", named: "gappy.csv", in: LDFCommandRunner.temporaryDirectory())
    }

    static let quick = ["--scales", "2", "--dfa-ranges", "short:1-10,long:10-100", "--mfdfa-range", "1-10"]

    @Test func jsonRecordsEveryParameterAndSegment() throws {
        let file = try Self.recording()
        let out = try LDFCommandRunner.run(["complexity", file, "--format", "json"] + Self.quick)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("gap") && out.stderr.contains("2 gap-free segments"))
        let json = try #require(out.json)
        #expect((json["toolkit"] as? [String: Any])?["version"] as? String == Toolkit.version)
        let p = try #require(json["parameters"] as? [String: Any])
        #expect(p["dimension"] as? Int == 2 && p["tolerance_sd"] as? Double == 0.2 && p["lag"] as? String == "auto" && p["max_scale"] as? Int == 2)
        #expect(p["preset"] as? String == "stefanovska" && (p["q"] as? [Double])?.count == 7)
        let recording = try #require((json["recordings"] as? [[String: Any]])?.first)
        #expect(recording["channel"] as? String == "flux" && recording["unit"] as? String == "PU" && recording["sample_rate_hz"] as? Double == 10)
        let segments = try #require(recording["segments"] as? [[String: Any]])
        #expect(segments.count == 2)
        #expect(segments[0]["start_s"] as? Double == 0 && segments[0]["end_s"] as? Double == 150 && segments[1]["start_s"] as? Double == 155)
        let signals = try #require(segments[0]["signals"] as? [[String: Any]])
        let overall = try #require(signals.first)
        #expect(overall["signal"] as? String == "overall")
        let entropy = try #require(overall["sample_entropy"] as? [String: Any])
        #expect((entropy["value"] as? Double).map { $0 > 0 && $0 < 3 } == true && entropy["matches_m"] as? Int ?? 0 > 0)
        #expect(overall["lag_method"] as? String == "mutual_information_first_minimum" && overall["lag_samples"] as? Int != nil)
        let dfa = try #require(overall["dfa"] as? [[String: Any]])
        #expect(dfa.count == 2 && dfa[0]["alpha"] as? Double != nil)
        #expect(dfa[1]["alpha"] is NSNull && (dfa[1]["reason"] as? String)?.contains("at least 4 windows") == true)
        let endothelial = try #require(signals.first { $0["signal"] as? String == "endothelial" })
        #expect(endothelial["sample_entropy"] is NSNull && (endothelial["reason"] as? String)?.contains("cycles") == true)
        let myogenic = try #require(signals.first { $0["signal"] as? String == "myogenic" })
        #expect(myogenic["filter_order"] as? Int != nil && (myogenic["sample_entropy"] as? [String: Any])?["value"] as? Double != nil)
    }

    @Test func tidyCSVAndTable() throws {
        let file = try Self.recording()
        let out = try LDFCommandRunner.run(["complexity", file, "--format", "csv", "--lag", "3"] + Self.quick)
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "source,channel,flux_unit,segment,segment_start_s,segment_end_s,signal,band_low_hz,band_high_hz,filter_order,measure,scale,range,range_low_s,range_high_s,q,value,value_unit,reason,samples,sample_rate_hz,dimension,tolerance_sd,tolerance,lag_samples,lag_s,lag_method")
        let columns = lines[0].split(separator: ",").count
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.allSatisfy { $0.count >= columns })
        let entropy = rows.filter { $0[10] == "sample_entropy" && $0[6] == "overall" }
        #expect(entropy.count == 2 && entropy.map { $0[3] } == ["1", "2"] && entropy.allSatisfy { Double($0[16]) != nil && $0[17] == "nats" && $0[24] == "3" })
        #expect(rows.contains { $0[10] == "multiscale_entropy" && $0[11] == "2" })
        #expect(rows.contains { $0[10] == "dfa_alpha" && $0[12] == "long" && $0[16].isEmpty && $0[18].contains("windows") })
        #expect(rows.contains { $0[10] == "mfdfa_h" && $0[15] == "-5.0" })
        // Reasons hold commas, so those cells are quoted: read that row whole.
        #expect(lines.contains { $0.contains(",endothelial,0.0095,0.021,,signal,") && $0.contains("\"the segment lasts 150 s, fewer than 5 cycles") })
        let table = try LDFCommandRunner.run(["complexity", file] + Self.quick)
        #expect(table.status == 0 && table.stdout.contains("segment 2 155–240 s") && table.stdout.contains("alpha short") && table.stdout.contains("null values:"))
    }

    @Test func optionsOutOfRangeExit64() throws {
        let file = try Self.recording()
        let cases: [([String], String)] = [
            (["--dimension", "0"], "--dimension"), (["--tolerance", "5"], "--tolerance"), (["--lag", "x"], "--lag"),
            (["--lag", "0"], "--lag"), (["--scales", "500"], "--scales"), (["--bins", "1"], "--bins"),
            (["--q", "1,2"], "--q"), (["--q", "a,b,c"], "--q"), (["--dfa-ranges", "short:10-1"], "--dfa-ranges"),
            (["--dfa-ranges", "nonsense"], "--dfa-ranges"), (["--mfdfa-range", "x"], "--mfdfa-range"),
            (["--preset", "linkoping", "--bands", "a:0.1-0.2"], "--preset"), (["--overall-only", "--preset", "linkoping"], "--overall-only"),
            (["--max-lag", "-2"], "--max-lag"), (["--scales-per-range", "2"], "--scales-per-range"), (["--preset", "nope"], "--preset"),
        ]
        for (arguments, name) in cases {
            let out = try LDFCommandRunner.run(["complexity", file] + arguments)
            #expect(out.status == 64 && out.stderr.contains(name), "\(arguments): \(out.status) \(out.stderr)")
        }
        let missing = try LDFCommandRunner.run(["complexity", "/nonexistent/file.csv", "--overall-only"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/file.csv"))
    }
}
