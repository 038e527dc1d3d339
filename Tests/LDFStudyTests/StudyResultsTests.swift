import Foundation
import Testing
import LDFCore
import LDFReport
import LDFSpectral
import LDFStudy

/// Tables, summaries and comparisons of a study built from hand-made outcomes, so every number
/// is known: between-group Mann–Whitney, paired Wilcoxon, Holm families, empty groups and mixed
/// sample rates.
@Suite struct StudyResultsTests {
    static let myogenic = Band("myogenic", 0.052, 0.145)
    static let cardiac = Band("cardiac", 0.6, 2)
    static let analysisColumns = BandAnalysisColumns(preset: "stefanovska", method: .wavelet, fminHz: 0.052, fmaxHz: 2,
                                                     analysedSeconds: 600, sampleRateHz: 10)

    /// Control c1-c4 and patient p1-p4 at baseline; control also warm (+1, +2, +3, +4 on myogenic).
    static func makeResults() throws -> StudyResults {
        var text = "subject,group,site,condition,protocol,path,age\n"
        for (i, s) in ["c1", "c2", "c3", "c4", "p1", "p2", "p3", "p4"].enumerated() {
            text += "\(s),\(s.hasPrefix("c") ? "control" : "patient"),forearm,baseline,rest,\(s).csv,\(40 + i)\n"
        }
        for s in ["c1", "c2", "c3", "c4"] { text += "\(s),control,forearm,warm,rest,\(s)w.csv,0\n" }
        let manifest = try StudyManifest(text: text, path: "m.csv", folder: URL(fileURLWithPath: "/x"), checkFiles: false)
        let myogenic: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 2, 4, 6, 8]
        let cardiac: [Double] = [1, 2, 3, 4, 1.5, 2.5, 3.5, 4.5, 1, 2, 3, 4]
        var outcomes: [Int: RecordingOutcome] = [:]
        for p in manifest.entries.indices {
            let rows = [(myogenic[p], Self.myogenic), (cardiac[p], Self.cardiac)].map { value, band in
                BandTableRow(source: manifest.entries[p].path,
                             summary: BandSummaryRow(BandSummary(band: band, presetName: "stefanovska", amplitude: value, power: value * value,
                                                                 powerRatioToMedian: nil,
                                                                 validFraction: 1, peakHz: band.lowHz, peakAmplitude: value, frequencyCount: 3),
                                                     channel: "flux", fluxUnit: "PU"),
                             analysis: Self.analysisColumns)
            }
            outcomes[p] = RecordingOutcome(key: "k\(p)", protocolKind: .rest, sampleRateHz: manifest.entries[p].subject == "p4" ? 20 : 10,
                                           durationSeconds: 600, analysedSeconds: 600, bands: rows)
        }
        let parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet))
        return StudyResults(manifest: manifest, parameters: parameters, outcomes: outcomes)
    }

    func row(_ table: CSVTable, where conditions: [String: String]) -> [String: String]? {
        let matches = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
            .filter { r in conditions.allSatisfy { r[$0.key] == $0.value } }
        return matches.count == 1 ? matches[0] : nil
    }

    @Test func betweenGroupsMannWhitneyWithHolmAcrossBands() throws {
        let table = try Self.makeResults().comparisonsTable
        let myo = try #require(row(table, where: ["measure": "amplitude", "band": "myogenic", "design": "between_groups", "condition": "baseline"]))
        #expect(myo["level_a"] == "control" && myo["level_b"] == "patient")
        #expect(myo["n_a"] == "4" && myo["n_b"] == "4" && myo["median_a"] == "2.5" && myo["median_b"] == "6.5")
        #expect(myo["test"] == "mann_whitney_u" && myo["method"] == "exact" && myo["statistic"] == "16.0")
        #expect(abs(Double(myo["p_value"]!)! - 2.0 / 70) < 1e-15)
        #expect(myo["effect_size"] == "1.0")
        // Cardiac: patient above control in 10 of 16 pairs: U_b = 10, r = (10 - 6) / 16.
        let card = try #require(row(table, where: ["measure": "amplitude", "band": "cardiac", "design": "between_groups", "condition": "baseline"]))
        #expect(card["statistic"] == "10.0" && card["effect_size"] == "0.25")
        // Holm over the two bands of the amplitude family: the smaller p doubles.
        #expect(myo["family_size"] == "2" && myo["adjustment"] == "holm")
        #expect(abs(Double(myo["p_adjusted"]!)! - 4.0 / 70) < 1e-15)
        #expect(Double(card["p_adjusted"]!)! == max(4.0 / 70, Double(card["p_value"]!)!))
    }

    @Test func pairedConditionsWilcoxonAndEmptyLevels() throws {
        let results = try Self.makeResults()
        let table = results.comparisonsTable
        // Four increases: W+ = 10 of 2^4 sign patterns, two-sided p = 2/16.
        let control = try #require(row(table, where: ["measure": "amplitude", "band": "myogenic", "design": "paired_conditions", "group": "control"]))
        #expect(control["level_a"] == "baseline" && control["level_b"] == "warm" && control["n_a"] == "4")
        #expect(control["test"] == "wilcoxon_signed_rank" && control["statistic"] == "0.0" && control["p_value"] == "0.125")
        #expect(control["effect_size"] == "1.0")
        // Patients were never listed warm: no paired contrast for them.
        #expect(row(table, where: ["design": "paired_conditions", "group": "patient", "measure": "amplitude", "band": "myogenic"]) == nil)
        // Cardiac is unchanged in every control pair: no test, and the reason.
        let cardiac = try #require(row(table, where: ["measure": "amplitude", "band": "cardiac", "design": "paired_conditions", "group": "control"]))
        #expect(cardiac["p_value"] == "" && cardiac["reason"] == "every pair has the same value in both conditions")
        let warm = try #require(row(table, where: ["measure": "amplitude", "band": "myogenic", "design": "between_groups", "condition": "warm"]))
        #expect(warm["p_value"] == "" && warm["reason"] == "group 'patient' has 0 values here; at least 2 are needed")
        #expect(results.issues.contains { $0.row == 0 && $0.message.contains("group 'patient' has no analysed rest recording at site 'forearm', condition 'warm'") })
    }

    @Test func mixedSampleRatesAreWarnedPerRowAndForTheStudy() throws {
        let results = try Self.makeResults()
        let p4 = results.issues.filter { $0.id == "p4/forearm/baseline/rest" }
        #expect(p4.count == 1 && p4[0].severity == .warning && p4[0].row == 9 && p4[0].message.contains("20 Hz"))
        #expect(results.issues.contains { $0.row == 0 && $0.message.contains("mixed sample rates among rest recordings (10 Hz: 11, 20 Hz: 1)") })
        #expect(results.errorsTable.rows.count == results.issues.count)
    }

    @Test func summaryAndTidyTablesCarryMetadata() throws {
        let results = try Self.makeResults()
        let summary = results.summaryTable
        let s = try #require(row(summary, where: ["measure": "amplitude", "band": "myogenic", "group": "patient", "condition": "baseline"]))
        #expect(s["n"] == "4" && s["mean"] == "6.5" && s["median"] == "6.5" && s["q1"] == "5.75" && s["q3"] == "7.25" && s["iqr"] == "1.5")
        let bands = results.bandsTable
        #expect(Array(bands.columns.prefix(7)) == ["id", "subject", "group", "site", "condition", "protocol", "age"])
        #expect(bands.rows.count == 24)
        let first = Dictionary(uniqueKeysWithValues: zip(bands.columns, bands.rows[0]))
        #expect(first["age"] == "40" && first["band"] == "myogenic" && first["amplitude"] == "1.0" && first["power"] == "1.0")
        #expect(results.porhTable.rows.isEmpty && results.spectraTable.rows.isEmpty)
    }

    @Test func missingOutcomesAreErrorsOnlyWhenAskedFor() throws {
        let full = try Self.makeResults()
        var partial = full.outcomes
        partial[0] = nil
        let merged = StudyResults(manifest: full.manifest, parameters: full.parameters, outcomes: partial)
        #expect(merged.issues.contains { $0.row == 2 && $0.severity == .error && $0.message.contains("not analysed") })
        let shard = StudyResults(manifest: full.manifest, parameters: full.parameters, outcomes: partial, missingIsError: false)
        #expect(!shard.issues.contains { $0.severity == .error })
    }
}
