import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf coherence` end to end on small generated CSV files: JSON layout, tidy CSV, table, seeds,
/// alignment notes and bad input.
@Suite struct CoherenceCommandTests {
    static let rate = 4.0
    static let bands = "myogenic:0.052-0.145,respiratory:0.145-0.6"

    /// `time,flux1,flux2`: both channels share a 0.1 Hz oscillation whose phase wanders (the
    /// second lags by 0.5 s), each has its own noise; `constantSecond` makes flux2 flat.
    static func writePair(_ name: String, in folder: URL, seconds: Double, constantSecond: Bool = false) throws -> String {
        var random = SeededRandom(seed: 77)
        var phase = 0.0
        var text = "time,flux1,flux2\n"
        let n = Int(seconds * rate)
        var shared: [Double] = []
        for i in 0..<n {
            phase += 0.05 * random.gaussian()
            shared.append(sin(2 * .pi * 0.1 * Double(i) / rate + phase))
        }
        for i in 0..<n {
            let a = 50 + 4 * shared[i] + 0.5 * random.gaussian()
            let b = constantSecond ? 20 : 20 + 2 * shared[max(0, i - 2)] + 0.5 * random.gaussian()
            text += "\(Double(i) / rate),\(a),\(b)\n"
        }
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }

    /// One channel of `writePair`'s file as its own CSV, optionally only the first `seconds`.
    static func writeSingle(_ name: String, from pair: String, column: Int, seconds: Double? = nil, in folder: URL) throws -> String {
        let lines = try String(contentsOfFile: pair, encoding: .utf8).split(separator: "\n")
        let keep = seconds.map { Int($0 * rate) + 1 } ?? lines.count
        let text = lines.prefix(keep).map { line -> String in
            let fields = line.split(separator: ",")
            return "\(fields[0]),\(fields[column])"
        }.joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }

    static let common = ["--bands", bands, "--padding", "symmetric"]

    @Test func jsonForTwoChannelsOfOneFile() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try Self.writePair("pair.csv", in: dir, seconds: 600)
        let out = try LDFCommandRunner.run(["coherence", file, "--channels", "flux1,2", "--format", "json",
                                            "--surrogates", "19", "--surrogate-type", "ft", "--seed", "5"] + Self.common)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let toolkit = try #require(json["toolkit"] as? [String: Any])
        #expect(toolkit["name"] as? String == Toolkit.name)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["preset"] as? String == "custom")
        #expect(parameters["padding"] as? String == "symmetric")
        let coherence = try #require(parameters["coherence"] as? [String: Any])
        #expect(coherence["window_cycles"] as? Double == 10)
        let surrogates = try #require(parameters["surrogates"] as? [String: Any])
        #expect(surrogates["type"] as? String == "ft")
        #expect(surrogates["count"] as? Int == 19)
        #expect(surrogates["seed"] as? Int == 5)
        #expect(surrogates["significance"] as? Double == 0.95)
        #expect(surrogates["test"] as? String == "rank")
        #expect(surrogates["rank"] as? Int == 1)
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        let pair = pairs[0]
        #expect((pair["first"] as? [String: Any])?["channel"] as? String == "flux1")
        #expect((pair["second"] as? [String: Any])?["channel"] as? String == "flux2")
        #expect(pair["sample_rate_hz"] as? Double == Self.rate)
        #expect(pair["analysed_s"] as? Double == 600)
        let bands = try #require(pair["bands"] as? [[String: Any]])
        #expect(bands.map { $0["name"] as? String } == ["myogenic", "respiratory"])
        let myogenic = bands[0]
        let value = try #require(myogenic["coherence"] as? Double)
        let threshold = try #require(myogenic["threshold"] as? Double)
        #expect(value > 0.7)
        #expect(abs((myogenic["excess"] as? Double ?? .nan) - (value - threshold)) < 1e-12)
        #expect(myogenic["significant"] as? Bool == true)
        // The second channel lags by 0.5 s: at 0.1 Hz the first leads by about 0.31 rad.
        let phase = try #require(myogenic["phase_difference_rad"] as? Double)
        #expect(phase > 0.1 && phase < 0.6)
        let frequencies = try #require(pair["frequencies"] as? [[String: Any]])
        #expect(frequencies.count > 40)
        #expect(frequencies.allSatisfy { $0["threshold"] != nil && $0["frequency_hz"] is Double })
        #expect(pair["time_localised"] is NSNull)
    }

    @Test func tidyCSVWithTimeLocalisedRows() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try Self.writePair("pair.csv", in: dir, seconds: 300)
        let out = try LDFCommandRunner.run(["coherence", file, "--channels", "1,2", "--format", "csv", "--time-localised",
                                            "--bands", "myogenic:0.052-0.145,respiratory:0.145-0.6", "--fmin", "0.3",
                                            "--padding", "symmetric"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(header.prefix(6) == ["first", "second", "flux_unit", "second_flux_unit", "scope", "band"])
        let scope = header.firstIndex(of: "scope")!
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == header.count })
        let bandRows = rows.filter { $0[scope] == "band" }
        #expect(bandRows.count == 2)
        // Below --fmin: no value, and the reason in its column.
        #expect(bandRows[0][header.firstIndex(of: "coherence")!].isEmpty)
        #expect(bandRows[0][header.firstIndex(of: "reason")!].contains("no analysed frequency"))
        #expect(rows.filter { $0[scope] == "frequency" }.count > 20)
        #expect(rows.filter { $0[scope] == "time" }.count > 100)
        let coherenceColumn = header.firstIndex(of: "coherence")!
        #expect(rows.compactMap { Double($0[coherenceColumn]) }.allSatisfy { $0 >= 0 && $0 <= 1 + 1e-12 })
    }

    @Test func tableAndSeedReproducibility() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try Self.writePair("pair.csv", in: dir, seconds: 300)
        let arguments = ["coherence", file, "--channels", "1,2", "--surrogates", "19", "--surrogate-type", "rp"] + Self.common
        let once = try LDFCommandRunner.run(arguments + ["--seed", "9"])
        let again = try LDFCommandRunner.run(arguments + ["--seed", "9"])
        let other = try LDFCommandRunner.run(arguments + ["--seed", "10"])
        #expect(once.status == 0, "\(once.stderr)")
        #expect(once.stdout.contains("myogenic") && once.stdout.contains("threshold") && once.stdout.contains("rank test at 0.95"))
        #expect(once.stdout == again.stdout)
        #expect(once.stdout != other.stdout)
    }

    @Test func twoFilesOfDifferentLengthsAreCutToTheOverlap() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let pair = try Self.writePair("pair.csv", in: dir, seconds: 400)
        let a = try Self.writeSingle("a.csv", from: pair, column: 1, in: dir)
        let b = try Self.writeSingle("b.csv", from: pair, column: 2, seconds: 300, in: dir)
        let out = try LDFCommandRunner.run(["coherence", a, b, "--format", "json"] + Self.common)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("only their overlap"))
        let pairs = try #require(out.json?["pairs"] as? [[String: Any]])
        #expect(pairs[0]["analysed_s"] as? Double == 300)
        let diagnostics = try #require(pairs[0]["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "cut_to_overlap" })
    }

    @Test func badInput() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try Self.writePair("pair.csv", in: dir, seconds: 300)
        // One file needs --channels.
        let single = try LDFCommandRunner.run(["coherence", file])
        #expect(single.status == 64)
        #expect(single.stderr.contains("--channels"))
        // Too few surrogates for the rank test.
        let few = try LDFCommandRunner.run(["coherence", file, "--channels", "1,2", "--surrogates", "10"])
        #expect(few.status == 64)
        #expect(few.stderr.contains("N >= 19"))
        // An unknown surrogate type lists the choices.
        let kind = try LDFCommandRunner.run(["coherence", file, "--channels", "1,2", "--surrogate-type", "magic"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("iaaft1"))
        // A constant channel has no phase.
        let flat = try Self.writePair("flat.csv", in: dir, seconds: 300, constantSecond: true)
        let constant = try LDFCommandRunner.run(["coherence", flat, "--channels", "1,2"] + Self.common)
        #expect(constant.status == 1)
        #expect(constant.stderr.contains("constant"))
        // The same channel twice: an error naming an option exits 64 with the usage, as in every command.
        let same = try LDFCommandRunner.run(["coherence", file, "--channels", "1,flux1"] + Self.common)
        #expect(same.status == 64 && same.stderr.contains("Usage: ldf coherence"))
        #expect(same.stderr.contains("both select"))
        // Welch has no phase.
        let welch = try LDFCommandRunner.run(["coherence", file, "--channels", "1,2", "--method", "welch"] + Self.common)
        #expect(welch.status == 64)
        #expect(welch.stderr.contains("--method"))
    }

    /// Real LabChart exports (ADInstruments Blood FlowMeter, 1000 Hz; see the data folder's README
    /// for their MIT licence): two recordings made minutes apart do not overlap on the wall clock;
    /// a recording against itself is coherent (1) with no phase difference.
    @Test func realLabChartRecordings() throws {
        guard let fingertip = RepositoryPaths.sharedData("labchart/Shabina_fingertip.txt"),
              let dorsum = RepositoryPaths.sharedData("labchart/Shabina_dorsum1.txt") else { return }
        let apart = try LDFCommandRunner.run(["coherence", fingertip.path, dorsum.path])
        #expect(apart.status == 1)
        #expect(apart.stderr.contains("do not overlap in time"))
        let itself = try LDFCommandRunner.run(["coherence", fingertip.path, fingertip.path, "--bands", "cardiac:0.6-2",
                                               "--padding", "symmetric", "--format", "json"])
        #expect(itself.status == 0, "\(itself.stderr)")
        let band = try #require(((itself.json?["pairs"] as? [[String: Any]])?.first?["bands"] as? [[String: Any]])?.first)
        #expect(abs((band["coherence"] as? Double ?? 0) - 1) < 1e-9)
        #expect(abs(band["phase_difference_rad"] as? Double ?? 1) < 1e-9)
    }
}
