import LDFCore
import LDFSpectral

/// The phase coherence of one band (dimensionless, 0-1; phase difference in rad), its surrogate
/// threshold and excess (null without a test); null with `reason` when the band has no value.
public struct CoherenceBandRecord: Codable, Sendable, Equatable {
    public var name: String
    public var preset: String
    public var lowHz: Double
    public var highHz: Double
    @Nullable public var coherence: Double? = nil
    @Nullable public var phaseDifferenceRad: Double? = nil
    @Nullable public var threshold: Double? = nil
    @Nullable public var excess: Double? = nil
    @Nullable public var significant: Bool? = nil
    @Nullable public var validFraction: Double? = nil
    public var frequencyCount: Int
    @Nullable public var reason: String? = nil

    public init(_ b: BandCoherence) {
        name = b.band.name
        preset = b.presetName
        lowHz = b.band.lowHz
        highHz = b.band.highHz
        coherence = b.coherence
        phaseDifferenceRad = b.phaseDifference
        threshold = b.threshold
        excess = b.excess
        significant = b.isSignificant
        validFraction = b.validFraction
        frequencyCount = b.frequencyCount
        reason = b.reason
    }
}

/// The coherence at one analysed frequency, with the samples inside the cone of influence.
public struct CoherenceFrequencyRecord: Codable, Sendable, Equatable {
    public var frequencyHz: Double
    @Nullable public var coherence: Double? = nil
    @Nullable public var phaseDifferenceRad: Double? = nil
    @Nullable public var threshold: Double? = nil
    @Nullable public var excess: Double? = nil
    @Nullable public var validFraction: Double? = nil
    public var samples: Int

    public init(_ analysis: CoherenceAnalysis, index k: Int) {
        let s = analysis.spectrum
        frequencyHz = s.frequenciesHz[k]
        coherence = s.coherence[k]
        phaseDifferenceRad = s.phaseDifference[k]
        let threshold = analysis.surrogateTest?.thresholds[k]
        self.threshold = threshold
        excess = threshold.map { s.coherence[k] - $0 }
        samples = s.sampleCounts[k]
        validFraction = s.validFraction[k]
    }

    /// Whether the coherence exceeds its threshold (nil without a test or a value).
    public var significant: Bool? { excess.map { $0 > 0 } }
}

/// The time-localised coherence at one frequency: windows of `window_s` centred at `time_s`.
public struct TimeLocalisedCoherenceRecord: Codable, Sendable, Equatable {
    public var frequencyHz: Double
    public var windowS: Double
    public var timeS: [Double]
    public var coherence: [Double?]

    public init(_ row: TimeLocalisedCoherence) {
        frequencyHz = row.frequencyHz
        windowS = row.windowSeconds
        timeS = row.timesSeconds
        coherence = row.coherence.map { $0.isFinite ? $0 : nil }
    }
}

/// IAAFT convergence of a surrogate test.
public struct SurrogateIterationsRecord: Codable, Sendable, Equatable {
    public var meanIterations: Double
    public var maxIterations: Int
    public var unconverged: Int

    /// The iterations of each IAAFT surrogate; nil when none was made by IAAFT.
    public init?(iterations: [Int], unconverged: Int) {
        guard let max = iterations.max() else { return nil }
        meanIterations = Double(iterations.reduce(0, +)) / Double(iterations.count)
        maxIterations = max
        self.unconverged = unconverged
    }
}

/// One side of a pair: its recording, channel and the channel's unit.
public struct PairSideRecord: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String

    public init(_ identity: CoherenceSignal.Identity) {
        source = identity.source
        channel = identity.channelName
        fluxUnit = identity.unit
    }

    /// "source:channel", naming the side in a CSV row.
    public var label: String { "\(source):\(channel)" }
}

/// The sides of a pair in a tidy CSV row: each as "source:channel", with the unit of each
/// (`flux_unit` the first's, as in every other command's rows; `second_flux_unit` the second's,
/// empty when there is no second side).
public struct PairColumns: Codable, Sendable, Equatable {
    public var first: String
    public var second: String
    public var fluxUnit: String
    public var secondFluxUnit: String

    public init(_ first: PairSideRecord, _ second: PairSideRecord?) {
        self.first = first.label
        self.second = second?.label ?? ""
        fluxUnit = first.fluxUnit
        secondFluxUnit = second?.fluxUnit ?? ""
    }
}

/// One pair of `ldf coherence --format json`: the sides, the analysed stretch (s on the first
/// signal's clock), bands, frequencies and the time-localised coherence, with `units`.
public struct CoherencePairRecord: Codable, Sendable, Equatable, ReportUnits {
    public var first: PairSideRecord
    public var second: PairSideRecord
    public var diagnostics: [Diagnostic]
    public var sampleRateHz: Double
    public var startS: Double
    public var analysedS: Double
    public var fminHz: Double
    public var fmaxHz: Double
    @Nullable public var voices: Int? = nil
    public var bands: [CoherenceBandRecord]
    public var frequencies: [CoherenceFrequencyRecord]
    @Nullable public var timeLocalised: [TimeLocalisedCoherenceRecord]? = nil
    @Nullable public var iaaft: SurrogateIterationsRecord? = nil
    public var units: [String: String]

    public init(_ a: CoherenceAnalysis) {
        first = PairSideRecord(a.first)
        second = PairSideRecord(a.second)
        diagnostics = a.diagnostics
        sampleRateHz = a.sampleRateHz
        startS = a.startSeconds
        analysedS = a.analysedSeconds
        fminHz = a.spectrum.options.fminHz
        fmaxHz = a.spectrum.options.fmaxHz
        voices = a.spectrum.options.voices
        bands = a.bands.bands.map(CoherenceBandRecord.init)
        frequencies = a.spectrum.frequenciesHz.indices.map { CoherenceFrequencyRecord(a, index: $0) }
        timeLocalised = a.timeLocalised?.map(TimeLocalisedCoherenceRecord.init)
        iaaft = a.surrogateTest.flatMap { SurrogateIterationsRecord(iterations: $0.iterations, unconverged: $0.unconvergedCount) }
        units = Self.units(fluxUnit: "")
    }

    /// Coherence is dimensionless whatever the signals' unit.
    public static func units(fluxUnit: String) -> [String: String] {
        let one = ReportUnit.dimensionless
        return ["sample_rate_hz": "Hz", "start_s": "s", "analysed_s": "s", "fmin_hz": "Hz", "fmax_hz": "Hz", "low_hz": "Hz", "high_hz": "Hz",
                "frequency_hz": "Hz", "time_s": "s", "window_s": "s", "coherence": one, "phase_difference_rad": "rad", "threshold": one,
                "excess": one, "valid_fraction": one]
    }
}

/// The coherence options beside the spectral ones in `parameters`.
public struct CoherenceOptionsRecord: Codable, Sendable, Equatable {
    public struct Window: Codable, Sendable, Equatable {
        public var windowCycles: Double
        public var timeLocalised: Bool
    }
    public var coherence: Window
    @Nullable public var surrogates: SurrogateParametersRecord? = nil

    public init(_ settings: CoherenceSettings) {
        coherence = Window(windowCycles: settings.windowCycles, timeLocalised: settings.timeLocalised)
        surrogates = settings.surrogates.map(SurrogateParametersRecord.init)
    }
}

/// The whole output of `ldf coherence --format json`, laid out like `ldf bands`: toolkit,
/// parameters (the spectral ones plus `coherence` and `surrogates`) and the pair's results.
public struct CoherenceOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Merged<SpectralParametersRecord, CoherenceOptionsRecord>
    public var pairs: [CoherencePairRecord]

    public init(settings: CoherenceSettings, analysis: CoherenceAnalysis) {
        parameters = Merged(SpectralParametersRecord(settings.spectral), CoherenceOptionsRecord(settings))
        pairs = [CoherencePairRecord(analysis)]
    }
}
