import Foundation
import Testing
import LDFCore
import LDFReport
import LDFSpectral
import LDFStudy

/// Null bands are left out of the study's statistics, and the study says so: `n_excluded` and
/// the reason in `summary.csv`, and one study-level warning per band and reason.
@Suite struct StudyExclusionTests {
    static let lowest = Band("endothelial_no_independent", 0.005, 0.0095)
    static let myogenic = Band("myogenic", 0.052, 0.145)
    static let reason = "the analysed stretch holds fewer than 5 cycles of 0.005 Hz (5 cycles need 1000 s)"

    /// Control c1-c3 and patient p1-p3 at rest; the lowest band is null in c1, c2 and p1 (600 s
    /// recordings), valued 10, 20, 30, 40... elsewhere; myogenic valued in all six.
    static func makeResults() throws -> StudyResults {
        var text = "subject,group,site,condition,protocol,path\n"
        for s in ["c1", "c2", "c3", "p1", "p2", "p3"] { text += "\(s),\(s.hasPrefix("c") ? "control" : "patient"),forearm,baseline,rest,\(s).csv\n" }
        let manifest = try StudyManifest(text: text, path: "m.csv", folder: URL(fileURLWithPath: "/x"), checkFiles: false)
        let columns = BandAnalysisColumns(preset: "stefanovska", method: .wavelet, fminHz: 0.005, fmaxHz: 2, analysedSeconds: 600, sampleRateHz: 10)
        var outcomes: [Int: RecordingOutcome] = [:]
        for p in manifest.entries.indices {
            let short = [0, 1, 3].contains(p)
            let lowest = short
                ? BandSummary(unavailable: Self.lowest, presetName: "stefanovska", frequencyCount: 28, validFraction: 0.007, reason: Self.reason)
                : Self.summary(Self.lowest, value: Double(10 * (p + 1)))
            let rows = [lowest, Self.summary(Self.myogenic, value: Double(p + 1))].map {
                BandTableRow(source: manifest.entries[p].path, summary: BandSummaryRow($0, channel: "flux", fluxUnit: "PU"), analysis: columns)
            }
            outcomes[p] = RecordingOutcome(key: "k\(p)", protocolKind: .rest, sampleRateHz: 10, durationSeconds: 600,
                                           analysedSeconds: 600, bands: rows)
        }
        return StudyResults(manifest: manifest, parameters: StudyParameters(settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet)),
                            outcomes: outcomes)
    }

    static func summary(_ band: Band, value: Double) -> BandSummary {
        BandSummary(band: band, presetName: "stefanovska", amplitude: value, power: value * value, powerRatioToMedian: nil, validFraction: 1, peakHz: band.lowHz, peakAmplitude: value, frequencyCount: 3)
    }

    func rows(_ table: CSVTable, _ conditions: [String: String]) -> [[String: String]] {
        table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }.filter { r in conditions.allSatisfy { r[$0.key] == $0.value } }
    }

    @Test func summaryCountsExcludedRecordingsWithTheirReason() throws {
        let results = try Self.makeResults()
        let control = try #require(rows(results.summaryTable, ["measure": "amplitude", "band": Self.lowest.name, "group": "control"]).first)
        // c1 and c2 excluded: the statistics are c3's alone.
        #expect(control["n"] == "1" && control["mean"] == "30.0" && control["n_excluded"] == "2")
        #expect(control["excluded_reason"] == Self.reason)
        let patient = try #require(rows(results.summaryTable, ["measure": "amplitude", "band": Self.lowest.name, "group": "patient"]).first)
        #expect(patient["n"] == "2" && patient["median"] == "55.0" && patient["n_excluded"] == "1")
        let myogenic = try #require(rows(results.summaryTable, ["measure": "amplitude", "band": "myogenic", "group": "control"]).first)
        #expect(myogenic["n"] == "3" && myogenic["n_excluded"] == "0" && myogenic["excluded_reason"] == "")
    }

    @Test func comparisonsUseOnlyTheValuedRecordings() throws {
        let table = try Self.makeResults().comparisonsTable
        let lowest = try #require(rows(table, ["measure": "amplitude", "band": Self.lowest.name]).first)
        #expect(lowest["n_a"] == "1" && lowest["n_b"] == "2")
        #expect(lowest["reason"]?.contains("at least 2 are needed") == true)
    }

    @Test func oneAggregatedWarningPerBandNotPerRow() throws {
        let issues = try Self.makeResults().issues.filter { $0.message.contains(Self.lowest.name) }
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.row == 0 && issue.severity == .warning && issue.stage == .study)
        #expect(issue.message.contains("in 3 of 6 rest recordings (control: 2, patient: 1)"))
        #expect(issue.message.hasSuffix(Self.reason))
    }

    /// Every measure of a band null in every recording of a group still has its row, n = 0.
    @Test func allExcludedGroupKeepsItsRow() throws {
        let results = try Self.makeResults()
        let all = rows(results.summaryTable, ["band": Self.lowest.name, "group": "control"])
        #expect(all.count == 5) // amplitude, power, and the three relative measures
        let relative = try #require(rows(results.summaryTable, ["measure": "power_ratio_to_mean", "band": Self.lowest.name, "group": "control"]).first)
        // relative values are nil in the hand-made rows: n 0 but the two exclusions counted.
        #expect(relative["n"] == "0" && relative["n_excluded"] == "2")
    }
}
