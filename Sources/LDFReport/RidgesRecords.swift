import LDFCore
import LDFSpectral

/// How `ldf ridges` extracted the components; the ridge fields are null for Butterworth and the
/// filter for the ridge method.
public struct RidgesParametersRecord: Codable, Sendable, Equatable {
    public var method: String
    @Nullable public var transform: String? = nil
    @Nullable public var kernel: String? = nil
    /// Wavelet f0, or null for the WFT (whose f0 is per band, 1 / low edge by default).
    @Nullable public var f0: Double? = nil
    @Nullable public var padding: String? = nil
    @Nullable public var preprocessing: Bool? = nil
    @Nullable public var ridge: String? = nil
    @Nullable public var reconstruction: String? = nil
    @Nullable public var filter: String? = nil
    public var phase = "radians in [0, 2 pi)"
    public var amplitude = "a cosine of amplitude a reads a (the component a cos(phase))"

    public init(_ extractor: BandComponentExtractor) {
        method = extractor.method.rawValue
        let options = extractor.transform
        guard extractor.method == .ridge else {
            filter = "Butterworth band-pass, zero phase, MODA's loop_butter order (MODABandPass); Hilbert amplitude and phase; frequency = d(phase)/dt / 2 pi"
            return
        }
        transform = options.transform.rawValue
        kernel = options.kernelName
        f0 = options.transform == .wavelet ? options.f0 : nil
        padding = options.padding.rawValue
        preprocessing = options.preprocess
        ridge = "MODA's ecurve: scheme II (penalties 1, 1 on the median-centred frequency and its step over their interquartile ranges), path optimisation, log amplitude"
        reconstruction = "MODA's rectfr, direct method (integral of W over the ridge's support)"
    }
}

/// Mean and SD of a component's frequency (Hz) and amplitude (flux unit) over its samples.
public struct RidgesSummaryRecord: Codable, Sendable, Equatable {
    @Nullable public var frequencyMeanHz: Double? = nil
    @Nullable public var frequencySdHz: Double? = nil
    @Nullable public var amplitudeMean: Double? = nil
    @Nullable public var amplitudeSd: Double? = nil
    public var samples: Int

    public init(_ c: BandComponent) {
        let frequency = c.frequencySummary, amplitude = c.amplitudeSummary
        frequencyMeanHz = frequency.mean
        frequencySdHz = frequency.standardDeviation
        amplitudeMean = amplitude.mean
        amplitudeSd = amplitude.standardDeviation
        samples = frequency.count
    }
}

/// A component at every sample: time (s, file axis), frequency (Hz), amplitude and component
/// (flux unit), phase (rad); null where undefined.
public struct RidgesSeriesRecord: Codable, Sendable, Equatable {
    public var timeS: [Double]
    public var frequencyHz: [Double?]
    public var amplitude: [Double?]
    public var phaseRad: [Double?]
    public var component: [Double?]

    public init(_ c: BandComponent, analysis a: BandComponentAnalysis) {
        func finite(_ x: [Double]) -> [Double?] { x.map { $0.isFinite ? $0 : nil } }
        timeS = c.frequencyHz.indices.map(a.timeSeconds)
        frequencyHz = finite(c.frequencyHz)
        amplitude = finite(c.amplitude)
        phaseRad = finite(c.phase)
        component = finite(c.reconstruction)
    }
}

/// One band of `ldf ridges`: its component's summary and series, or null with the reason.
public struct RidgesBandRecord: Codable, Sendable, Equatable {
    public var name: String
    public var lowHz: Double
    public var highHz: Double
    @Nullable public var reason: String? = nil
    /// The WFT window's f0 for this band, s (null for the wavelet and Butterworth).
    @Nullable public var windowF0S: Double? = nil
    @Nullable public var transformFrequencies: Int? = nil
    @Nullable public var ridgeIterations: Int? = nil
    @Nullable public var ridgeConverged: Bool? = nil
    @Nullable public var filterOrder: Int? = nil
    @Nullable public var summary: RidgesSummaryRecord? = nil
    /// Null with --summary.
    @Nullable public var series: RidgesSeriesRecord? = nil

    enum CodingKeys: String, CodingKey {
        case name, lowHz, highHz, reason, windowF0S = "window_f0_s", transformFrequencies, ridgeIterations, ridgeConverged
        case filterOrder, summary, series
    }

    public init(_ outcome: BandComponentOutcome, analysis a: BandComponentAnalysis, extractor: BandComponentExtractor, includeSeries: Bool) {
        let band = outcome.band
        name = band.name
        lowHz = band.lowHz
        highHz = band.highHz
        if extractor.method == .ridge, extractor.transform.transform == .wft { windowF0S = extractor.transformOptions(band: band).f0 }
        switch outcome {
        case .unavailable(_, let reason):
            self.reason = reason
        case .extracted(let c):
            transformFrequencies = c.transformFrequencyCount
            ridgeIterations = c.ridgeIterations
            ridgeConverged = c.ridgeConverged
            filterOrder = c.filterOrder
            summary = RidgesSummaryRecord(c)
            series = includeSeries ? RidgesSeriesRecord(c, analysis: a) : nil
        }
    }
}

/// The whole output of `ldf ridges --format json`.
public struct RidgesOutputRecord: Codable, Sendable, Equatable, ReportUnits {
    public var toolkit = ToolkitStamp()
    public var source: String
    public var channel: String
    public var unit: String
    public var sampleRateHz: Double
    public var startS: Double
    public var analysedS: Double
    public var parameters: RidgesParametersRecord
    public var diagnostics: [Diagnostic]
    public var bands: [RidgesBandRecord]
    public var units: [String: String]

    public init(analysis a: BandComponentAnalysis, extractor: BandComponentExtractor, includeSeries: Bool) {
        source = a.source
        channel = a.channel
        unit = a.unit
        sampleRateHz = a.sampleRateHz
        startS = a.fileStartSeconds
        analysedS = a.analysedSeconds
        parameters = RidgesParametersRecord(extractor)
        diagnostics = a.diagnostics
        bands = a.outcomes.map { RidgesBandRecord($0, analysis: a, extractor: extractor, includeSeries: includeSeries) }
        units = Self.units(fluxUnit: a.unit)
    }

    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        return ["low_hz": "Hz", "high_hz": "Hz", "window_f0_s": "s", "frequency_mean_hz": "Hz", "frequency_sd_hz": "Hz", "amplitude_mean": flux,
                "amplitude_sd": flux, "time_s": "s", "frequency_hz": "Hz", "amplitude": flux, "phase_rad": "rad", "component": flux,
                "sample_rate_hz": "Hz", "start_s": "s", "analysed_s": "s"]
    }
}
