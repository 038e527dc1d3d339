import LDFCore
import LDFSpectral

/// One input of `ldf bands --format json`: its band summaries, or the error that stopped it.
/// Times are on the file's own axis (`time_origin_s` is its first sample).
public struct RecordingBandsRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var channel: String? = nil
    @Nullable public var unit: String? = nil
    public var diagnostics: [Diagnostic]
    public var bands: [BandSummaryRow]
    /// Unit of every band field that has one.
    public var units: [String: String]
    @Nullable public var sampleRateHz: Double? = nil
    /// Start of the analysed stretch on the file's axis, seconds.
    @Nullable public var startS: Double? = nil
    @Nullable public var timeOriginS: Double? = nil
    /// The first sample's clock time as the file gives it.
    @Nullable public var startTime: String? = nil
    @Nullable public var analysedS: Double? = nil
    @Nullable public var fminHz: Double? = nil
    @Nullable public var fmaxHz: Double? = nil
    @Nullable public var voices: Int? = nil
    @Nullable public var hampel: HampelWorkRecord? = nil

    /// A recording's record. `analysis` keeps its rows (CSV and text are made from it).
    public init(source: String, analysis: BandAnalysis, startTime: String?) {
        self.source = source
        channel = analysis.channel
        unit = analysis.unit
        diagnostics = analysis.diagnostics
        bands = analysis.report.bands.map { BandSummaryRow($0, channel: analysis.channel, fluxUnit: analysis.unit) }
        units = BandSummaryRow.units(fluxUnit: analysis.unit)
        sampleRateHz = analysis.sampleRateHz
        startS = analysis.fileStartSeconds
        timeOriginS = analysis.timeOriginSeconds
        self.startTime = startTime
        analysedS = analysis.analysedSeconds
        fminHz = analysis.report.fminHz
        fmaxHz = analysis.report.fmaxHz
        if case .wavelet(let spectrum) = analysis.spectrum { voices = spectrum.options.voices }
        hampel = analysis.hampel.map(HampelWorkRecord.init)
    }

    /// An input that could not be analysed.
    public init(source: String, error: String) {
        self.source = source
        self.error = error
        diagnostics = []
        bands = []
        units = [:]
    }
}

/// The whole output of `ldf bands --format json`.
public struct BandsOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: SpectralParametersRecord
    public var recordings: [RecordingBandsRecord]

    public init(settings: BandAnalysisSettings, recordings: [RecordingBandsRecord]) {
        parameters = SpectralParametersRecord(settings)
        self.recordings = recordings
    }
}
