import LDFComplexity
import LDFCore

/// The whole output of `ldf complexity --format json`: one model for the JSON, the tidy CSV and
/// the table. Entropies in nats, mutual information in bits, lags in samples (`lag_s` in s),
/// times in s on the file's axis, DFA and MFDFA exponents dimensionless, tolerance in the flux unit.
public struct ComplexityOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var units = ["entropy": "nats (natural log)", "mutual_information": "bits", "lag": "samples (lag_s: seconds)", "times": "s on the file's time axis",
                 "dfa_alpha": "dimensionless", "tolerance": "the channel's unit"]
    public var recordings: [RecordingRecord]

    public struct Parameters: Codable, Sendable, Equatable {
        public var dimension: Int
        public var toleranceSd: Double
        public var lag: String
        public var mutualInformationBins: Int
        @Nullable public var maxLagS: Double? = nil
        public var maxScale: Int
        public var dfaRanges: [ScalingRange]
        public var scalesPerRange: Int
        public var mfdfaRange: ScalingRange
        public var q: [Double]
        @Nullable public var preset: String? = nil
        public var bands: [Band]
        public var minBandCycles: Double
        public var sampleEntropy = "Richman & Moorman: N - m lag templates for lengths m and m + 1, pairs i < j, Chebyshev distance <= r; -ln(A / B)"
        public var tolerance = "r = tolerance_sd x SD (n - 1) of each signal; the multiscale curve keeps scale 1's r"
        public var lagRule = "auto: first local minimum of the histogram auto-mutual information (equal-width bins over each half's range), searched up to max_lag_s (default a tenth of the signal)"
        public var multiscale = "Costa: non-overlapping means of scale samples; lag at scale s = max(1, round(lag / s)); complexity_index = sum over scales 1..max_scale"
        public var dfa = "DFA-1: profile cumsum(x - mean), non-overlapping windows from the start, least-squares line per window, alpha = slope of ln F(n) on ln n"
        public var mfdfa = "Kantelhardt: F_q(n) = mean(F^2^(q/2))^(1/q) (q = 0: geometric), h(q) slopes, tau = q h - 1, alpha = gradient(tau)/gradient(q), f = q alpha - tau"
        public var bandFilter = "Butterworth band-pass, zero phase, second-order sections, MODA's loop_butter order choice"
    }

    public struct RecordingRecord: Codable, Sendable, Equatable {
        public var source: String
        @Nullable public var channel: String? = nil
        @Nullable public var unit: String? = nil
        @Nullable public var sampleRateHz: Double? = nil
        @Nullable public var timeOriginS: Double? = nil
        public var diagnostics: [Diagnostic] = []
        public var segments: [SegmentRecord] = []
        @Nullable public var error: String? = nil

        public init(source: String, analysis a: ComplexityAnalysis) {
            self.source = source
            channel = a.channel
            unit = a.unit
            sampleRateHz = a.sampleRateHz
            timeOriginS = a.timeOriginSeconds
            diagnostics = a.diagnostics
            segments = a.segments.map { SegmentRecord($0, rate: a.sampleRateHz, origin: a.timeOriginSeconds) }
            error = nil
        }

        public init(source: String, error: String) {
            self.source = source
            self.error = error
        }
    }

    public struct SegmentRecord: Codable, Sendable, Equatable {
        public var segment: Int
        public var startS: Double
        public var endS: Double
        public var samples: Int
        public var signals: [SignalRecord]
        @Nullable public var reason: String? = nil

        public init(_ s: ComplexitySegment, rate: Double, origin: Double) {
            segment = s.index
            startS = origin + s.startSeconds
            endS = origin + s.endSeconds
            samples = s.sampleCount
            signals = s.signals.map { SignalRecord($0, rate: rate) }
            reason = s.reason
        }
    }

    public struct SignalRecord: Codable, Sendable, Equatable {
        public var signal: String
        @Nullable public var bandLowHz: Double? = nil
        @Nullable public var bandHighHz: Double? = nil
        @Nullable public var filterOrder: Int? = nil
        public var samples: Int
        @Nullable public var standardDeviation: Double? = nil
        @Nullable public var tolerance: Double? = nil
        @Nullable public var lagSamples: Int? = nil
        @Nullable public var lagS: Double? = nil
        @Nullable public var lagMethod: String? = nil
        @Nullable public var lagReason: String? = nil
        @Nullable public var mutualInformationBits: [Double]? = nil
        @Nullable public var sampleEntropy: EntropyRecord? = nil
        @Nullable public var multiscale: MultiscaleRecord? = nil
        public var dfa: [DFARecord]
        @Nullable public var mfdfa: MFDFARecord? = nil
        @Nullable public var reason: String? = nil

        public init(_ s: SignalComplexity, rate: Double) {
            signal = s.name
            bandLowHz = s.band?.lowHz
            bandHighHz = s.band?.highHz
            filterOrder = s.filterOrder
            samples = s.sampleCount
            standardDeviation = s.standardDeviation
            tolerance = s.tolerance
            lagSamples = s.lag?.samples
            lagS = s.lag?.samples.map { Double($0) / rate }
            lagMethod = s.lag?.method.rawValue
            lagReason = s.lag?.reason
            mutualInformationBits = s.lag?.mutualInformation?.information
            sampleEntropy = s.sampleEntropy.map { EntropyRecord($0, scale: 1, lag: s.lag?.samples ?? 1) }
            multiscale = s.multiscale.map(MultiscaleRecord.init)
            dfa = s.dfa.map(DFARecord.init)
            mfdfa = s.mfdfa.map(MFDFARecord.init)
            reason = s.reason
        }
    }

    public struct EntropyRecord: Codable, Sendable, Equatable {
        public var scale: Int
        public var lagSamples: Int
        @Nullable public var value: Double? = nil
        public var matchesM: Int
        public var matchesM1: Int
        public var templates: Int
        @Nullable public var reason: String? = nil

        public init(_ e: SampleEntropy, scale: Int, lag: Int) {
            self.scale = scale
            lagSamples = lag
            value = e.value
            matchesM = e.templateMatches
            matchesM1 = e.extendedMatches
            templates = e.templateCount
            reason = e.reason
        }
    }

    public struct MultiscaleRecord: Codable, Sendable, Equatable {
        public var scales: [EntropyRecord]
        @Nullable public var complexityIndex: Double? = nil
        @Nullable public var reason: String? = nil

        public init(_ m: MultiscaleEntropy) {
            scales = m.scales.map { EntropyRecord($0.entropy, scale: $0.factor, lag: $0.lag) }
            complexityIndex = m.complexityIndex
            reason = m.reason
        }
    }

    public struct DFARecord: Codable, Sendable, Equatable {
        public var range: String
        public var lowS: Double
        public var highS: Double
        public var scalesSamples: [Int]
        public var fluctuation: [Double]
        @Nullable public var alpha: Double? = nil
        @Nullable public var reason: String? = nil

        public init(_ d: DFAResult) {
            range = d.range.name
            lowS = d.range.lowSeconds
            highS = d.range.highSeconds
            scalesSamples = d.scales
            fluctuation = d.fluctuations
            alpha = d.alpha
            reason = d.reason
        }
    }

    public struct MFDFARecord: Codable, Sendable, Equatable {
        public var range: String
        public var lowS: Double
        public var highS: Double
        public var scalesSamples: [Int]
        public var q: [Double]
        public var h: [Double]
        public var tau: [Double]
        public var singularityAlpha: [Double]
        public var singularityF: [Double]
        @Nullable public var width: Double? = nil
        @Nullable public var reason: String? = nil

        public init(_ m: MFDFAResult) {
            range = m.range.name
            lowS = m.range.lowSeconds
            highS = m.range.highSeconds
            scalesSamples = m.scales
            q = m.q
            h = m.h
            tau = m.tau
            singularityAlpha = m.singularity
            singularityF = m.dimension
            width = m.width
            reason = m.reason
        }
    }

    public init(settings s: ComplexitySettings, lagText: String, recordings: [RecordingRecord]) {
        parameters = Parameters(dimension: s.dimension, toleranceSd: s.toleranceSD, lag: s.lag.map(String.init) ?? "auto",
                                mutualInformationBins: s.mutualInformationBins, maxLagS: s.maximumLagSeconds, maxScale: s.maximumScale,
                                dfaRanges: s.dfaRanges, scalesPerRange: s.scalesPerRange, mfdfaRange: s.mfdfaRange, q: s.q,
                                preset: s.bands?.name, bands: s.bands?.bands ?? [], minBandCycles: s.minimumBandCycles)
        self.recordings = recordings
    }
}
