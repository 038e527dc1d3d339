import Foundation
import Testing
import LDFCore
import LDFReport
import LDFSpectral
@testable import LDFStudy
import LDFTestSupport

/// `study.json`'s `units`: every column of every table a study writes has an entry (run on the
/// demo cohort of the golden study, with reperfusion bands, and on its coherence manifest), and
/// hand-checked units of a few columns and rows.
@Suite struct StudyTableUnitsTests {
    /// Two bands only, so the debug-build transforms stay small; reperfusion bands on, so that
    /// table has rows.
    static let cohortParameters = StudyParameters(
        settings: BandAnalysisSettings(bandSet: BandSet(name: "custom", bands: [Band("myogenic", 0.052, 0.145), Band("respiratory", 0.145, 0.6)])),
        reperfusionBands: BandSet(name: "custom", bands: [Band("respiratory", 0.145, 0.6)]))

    /// The golden coherence study's settings (`--coherence forearm,finger-pad --fmin 0.1 --fmax 1 --voices 3`).
    static let coherenceParameters = StudyParameters(
        settings: BandAnalysisSettings(bandSet: BandSet(name: "custom", bands: [Band("low", 0.1, 0.25), Band("mid", 0.25, 0.5), Band("high", 0.5, 1)]),
                                       wavelet: WaveletOptions(voices: 3, fminHz: 0.1, fmaxHz: 1), fminHz: 0.1, fmaxHz: 1),
        coherence: CoherencePairing(first: "forearm", second: "finger-pad"))

    /// A written study: its folder, `study.json`'s `units` and each table's header.
    struct WrittenStudy {
        var units: [String: [String: String]]
        var headers: [String: [String]]
        var tables: [String: [[String: String]]]
    }

    /// Runs the manifest with `parameters`, writes the study and reads it back.
    static func written(_ manifest: String, _ parameters: StudyParameters) throws -> WrittenStudy {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let study = try StudyManifest(path: RepositoryPaths.fixture("cli/study/\(manifest)").path)
        let outcomes = try StudyRunner(manifest: study, parameters: parameters, directory: dir, jobs: 2).run()
        try StudyOutput.write(StudyResults(manifest: study, parameters: parameters, outcomes: outcomes), to: dir)
        let record = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("study.json"))) as? [String: Any]
        let units = try #require(record?["units"] as? [String: [String: String]])
        var headers: [String: [String]] = [:]
        var tables: [String: [[String: String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".csv") {
            let lines = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(String.init)
            let columns = try #require(lines.first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let name = String(file.dropLast(4))
            headers[name] = columns
            tables[name] = lines.dropFirst().map { line in
                // The checked columns come before any quoted cell, so a plain split is enough here.
                Dictionary(zip(columns, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) { a, _ in a }
            }
        }
        return WrittenStudy(units: units, headers: headers, tables: tables)
    }

    static let cohort = Result { try written("manifest.csv", cohortParameters) }
    static let coherence = Result { try written("coherence-manifest.csv", coherenceParameters) }

    @Test func everyColumnOfEveryTableHasAUnit() throws {
        for study in [try Self.cohort.get(), try Self.coherence.get()] {
            #expect(Set(study.units.keys) == Set(study.headers.keys))
            for (table, columns) in study.headers {
                let missing = columns.filter { study.units[table]?[$0] == nil }
                #expect(missing.isEmpty, "\(table).csv columns without a unit: \(missing)")
            }
        }
        let coherence = try Self.coherence.get()
        #expect(Set(["coherence", "group_coherence", "coherence_comparisons"]).isSubset(of: coherence.headers.keys))
    }

    @Test func perRecordingTablesTakeTheSharedFluxUnit() throws {
        let units = try Self.cohort.get().units
        #expect(units["bands"]?["amplitude"] == "PU" && units["bands"]?["power"] == "PU^2" && units["bands"]?["power_share"] == "1")
        #expect(units["bands"]?["low_hz"] == "Hz" && units["bands"]?["analysed_s"] == "s" && units["bands"]?["age"] == "")
        #expect(units["spectra"]?["density"] == "PU^2/Hz" && units["spectra"]?["frequency_hz"] == "Hz")
        #expect(units["porh"]?["debt_area"] == "PU·s" && units["porh"]?["cvc_rest"] == "PU/mmHg" && units["porh"]?["t50_s"] == "s")
        #expect(units["porh"]?["percent_increase"] == "%" && units["porh"]?["map_mmhg"] == "mmHg" && units["porh"]?["fit_c"] == "1")
        // Fractions of the plateau d: dimensionless, powers too.
        #expect(units["reperfusion_bands"]?["amplitude"] == "1" && units["reperfusion_bands"]?["power"] == "1")
        // No epochs rows: the rows' unit is in their flux_unit column.
        #expect(units["epochs"]?["mean"] == "flux_unit" && units["epochs"]?["cvc"] == "flux_unit/mmHg")
    }

    @Test func summariesAndComparisonsNameEachRowsUnit() throws {
        let study = try Self.cohort.get()
        for table in ["summary", "comparisons", "spectra_comparisons"] {
            #expect(study.headers[table]?.contains("unit") == true)
        }
        #expect(study.units["summary"]?["median"] == "unit" && study.units["summary"]?["n"] == "1")
        #expect(study.units["comparisons"]?["median_a"] == "unit" && study.units["comparisons"]?["p_adjusted"] == "1")
        #expect(study.units["spectra_comparisons"]?["q3_b"] == "unit")
        func unit(_ table: String, _ analysis: String, _ measure: String) -> Set<String> {
            Set((study.tables[table] ?? []).filter { $0["analysis"] == analysis && $0["measure"] == measure }.compactMap { $0["unit"] })
        }
        #expect(unit("summary", "bands", "amplitude") == ["PU"])
        #expect(unit("summary", "bands", "power") == ["PU^2"])
        #expect(unit("summary", "bands", "amplitude_ratio_to_mean") == ["1"])
        #expect(unit("summary", "porh", "repayment_area") == ["PU·s"])
        #expect(unit("summary", "porh", "hyperaemia_duration_s") == ["s"])
        #expect(unit("summary", "reperfusion", "power") == ["1"])
        #expect(unit("comparisons", "porh", "rest_flux") == ["PU"])
        #expect(Set((study.tables["spectra_comparisons"] ?? []).compactMap { $0["unit"] }) == ["PU"])
    }

    @Test func mixedFluxUnitsNameTheirColumn() {
        let table = CSVTable(columns: ["flux_unit", "amplitude"], rows: [["PU", "1"], ["BPU", "2"]])
        #expect(StudyTableUnits.fluxUnit(of: table) == "flux_unit")
        #expect(StudyTableUnits.fluxUnit(of: CSVTable(columns: ["flux_unit"], rows: [[""]])) == "signal unit")
        #expect(StudyTableUnits.numericUnits(table: "bands", flux: "flux_unit")["power"] == "flux_unit^2")
        #expect(StudyTableUnits.rowUnit(["PU", "BPU"]) == "BPU | PU")
        #expect(StudyTableUnits.simplified("1^2/Hz") == "1/Hz" && StudyTableUnits.simplified("PU^2") == "PU^2")
    }
}
