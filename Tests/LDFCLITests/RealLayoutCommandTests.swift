import Foundation
import Testing
import LDFTestSupport

/// Issue 10 end to end: the layout fixtures through `info`, `bands`, `spectrum`, `porh` and
/// `stream`; several probes; event maps; times on the file's own axis; every bad input a
/// one-line error.
@Suite struct RealLayoutCommandTests {
    static func layout(_ name: String) -> String { RepositoryPaths.fixture("layouts").appendingPathComponent(name).path }

    static func records(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    @Test func infoListsEveryPerfusionChannelTheDefaultAndTheHeader() throws {
        let text = try LDFCommandRunner.run(["info", Self.layout("periflux_tab.txt")])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("2 channels: PU 1 (default), PU 2"))
        #expect(text.stdout.contains("metadata     Sample rate: 32 Hz"))
        #expect(text.stdout.contains("start        2023-03-14T10:22:01.5"))
        let out = try LDFCommandRunner.run(["info", "--format", "json", Self.layout("periflux_tab.txt")])
        let json = try #require(out.json)
        let channels = try #require(json["channels"] as? [[String: Any]])
        #expect(channels.map { $0["kind"] as? String } == ["perfusion", "perfusion"])
        #expect(channels.map { $0["default"] as? Bool } == [true, false])
        #expect(json["time_origin_s"] as? Double == 0)
        #expect(json["start_time"] as? String == "2023-03-14T10:22:01.5")
        let metadata = try #require(json["metadata"] as? [[String: Any]])
        #expect(metadata.count == 7 && metadata[3]["key"] as? String == "Sample rate" && metadata[3]["value"] as? String == "32 Hz")
    }

    /// Events, interval ends and the time origin on the file's axis.
    @Test func infoReportsTimesOnTheFileAxis() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", Self.layout("moor_comma.csv")])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        #expect(json["time_origin_s"] as? Double == -30)
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.map { $0["time_s"] as? Double } == [-30, 0, 45])
        #expect(events.map { $0["kind"] as? String } == ["comment", "occlusion_start", "occlusion_release"])
        #expect(events[1]["end_s"] as? Double == 45)
        let negative = try LDFCommandRunner.run(["info", "--format", "json", Self.layout("events_negative_time.csv")])
        let times = try #require(negative.json?["events"] as? [[String: Any]]).map { $0["time_s"] as? Double }
        #expect(times == [-30, 0, 120])
    }

    /// Gaps and the analysed stretch on the file's axis: t from -100 s, 5 s of missing flux at 0 s.
    @Test func gapsAndAnalysedStretchOnTheFileAxis() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "time,flux\n"
        for i in 0..<2000 {
            let t = -100 + Double(i) / 10
            text += "\(t),\((0..<5).contains(t) ? "" : String(60 + 10 * sin(t * 0.6)))\n"
        }
        let path = try LDFCommandRunner.write(text, named: "gap.csv", in: dir)
        let info = try #require(try LDFCommandRunner.run(["info", "--format", "json", path]).json)
        let gaps = try #require(info["gaps"] as? [[String: Any]])
        #expect(gaps.count == 1 && gaps[0]["start_s"] as? Double == 0 && gaps[0]["end_s"] as? Double == 5)
        let bands = try LDFCommandRunner.run(["bands", "--format", "json", "--bands", "a:0.2-1", path])
        #expect(bands.stderr.contains("gap-free stretch -100–0 s"), "\(bands.stderr)")
        let entry = try #require((bands.json?["recordings"] as? [[String: Any]])?.first)
        #expect(entry["start_s"] as? Double == -100 && entry["time_origin_s"] as? Double == -100)
    }

    @Test func bandsAnalyseEveryProbeAndNameTheChannel() throws {
        let file = Self.layout("periflux_tab.txt")
        let out = try LDFCommandRunner.run(["bands", "--channel", "all", "--format", "json", file])
        #expect(out.status == 0, "\(out.stderr)")
        let entries = try #require(out.json?["recordings"] as? [[String: Any]])
        #expect(entries.map { $0["channel"] as? String } == ["PU 1", "PU 2"])
        #expect(entries.allSatisfy { $0["time_origin_s"] as? Double == 0 && $0["unit"] as? String == "PU" })
        #expect(entries.allSatisfy { $0["start_time"] as? String == "2023-03-14T10:22:01.5" })
        let csv = try LDFCommandRunner.run(["bands", "--channel", "1,2", "--format", "csv", file])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("source,channel,flux_unit,band,") == true)
        #expect(rows.dropFirst().filter { $0.contains(",PU 1,") }.count == 6)
        #expect(rows.dropFirst().filter { $0.contains(",PU 2,") }.count == 6)
        let second = try LDFCommandRunner.run(["bands", "--channel", "2", "--format", "json", file])
        #expect((second.json?["recordings"] as? [[String: Any]])?.map { $0["channel"] as? String } == ["PU 2"])
        let table = try LDFCommandRunner.run(["bands", "--channel", "all", file])
        #expect(table.stdout.contains("[PU 1]") && table.stdout.contains("[PU 2]"))
    }

    /// `--channel all` on a file with one perfusion channel is fine: one entry.
    @Test func allOnASingleProbeGivesOneEntry() throws {
        let out = try LDFCommandRunner.run(["bands", "--channel", "all", "--format", "json", Self.layout("moor_comma.csv")])
        #expect(out.status == 0, "\(out.stderr)")
        let entries = try #require(out.json?["recordings"] as? [[String: Any]])
        #expect(entries.map { $0["channel"] as? String } == ["Flux"])
        // The analysed stretch starts at the file's first sample, -30 s.
        #expect(entries[0]["start_s"] as? Double == -30)
        #expect(entries[0]["time_origin_s"] as? Double == -30)
    }

    @Test func spectrumOfTwoProbes() throws {
        let file = Self.layout("periflux_tab.txt")
        let out = try LDFCommandRunner.run(["spectrum", "--channel", "all", "--format", "json", file])
        #expect(out.status == 0, "\(out.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["channel"] as? String } == ["PU 1", "PU 2"])
        #expect(list.allSatisfy { $0["start_time"] as? String == "2023-03-14T10:22:01.5" && $0["time_origin_s"] as? Double == 0 })
        let csv = try LDFCommandRunner.run(["spectrum", "--channel", "all", "--format", "csv", file])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "channel,flux_unit,frequency_hz,amplitude,power,valid_fraction,density")
        #expect(Set(rows.dropFirst().map { $0.split(separator: ",")[0] }) == ["PU 1", "PU 2"])
        let scalogram = try LDFCommandRunner.run(["spectrum", "--channel", "all", "--scalogram", "/tmp/never.json", file])
        #expect(scalogram.status != 0 && scalogram.stderr.contains("--scalogram"))
    }

    /// Two probes through an occlusion timed by events: one PORH entry per channel.
    @Test func porhOfTwoProbes() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "time,PU 1,PU 2,event\n"
        for i in 0..<6000 {
            let t = Double(i) / 10
            func level(_ rest: Double) -> Double {
                if t < 180 { return rest + sin(t) }
                if t < 360 { return 0.15 * rest + 0.2 * sin(t) }
                return rest * (1 + 2 * exp(-(t - 365) * (t - 365) / 400) + 0.02 * sin(t))
            }
            text += "\(t),\(level(60)),\(level(40)),\(i == 1800 ? "cuff on" : (i == 3600 ? "cuff off" : ""))\n"
        }
        let file = dir.appendingPathComponent("two-probes.csv")
        try text.write(to: file, atomically: false, encoding: .utf8)
        let out = try LDFCommandRunner.run(["porh", "--channel", "all", "--format", "json", file.path])
        #expect(out.status == 0, "\(out.stderr)")
        let entries = try #require(out.json?["recordings"] as? [[String: Any]])
        #expect(entries.count == 2)
        let csv = try LDFCommandRunner.run(["porh", "--channel", "all", "--format", "csv", file.path])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.count == 3 && rows[1].contains(",PU 1,PU,1,") && rows[2].contains(",PU 2,PU,1,"))
    }

    /// Streams: a window per channel and hop, each naming its channel; times on the input's axis.
    @Test func streamOfTwoProbesAndANegativeAxis() throws {
        let probes = try LDFCommandRunner.run(["stream", "--channel", "all", "--window", "30", "--hop", "15"],
                                              stdin: Data(contentsOf: URL(fileURLWithPath: Self.layout("periflux_tab.txt"))))
        #expect(probes.status == 0, "\(probes.stderr)")
        let records = Self.records(probes.stdout)
        #expect(records.first?["channels"] as? [String] == ["PU 1", "PU 2"])
        let windows = records.filter { $0["type"] as? String == "window" }
        #expect(windows.filter { $0["channel"] as? String == "PU 1" }.count == windows.count / 2)
        #expect(windows.filter { $0["channel"] as? String == "PU 2" }.count == windows.count / 2)
        #expect(windows.first?["t_end_s"] as? Double == 30)
        let end = try #require(records.last)
        #expect((end["channels"] as? [[String: Any]])?.count == 2)

        let negative = try LDFCommandRunner.run(["stream", "--window", "60", "--hop", "60"],
                                                stdin: Data(contentsOf: URL(fileURLWithPath: Self.layout("events_negative_time.csv"))))
        #expect(negative.status == 0, "\(negative.stderr)")
        let header = try #require(Self.records(negative.stdout).first)
        #expect(header["time_origin_s"] as? Double == -60)
        let ends = Self.records(negative.stdout).filter { $0["type"] as? String == "window" }.map { $0["t_end_s"] as? Double }
        #expect(ends.first == 0 && ends.contains(240))
    }

    /// The first line after a byte-order mark is a sample in a stream.
    @Test func streamReadsTheLineAfterAByteOrderMark() throws {
        let out = try LDFCommandRunner.run(["stream", "--rate", "10", "--window", "20", "--hop", "10"],
                                           stdin: Data(contentsOf: URL(fileURLWithPath: Self.layout("bom_values.txt"))))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stderr.contains("line 1"))
        #expect(Self.records(out.stdout).last?["malformed_lines"] as? Int == 0)
        #expect(Self.records(out.stdout).last?["samples"] as? Int == 300)
    }

    @Test func eventMapOptionAndUnusedLabels() throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", "--event-map", "probe adjusted=marker,never seen=release",
                                            Self.layout("events_negative_time.csv")])
        #expect(out.status == 0, "\(out.stderr)")
        let events = try #require(out.json?["events"] as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["marker", "occlusion_start", "occlusion_release"])
        #expect(out.stderr.contains("'never seen' matches no event"))
        let bad = try LDFCommandRunner.run(["info", "--event-map", "cuff up", Self.layout("events_negative_time.csv")])
        #expect(bad.status != 0 && bad.stderr.contains("--event-map") && bad.stdout.isEmpty)
    }

    @Test func warningsReachStandardError() throws {
        let flicker = try LDFCommandRunner.run(["info", Self.layout("flicker_state.csv")])
        #expect(flicker.status == 0 && flicker.stderr.contains("flicker"))
        let zero = try LDFCommandRunner.run(["info", "--rate", "10", Self.layout("rate_zero.txt")])
        #expect(zero.status == 0 && zero.stderr.contains("not a usable sample rate"))
        let negative = try LDFCommandRunner.run(["bands", RepositoryPaths.fixture("labchart/Shabina_dorsum1.txt").path])
        #expect(negative.stderr.contains("mostly negative"))
    }

    /// The LabChart exports read as before this work: same durations, rates and sample counts.
    @Test(arguments: [("Shabina_fingertip.txt", 39.049), ("Shabina_dorsum1.txt", 36.791), ("ShabinaBP.txt", 41.05)])
    func labChartDurationsAndRatesAreUnchanged(_ file: (name: String, seconds: Double)) throws {
        let out = try LDFCommandRunner.run(["info", "--format", "json", RepositoryPaths.fixture("labchart/\(file.name)").path])
        let json = try #require(out.json)
        #expect(json["sample_rate_hz"] as? Double == 1000)
        #expect(json["measured_sample_rate_hz"] as? Double == 1000)
        #expect(abs((json["duration_s"] as? Double ?? 0) - file.seconds) < 1e-9)
        #expect(json["samples"] as? Int == Int((file.seconds * 1000).rounded()))
        #expect((json["start_time"] as? String)?.hasPrefix("2021-12-28T10:") == true)
        #expect((json["start_time"] as? String)?.hasSuffix("Z") == false)
    }

    @Test(.enabled(if: RepositoryPaths.sharedData("labchart/ShabinaIR2.txt") != nil))
    func sharedLabChartRecordingIsUnchanged() throws {
        let url = try #require(RepositoryPaths.sharedData("labchart/ShabinaIR2.txt"))
        let json = try #require(try LDFCommandRunner.run(["info", "--format", "json", url.path]).json)
        #expect(json["sample_rate_hz"] as? Double == 1000 && abs((json["duration_s"] as? Double ?? 0) - 79.6) < 1e-9)
        #expect(json["start_time"] as? String == "2021-12-28T10:57:18.005592")
    }

    /// Every bad input of the issue: non-zero status, nothing on stdout, one line naming the place.
    @Test func badInputsGetOneLineErrors() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func file(_ name: String, _ content: String) throws -> String { try LDFCommandRunner.write(content, named: name, in: dir) }
        let tiny = "time,flux\n" + (0..<50).map { "\(Double($0) * 1e-20),\(50 + $0 % 7)\n" }.joined()
        let fast = "time,flux\n" + (0..<400).map { "\(Double($0) * 3.125e-14),\(50 + $0 % 7)\n" }.joined()
        let cases: [(args: [String], expect: String)] = [
            (["info", Self.layout("header_only_block.txt")], "header block"),
            (["info", Self.layout("rate_zero.txt")], "rate_zero.txt line 1"),
            (["info", Self.layout("two_times.csv")], "--time-column"),
            (["info", try file("tiny.csv", tiny)], "tiny.csv line 3"),
            (["info", try file("fast.csv", fast)], "fast.csv line 3"),
            (["info", "--format", "json", try file("huge.csv", "time,flux\n0,1\n1e308,2\n")], "huge.csv line 3"),
            (["info", "--channel", "all,9", Self.layout("periflux_tab.txt")], "--channel"),
            (["info", "--rate", "1e9", Self.layout("bom_values.txt")], "--rate"),
            (["info", "--time-column", "nope", Self.layout("two_times.csv")], "--time-column"),
        ]
        // A file implying 3.2e13 Hz used to pass `info` and trap in `bands`: now refused by both.
        let bands = try LDFCommandRunner.run(["bands", dir.appendingPathComponent("fast.csv").path])
        for c in cases {
            let out = try LDFCommandRunner.run(c.args)
            #expect(out.status != 0, "\(c.args)")
            #expect(out.stdout.isEmpty, "\(c.args): \(out.stdout)")
            let lines = out.stderr.split(separator: "\n")
            if c.args.contains("--rate") || lines.first?.hasPrefix("error: --") == true {
                // An invalid option: one error line, then the usage (status 64).
                #expect(out.status == 64 && lines.first?.hasPrefix("error: \(c.expect)") == true, "\(c.args): \(out.stderr)")
                #expect(lines.count > 1 && lines[1].hasPrefix("Usage: ldf info"), "\(c.args): \(out.stderr)")
            } else {
                #expect(lines.count == 1 && lines[0].hasPrefix("error: "), "\(c.args): \(out.stderr)")
                #expect(out.stderr.contains(c.expect), "\(c.args): \(out.stderr)")
            }
        }
        #expect(bands.status == 1 && bands.stderr.contains("3.2e+13 Hz"))
    }
}
