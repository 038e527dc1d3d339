import Foundation
import Testing
import LDFCore
import LDFIO
import LDFProtocols
import LDFReport
import LDFSimulation
import LDFSpectral
import LDFStudy
import LDFTestSupport

/// `protocol=iontophoresis`, `vot` and `crt` rows of a study (issue 16): one simulated cohort of
/// two groups per protocol, four recordings each, with a known difference (ACh plateaus 1.5 times
/// higher, reoxygenation twice as fast, CRT twice as long). The tables must equal the analysis of
/// each file and the comparison must find the difference (fully separated groups of four: exact
/// Mann-Whitney p = 2/70); a bad recording of each protocol is excluded with its reason while the
/// study goes on.
@Suite struct StudyResponseProtocolsTests {
    static let groups = ["control", "treated"]

    /// ACh plateaus (PU) of three doses, scaled per recording; the treated group's 1.5 times higher.
    static func iontophoresis(scale: Double, marked: Bool = true) -> IontophoresisSimulation {
        var s = IontophoresisSimulation()
        s.sampleRateHz = 8
        s.restSeconds = 150
        s.plateaus = [16.0, 25, 38].map { $0 * scale }
        s.vehiclePlateaus = [9.5, 10.0, 10.6]
        s.includesEventMarkers = marked
        return s
    }

    /// One occlusion at 10 Hz with a reoxygenation slope of `slope` %/s.
    static func vot(slope: Double) -> VOTSimulation {
        var s = VOTSimulation()
        s.reoxygenationPerSecond = slope
        s.includesEventMarkers = true
        return s
    }

    /// Three presses of camera intensity (falling refill) with CRTs `crts` (s).
    static func crt(_ crts: [Double], direction: CRTSimulation.Direction = .falls, marked: Bool = false) -> CRTSimulation {
        var s = CRTSimulation()
        s.crtSeconds = crts
        s.direction = direction
        s.includesEventMarkers = marked
        return s
    }

    static let achScales = ["control": [1.0, 1.02, 1.04, 1.06], "treated": [1.5, 1.52, 1.54, 1.56]]
    static let reoxygenation = ["control": [1.0, 1.05, 1.1, 1.15], "treated": [2.0, 2.05, 2.1, 2.15]]
    static let crts = ["control": [1.2, 1.3, 1.4, 1.5], "treated": [2.6, 2.7, 2.8, 2.9]]

    static func write(_ recording: Recording, seed: UInt64, to url: URL) throws {
        try RecordingCSVWriter().write(try FileArtifacts().apply(to: recording, seed: seed).table, to: url)
    }

    /// A file whose one channel is flux in PU, far above 100: no saturation to read.
    static func writeFluxOnly(to url: URL) throws {
        let lines = (0..<3000).map { i in "\(Double(i) / 10),\(200 + 20 * sin(Double(i) / 30))" }
        try Data((["time,flux"] + lines).joined(separator: "\n").utf8).write(to: url)
    }

    /// Writes the three cohorts and their bad recordings into `dir` and runs the study.
    static func runCohort(in dir: URL) throws -> StudyResults {
        var manifest = "subject,group,site,condition,protocol,path\n"
        var seed: UInt64 = 21
        func add(_ name: String, _ group: String, _ kind: String) { manifest += "\(name),\(group),forearm,baseline,\(kind),\(name).csv\n" }
        for group in groups {
            for i in 0..<4 {
                try write(try iontophoresis(scale: achScales[group]![i]).generate(seed: seed).recording, seed: seed,
                          to: dir.appendingPathComponent("ionto-\(group)\(i).csv"))
                add("ionto-\(group)\(i)", group, "iontophoresis")
                try write(try vot(slope: reoxygenation[group]![i]).generate(seed: seed).recording, seed: seed,
                          to: dir.appendingPathComponent("vot-\(group)\(i).csv"))
                add("vot-\(group)\(i)", group, "vot")
                let refill = crts[group]![i]
                try RecordingCSVWriter().write(try crt([refill, refill + 0.1, refill + 0.2]).generate(seed: seed).table,
                                               to: dir.appendingPathComponent("crt-\(group)\(i).csv"))
                add("crt-\(group)\(i)", group, "crt")
                seed += 1
            }
        }
        // Bad inputs: pulses without marks, a flux file as a VOT, and a rising refill analysed as
        // falling camera intensity (every fit goes the wrong way).
        try write(try iontophoresis(scale: 1, marked: false).generate(seed: 90).recording, seed: 90, to: dir.appendingPathComponent("ionto-unmarked.csv"))
        add("ionto-unmarked", "treated", "iontophoresis")
        try writeFluxOnly(to: dir.appendingPathComponent("vot-flux.csv"))
        add("vot-flux", "treated", "vot")
        try RecordingCSVWriter().write(try crt([1.5, 2, 2.5], direction: .rises, marked: true).generate(seed: 91).table,
                                       to: dir.appendingPathComponent("crt-rising.csv"))
        add("crt-rising", "treated", "crt")
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        let parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet))
        let runner = try StudyRunner(manifest: m, parameters: parameters, directory: dir.appendingPathComponent("out"), jobs: 2)
        return StudyResults(manifest: m, parameters: parameters, outcomes: try runner.run())
    }

    /// How the study reads each file: the default reader, gaps up to 1 s bridged.
    static let readOptions = ReadOptions(assembly: AssemblyOptions(maxBridgeSeconds: 1))

    static func column(_ t: CSVTable, _ name: String) throws -> Int { try #require(t.columns.firstIndex(of: name)) }

    /// The table's rows of the manifest row `id`, without the metadata columns.
    static func rows(_ table: CSVTable, id: String, metadata: Int) -> [[String]] {
        table.rows.filter { $0[0] == id }.map { Array($0.dropFirst(metadata)) }
    }

    /// The comparison of `measure` (and `band`, `occlusion`) between the groups.
    static func comparison(_ results: StudyResults, analysis: String, measure: String, band: String = "", occlusion: String = "") throws -> [String: String] {
        let t = results.comparisonsTable
        let row = try #require(t.rows.first {
            $0[try! column(t, "analysis")] == analysis && $0[try! column(t, "measure")] == measure
                && $0[try! column(t, "band")] == band && $0[try! column(t, "occlusion")] == occlusion
        }, "no comparison of \(analysis) \(measure) \(band)")
        return Dictionary(uniqueKeysWithValues: zip(t.columns, row))
    }

    /// The summary of `measure` for `group`.
    static func summary(_ results: StudyResults, analysis: String, measure: String, group: String, band: String = "") throws -> [String: String] {
        let t = results.summaryTable
        let row = try #require(t.rows.first {
            $0[try! column(t, "analysis")] == analysis && $0[try! column(t, "measure")] == measure && $0[try! column(t, "group")] == group
                && $0[try! column(t, "band")] == band
        }, "no summary of \(analysis) \(measure) \(group)")
        return Dictionary(uniqueKeysWithValues: zip(t.columns, row))
    }

    @Test func iontophoresisRowsEqualTheAnalysisOfEachFileAndGroupsDiffer() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try Self.runCohort(in: dir)
        let table = results.iontophoresisTable
        let lead = results.metadataColumns.count
        #expect(Array(table.columns.dropFirst(lead)) == ReportColumns.names(of: IontophoresisDoseRow.self))
        #expect(table.rows.count == 8 * 2 * 3, "8 recordings, drug and vehicle channel, three doses")
        for entry in results.manifest.entries where entry.protocolKind == .iontophoresis && entry.subject != "ionto-unmarked" {
            let recording = try RecordingReader.read(path: entry.resolvedPath, options: Self.readOptions)
            let file = try IontophoresisAnalysis.analyze(recording.analysedRecordings(.all), options: IontophoresisOptions())
            let expected = file.channels.flatMap { IontophoresisDoseRow.rows($0, table: file.table) }
            #expect(Self.rows(table, id: entry.id, metadata: lead) == CSVTable(rows: expected).rows, "\(entry.id)")
            #expect(expected.contains { $0.drug == "ach" && $0.vehicleChange != nil }, "the vehicle's response beside the drug's")
        }
        // The ACh plateau of the last dose: summarised near the simulated levels, groups separated.
        for (group, scales) in Self.achScales {
            let s = try Self.summary(results, analysis: "iontophoresis", measure: "plateau", group: group, band: "ach_dose3")
            #expect(s["n"] == "4" && s["unit"] == "PU")
            let expected = 38 * scales.reduce(0, +) / 4
            #expect(abs(Double(s["mean"]!)! / expected - 1) < 0.03, "\(s)")
        }
        let plateau = try Self.comparison(results, analysis: "iontophoresis", measure: "plateau", band: "ach_dose3")
        #expect(abs(Double(plateau["p_value"]!)! - 2.0 / 70) < 1e-9 && Double(plateau["effect_size"]!) == 1, "\(plateau)")
        #expect(plateau["unit"] == "PU")
        let vehicle = try Self.comparison(results, analysis: "iontophoresis", measure: "plateau", band: "vehicle_dose3")
        #expect(Double(vehicle["p_value"]!)! > 0.05, "the vehicle probes respond alike: \(vehicle)")
        let percent = try Self.comparison(results, analysis: "iontophoresis", measure: "percent_change", band: "ach_dose3")
        #expect(percent["unit"] == "%")
    }

    @Test func votRowsEqualTheAnalysisOfEachFileAndGroupsDiffer() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try Self.runCohort(in: dir)
        let table = results.votTable
        let lead = results.metadataColumns.count
        #expect(Array(table.columns.dropFirst(lead)) == ReportColumns.names(of: VOTOcclusionRow.self))
        #expect(table.rows.count == 8)
        for entry in results.manifest.entries where entry.protocolKind == .vot && entry.subject != "vot-flux" {
            let recording = try RecordingReader.read(path: entry.resolvedPath, options: Self.readOptions)
            let result = try VOTAnalysis.analyze(recording.analysedRecordings(nil)[0], options: VOTOptions())
            #expect(Self.rows(table, id: entry.id, metadata: lead) == CSVTable(rows: result.occlusions.map { VOTOcclusionRow(result, $0) }).rows)
        }
        for (group, slopes) in Self.reoxygenation {
            let s = try Self.summary(results, analysis: "vot", measure: "reoxygenation_slope", group: group)
            #expect(s["n"] == "4" && s["unit"] == "%/s" && s["occlusion"] == "1")
            let expected = slopes.reduce(0, +) / 4
            #expect(abs(Double(s["mean"]!)! / expected - 1) < 0.1, "\(s)")
        }
        let slope = try Self.comparison(results, analysis: "vot", measure: "reoxygenation_slope", occlusion: "1")
        #expect(abs(Double(slope["p_value"]!)! - 2.0 / 70) < 1e-9 && Double(slope["effect_size"]!) == 1, "\(slope)")
        let units = ["desaturation_slope": "%/min", "minimum": "%", "overshoot": "% points", "time_to_50_s": "s", "ischaemic_area": "%·s"]
        for (measure, unit) in units {
            #expect(try Self.comparison(results, analysis: "vot", measure: measure, occlusion: "1")["unit"] == unit, "\(measure)")
        }
        let desaturation = try Self.comparison(results, analysis: "vot", measure: "desaturation_slope", occlusion: "1")
        #expect(Double(desaturation["p_value"]!)! > 0.05, "the same desaturation in both groups: \(desaturation)")
    }

    @Test func crtRowsEqualTheAnalysisOfEachFileAndGroupsDiffer() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try Self.runCohort(in: dir)
        let table = results.crtTable
        let lead = results.metadataColumns.count
        #expect(Array(table.columns.dropFirst(lead)) == ReportColumns.names(of: CRTPressRow.self))
        for entry in results.manifest.entries where entry.protocolKind == .crt {
            let sampleTable = try RecordingReader.readTable(path: entry.resolvedPath, options: Self.readOptions)
            let recording = try RecordingReader.assembleChecked(sampleTable, options: Self.readOptions).analysedRecordings(nil)[0]
            let result = try CRTAnalysis.analyze(CRTSamples(table: sampleTable, recording: recording), options: CRTOptions())
            #expect(Self.rows(table, id: entry.id, metadata: lead) == CSVTable(rows: result.presses.map { CRTPressRow($0, of: result) }).rows)
            #expect(result.presses.count == 3)
        }
        // Each group's mean CRT is the mean of the recordings' means over their fitted presses.
        for (group, firsts) in Self.crts {
            let s = try Self.summary(results, analysis: "crt", measure: "mean_crt_s", group: group)
            #expect(s["n"] == "4" && s["unit"] == "s")
            let expected = firsts.map { $0 + 0.1 }.reduce(0, +) / 4
            #expect(abs(Double(s["mean"]!)! / expected - 1) < 0.05, "\(s)")
        }
        let crt = try Self.comparison(results, analysis: "crt", measure: "mean_crt_s")
        #expect(abs(Double(crt["p_value"]!)! - 2.0 / 70) < 1e-9 && Double(crt["effect_size"]!) == 1, "\(crt)")
        #expect(try Self.comparison(results, analysis: "crt", measure: "mean_r_squared")["unit"] == "1")
    }

    @Test func badRecordingsAreExcludedWithTheirReasonAndTheStudyGoesOn() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try Self.runCohort(in: dir)
        let errors = results.errorsTable
        func errorRows(_ path: String) -> [[String]] { errors.rows.filter { $0[2] == path && $0[3] == "error" } }
        // No pulse marks: the iontophoresis row fails at its stage, naming the fix.
        let unmarked = errorRows("ionto-unmarked.csv")
        #expect(unmarked.count == 1 && unmarked.first?[4] == "iontophoresis", "\(unmarked)")
        #expect(!results.iontophoresisTable.rows.contains { $0[0].hasPrefix("ionto-unmarked/") })
        // A flux file is not a saturation: the VOT row fails, naming the channel.
        let flux = errorRows("vot-flux.csv")
        #expect(flux.count == 1 && flux.first?[4] == "vot", "\(flux)")
        #expect(flux.first?.joined(separator: ",").contains("is not a tissue saturation in %") == true, "\(flux)")
        #expect(!results.votTable.rows.contains { $0[0].hasPrefix("vot-flux/") })
        // Every press of the rising refill is rejected: null CRTs with reasons in crt.csv, the
        // recording counted in n_excluded (never as a zero) and a warning in errors.csv.
        let table = results.crtTable
        let (crt, reason) = try (Self.column(table, "crt_s"), Self.column(table, "null_reason"))
        let rising = table.rows.filter { $0[0].hasPrefix("crt-rising/") }
        #expect(rising.count == 3 && rising.allSatisfy { $0[crt].isEmpty && !$0[reason].isEmpty }, "\(rising)")
        let treated = try Self.summary(results, analysis: "crt", measure: "mean_crt_s", group: "treated")
        #expect(treated["n"] == "4" && treated["n_excluded"] == "1", "\(treated)")
        #expect(treated["excluded_reason"] == rising[0][reason] || treated["excluded_reason"]!.contains(rising[0][reason]), "\(treated)")
        #expect(errors.rows.contains { $0[2] == "crt-rising.csv" && $0[3] == "warning" && $0[4] == "crt" })
        // The other rows of each protocol were analysed.
        #expect(results.votTable.rows.count == 8 && results.iontophoresisTable.rows.count == 48)
    }

    /// `crtRefill: .rises` (`--crt-refill rises`) fits flux that rises back after the press: the
    /// recording the default rejects gets each press's CRT near the simulated one.
    @Test func theStudysRefillDirectionFitsFluxThatRises() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let truths = [1.5, 2, 2.5]
        try RecordingCSVWriter().write(try Self.crt(truths, direction: .rises, marked: true).generate(seed: 91).table,
                                       to: dir.appendingPathComponent("rising.csv"))
        try Data("subject,group,site,condition,protocol,path\ns1,a,finger,baseline,crt,rising.csv\n".utf8).write(to: dir.appendingPathComponent("m.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("m.csv").path)
        let parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet), crtRefill: .rises)
        let outcomes = try StudyRunner(manifest: m, parameters: parameters, directory: dir.appendingPathComponent("out"), jobs: 1).run()
        let presses = try #require(outcomes[0]?.crt)
        #expect(presses.map(\.refill) == ["rises", "rises", "rises"])
        for (press, truth) in zip(presses, truths) {
            let crt = try #require(press.crtS, "\(press.nullReason ?? "")")
            #expect(abs(crt / truth - 1) < 0.05, "press \(press.press): \(crt) s vs \(truth) s")
        }
    }

    /// A VOT row's `occlusions` column times its occlusion (as for PORH rows), so a file without
    /// marks or a cuff channel is measured over the given times; without it the saturation alone
    /// times the same occlusion.
    @Test func aVOTRowsOcclusionTimesComeFromTheManifest() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var simulation = Self.vot(slope: 2)
        simulation.includesEventMarkers = false
        try Self.write(try simulation.generate(seed: 5).recording, seed: 5, to: dir.appendingPathComponent("unmarked.csv"))
        let manifest = "subject,group,site,condition,protocol,path,occlusions\n"
            + "given,a,forearm,baseline,vot,unmarked.csv,120-300\ndetected,a,forearm,baseline,vot,unmarked.csv,\n"
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("m.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("m.csv").path)
        let parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet))
        let outcomes = try StudyRunner(manifest: m, parameters: parameters, directory: dir.appendingPathComponent("out"), jobs: 1).run()
        let given = try #require(outcomes[0]?.vot?.first)
        #expect(given.timingSource == "user" && given.startS == 120 && given.releaseS == 300, "\(given)")
        let detected = try #require(outcomes[1]?.vot?.first)
        #expect(detected.timingSource == "signal", "\(detected)")
        #expect(abs(detected.releaseS - 300) < 5, "the saturation's own rise marks the release: \(detected.releaseS)")
    }
}
