import LDFCore
import LDFSpectral

/// How one recording's bands were computed: the parameters and the analysed stretch, repeated on
/// every band row of `ldf bands --format csv` and of a study's `bands.csv` so each row stands
/// alone. Method-specific columns are null for the other method (wavelet ones for Welch).
public struct BandAnalysisColumns: Codable, Sendable, Equatable {
    public var preset: String
    public var method: String
    @Nullable public var wavelet: String? = nil
    @Nullable public var f0: Double? = nil
    /// Voices per octave the transform used (resolved when the user left it to the default).
    @Nullable public var voices: Int? = nil
    /// The analysed range in Hz (the reference of the relative values).
    public var fminHz: Double
    public var fmaxHz: Double
    @Nullable public var padding: String? = nil
    @Nullable public var cone: String? = nil
    @Nullable public var preprocessing: Bool? = nil
    @Nullable public var includeEdges: Bool? = nil
    @Nullable public var welchSegmentS: Double? = nil
    @Nullable public var hampelWindowS: Double? = nil
    @Nullable public var hampelThresholdMads: Double? = nil
    /// Percent of samples the Hampel filter replaced.
    @Nullable public var hampelReplacedPercent: Double? = nil
    /// The band validity rule (`BandValidityRule`): least in-cone share, and whether bands that
    /// fall short were computed anyway.
    public var minValidFraction = BandValidityRule.defaultMinimumValidFraction
    public var allowShortBands = false
    /// Length of the analysed (longest gap-free) stretch, seconds.
    public var analysedS: Double
    public var sampleRateHz: Double

    public init(_ analysis: BandAnalysis, settings: BandAnalysisSettings) {
        let isWavelet = settings.method == .wavelet
        let w = settings.wavelet
        preset = analysis.report.bandSet.name
        method = settings.method.rawValue
        wavelet = isWavelet ? w.kernelName : nil
        f0 = isWavelet ? w.f0 : nil
        if case .wavelet(let spectrum) = analysis.spectrum { voices = spectrum.options.voices }
        fminHz = analysis.report.fminHz
        fmaxHz = analysis.report.fmaxHz
        padding = isWavelet ? w.padding.rawValue : nil
        cone = isWavelet ? w.coneRule.rawValue : nil
        preprocessing = isWavelet ? w.preprocess : nil
        includeEdges = isWavelet ? settings.includeEdges : nil
        welchSegmentS = isWavelet ? nil : settings.welch.segmentSeconds
        hampelWindowS = settings.hampel?.windowSeconds
        hampelThresholdMads = settings.hampel?.threshold
        hampelReplacedPercent = analysis.hampel?.replacedPercent
        minValidFraction = settings.minimumValidFraction
        allowShortBands = settings.allowsShortBands
        analysedS = analysis.analysedSeconds
        sampleRateHz = analysis.sampleRateHz
    }

    /// Columns given directly (method-specific ones left missing), e.g. for hand-made rows.
    public init(preset: String, method: SpectralMethod, fminHz: Double, fmaxHz: Double, analysedSeconds: Double, sampleRateHz: Double) {
        self.preset = preset
        self.method = method.rawValue
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        analysedS = analysedSeconds
        self.sampleRateHz = sampleRateHz
    }

    /// Units of the columns that have one.
    public static let units: [String: String] = [
        "fmin_hz": "Hz", "fmax_hz": "Hz", "welch_segment_s": "s", "hampel_window_s": "s",
        "hampel_threshold_mads": "MAD", "hampel_replaced_percent": "%", "analysed_s": "s", "sample_rate_hz": "Hz",
    ]
}

/// One row of a band table: where it comes from (`source`), the band's values and how they were
/// computed. `ldf bands --format csv` writes these; a study's `bands.csv` writes the same columns
/// after its manifest metadata.
public struct BandTableRow: Codable, Sendable, Equatable {
    public var source: String
    public var summary: BandSummaryRow
    public var analysis: BandAnalysisColumns

    public init(source: String, summary: BandSummaryRow, analysis: BandAnalysisColumns) {
        self.source = source
        self.summary = summary
        self.analysis = analysis
    }

    /// The rows of one analysed recording, one per band.
    public static func rows(_ analysis: BandAnalysis, settings: BandAnalysisSettings) -> [BandTableRow] {
        let columns = BandAnalysisColumns(analysis, settings: settings)
        return analysis.report.bands.map {
            BandTableRow(source: analysis.source, summary: BandSummaryRow($0, channel: analysis.channel, fluxUnit: analysis.unit),
                         analysis: columns)
        }
    }
}
