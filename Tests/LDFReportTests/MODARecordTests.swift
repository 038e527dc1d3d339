import Foundation
import Testing
@testable import LDFReport

/// The MODA analyses' records (coupling, bispectrum, ridges, complexity): CSV columns with units
/// in their names or unit columns, units maps, null for missing values, hand-checked summaries.
@Suite struct MODARecordTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    static func window(time: Double, s21: Double, s12: Double, threshold: String = "null") throws -> CouplingWindowRecord {
        try decode(CouplingWindowRecord.self, """
            {"time_s": \(time), "strength_2_to_1": \(s21), "strength_1_to_2": \(s12), "directionality": \((s12 - s21) / (s12 + s21)),
             "frequency_1_hz": 0.25, "frequency_2_hz": 1.1, "threshold_2_to_1": \(threshold), "threshold_1_to_2": \(threshold),
             "significant_2_to_1": null, "significant_1_to_2": null, "loops": 3}
            """)
    }

    @Test func couplingSummaryIsTheMeanOfTheWindows() throws {
        // Strengths 2->1 of 0.1 and 0.3 (mean 0.2), 1->2 of 0.3 and 0.3 (mean 0.3); directionality
        // (0.3 - 0.1) / 0.4 = 0.5 and 0 (mean 0.25).
        let windows = [try Self.window(time: 10, s21: 0.1, s12: 0.3), try Self.window(time: 30, s21: 0.3, s12: 0.3)]
        let summary = CouplingSummaryRecord(windows, tested: false)
        #expect(summary.windows == 2 && abs((summary.meanStrength2To1 ?? 0) - 0.2) < 1e-12 && abs((summary.meanStrength1To2 ?? 0) - 0.3) < 1e-12)
        #expect(abs((summary.meanDirectionality ?? 0) - 0.25) < 1e-12 && summary.significantWindows2To1 == nil)
        #expect(CouplingSummaryRecord([], tested: true).meanStrength2To1 == nil && CouplingSummaryRecord([], tested: true).significantWindows1To2 == 0)
    }

    @Test func couplingRowNamesAndUnits() throws {
        let names = ReportColumns.names(of: CouplingRow.self)
        #expect(Array(names.prefix(10)) == ["first", "second", "flux_unit", "second_flux_unit", "band_1", "band_2", "time_s", "strength_2_to_1", "strength_1_to_2", "directionality"])
        #expect(names.suffix(6) == ["window_s", "step_s", "propagation_constant", "fourier_order", "surrogates", "seed"])
        let cells = Dictionary(uniqueKeysWithValues: ReportColumns.cells(of: try Self.window(time: 10, s21: 0.1, s12: 0.3)).map { ($0.name, $0.text) })
        #expect(cells["threshold_2_to_1"] == "" && cells["significant_1_to_2"] == "" && cells["strength_2_to_1"] == "0.1")
        let units = CouplingWindowRecord.units(fluxUnit: "PU")
        #expect(units["strength_2_to_1"] == "rad/s" && units["directionality"] == "1" && units["frequency_1_hz"] == "Hz")
    }

    @Test func bispectrumRowsNameUnitsAndTheirScopes() {
        let names = ReportColumns.names(of: BispectrumRow.self)
        #expect(Array(names.prefix(15)) == ["first", "second", "flux_unit", "second_flux_unit", "scope", "kind", "f1_hz", "f2_hz", "sum_hz", "time_s", "amplitude", "biphase_rad",
                                             "threshold", "excess", "significant"])
        #expect(names.suffix(2) == ["analysed_s", "sample_rate_hz"])
        let units = BispectrumOutputRecord.units(fluxUnit: "PU")
        #expect(units["amplitude"] == "PU^3" && units["biphase_rad"] == "rad" && units["sum_hz"] == "Hz")
    }

    @Test func ridgesRowsNameChannelAndFluxUnit() {
        #expect(ReportColumns.names(of: RidgesSeriesRow.self) == ["source", "channel", "flux_unit", "band", "time_s", "frequency_hz", "amplitude",
                                                                  "phase_rad", "component"])
        let summary = ReportColumns.names(of: RidgesSummaryRow.self)
        #expect(Array(summary.prefix(10)) == ["source", "channel", "flux_unit", "band", "low_hz", "high_hz", "frequency_mean_hz", "frequency_sd_hz",
                                               "amplitude_mean", "amplitude_sd"])
        let row = RidgesSeriesRow(source: "a.csv", channel: "flux", fluxUnit: "PU", band: "cardiac", timeS: 1.5, frequencyHz: .nan,
                                  amplitude: 2, phaseRad: nil, component: -1)
        #expect(ReportColumns.cells(of: row).map(\.text) == ["a.csv", "flux", "PU", "cardiac", "1.5", "", "2.0", "", "-1.0"])
        let units = RidgesOutputRecord.units(fluxUnit: "PU")
        #expect(units["amplitude"] == "PU" && units["component"] == "PU" && units["phase_rad"] == "rad" && units["window_f0_s"] == "s")
    }

    @Test func complexityRowsCarryValueUnitsAndNullNaN() {
        let names = ReportColumns.names(of: ComplexityRow.self)
        #expect(Array(names.prefix(3)) == ["source", "channel", "flux_unit"])
        #expect(names.contains("value_unit") && names.contains("segment_start_s") && names.contains("range_low_s"))
        let row = ComplexityRow(source: "a.csv", channel: "flux", fluxUnit: "PU", segment: 1, segmentStartS: 0, segmentEndS: 600,
                                measure: "sample_entropy", value: .nan, valueUnit: "nats", samples: 6000, dimension: 2, toleranceSd: 0.2)
        let cells = Dictionary(uniqueKeysWithValues: ReportColumns.cells(of: row).map { ($0.name, $0.text) })
        #expect(cells["value"] == "" && cells["value_unit"] == "nats" && cells["flux_unit"] == "PU" && cells["segment_end_s"] == "600.0")
    }
}
