import LDFCore
import LDFIO
import LDFReport
import LDFSpectral

/// Output of `ldf bands --surrogates N`: the usual band output with each band's surrogate
/// thresholds added (JSON: `parameters.surrogates` and a `surrogates` object per recording; CSV:
/// extra columns; table: a second table per recording).
enum BandsSurrogateOutput {
    /// Writes the results of every recording in `format` to standard output.
    static func write(_ format: OutputFormat, settings: BandAnalysisSettings, options: SurrogateOptions, entries: [BandsEntry]) throws {
        switch format {
        case .json:
            let recordings = entries.map { RecordingBandsSurrogateJSON(base: $0.record, test: $0.test) }
            try StandardOutput.writeLine(ReportJSON.string(BandsSurrogateOutputJSON(settings: settings, options: options, recordings: recordings)))
        case .csv:
            var table = CSVTable(columns: ReportColumns.names(of: BandTableRow.self) + columns)
            for entry in entries {
                guard let analysis = entry.analysis, let test = entry.test else { continue }
                for (row, band) in zip(BandTableRow.rows(analysis, settings: settings), test.bands) {
                    table.append(ReportColumns.cells(of: row).map(\.text) + csvFields(band, options: options))
                }
            }
            try StandardOutput.write(table.text)
        case .table:
            let blocks = entries.compactMap { entry -> String? in
                guard let analysis = entry.analysis, let test = entry.test else { return nil }
                return BandsEntry.bandTable(analysis).joined(separator: "\n") + "\n" + table(test)
            }
            try StandardOutput.writeLine(blocks.joined(separator: "\n\n"))
        }
    }

    /// Extra CSV columns, after those of `BandTableRow`.
    static let columns = [
        "amplitude_threshold", "amplitude_excess", "amplitude_significant", "power_threshold", "power_excess",
        "surrogate_type", "surrogates", "seed", "significance", "significance_test",
    ]

    static func csvFields(_ band: BandSurrogateThreshold, options: SurrogateOptions) -> [String] {
        let n: (Double?) -> String = ReportNumber.exact
        return [n(band.amplitudeThreshold), n(band.amplitudeExcess), band.amplitudeExcess.map { String($0 > 0) } ?? "",
                n(band.powerThreshold), n(band.powerExcess), options.kind.rawValue, String(options.count), String(options.seed),
                n(options.level), options.test.rawValue]
    }

    /// The thresholds of one recording as a readable table.
    static func table(_ test: BandSurrogateTest) -> String {
        let short = ReportNumber.short, o = test.options
        var rows = [["band", "amp threshold", "amp excess", "significant", "power threshold", "power excess"]]
        for b in test.bands {
            rows.append([b.band.name, short(b.amplitudeThreshold), short(b.amplitudeExcess),
                         b.amplitudeExcess.map { $0 > 0 ? "yes" : "no" } ?? "–", short(b.powerThreshold), short(b.powerExcess)])
        }
        let title = "against \(o.count) \(o.kind.rawValue) surrogates (seed \(o.seed)), \(o.test.rawValue) test at \(short(o.level)):"
        return ([title] + TextTable.align(rows)).joined(separator: "\n")
    }
}

/// `ldf bands --format json` with `parameters.surrogates`.
struct BandsSurrogateOutputJSON: Encodable {
    var settings: BandAnalysisSettings
    var options: SurrogateOptions
    var recordings: [RecordingBandsSurrogateJSON]
    enum Keys: String, CodingKey { case toolkit, parameters, recordings }
    enum ParameterKeys: String, CodingKey { case surrogates }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ToolkitStamp(), forKey: .toolkit)
        try c.encode(ParametersJSON(settings: settings, options: options), forKey: .parameters)
        try c.encode(recordings, forKey: .recordings)
    }

    struct ParametersJSON: Encodable {
        var settings: BandAnalysisSettings
        var options: SurrogateOptions
        func encode(to encoder: Encoder) throws {
            try SpectralParametersRecord(settings).encode(to: encoder)
            var c = encoder.container(keyedBy: ParameterKeys.self)
            try c.encode(SurrogateParametersRecord(options), forKey: .surrogates)
        }
    }
}

/// One recording of `ldf bands` plus `surrogates`: per band thresholds and excesses (null when
/// the recording failed).
struct RecordingBandsSurrogateJSON: Encodable {
    var base: RecordingBandsRecord
    var test: BandSurrogateTest?
    enum Keys: String, CodingKey { case surrogates }
    enum TestKeys: String, CodingKey { case bands, meanIterations = "iaaft_mean_iterations", unconverged = "iaaft_unconverged" }
    enum BandKeys: String, CodingKey {
        case band, amplitudeThreshold = "amplitude_threshold", amplitudeExcess = "amplitude_excess"
        case amplitudeSignificant = "amplitude_significant", powerThreshold = "power_threshold", powerExcess = "power_excess"
    }

    func encode(to encoder: Encoder) throws {
        try base.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        guard let test else {
            try c.encodeNil(forKey: .surrogates)
            return
        }
        var t = c.nestedContainer(keyedBy: TestKeys.self, forKey: .surrogates)
        var list = t.nestedUnkeyedContainer(forKey: .bands)
        for b in test.bands {
            var e = list.nestedContainer(keyedBy: BandKeys.self)
            try e.encode(b.band.name, forKey: .band)
            try e.encode(jsonNumber(b.amplitudeThreshold), forKey: .amplitudeThreshold)
            try e.encode(jsonNumber(b.amplitudeExcess), forKey: .amplitudeExcess)
            try e.encode(b.amplitudeExcess.map { $0 > 0 }, forKey: .amplitudeSignificant)
            try e.encode(jsonNumber(b.powerThreshold), forKey: .powerThreshold)
            try e.encode(jsonNumber(b.powerExcess), forKey: .powerExcess)
        }
        let mean = test.iterations.isEmpty ? nil : Double(test.iterations.reduce(0, +)) / Double(test.iterations.count)
        try t.encode(mean, forKey: .meanIterations)
        try t.encode(test.iterations.isEmpty ? nil : test.unconvergedCount, forKey: .unconverged)
    }
}
