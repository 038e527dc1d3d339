import LDFCore
import LDFSpectral

/// One recording's spectrum as columns: the wavelet's time-averaged amplitude, power and valid
/// fraction per frequency, or Welch's power spectral density restricted to fmin <= f <= fmax.
/// The other method's columns are null. Frequencies in Hz, amplitude in the flux unit, power in
/// its square, density in its square per Hz, valid fraction 0-1; NaN (no valid coefficient) is null.
public struct SpectrumColumnsRecord: Codable, Sendable, Equatable, ReportUnits {
    public var frequencyHz: [Double]
    @Nullable public var amplitude: [Double?]? = nil
    @Nullable public var power: [Double?]? = nil
    @Nullable public var validFraction: [Double?]? = nil
    @Nullable public var density: [Double?]? = nil

    public init(_ analysis: BandAnalysis) {
        switch analysis.spectrum {
        case .wavelet(let s):
            frequencyHz = s.frequenciesHz
            amplitude = s.amplitude.map(Self.finite)
            power = s.power.map(Self.finite)
            validFraction = s.validFraction.map(Self.finite)
        case .welch(let s):
            let bins = s.frequenciesHz.indices.filter {
                s.frequenciesHz[$0] >= analysis.report.fminHz && s.frequenciesHz[$0] <= analysis.report.fmaxHz
            }
            frequencyHz = bins.map { s.frequenciesHz[$0] }
            density = bins.map { Self.finite(s.density[$0]) }
        }
    }

    static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        return ["frequency_hz": "Hz", "amplitude": flux, "power": "\(flux)^2", "valid_fraction": ReportUnit.dimensionless,
                "density": "\(flux)^2/Hz"]
    }

    /// The rows of `ldf spectrum --format csv` for `channel` (unit `fluxUnit`).
    public func rows(channel: String, fluxUnit: String) -> [SpectrumRow] {
        frequencyHz.indices.map { k in
            SpectrumRow(channel: channel, fluxUnit: fluxUnit, frequencyHz: frequencyHz[k], amplitude: amplitude?[k], power: power?[k],
                        validFraction: validFraction?[k], density: density?[k])
        }
    }

    /// The columns a method fills, in row order (for the text table).
    var filled: [(name: String, values: [Double?])] {
        [("amplitude", amplitude), ("power", power), ("valid_fraction", validFraction), ("density", density)]
            .compactMap { name, column in column.map { (name, $0) } }
    }

    /// The aligned text table: frequency and the method's columns, units in the header.
    public func textTable(fluxUnit: String) -> [String] {
        let units = Self.units(fluxUnit: fluxUnit)
        let columns = filled
        let header = columns.map { c in units[c.name].map { $0 == ReportUnit.dimensionless ? c.name : "\(c.name) \($0)" } ?? c.name }
        var table = TextTable(header: ["frequency Hz"] + header)
        for k in frequencyHz.indices {
            table.append([ReportNumber.short(frequencyHz[k])] + columns.map { ReportNumber.short($0.values[k]) })
        }
        return table.lines
    }
}

/// One row of `ldf spectrum --format csv`: a channel's frequency and its values (the columns of
/// the other method empty). Units as in `SpectrumColumnsRecord`; `flux_unit` names the flux unit.
public struct SpectrumRow: Codable, Sendable, Equatable {
    public var channel: String
    public var fluxUnit: String
    public var frequencyHz: Double
    @Nullable public var amplitude: Double? = nil
    @Nullable public var power: Double? = nil
    @Nullable public var validFraction: Double? = nil
    @Nullable public var density: Double? = nil

    public init(channel: String, fluxUnit: String, frequencyHz: Double, amplitude: Double?, power: Double?, validFraction: Double?,
                density: Double?) {
        self.channel = channel
        self.fluxUnit = fluxUnit
        self.frequencyHz = frequencyHz
        self.amplitude = amplitude
        self.power = power
        self.validFraction = validFraction
        self.density = density
    }
}

/// One recording of `ldf spectrum --format json`: parameters, the analysed stretch (times in s
/// on the file's axis) and the spectrum's columns with their `units`.
public struct SpectrumRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: SpectralParametersRecord
    public var source: String
    public var channel: String
    public var unit: String
    public var sampleRateHz: Double
    public var startS: Double
    public var timeOriginS: Double
    /// The first sample's clock time as the file gives it.
    @Nullable public var startTime: String? = nil
    public var analysedS: Double
    public var fminHz: Double
    public var fmaxHz: Double
    @Nullable public var voices: Int? = nil
    public var diagnostics: [Diagnostic]
    public var spectrum: SpectrumColumnsRecord
    public var units: [String: String]

    public init(settings: BandAnalysisSettings, analysis: BandAnalysis, startTime: String?) {
        parameters = SpectralParametersRecord(settings)
        source = analysis.source
        channel = analysis.channel
        unit = analysis.unit
        sampleRateHz = analysis.sampleRateHz
        startS = analysis.fileStartSeconds
        timeOriginS = analysis.timeOriginSeconds
        self.startTime = startTime
        analysedS = analysis.analysedSeconds
        fminHz = analysis.report.fminHz
        fmaxHz = analysis.report.fmaxHz
        if case .wavelet(let s) = analysis.spectrum { voices = s.options.voices }
        diagnostics = analysis.signalDiagnostics
        spectrum = SpectrumColumnsRecord(analysis)
        units = SpectrumColumnsRecord.units(fluxUnit: analysis.unit)
            .merging(["sample_rate_hz": "Hz", "start_s": "s", "time_origin_s": "s", "analysed_s": "s", "fmin_hz": "Hz", "fmax_hz": "Hz"]) { a, _ in a }
    }
}

extension SpectrumRecord {
    /// `ldf spectrum --format table`: a title line (source, channel, method, seconds analysed,
    /// rate, start on the file's axis) and the spectrum's table.
    public var textLines: [String] {
        let short = ReportNumber.short
        return ["\(source) [\(channel)]: \(parameters.method), \(short(analysedS)) s analysed at \(short(sampleRateHz)) Hz from t = \(short(startS)) s"]
            + spectrum.textTable(fluxUnit: unit)
    }
}
