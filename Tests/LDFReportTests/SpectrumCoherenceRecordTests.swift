import Foundation
import Testing
import LDFCore
import LDFReport
import LDFSpectral

/// Spectrum and coherence records: the method's columns filled and the other's null, units for
/// every number, one layout in CSV and JSON, NaN as null.
@Suite struct SpectrumCoherenceRecordTests {
    static let bands = BandSet(name: "t", bands: [Band("respiratory", 0.145, 0.6), Band("cardiac", 0.6, 2)])

    /// 300 s at 10 Hz: a 0.3 Hz sine of amplitude 2 on 50 PU.
    static func recording() -> Recording {
        let x = (0..<3000).map { 50 + 2 * sin(2 * Double.pi * 0.3 * Double($0) / 10) }
        return Recording(channels: [Channel(name: "flux", unit: "PU", values: x)], sampleRateHz: 10,
                         provenance: Provenance(source: "a.csv", reader: "test"))
    }

    static func object<T: Encodable>(_ value: T) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(try ReportJSON.line(value).utf8)) as? [String: Any])
    }

    @Test func waveletSpectrumRowsAndJSONCarryUnits() throws {
        let settings = BandAnalysisSettings(bandSet: Self.bands)
        let analysis = try BandAnalysis(recording: Self.recording(), settings: settings)
        let record = SpectrumRecord(settings: settings, analysis: analysis, startTime: nil)
        let rows = record.spectrum.rows(channel: record.channel, fluxUnit: record.unit)
        #expect(ReportColumns.names(of: SpectrumRow.self) == ["channel", "flux_unit", "frequency_hz", "amplitude", "power", "valid_fraction", "density"])
        #expect(rows.count == record.spectrum.frequencyHz.count && rows.allSatisfy { $0.density == nil && $0.fluxUnit == "PU" })
        // The ridge of a sine of amplitude 2 reads about 1 (MODA's normalisation, a / 2) near 0.3 Hz.
        let peak = try #require(rows.max { ($0.amplitude ?? 0) < ($1.amplitude ?? 0) })
        #expect(abs(peak.frequencyHz - 0.3) < 0.01 && abs((peak.amplitude ?? 0) - 1) < 0.05)
        let o = try Self.object(record)
        let units = try #require(o["units"] as? [String: String])
        #expect(units["amplitude"] == "PU" && units["power"] == "PU^2" && units["density"] == "PU^2/Hz" && units["frequency_hz"] == "Hz")
        let spectrum = try #require(o["spectrum"] as? [String: Any])
        #expect(spectrum["density"] is NSNull && (spectrum["amplitude"] as? [Any])?.count == rows.count)
        #expect(record.spectrum.textTable(fluxUnit: "PU")[0].hasPrefix("frequency Hz  amplitude PU  power PU^2  valid_fraction"))
    }

    @Test func welchSpectrumFillsOnlyDensity() throws {
        var settings = BandAnalysisSettings(bandSet: Self.bands)
        settings.method = .welch
        let analysis = try BandAnalysis(recording: Self.recording(), settings: settings)
        let columns = SpectrumColumnsRecord(analysis)
        #expect(columns.amplitude == nil && columns.power == nil && columns.validFraction == nil)
        #expect(columns.density?.count == columns.frequencyHz.count)
        #expect(columns.frequencyHz.allSatisfy { $0 >= 0.145 && $0 <= 2 })
        let header = columns.textTable(fluxUnit: "PU")[0]
        #expect(header.hasPrefix("frequency Hz") && header.hasSuffix("density PU^2/Hz") && !header.contains("amplitude"))
    }

    @Test func coherenceRowsKeepTheirScopesAndNullNaN() throws {
        let x = (0..<3000).map { sin(2 * Double.pi * 0.3 * Double($0) / 10) }
        let y = x.enumerated().map { $0.element + 0.3 * cos(Double($0.offset)) }
        let wavelet = WaveletOptions(fminHz: 0.145, fmaxHz: 2, padding: .symmetric)
        let settings = CoherenceSettings(spectral: BandAnalysisSettings(bandSet: Self.bands, wavelet: wavelet))
        let analysis = try CoherenceAnalysis(CoherenceSignal(source: "a.csv", channelName: "flux", values: x, sampleRateHz: 10),
                                             CoherenceSignal(source: "b.csv", channelName: "flux", values: y, sampleRateHz: 10), settings: settings)
        let rows = CoherenceRow.rows(analysis, settings: settings)
        let names = ReportColumns.names(of: CoherenceRow.self)
        #expect(Array(names.prefix(17)) == ["first", "second", "flux_unit", "second_flux_unit", "scope", "band", "low_hz", "high_hz", "frequency_hz", "time_s", "coherence",
                                             "phase_difference_rad", "threshold", "excess", "significant", "valid_fraction", "reason"])
        #expect(names.last == "sample_rate_hz" && names.contains("window_cycles"))
        #expect(rows.filter { $0.scope == "band" }.map(\.band) == ["respiratory", "cardiac"])
        #expect(rows.filter { $0.scope == "frequency" }.count == analysis.spectrum.frequenciesHz.count)
        let respiratory = try #require(rows.first)
        #expect(respiratory.pair.first == "a.csv:flux" && respiratory.lowHz == 0.145 && respiratory.values.threshold == nil && respiratory.values.significant == nil)
        #expect((respiratory.values.coherence ?? 0) > 0.9)
        let pair = try Self.object(CoherencePairRecord(analysis))
        #expect((pair["units"] as? [String: String])?["phase_difference_rad"] == "rad" && pair["iaaft"] is NSNull)
        let band = try #require((pair["bands"] as? [[String: Any]])?.first)
        #expect(band["threshold"] is NSNull && band["significant"] is NSNull && band["name"] as? String == "respiratory")
    }
}
