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

/// `protocol=heating` rows of a study (issue 16, item 6): a simulated cohort of two groups with
/// different plateaus; the tables must equal `HeatingAnalysis` on each file and the comparison
/// must find the difference.
@Suite struct StudyProtocolsTests {
    /// Plateau (PU) of each group's recordings: four per group, so the exact Mann-Whitney p of
    /// fully separated groups is 2/70.
    static let plateaus = ["control": [60.0, 62, 64, 66], "treated": [84.0, 86, 88, 90]]

    /// A short rapid-heating recording at 2 Hz (2 min rest, 15 min at 42 °C, 5 min at 44 °C).
    static func heating(plateau: Double, setPointC: Double = 42) -> HeatingSimulation {
        var s = HeatingSimulation.preset(.rapid)
        s.sampleRateHz = 2
        s.baselineSeconds = 120
        s.heatingSeconds = 900
        s.maximumSeconds = setPointC > 40 ? 300 : 0
        s.timeToPlateauSeconds = 600
        s.plateauFlux = plateau
        s.setPointC = setPointC
        return s
    }

    static func write(_ simulation: HeatingSimulation, seed: UInt64, to url: URL) throws {
        let recording = try simulation.generate(seed: seed).recording
        try RecordingCSVWriter().write(try FileArtifacts().apply(to: recording, seed: seed).table, to: url)
    }

    /// Writes the cohort and one recording whose probe never heats (no onset) into `dir`; runs the
    /// study with 60 mmHg MAP on every row.
    static func runCohort(in dir: URL) throws -> StudyResults {
        var manifest = "subject,group,site,condition,protocol,path,map_mmhg\n"
        var seed: UInt64 = 11
        for (group, levels) in plateaus.sorted(by: { $0.key < $1.key }) {
            for (i, plateau) in levels.enumerated() {
                let name = "\(group)\(i).csv"
                try write(heating(plateau: plateau), seed: seed, to: dir.appendingPathComponent(name))
                manifest += "\(group)\(i),\(group),forearm,baseline,heating,\(name),60\n"
                seed += 1
            }
        }
        try write(heating(plateau: 70, setPointC: 33.5), seed: 99, to: dir.appendingPathComponent("cold.csv"))
        manifest += "cold,treated,forearm,baseline,heating,cold.csv,60\n"
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        let parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet))
        let runner = try StudyRunner(manifest: m, parameters: parameters, directory: dir.appendingPathComponent("out"), jobs: 2)
        return StudyResults(manifest: m, parameters: parameters, outcomes: try runner.run())
    }

    @Test func heatingRowsEqualTheAnalysisOfEachFileAndGroupsDiffer() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try Self.runCohort(in: dir)
        let table = results.heatingTable
        #expect(table.rows.count == 8)
        #expect(Array(table.columns.prefix(results.metadataColumns.count)) == results.metadataColumns)
        #expect(Array(table.columns.dropFirst(results.metadataColumns.count)) == ReportColumns.names(of: HeatingRow.self))
        // study.json's units cover every heating column; levels in the recordings' flux unit.
        let units = try #require(StudyTableUnits.units(of: [(name: "heating", table: table)], extraColumns: [])["heating"])
        #expect(Set(units.keys) == Set(table.columns), "\(Set(table.columns).subtracting(units.keys))")
        #expect(units["plateau"] == "PU" && units["percent_cvc_max_plateau"] == "%" && units["onset_s"] == "s")
        // Each row is what HeatingAnalysis gives on the file read the same way.
        var options = HeatingOptions()
        options.meanArterialPressureMmHg = 60
        for (position, entry) in results.manifest.entries.enumerated() where entry.subject != "cold" {
            let recording = try RecordingReader.read(path: entry.resolvedPath, options: ReadOptions(assembly: AssemblyOptions(maxBridgeSeconds: 1)))
            let expected = HeatingRow(try HeatingAnalysis.analyze(recording.analysedRecordings(nil)[0], options: options))
            #expect(results.outcomes[position]?.heating == [expected])
            let row = try #require(table.rows.first { $0[0] == entry.id })
            #expect(Array(row.dropFirst(results.metadataColumns.count)) == CSVTable(rows: [expected]).rows[0])
        }
        // The plateau is summarised per group near the simulated levels.
        let summary = results.summaryTable
        func column(_ t: CSVTable, _ name: String) throws -> Int { try #require(t.columns.firstIndex(of: name)) }
        let (measure, group, mean, n) = try (column(summary, "measure"), column(summary, "group"), column(summary, "mean"), column(summary, "n"))
        for (name, levels) in Self.plateaus {
            let row = try #require(summary.rows.first { $0[measure] == "plateau" && $0[group] == name })
            #expect(row[n] == "4")
            let expected: Double = levels.reduce(0, +) / 4
            let measured = try #require(Double(row[mean]))
            #expect(abs(measured / expected - 1) < 0.03, "\(row)")
        }
        // The groups differ in plateau and %CVCmax of the plateau, fully separated (exact p = 2/70).
        let comparisons = results.comparisonsTable
        let (cMeasure, p, effect, analysis) = try (column(comparisons, "measure"), column(comparisons, "p_value"),
                                                   column(comparisons, "effect_size"), column(comparisons, "analysis"))
        let plateau = try #require(comparisons.rows.first { $0[cMeasure] == "plateau" })
        #expect(plateau[analysis] == "heating")
        #expect(abs(Double(plateau[p])! - 2.0 / 70) < 1e-9)
        #expect(Double(plateau[effect]) == 1)
        let baseline = try #require(comparisons.rows.first { $0[cMeasure] == "baseline" })
        #expect(Double(baseline[p])! > 0.05, "the rest flux is the same in both groups")
    }

    @Test func aHeatingRowWithoutOnsetIsAnErrorNamingTheTemperature() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try Self.runCohort(in: dir)
        let errors = results.errorsTable
        let rows = errors.rows.filter { $0[2] == "cold.csv" && $0[3] == "error" }
        #expect(rows.count == 1)
        let text = rows.first?.joined(separator: ",") ?? ""
        #expect(text.contains("heating") && text.contains("no heating onset found") && text.contains("temperature channel"), "\(text)")
        #expect(errors.columns.prefix(5) == ["row", "id", "path", "severity", "stage"])
        #expect(rows.first?[4] == "heating")
        #expect(!results.heatingTable.rows.contains { $0[0].hasPrefix("cold/") })
    }
}
