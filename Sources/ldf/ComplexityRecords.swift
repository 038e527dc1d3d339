import Foundation
import LDFComplexity
import LDFCore
import LDFReport

/// The output of `ldf complexity` as Encodable records: one model for the JSON, the tidy CSV and the table.
struct ComplexityReport: Encodable {
    var toolkit = ToolkitStamp()
    var parameters: Parameters
    var units = ["entropy": "nats (natural log)", "mutual_information": "bits", "lag": "samples (lag_s: seconds)", "times": "s on the file's time axis",
                 "dfa_alpha": "dimensionless", "tolerance": "the channel's unit"]
    var recordings: [RecordingRecord]

    struct Parameters: Encodable {
        var dimension: Int
        var toleranceSd: Double
        var lag: String
        var mutualInformationBins: Int
        @Nullable var maxLagS: Double?
        var maxScale: Int
        var dfaRanges: [ScalingRange]
        var scalesPerRange: Int
        var mfdfaRange: ScalingRange
        var q: [Double]
        @Nullable var preset: String?
        var bands: [Band]
        var minBandCycles: Double
        var sampleEntropy = "Richman & Moorman: N - m lag templates for lengths m and m + 1, pairs i < j, Chebyshev distance <= r; -ln(A / B)"
        var tolerance = "r = tolerance_sd x SD (n - 1) of each signal; the multiscale curve keeps scale 1's r"
        var lagRule = "auto: first local minimum of the histogram auto-mutual information (equal-width bins over each half's range), searched up to max_lag_s (default a tenth of the signal)"
        var multiscale = "Costa: non-overlapping means of scale samples; lag at scale s = max(1, round(lag / s)); complexity_index = sum over scales 1..max_scale"
        var dfa = "DFA-1: profile cumsum(x - mean), non-overlapping windows from the start, least-squares line per window, alpha = slope of ln F(n) on ln n"
        var mfdfa = "Kantelhardt: F_q(n) = mean(F^2^(q/2))^(1/q) (q = 0: geometric), h(q) slopes, tau = q h - 1, alpha = gradient(tau)/gradient(q), f = q alpha - tau"
        var bandFilter = "Butterworth band-pass, zero phase, second-order sections, MODA's loop_butter order choice"
    }

    struct RecordingRecord: Encodable {
        var source: String
        var channel: String?
        var unit: String?
        @Nullable var sampleRateHz: Double?
        @Nullable var timeOriginS: Double?
        var diagnostics: [DiagnosticRecord] = []
        var segments: [SegmentRecord] = []
        @Nullable var error: String?

        init(source: String, analysis a: ComplexityAnalysis) {
            self.source = source
            channel = a.channel
            unit = a.unit
            sampleRateHz = a.sampleRateHz
            timeOriginS = a.timeOriginSeconds
            diagnostics = a.diagnostics.map(DiagnosticRecord.init)
            segments = a.segments.map { SegmentRecord($0, rate: a.sampleRateHz, origin: a.timeOriginSeconds) }
            error = nil
        }

        init(source: String, error: String) {
            self.source = source
            self.error = error
        }
    }

    struct SegmentRecord: Encodable {
        var segment: Int
        var startS: Double
        var endS: Double
        var samples: Int
        var signals: [SignalRecord]
        @Nullable var reason: String?

        init(_ s: ComplexitySegment, rate: Double, origin: Double) {
            segment = s.index
            startS = origin + s.startSeconds
            endS = origin + s.endSeconds
            samples = s.sampleCount
            signals = s.signals.map { SignalRecord($0, rate: rate) }
            reason = s.reason
        }
    }

    struct SignalRecord: Encodable {
        var signal: String
        @Nullable var bandLowHz: Double?
        @Nullable var bandHighHz: Double?
        @Nullable var filterOrder: Int?
        var samples: Int
        @Nullable var standardDeviation: Double?
        @Nullable var tolerance: Double?
        @Nullable var lagSamples: Int?
        @Nullable var lagS: Double?
        @Nullable var lagMethod: String?
        @Nullable var lagReason: String?
        @Nullable var mutualInformationBits: [Double]?
        @Nullable var sampleEntropy: EntropyRecord?
        @Nullable var multiscale: MultiscaleRecord?
        var dfa: [DFARecord]
        @Nullable var mfdfa: MFDFARecord?
        @Nullable var reason: String?

        init(_ s: SignalComplexity, rate: Double) {
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

    struct EntropyRecord: Codable, Sendable, Equatable {
        var scale: Int
        var lagSamples: Int
        @Nullable var value: Double?
        var matchesM: Int
        var matchesM1: Int
        var templates: Int
        @Nullable var reason: String?

        init(_ e: SampleEntropy, scale: Int, lag: Int) {
            self.scale = scale
            lagSamples = lag
            value = e.value
            matchesM = e.templateMatches
            matchesM1 = e.extendedMatches
            templates = e.templateCount
            reason = e.reason
        }
    }

    struct MultiscaleRecord: Codable, Sendable, Equatable {
        var scales: [EntropyRecord]
        @Nullable var complexityIndex: Double?
        @Nullable var reason: String?

        init(_ m: MultiscaleEntropy) {
            scales = m.scales.map { EntropyRecord($0.entropy, scale: $0.factor, lag: $0.lag) }
            complexityIndex = m.complexityIndex
            reason = m.reason
        }
    }

    struct DFARecord: Encodable {
        var range: String
        var lowS: Double
        var highS: Double
        var scalesSamples: [Int]
        var fluctuation: [Double]
        @Nullable var alpha: Double?
        @Nullable var reason: String?

        init(_ d: DFAResult) {
            range = d.range.name
            lowS = d.range.lowSeconds
            highS = d.range.highSeconds
            scalesSamples = d.scales
            fluctuation = d.fluctuations
            alpha = d.alpha
            reason = d.reason
        }
    }

    struct MFDFARecord: Codable, Sendable, Equatable {
        var range: String
        var lowS: Double
        var highS: Double
        var scalesSamples: [Int]
        var q: [Double]
        var h: [Double]
        var tau: [Double]
        var singularityAlpha: [Double]
        var singularityF: [Double]
        @Nullable var width: Double?
        @Nullable var reason: String?

        init(_ m: MFDFAResult) {
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

    init(settings s: ComplexitySettings, lagText: String, recordings: [RecordingRecord]) {
        parameters = Parameters(dimension: s.dimension, toleranceSd: s.toleranceSD, lag: s.lag.map(String.init) ?? "auto",
                                mutualInformationBins: s.mutualInformationBins, maxLagS: s.maximumLagSeconds, maxScale: s.maximumScale,
                                dfaRanges: s.dfaRanges, scalesPerRange: s.scalesPerRange, mfdfaRange: s.mfdfaRange, q: s.q,
                                preset: s.bands?.name, bands: s.bands?.bands ?? [], minBandCycles: s.minimumBandCycles)
        self.recordings = recordings
    }
}
