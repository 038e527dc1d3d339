import Foundation
import Testing
import LDFTestSupport

/// `ldf stream` end to end: records, equality with `ldf bands`, malformed input, closed output, signals.
@Suite struct StreamCommandTests {
    /// A 1200 s, 5 Hz recording written by `ldf simulate` (4 decimals per value).
    static func simulated(in dir: URL, seconds: Int = 1200) throws -> URL {
        let url = dir.appendingPathComponent("stream.csv")
        let out = try LDFCommandRunner.run(["simulate", "rest", "--rate", "5", "--duration", "\(seconds)", "--seed", "8", "-o", url.path])
        #expect(out.status == 0, "\(out.stderr)")
        return url
    }

    /// A finger-pad PORH recording at 10 Hz with markers (2 min occlusion, 4 min recovery).
    static func simulatedPORH(in dir: URL, seed: Int) throws -> URL {
        let url = dir.appendingPathComponent("porh.csv")
        let out = try LDFCommandRunner.run(["simulate", "porh", "--site", "finger-pad", "--rate", "10", "--markers",
                                            "--occlusion-seconds", "120", "--recovery-seconds", "240", "--seed", "\(seed)", "-o", url.path])
        #expect(out.status == 0, "\(out.stderr)")
        return url
    }

    static func records(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    @Test func windowsEqualBandsOnTheSameStretch() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.simulated(in: dir)
        let out = try LDFCommandRunner.run(["stream", "--window", "1000", "--hop", "100"], stdin: Data(contentsOf: file))
        #expect(out.status == 0, "\(out.stderr)")
        let records = Self.records(out.stdout)
        #expect(records.first?["type"] as? String == "header")
        #expect(records.last?["type"] as? String == "end")
        let windows = records.filter { $0["type"] as? String == "window" }
        #expect(windows.map { $0["t_end_s"] as? Double } == [1000, 1100, 1200])
        #expect((records.first?["parameters"] as? [String: Any])?["sample_rate_hz"] as? Double == 5)

        // The second window covers 100-1100 s: samples 500..<5500, file lines 502...5501.
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let segment = dir.appendingPathComponent("segment.csv")
        try ([String(lines[0])] + lines[501..<5501].map(String.init)).joined(separator: "\n").write(to: segment, atomically: false, encoding: .utf8)
        let bands = try LDFCommandRunner.run(["bands", "--format", "json", segment.path])
        #expect(bands.status == 0, "\(bands.stderr)")
        let offline = try #require(((bands.json?["recordings"] as? [[String: Any]])?.first)?["bands"] as? [[String: Any]])
        let streamed = try #require(windows[1]["bands"] as? [[String: Any]])
        #expect(offline.count == streamed.count && streamed.count == 6)
        for (a, b) in zip(streamed, offline) {
            #expect(a["band"] as? String == b["band"] as? String)
            for key in ["amplitude", "power", "amplitude_ratio_to_mean", "power_ratio_to_mean", "valid_fraction", "peak_hz"] {
                let x = a[key] as? Double, y = b[key] as? Double
                #expect(x != nil && x == y, "\(a["band"] ?? "") \(key): \(String(describing: x)) vs \(String(describing: y))")
            }
        }
    }

    @Test func valuesOnlyNeedARate() throws {
        let lines = (0..<400).map { i in String(100 + 5 * sin(Double(i) * 0.3)) }.joined(separator: "\n")
        let missing = try LDFCommandRunner.run(["stream", "--window", "60", "--hop", "30"], stdin: Data(lines.utf8))
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--rate"))
        let dir = try LDFCommandRunner.temporaryDirectory()
        let sidecar = dir.appendingPathComponent("header.json")
        let out = try LDFCommandRunner.run(["stream", "--rate", "5", "--window", "60", "--hop", "30", "--format", "csv",
                                            "--header-file", sidecar.path], stdin: Data(lines.utf8))
        #expect(out.status == 0, "\(out.stderr)")
        let rows = out.stdout.split(separator: "\n")
        // A plain CSV (pandas reads it as is); the parameters went to the sidecar.
        #expect(rows.first?.hasPrefix("t_start_s,t_end_s,window,final,perfusion_mean,perfusion_median,perfusion_sd,channel,flux_unit,band") == true)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sidecar)) as? [String: Any])
        #expect(header["type"] as? String == "header")
        #expect((header["parameters"] as? [String: Any])?["window_s"] as? Double == 60)
        // Windows end at 60 and 80 s (the last one flushed at the end of input), 2 bands each
        // (respiratory, cardiac: the others need more than 60 s for 5 cycles).
        let data = rows.dropFirst()
        #expect(data.count == 4)
        #expect(data.filter { $0.hasPrefix("20.0,80.0,1,true,") }.count == 2)
        // The window's perfusion: samples 100..299 of the sine, by hand.
        let values = (100..<400).map { 100 + 5 * sin(Double($0) * 0.3) }
        let mean = values.reduce(0, +) / Double(values.count)
        let last = data.last.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        #expect(abs((Double(last[4]) ?? .nan) - mean) < 1e-9)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        #expect(abs((Double(last[6]) ?? .nan) - sd) < 1e-9)

        let text = try LDFCommandRunner.run(["stream", "--rate", "5", "--window", "60", "--hop", "30", "--format", "text"], stdin: Data(lines.utf8))
        let textLines = text.stdout.split(separator: "\n")
        #expect(text.status == 0 && textLines.count == 3)
        #expect(textLines.first?.contains(" mean ") == true && textLines.first?.contains("respiratory, cardiac") == true)
        #expect(textLines.last?.hasSuffix("final") == true)
        #expect(Set(textLines.dropFirst().map { $0.prefix { $0 != "|" }.count }).count == 1)
    }

    @Test func malformedLinesAreSkippedAndCountedOrStopUnderStrict() throws {
        var text = "time,flux\n"
        for i in 0..<300 {
            let t = Double(i) * 0.2
            switch i {
            case 50: text += "oops,1\n"
            case 51: text += "\(t),abc\n"
            case 100: text += "5.0,100\n" // time going backwards
            default: text += "\(t),\(100 + sin(t))\n"
            }
        }
        let out = try LDFCommandRunner.run(["stream", "--window", "30", "--hop", "30"], stdin: Data(text.utf8))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("line 52"))
        #expect(out.stderr.contains("line 53"))
        #expect(out.stderr.contains("line 102"))
        let end = try #require(Self.records(out.stdout).last)
        #expect(end["malformed_lines"] as? Int == 3)
        #expect(end["samples"] as? Int == 300)
        let strict = try LDFCommandRunner.run(["stream", "--strict", "--window", "30", "--hop", "30"], stdin: Data(text.utf8))
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("line 52"))
    }

    @Test func gapsAndSentinelsAreFlagged() throws {
        var text = "time,flux\n"
        for i in 0..<600 where !(200..<260).contains(i) {
            let value = i == 400 ? "5000" : String(100 + sin(Double(i) * 0.7))
            text += "\(Double(i) * 0.2),\(value)\n"
        }
        let out = try LDFCommandRunner.run(["stream", "--window", "120", "--hop", "120"], stdin: Data(text.utf8))
        #expect(out.status == 0, "\(out.stderr)")
        let window = try #require(Self.records(out.stdout).first { $0["type"] as? String == "window" })
        let quality = try #require(window["quality"] as? [String: Any])
        #expect(quality["gap"] as? Bool == true)
        #expect(quality["saturation"] as? Bool == true)
        let end = try #require(Self.records(out.stdout).last)
        #expect(end["masked_samples"] as? Int == 1)
        #expect((end["gaps"] as? [Any])?.count == 1)
    }

    @Test func closedOutputEndsQuietlyWithStatusZero() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.simulated(in: dir, seconds: 3000)
        let script = "cat '\(file.path)' | '\(LDFCommandRunner.executable.path)' stream --window 60 --hop 10 | head -n 2 >/dev/null; echo \"${PIPESTATUS[1]}\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let status = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(!stderr.contains("Error"))
    }

    @Test func interruptFlushesAFinalRecord() throws {
        let process = Process()
        process.executableURL = LDFCommandRunner.executable
        process.arguments = ["stream", "--rate", "10", "--window", "30", "--hop", "30"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lines = (0..<450).map { String(100 + sin(Double($0) * 0.5)) }.joined(separator: "\n") + "\n"
        input.fileHandleForWriting.write(Data(lines.utf8))
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        // Never hang the suite: give it 20 s to stop by itself, then kill it (the test then fails).
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate(); kill(process.processIdentifier, SIGKILL) }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let records = Self.records(text)
        #expect(records.filter { $0["type"] as? String == "window" }.map { $0["t_end_s"] as? Double } == [30, 45])
        #expect(records.last?["stopped_by"] as? String == "signal")
        try? input.fileHandleForWriting.close()
    }

    /// Windows analysed on several threads (--jobs) give byte-identical output to one at a time,
    /// PORH lines and window records interleaved in the same order, in every format.
    @Test(arguments: ["jsonl", "text", "csv"])
    func parallelWindowsWriteTheSameBytes(_ format: String) throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.simulatedPORH(in: dir, seed: 5)
        let arguments = ["stream", "--porh", "--site", "finger-pad", "--window", "120", "--hop", "20", "--format", format]
        let one = try LDFCommandRunner.run(arguments + ["--jobs", "1"], stdin: Data(contentsOf: file))
        let four = try LDFCommandRunner.run(arguments + ["--jobs", "4"], stdin: Data(contentsOf: file))
        #expect(one.status == 0 && four.status == 0, "\(one.stderr) \(four.stderr)")
        #expect(one.stdout.split(separator: "\n").count > 20)
        #expect(one.stdout == four.stdout)
    }

    @Test func porhRecordsCarryTheSameFieldsAsLdfPorh() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.simulatedPORH(in: dir, seed: 2)
        let out = try LDFCommandRunner.run(["stream", "--porh", "--site", "finger-pad", "--window", "60", "--hop", "60"],
                                           stdin: Data(contentsOf: file))
        #expect(out.status == 0, "\(out.stderr)")
        let records = Self.records(out.stdout)
        #expect((records.first?["parameters"] as? [String: Any])?["porh"] as? Bool == true)
        let interim = records.filter { $0["type"] as? String == "porh_interim" }
        let finals = records.filter { $0["type"] as? String == "porh" }
        #expect(!interim.isEmpty)
        #expect(finals.count == 1)
        let offline = try LDFCommandRunner.run(["porh", "--site", "finger-pad", "--format", "json", file.path])
        let expected = try #require(((offline.json?["recordings"] as? [[String: Any]])?.first?["occlusions"] as? [[String: Any]])?.first)
        let final = try #require(finals.first)
        #expect(final["timing_source"] as? String == "events")
        for key in ["start_s", "release_s", "timing_source", "rest_flux", "biological_zero", "peak_flux", "time_to_peak_s", "t50_s",
                    "hyperaemia_duration_s", "repayment_area", "debt_area"] {
            #expect(final.keys.contains(key), "\(key)")
        }
        for key in ["start_s", "release_s", "peak_flux", "biological_zero", "time_to_peak_s"] {
            let a = final[key] as? Double, b = expected[key] as? Double
            #expect(a != nil && b != nil && abs(a! - b!) <= 1e-6 * max(1, abs(b!)), "\(key): \(String(describing: a)) vs \(String(describing: b))")
        }
    }
}
