import Foundation
import Testing
import LDFCore
@testable import LDFReport
import LDFSpectral

/// The output layer itself: null for missing and NaN values, RFC 4180 quoting, and one layout
/// per record (CSV columns are the JSON keys, in declaration order).
@Suite struct ReportLayerTests {
    static let band = Band("myogenic", 0.052, 0.145)

    static func row(amplitude: Double = 2.5, reason: String? = nil) -> BandSummaryRow {
        var summary = BandSummary(band: band, presetName: "stefanovska", amplitude: amplitude, power: 6.25, amplitudeRatioToMean: 1.25,
                                  powerRatioToMean: .nan, powerRatioToMedian: 0.75, validFraction: 0.5, peakHz: 0.1,
                                  peakAmplitude: 3, frequencyCount: 7)
        summary.reason = reason
        return BandSummaryRow(summary, channel: "flux, left", fluxUnit: "PU")
    }

    @Test func missingAndNaNNumbersAreNullInJSONAndEmptyInCSV() throws {
        let json = try ReportJSON.line(Self.row())
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["power_ratio_to_mean"] is NSNull)
        #expect(object["pixel_amplitude"] is NSNull)
        #expect(object["reason"] is NSNull)
        #expect(object["amplitude"] as? Double == 2.5)
        let cells = Dictionary(uniqueKeysWithValues: ReportColumns.cells(of: Self.row()).map { ($0.name, $0.text) })
        #expect(cells["power_ratio_to_mean"] == "" && cells["pixel_power"] == "" && cells["reason"] == "")
        #expect(cells["amplitude"] == "2.5" && cells["peak_hz"] == "0.1" && cells["peak_amplitude"] == "3.0")
    }

    @Test func csvColumnsAreTheJSONKeysInDeclarationOrder() throws {
        let names = ReportColumns.names(of: BandSummaryRow.self)
        #expect(names == ReportColumns.cells(of: Self.row()).map(\.name))
        #expect(Array(names.prefix(6)) == ["channel", "flux_unit", "band", "low_hz", "high_hz", "amplitude"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(try ReportJSON.line(Self.row()).utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(names))
    }

    @Test func decodingReadsBackWhatWasWritten() throws {
        let row = Self.row(reason: "too short")
        let back = try JSONDecoder().decode(BandSummaryRow.self, from: try JSONEncoder().encode(row))
        #expect(back == row)
        #expect(back.powerRatioToMean == nil && back.reason == "too short")
    }

    @Test func csvFieldsAreQuotedPerRFC4180() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.field("cr\r") == "\"cr\r\"")
        #expect(CSVWriter.record(["x", "1,5", ""]) == "x,\"1,5\",")
        let table = CSVTable(rows: [Self.row()])
        #expect(table.text.split(separator: "\n")[1].hasPrefix("\"flux, left\",PU,myogenic,0.052,0.145,2.5,6.25,1.25,,0.75,,,0.5,0.1,3.0,,,7,"))
    }

    @Test func numbersHaveOneFormatPerMedium() {
        #expect(ReportNumber.exact(0.1) == "0.1")
        #expect(ReportNumber.exact(Double.nan) == "" && ReportNumber.exact(nil as Double?) == "")
        #expect(ReportNumber.short(1234.5678) == "1235")
        #expect(ReportNumber.short(.infinity) == "–")
    }

    @Test func snakeCaseMatchesJSONEncoder() throws {
        struct Keys: Codable { var lowHz = 1; var tStartS = 2; var f0 = 3; var powerRatioToMedian = 4; var mapMmhg = 5 }
        let object = try #require(JSONSerialization.jsonObject(with: Data(try ReportJSON.line(Keys()).utf8)) as? [String: Any])
        #expect(Set(object.keys) == Set(ReportColumns.names(of: Keys.self)))
        #expect(ReportColumns.names(of: Keys.self) == ["low_hz", "t_start_s", "f0", "power_ratio_to_median", "map_mmhg"])
    }

    @Test func asciiSnakeCaseEqualsTheCharacterRule() {
        let keys = ["lowHz", "tStartS", "f0", "f0Hz", "HTTPServer", "peakHRValue", "a1B", "ABC", "URLs", "x", "X", "",
                    "already_snake", "mapMmhg", "q2Q", "aB1cD", "Z9z", "with space", "dash-Case", "\r\nA"]
        for key in keys { #expect(ReportColumns.asciiSnakeCase(key) == ReportColumns.characterSnakeCase(key), "\(key)") }
        #expect(ReportColumns.asciiSnakeCase("caf\u{E9}Hz") == nil && ReportColumns.snakeCase("caf\u{E9}Hz") == "caf\u{E9}_hz")
    }

    @Test func textsAreTheCellsTexts() {
        let rows = [RidgesSeriesRow(source: "a,b.csv", channel: "flux", fluxUnit: "PU", band: "cardiac", timeS: 0.025,
                                    frequencyHz: 1.1, amplitude: nil, phaseRad: 6.25, component: -0.5),
                    RidgesSeriesRow(source: "x", channel: "c", fluxUnit: "", band: "b", timeS: .nan)]
        for row in rows { #expect(ReportColumns.texts(of: row) == ReportColumns.cells(of: row).map(\.text)) }
        #expect(ReportColumns.texts(of: rows[0]).count == ReportColumns.names(of: RidgesSeriesRow.self).count)
    }

    @Test func textTablesAlignAndCarryUnits() {
        let lines = BandSummaryRow.textTable([Self.row(), Self.row(amplitude: 12.25, reason: "too short")], method: .wavelet)
        #expect(lines[0].hasPrefix("band ") && lines[0].contains("  amplitude PU  power PU^2  "))
        #expect(lines[0].contains("amp/mean") && lines[0].contains("power/mean") && !lines[0].contains("share"))
        let welch = BandSummaryRow.textTable([Self.row()], method: .welch)
        #expect(welch[0].contains("rms/total") && welch[0].contains("power share") && !welch[0].contains("/mean"))
        #expect(lines.count == 4 && lines[3] == "  myogenic: too short")
        #expect(Set(lines.prefix(3).map(\.count)).count == 1)
    }
}
