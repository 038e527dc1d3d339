import Foundation
import Testing
import LDFCore
import LDFSimulation
import LDFTestSupport

/// End-to-end tests of `ldf porh` on CSV files written from seeded simulations.
@Suite struct PorhCommandTests {
    /// Writes `time,Flux[,Cuff pressure]` rows (NaN as an empty cell) and returns the path.
    static func writeCSV(_ recording: Recording, to dir: URL, name: String = "porh.csv") throws -> String {
        var lines = ["time," + recording.channels.map(\.name).joined(separator: ",")]
        lines.reserveCapacity(recording.sampleCount + 1)
        for i in 0..<recording.sampleCount {
            let cells = recording.channels.map { $0.values[i].isFinite ? String(format: "%.5f", $0.values[i]) : "" }
            lines.append(String(format: "%.4f", recording.time(ofSample: i)) + "," + cells.joined(separator: ","))
        }
        let url = dir.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        return url.path
    }

    static func simulation(site: TissueSite = .forearm, count: Int = 1, recovery: Double = 200, pressure: Bool = false) -> PORHSimulation {
        var sim = PORHSimulation.site(site)
        sim.sampleRateHz = 10
        sim.occlusions = PORHSimulation.schedule(restSeconds: 90, occlusionSeconds: 90, recoverySeconds: recovery, count: count)
        sim.durationSeconds = sim.occlusions.last!.releaseSeconds + recovery
        sim.includesPressureChannel = pressure
        return sim
    }

    @Test func jsonCarriesParametersAndEveryOcclusionField() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let simulated = Self.simulation(pressure: true).generate(seed: 41)
        let path = try Self.writeCSV(simulated.recording, to: dir)
        let out = try LDFCommandRunner.run(["porh", "--site", "forearm", "--format", "json", "--map", "90",
                                            "--reperfusion-bands", "stefanovska", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stdout.lowercased().contains(": nan"), "NaN as a JSON value")
        let json = try #require(out.json)
        let toolkit = try #require(json["toolkit"] as? [String: Any])
        #expect(toolkit["name"] as? String == Toolkit.name && toolkit["version"] as? String == Toolkit.version)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["site"] as? String == "forearm")
        #expect(parameters["smoothing_s"] as? Double == 3)
        #expect(parameters["biological_zero_window_s"] as? Double == 60)
        #expect(parameters["subtract_biological_zero"] as? Bool == false)
        #expect(parameters["mean_arterial_pressure_mmhg"] as? Double == 90)
        let recordings = try #require(json["recordings"] as? [[String: Any]])
        #expect(recordings.first?["source"] as? String == path)
        let occlusions = try #require(recordings.first?["occlusions"] as? [[String: Any]])
        try #require(occlusions.count == 1)
        let o = occlusions[0]
        let truth = simulated.truth.occlusions[0]
        #expect(o["timing_source"] as? String == "pressure")
        #expect(abs((o["start_s"] as? Double ?? 0) - truth.startSeconds) <= 1)
        #expect(abs((o["release_s"] as? Double ?? 0) - truth.releaseSeconds) <= 1)
        for key in ["rest_flux", "biological_zero", "peak_flux", "time_to_peak_s", "t50_s", "hyperaemia_duration_s",
                    "repayment_area", "debt_area", "cvc_rest", "fit_c", "fit_r2"] {
            #expect(o[key] is Double, "\(key)")
        }
        #expect(relativeDifference(o["peak_flux"] as? Double ?? 0, truth.peakFlux) <= 0.02)
        #expect(abs((o["t50_s"] as? Double ?? 0) - truth.t50Seconds) <= 1)
        let flowmotion = try #require(o["reperfusion_flowmotion"] as? [String: Any])
        #expect(flowmotion["preset"] as? String == "stefanovska")
        #expect((flowmotion["bands"] as? [[String: Any]])?.count == 6)
        #expect(parameters["reperfusion_bands"] as? String == "stefanovska")
    }

    @Test func csvHasOneRowPerOcclusionAndTraceIsWritten() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.writeCSV(Self.simulation(site: .fingerPad, count: 2).generate(seed: 42).recording, to: dir)
        let trace = dir.appendingPathComponent("trace.csv").path
        let out = try LDFCommandRunner.run(["porh", "--timing", "flux", "--format", "csv", "--trace", trace, path])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = out.stdout.split(separator: "\n")
        try #require(rows.count == 3)
        #expect(rows[0].hasPrefix("source,channel,flux_unit,occlusion,start_s,release_s,duration_s,timing_source,confidence,rest_reference,site,"
                                  + "map_mmhg,cvc_max,rest_flux"))
        #expect(rows[1].contains(",1,") && rows[2].contains(",2,") && rows[1].contains(",flux,"))
        let traceText = try String(contentsOfFile: trace, encoding: .utf8)
        let traceRows = traceText.split(separator: "\n")
        #expect(traceRows.first == "source,channel,flux_unit,time_s,flux,smoothed_flux,phase")
        for phase in ["rest", "occlusion", "reperfusion", "recovery"] {
            #expect(traceRows.contains { $0.hasSuffix(",\(phase)") }, "\(phase)")
        }
    }

    @Test func userOcclusionsAndTable() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.writeCSV(Self.simulation().generate(seed: 43).recording, to: dir)
        let out = try LDFCommandRunner.run(["porh", "--occlusion", "90-180", "--reperfusion-bands", "stefanovska", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("reperfusion flowmotion, (flux - fit)/d"))
        #expect(out.stdout.contains("myogenic"))
        #expect(out.stdout.contains("occlusion 1: 90-180 s"))
        #expect(out.stdout.contains("timed by user"))
        #expect(out.stdout.contains("peak_flux"))
    }

    @Test func badOcclusionOptionsAreRefused() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.writeCSV(Self.simulation().generate(seed: 44).recording, to: dir)
        let cases: [([String], String)] = [
            (["--occlusion", "90-100"], "shorter than"),
            (["--occlusion", "90-200", "--occlusion", "150-300"], "overlap"),
            (["--occlusion", "300-400"], "ends during the occlusion"),
            (["--occlusion", "900-1000"], "after the recording ends"),
            (["--occlusion", "ninety"], "START-END"),
            (["--smoothing", "0"], "--smoothing"),
        ]
        for (args, text) in cases {
            let out = try LDFCommandRunner.run(["porh"] + args + [path])
            #expect(out.status != 0, "\(args)")
            #expect(out.stderr.contains(text), "\(args): \(out.stderr)")
        }
    }

    @Test func noOcclusionIsAnErrorThatSaysWhatWasSeen() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rest = Self.simulation()
        rest.occlusions = []
        let path = try Self.writeCSV(rest.generate(seed: 45).recording, to: dir)
        let out = try LDFCommandRunner.run(["porh", "--format", "json", path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("no occlusion found"))
        let recordings = out.json?["recordings"] as? [[String: Any]]
        #expect((recordings?.first?["error"] as? String)?.contains("looked for") == true)
    }

    @Test func nullParametersCarryReasons() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.writeCSV(Self.simulation(recovery: 25).generate(seed: 46).recording, to: dir)
        let out = try LDFCommandRunner.run(["porh", "--format", "json", path])
        #expect(out.status == 0, "\(out.stderr)")
        let o = try #require(((out.json?["recordings"] as? [[String: Any]])?.first?["occlusions"] as? [[String: Any]])?.first)
        #expect(o["plateau_flux"] is NSNull)
        #expect(o["cvc_rest"] is NSNull)
        let reasons = try #require(o["reasons"] as? [String: String])
        #expect(reasons["plateau_flux"]?.isEmpty == false)
        #expect(reasons["cvc_rest"]?.contains("--map") == true)
    }

    /// %CVCmax only against a maximum the user gives: with --map 90 --cvc-max 2 the rest CVC's
    /// percentage is 100 (rest / 90) / 2; --cvc-max without --map is a usage error.
    @Test func percentCVCMaxNeedsGivenMaximumAndPressure() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.writeCSV(Self.simulation().generate(seed: 41).recording, to: dir)
        let out = try LDFCommandRunner.run(["porh", "--site", "forearm", "--format", "json", "--map", "90", "--cvc-max", "2", path])
        #expect(out.status == 0, "\(out.stderr)")
        #expect((out.json?["parameters"] as? [String: Any])?["cvc_max"] as? Double == 2)
        let o = try #require(((out.json?["recordings"] as? [[String: Any]])?.first?["occlusions"] as? [[String: Any]])?.first)
        let rest = try #require(o["rest_flux"] as? Double), peak = try #require(o["peak_flux"] as? Double)
        #expect(abs((o["percent_cvc_max_rest"] as? Double ?? 0) - 100 * rest / 90 / 2) < 1e-6 * rest)
        #expect(abs((o["percent_cvc_max_peak"] as? Double ?? 0) - 100 * peak / 90 / 2) < 1e-6 * peak)
        #expect(abs((o["rest_percent_of_peak"] as? Double ?? 0) - 100 * rest / peak) < 1e-6)
        let noMap = try LDFCommandRunner.run(["porh", "--cvc-max", "2", path])
        #expect(noMap.status == 64 && noMap.stderr.contains("--cvc-max needs --map"), "\(noMap.stderr)")
        // The same rule in the stream, before any input is read.
        let stream = try LDFCommandRunner.run(["stream", "--porh", "--cvc-max", "2"], stdin: Data())
        #expect(stream.status == 64 && stream.stderr.contains("--cvc-max needs --map"), "\(stream.stderr)")
        #expect(stream.stdout.isEmpty)
    }

    /// Real LabChart export (fingertip, upper-arm cuff): flux is near zero for only about 3 s, so
    /// automatic detection refuses it; given by hand, the partial recovery has no hyperaemic peak.
    @Test func realCuffRecordingWithoutHyperaemia() throws {
        guard let url = RepositoryPaths.sharedData("labchart/ShabinaBP.txt") else { return }
        let auto = try LDFCommandRunner.run(["porh", url.path])
        #expect(auto.status == 1)
        #expect(auto.stderr.contains("shorter than 20"))
        let manual = try LDFCommandRunner.run(["porh", "--format", "json", "--occlusion", "21-24", "--min-occlusion", "2",
                                               "--rest-window", "20", url.path])
        #expect(manual.status == 0, "\(manual.stderr)")
        let o = try #require(((manual.json?["recordings"] as? [[String: Any]])?.first?["occlusions"] as? [[String: Any]])?.first)
        #expect((o["rest_flux"] as? Double ?? 0) > 300)
        #expect(o["peak_flux"] is NSNull)
        #expect(((o["reasons"] as? [String: String])?["peak_flux"])?.contains("no hyperaemic peak") == true)
    }
}
