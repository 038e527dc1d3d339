import LDFCore
import LDFSpectral

/// A band's amplitude and power against the surrogate thresholds of `ldf bands --surrogates N`
/// (docs/METHODS.md, "Surrogate tests"): thresholds and excesses (value − threshold) in the
/// channel's flux unit (amplitude) and its square (power); null when the band has no value.
public struct BandSurrogateColumns: Codable, Sendable, Equatable {
    @Nullable public var amplitudeThreshold: Double?
    @Nullable public var amplitudeExcess: Double?
    /// Whether the amplitude exceeds its threshold.
    @Nullable public var amplitudeSignificant: Bool?
    @Nullable public var powerThreshold: Double?
    @Nullable public var powerExcess: Double?

    public init(_ band: BandSurrogateThreshold) {
        amplitudeThreshold = band.amplitudeThreshold
        amplitudeExcess = band.amplitudeExcess
        amplitudeSignificant = band.amplitudeExcess.map { $0 > 0 }
        powerThreshold = band.powerThreshold
        powerExcess = band.powerExcess
    }

    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        return ["amplitude_threshold": flux, "amplitude_excess": flux, "power_threshold": "\(flux)^2", "power_excess": "\(flux)^2"]
    }
}

/// The surrogate test repeated on every row of a tidy CSV: the options, then the kind of test.
public struct SurrogateTestColumns: Codable, Sendable, Equatable {
    public var surrogates: SurrogateColumns
    @Nullable public var significanceTest: String? = nil

    public init(_ options: SurrogateOptions?) {
        surrogates = SurrogateColumns(options)
        significanceTest = options?.test.rawValue
    }
}

/// A row of `ldf bands --surrogates N --format csv`: the band row of `ldf bands`, its surrogate
/// columns and the test's options.
public typealias BandSurrogateTableRow = Merged<BandTableRow, Merged<BandSurrogateColumns, SurrogateTestColumns>>

/// The band's name, for records that add it to a shared model with `Merged`.
public struct BandNameColumn: Codable, Sendable, Equatable {
    public var band: String
    public init(_ band: String) { self.band = band }
}

/// The `surrogates` object of a recording of `ldf bands --surrogates N --format json`: per band
/// thresholds and excesses, and the IAAFT iterations (null for other surrogate kinds).
public struct BandSurrogateTestRecord: Codable, Sendable, Equatable {
    public var bands: [Merged<BandNameColumn, BandSurrogateColumns>]
    @Nullable public var iaaftMeanIterations: Double?
    @Nullable public var iaaftUnconverged: Int?

    public init(_ test: BandSurrogateTest) {
        bands = test.bands.map { Merged(BandNameColumn($0.band.name), BandSurrogateColumns($0)) }
        iaaftMeanIterations = test.iterations.isEmpty ? nil : Double(test.iterations.reduce(0, +)) / Double(test.iterations.count)
        iaaftUnconverged = test.iterations.isEmpty ? nil : test.unconvergedCount
    }
}

/// The `surrogates` field added to a record (null when its recording failed).
public struct SurrogatesField<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    @Nullable public var surrogates: Value?
    public init(_ surrogates: Value?) { self.surrogates = surrogates }
}

/// The whole output of `ldf bands --surrogates N --format json`: the `ldf bands` output with
/// `parameters.surrogates` and a `surrogates` object per recording.
public struct BandsSurrogateOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Merged<SpectralParametersRecord, SurrogatesField<SurrogateParametersRecord>>
    public var recordings: [Merged<RecordingBandsRecord, SurrogatesField<BandSurrogateTestRecord>>]

    public init(settings: BandAnalysisSettings, options: SurrogateOptions, recordings: [(RecordingBandsRecord, BandSurrogateTest?)]) {
        parameters = Merged(SpectralParametersRecord(settings), SurrogatesField(SurrogateParametersRecord(options)))
        self.recordings = recordings.map { Merged($0.0, SurrogatesField($0.1.map(BandSurrogateTestRecord.init))) }
    }
}

extension BandSurrogateTest {
    /// The thresholds as a readable table under a title naming the test; amplitudes in
    /// `fluxUnit`, powers in its square.
    public func textTable(fluxUnit: String) -> [String] {
        let short = ReportNumber.short, o = options
        let flux = fluxUnit.isEmpty ? "" : " " + fluxUnit, squared = flux.isEmpty ? "" : flux + "^2"
        var table = TextTable(header: ["band", "amp threshold" + flux, "amp excess" + flux, "significant",
                                       "power threshold" + squared, "power excess" + squared])
        for b in bands {
            table.append([b.band.name, short(b.amplitudeThreshold), short(b.amplitudeExcess),
                          b.amplitudeExcess.map { $0 > 0 ? "yes" : "no" } ?? "–", short(b.powerThreshold), short(b.powerExcess)])
        }
        let title = "against \(o.count) \(o.kind.rawValue) surrogates (seed \(o.seed)), \(o.test.rawValue) test at \(short(o.level)):"
        return [title] + table.lines
    }
}
