import Foundation
import Testing
import LDFCore
import LDFPORH
import LDFReport

/// The PORH records: one field per parameter in `PORHParameterKey` order, units for every
/// number, nulls for missing values, and distinct timing columns.
@Suite struct PORHRecordTests {
    /// An occlusion 120-420 s with every parameter set to its position + 0.5 (1.5, 2.5, ...),
    /// except `cvc_rest`, which is missing.
    static func occlusion() -> PORHOcclusionResult {
        let parameters = PORHParameterKey.allCases.enumerated().map { i, key in
            key == .cvcRest ? PORHParameter(key, missing: "no mean arterial pressure given")
                : PORHParameter(key, value: Double(i) + 1.5)
        }
        // PORHWindows has no public initialiser; it is Codable.
        let json = #"{"rest": {"startSeconds": 0, "endSeconds": 120}, "recovery": {"startSeconds": 420, "endSeconds": 900}, "returnSeconds": 540}"#
        let windows = try! JSONDecoder().decode(PORHWindows.self, from: Data(json.utf8))
        return PORHOcclusionResult(index: 1, timing: OcclusionTiming(startSeconds: 120, releaseSeconds: 420, source: .events,
                                                                      detail: "events", confidence: nil),
                                   parameters: parameters, transientFit: nil, windows: windows, diagnostics: [])
    }

    static func recording(occlusions: Int = 1) -> PORHRecordingResult {
        var options = PORHOptions(site: .forearm)
        options.meanArterialPressureMmHg = 93
        let list = (1...occlusions).map { i -> PORHOcclusionResult in
            var o = occlusion()
            o.index = i
            return o
        }
        return PORHRecordingResult(source: "a.csv", sampleRateHz: 32, fluxUnit: "PU", fluxChannel: "Flux 1", occlusions: list,
                                   diagnostics: [], options: options)
    }

    static func object<T: Encodable>(_ value: T) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(try ReportJSON.line(value).utf8)) as? [String: Any])
    }

    @Test func parameterFieldsAreTheKeysInOrderWithUnits() {
        #expect(ReportColumns.names(of: PORHParameterValues.self) == PORHParameterKey.allCases.map(\.rawValue))
        let units = PORHParameterValues.units(fluxUnit: "PU")
        #expect(Set(units.keys) == Set(PORHParameterKey.allCases.map(\.rawValue)))
        #expect(units["rest_flux"] == "PU" && units["t50_s"] == "s" && units["debt_area"] == "PU·s" && units["cvc_peak"] == "PU/mmHg")
        #expect(units["peak_rest_ratio"] == "1" && units["fit_r2"] == "1" && units["percent_increase"] == "%")
        #expect(PORHParameterValues.units(fluxUnit: "")["peak_flux"] == "signal unit")
    }

    @Test func valuesFollowTheirKeys() {
        let values = PORHParameterValues(Self.occlusion().parameters)
        for (i, key) in PORHParameterKey.allCases.enumerated() where key != .cvcRest {
            #expect(values[key] == Double(i) + 1.5, "\(key.rawValue)")
        }
        #expect(values.cvcRest == nil)
    }

    @Test func csvRowHasUnitsColumnsTimingAndEmptyNulls() {
        let rows = PORHOcclusionRow.rows(Self.recording())
        try? #require(rows.count == 1)
        let cells = Dictionary(uniqueKeysWithValues: ReportColumns.cells(of: rows[0]).map { ($0.name, $0.text) })
        #expect(Array(ReportColumns.names(of: PORHOcclusionRow.self).prefix(13)) == [
            "source", "channel", "flux_unit", "occlusion", "start_s", "release_s", "duration_s", "timing_source", "confidence",
            "rest_reference", "site", "map_mmhg", "cvc_max",
        ])
        #expect(cells["channel"] == "Flux 1" && cells["flux_unit"] == "PU" && cells["site"] == "forearm")
        #expect(cells["start_s"] == "120.0" && cells["release_s"] == "420.0" && cells["duration_s"] == "300.0")
        #expect(cells["map_mmhg"] == "93.0" && cells["cvc_max"] == "" && cells["confidence"] == "")
        #expect(cells["rest_flux"] == "1.5" && cells["biological_zero"] == "2.5" && cells["fit_r2"] == "27.5")
        #expect(cells["cvc_rest"] == "" && cells["null_reasons"] == "cvc_rest: no mean arterial pressure given")
        let units = PORHOcclusionRow.units(fluxUnit: "PU")
        #expect(units["map_mmhg"] == "mmHg" && units["cvc_max"] == "PU/mmHg" && units["start_s"] == "s")
    }

    @Test func jsonOcclusionIsOneFlatObjectWithUnitsAndReasons() throws {
        let o = try Self.object(PORHOcclusionRecord(Self.occlusion(), channel: "Flux 1", fluxUnit: "PU"))
        #expect(o["index"] as? Int == 1 && o["start_s"] as? Double == 120 && o["release_s"] as? Double == 420)
        #expect(o["peak_flux"] as? Double == 4.5 && o["cvc_rest"] is NSNull && o["confidence"] is NSNull)
        #expect((o["reasons"] as? [String: String]) == ["cvc_rest": "no mean arterial pressure given"])
        let units = try #require(o["units"] as? [String: String])
        #expect(units["peak_flux"] == "PU" && units["return_s"] == "s" && units["duration_s"] == "s")
        let windows = try #require(o["windows"] as? [String: Any])
        #expect(windows["plateau"] is NSNull && (windows["rest"] as? [String: Double])?["end_s"] == 120)
        #expect(o["reperfusion_flowmotion"] is NSNull && o["return_s"] as? Double == 540)
    }

    @Test func mergedRecordsReadBack() throws {
        let record = PORHOcclusionRecord(Self.occlusion(), channel: "Flux 1", fluxUnit: "PU")
        let back = try JSONDecoder().decode(PORHOcclusionRecord.self, from: try JSONEncoder().encode(record))
        #expect(back == record)
    }

    @Test func summaryRowsAreTidyWithUnits() throws {
        #expect(PORHSummaryRow.rows(Self.recording(occlusions: 1)).isEmpty)
        let rows = PORHSummaryRow.rows(Self.recording(occlusions: 3))
        #expect(ReportColumns.names(of: PORHSummaryRow.self) == [
            "source", "channel", "flux_unit", "site", "map_mmhg", "occlusions", "parameter", "unit", "n", "mean", "sd", "cv_percent", "reason",
        ])
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.summary.parameter, $0) })
        let peak = try #require(byName["peak_flux"])
        #expect(peak.summary.unit == "PU" && peak.summary.n == 3 && peak.summary.mean == 4.5 && peak.summary.sd == 0 && peak.occlusions == 3)
        let cvc = try #require(byName["cvc_rest"])
        #expect(cvc.summary.mean == nil && cvc.summary.reason == "no occlusion has a value")
        #expect(byName["fit_c"]?.summary.unit == "1" && byName["peak_time_s"] == nil)
        let cells = ReportColumns.cells(of: cvc).map(\.text)
        #expect(cells == ["a.csv", "Flux 1", "PU", "forearm", "93.0", "3", "cvc_rest", "PU/mmHg", "0", "", "", "", "no occlusion has a value"])
    }

    @Test func recordingJSONNamesChannelAndUnit() throws {
        let o = try Self.object(PORHRecordingRecord(Self.recording(occlusions: 2)))
        #expect(o["channel"] as? String == "Flux 1" && o["flux_unit"] as? String == "PU" && o["error"] is NSNull)
        #expect((o["occlusions"] as? [Any])?.count == 2 && (o["summary"] as? [Any])?.count == PORHParameterKey.allCases.count - 1)
        let failed = try Self.object(PORHRecordingRecord(source: "b.csv", error: "no flux"))
        #expect(failed["channel"] is NSNull && failed["error"] as? String == "no flux")
    }
}
