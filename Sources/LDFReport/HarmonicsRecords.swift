import LDFCore
import LDFSpectral

/// The harmonic finder's settings as the JSON `parameters` and CSV columns name them.
public struct HarmonicsParametersRecord: Codable, Sendable, Equatable {
    public var fminHz: Double
    /// As given; null: 2 Hz lowered to the Nyquist frequency.
    @Nullable public var fmaxHz: Double? = nil
    public var scaleRatio: Double
    public var timeResolutionS: Double
    public var bins: Int
    public var surrogates: Int
    public var surrogateType = "aaft"
    public var seed: UInt64
    public var measure = "I(phase f1; phase f2) / H(phase f2), phases in equal-population bins (PyMODAlib's indexfinder3)"
    public var wavelet = "Morlet f0 = 1, s^-1/2 exp(-2 pi i u / s) exp(-u^2 / 2 s^2), cut at 0.001 (PyMODAlib's modbasicwavelet_flow_cmplx4)"

    public init(_ s: HarmonicFinderSettings) {
        fminHz = s.fminHz
        fmaxHz = s.fmaxHz
        scaleRatio = s.scaleRatio
        timeResolutionS = s.timeResolutionSeconds
        bins = s.bins
        surrogates = s.surrogateCount
        seed = s.seed
    }
}

/// One pair f1 < f2: the measure (dimensionless, 0 to 1), its surrogate mean and SD, the
/// significance in surrogate SDs and the share of surrogates below it (%).
public struct HarmonicPairRecord: Codable, Sendable, Equatable {
    public var f1Hz: Double
    public var f2Hz: Double
    public var ratio: Double
    public var mutualInformation: Double
    @Nullable public var surrogateMean: Double? = nil
    @Nullable public var surrogateSd: Double? = nil
    @Nullable public var significanceSd: Double? = nil
    @Nullable public var surrogatesBelow: Int? = nil
    @Nullable public var percentile: Double? = nil

    public init(_ p: HarmonicPair) {
        f1Hz = p.f1Hz
        f2Hz = p.f2Hz
        ratio = p.ratio
        mutualInformation = p.mutualInformation
        surrogateMean = p.surrogateMean
        surrogateSd = p.surrogateSD
        significanceSd = p.significanceSD
        surrogatesBelow = p.surrogatesBelow
        percentile = p.percentile
    }
}

/// The whole output of `ldf harmonics --format json`.
public struct HarmonicsOutputRecord: Codable, Sendable, Equatable, ReportUnits {
    public var toolkit = ToolkitStamp()
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var sampleRateHz: Double
    public var startS: Double
    public var analysedS: Double
    public var fminHz: Double
    public var fmaxHz: Double
    public var parameters: HarmonicsParametersRecord
    public var diagnostics: [Diagnostic]
    /// Grid frequencies, ascending.
    public var frequenciesHz: [Double]
    /// Seconds left out at each end, per frequency (ascending).
    public var marginsS: [Double]
    /// The strongest candidate harmonic pairs (ratio >= 1.5, local maxima), strongest first.
    public var strongest: [HarmonicPairRecord]
    /// Every pair f1 < f2.
    public var pairs: [HarmonicPairRecord]
    public var units: [String: String]

    /// Pairs listed under `strongest`.
    public static let strongestCount = 8

    public init(settings: HarmonicFinderSettings, analysis a: HarmonicAnalysis) {
        source = a.source
        channel = a.channel
        fluxUnit = a.unit
        sampleRateHz = a.sampleRateHz
        startS = a.fileStartSeconds
        analysedS = a.analysedSeconds
        fminHz = a.fminHz
        fmaxHz = a.fmaxHz
        parameters = HarmonicsParametersRecord(settings)
        diagnostics = a.diagnostics
        frequenciesHz = a.result.frequenciesHz.reversed()
        marginsS = a.result.marginsSeconds.reversed()
        strongest = a.result.strongestPairs(limit: Self.strongestCount).map(HarmonicPairRecord.init)
        pairs = a.result.pairs.map(HarmonicPairRecord.init)
        units = Self.units(fluxUnit: a.unit)
    }

    public static func units(fluxUnit: String) -> [String: String] {
        let one = ReportUnit.dimensionless
        return ["f1_hz": "Hz", "f2_hz": "Hz", "ratio": one, "mutual_information": one, "surrogate_mean": one, "surrogate_sd": one,
                "significance_sd": "surrogate SD", "surrogates_below": "count", "percentile": "%", "sample_rate_hz": "Hz", "start_s": "s",
                "analysed_s": "s", "fmin_hz": "Hz", "fmax_hz": "Hz", "frequencies_hz": "Hz", "margins_s": "s", "time_resolution_s": "s",
                "scale_ratio": one]
    }
}

/// One row of the tidy `ldf harmonics --format csv`: a pair f1 < f2 (its columns flattened in
/// place, `ReportColumns`) with the settings repeated. Units as in `HarmonicsOutputRecord.units`.
public struct HarmonicsRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var pair: HarmonicPairRecord
    public var surrogates: Int
    public var seed: UInt64
    public var bins: Int
    public var scaleRatio: Double
    public var timeResolutionS: Double
    public var sampleRateHz: Double
    public var analysedS: Double
}

extension HarmonicsOutputRecord {
    /// Every pair, by f1 then f2.
    public var rows: [HarmonicsRow] {
        pairs.map { p in
            HarmonicsRow(source: source, channel: channel, fluxUnit: fluxUnit, pair: p, surrogates: parameters.surrogates,
                         seed: parameters.seed, bins: parameters.bins, scaleRatio: parameters.scaleRatio, timeResolutionS: parameters.timeResolutionS, sampleRateHz: sampleRateHz, analysedS: analysedS)
        }
    }

    /// A readable summary: the grid and the strongest candidate pairs.
    public var textLines: [String] {
        let short = ReportNumber.short, p = parameters
        var lines = ["\(source) [\(channel)]: harmonic finder, \(short(analysedS)) s at \(short(sampleRateHz)) Hz, \(frequenciesHz.count) frequencies "
                     + "\(short(frequenciesHz.first))–\(short(frequenciesHz.last)) Hz (scale ratio \(short(p.scaleRatio))), phases every "
                     + "\(short(p.timeResolutionS)) s in \(p.bins) bins"
                     + (p.surrogates > 0 ? "; \(p.surrogates) AAFT surrogates (seed \(p.seed))" : "; no surrogates")]
        lines.append("strongest pairs (f2/f1 >= 1.5, local maxima of the " + (p.surrogates > 0 ? "excess over the surrogate mean" : "mutual information") + "):")
        var table = TextTable(header: ["f1 Hz", "f2 Hz", "f2/f1", "MI", "surr. mean", "surr. SD", "sig. SD", "surr. below"])
        for s in strongest {
            table.append([short(s.f1Hz), short(s.f2Hz), short(s.ratio), short(s.mutualInformation), short(s.surrogateMean), short(s.surrogateSd),
                          short(s.significanceSd), s.surrogatesBelow.map { "\($0)/\(p.surrogates)" } ?? "–"])
        }
        return lines + table.lines.map { "  " + $0 }
    }
}
