import LDFCore
import LDFSpectral

/// The band-analysis parameters, recorded in every JSON output of `bands`, `spectrum`,
/// `coherence`, `bispectrum` and in the `ldf stream` header.
public struct SpectralParametersRecord: Codable, Sendable, Equatable {
    public struct HampelRecord: Codable, Sendable, Equatable {
        public var windowS: Double
        public var thresholdMads: Double
        public var widenSamples: Int
    }
    public struct WelchRecord: Codable, Sendable, Equatable {
        @Nullable public var segmentS: Double? = nil
        public var overlap: Double
        public var window = "hann"
        public var detrend = "constant"
        public var scaling = "density"
    }

    public var preset: String
    public var bands: [BandEdgesRecord]
    public var method: String
    public var wavelet: String
    public var f0: Double
    @Nullable public var voices: Int? = nil
    /// The analysed range as asked for, Hz (each recording's own range is in its record).
    public var fmin: Double
    public var fmax: Double
    public var padding: String
    public var cone: String
    public var preprocessing: Bool
    public var includeEdges: Bool
    @Nullable public var hampel: HampelRecord? = nil
    public var welch: WelchRecord
    /// The band validity rule (`BandValidityRule`): least in-cone share, and whether bands that
    /// fall short were computed anyway.
    public var minValidFraction: Double
    public var allowShortBands: Bool

    public init(_ settings: BandAnalysisSettings) {
        preset = settings.bandSet.name
        bands = settings.bandSet.bands.map(BandEdgesRecord.init)
        method = settings.method.rawValue
        wavelet = settings.wavelet.kernelName
        f0 = settings.wavelet.f0
        voices = settings.wavelet.voices
        fmin = settings.fminHz ?? settings.bandSet.lowestHz
        fmax = settings.fmaxHz ?? settings.bandSet.highestHz
        padding = settings.wavelet.padding.rawValue
        cone = settings.wavelet.coneRule.rawValue
        preprocessing = settings.wavelet.preprocess
        includeEdges = settings.includeEdges
        hampel = settings.hampel.map { HampelRecord(windowS: $0.windowSeconds, thresholdMads: $0.threshold, widenSamples: $0.widenSamples) }
        welch = WelchRecord(segmentS: settings.welch.segmentSeconds, overlap: settings.welch.overlapFraction)
        minValidFraction = settings.minimumValidFraction
        allowShortBands = settings.allowsShortBands
    }
}

/// The Hampel filter's work on one recording.
public struct HampelWorkRecord: Codable, Sendable, Equatable {
    public var replacedPercent: Double
    public var replacedSamples: Int
    public var outliers: Int

    public init(_ result: HampelResult) {
        replacedPercent = result.replacedPercent
        replacedSamples = result.replacedCount
        outliers = result.outlierCount
    }
}
