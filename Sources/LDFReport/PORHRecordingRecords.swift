import LDFCore
import LDFPORH

/// One parameter across the occlusions of a recording: how many had a value, their mean, sample
/// SD (in `unit`) and coefficient of variation (%); null with the `reason` when not computable.
public struct PORHParameterSummaryRecord: Codable, Sendable, Equatable {
    public var parameter: String
    public var unit: String
    public var n: Int
    @Nullable public var mean: Double? = nil
    @Nullable public var sd: Double? = nil
    @Nullable public var cvPercent: Double? = nil
    @Nullable public var reason: String? = nil

    public init(_ s: PORHParameterSummary, fluxUnit: String) {
        parameter = s.key.rawValue
        unit = ReportUnit.named(s.key.unit(flux: ReportUnit.flux(fluxUnit)))
        n = s.count
        mean = s.mean
        sd = s.standardDeviation
        cvPercent = s.coefficientOfVariationPercent
        reason = s.reason
    }
}

/// One row of the per-recording PORH summary CSV (`ldf porh --summary PATH`): a recording,
/// channel and parameter summarised across its `occlusions` (two or more). Tidy: one parameter
/// a row, its unit in `unit`, `cv_percent` in %; `map_mmhg` is the pressure of the CVC rows.
public struct PORHSummaryRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var site: String
    @Nullable public var mapMmhg: Double? = nil
    public var occlusions: Int
    public var summary: PORHParameterSummaryRecord

    /// One row per summarised parameter of `result` (none for fewer than two occlusions).
    public static func rows(_ result: PORHRecordingResult) -> [PORHSummaryRow] {
        result.summary.map {
            PORHSummaryRow(source: result.source, channel: result.fluxChannel, fluxUnit: result.fluxUnit, site: result.options.site.rawValue,
                           mapMmhg: result.options.meanArterialPressureMmHg, occlusions: result.occlusions.count, summary: PORHParameterSummaryRecord($0, fluxUnit: result.fluxUnit))
        }
    }
}

/// One input of `ldf porh --format json`: its occlusions and their summary, or the error that
/// stopped it. Every time is on the file's axis (`time_origin_s` is its first sample).
public struct PORHRecordingRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var sampleRateHz: Double? = nil
    @Nullable public var channel: String? = nil
    @Nullable public var fluxUnit: String? = nil
    @Nullable public var timeOriginS: Double? = nil
    public var occlusions: [PORHOcclusionRecord]
    /// Mean, SD and CV of each parameter across the occlusions (two or more).
    public var summary: [PORHParameterSummaryRecord]
    public var diagnostics: [String]

    public init(_ result: PORHRecordingResult) {
        source = result.source
        sampleRateHz = result.sampleRateHz
        channel = result.fluxChannel
        fluxUnit = result.fluxUnit
        timeOriginS = result.timeOriginSeconds
        occlusions = result.occlusions.map { PORHOcclusionRecord($0, channel: result.fluxChannel, fluxUnit: result.fluxUnit) }
        summary = result.summary.map { PORHParameterSummaryRecord($0, fluxUnit: result.fluxUnit) }
        diagnostics = result.diagnostics.map(\.description)
    }

    /// An input that could not be analysed.
    public init(source: String, error: String) {
        self.source = source
        self.error = error
        occlusions = []
        summary = []
        diagnostics = []
    }
}

/// The options of a PORH analysis, site defaults resolved, units in the names (`cvc_max` in
/// flux/mmHg).
public struct PORHParametersRecord: Codable, Sendable, Equatable {
    public var site: String
    public var timing: String
    /// User-given occlusions as [start_s, release_s].
    public var occlusions: [[Double]]
    public var restWindowS: Double
    public var biologicalZeroWindowS: Double
    public var smoothingS: Double
    public var smoothing = "centred moving mean"
    public var returnSmoothingS: Double
    public var plateauWindowS: Double
    public var peakSearchS: Double
    public var minimumOcclusionS: Double
    public var expectedOcclusionS: Double
    public var subtractBiologicalZero: Bool
    @Nullable public var meanArterialPressureMmhg: Double? = nil
    /// Maximal CVC for %CVCmax, flux/mmHg; null when not given.
    @Nullable public var cvcMax: Double? = nil
    /// Hampel window when spikes were removed first; null for none.
    @Nullable public var hampelWindowS: Double? = nil
    @Nullable public var hampelThresholdMads: Double? = nil
    /// Band preset of the reperfusion flowmotion; null when not asked for.
    @Nullable public var reperfusionBands: String? = nil
    public var recoveryTimeLevels = "plateau + fraction * (peak - plateau); plateau = mean flux over the plateau window"

    public init(_ o: PORHOptions) {
        site = o.site.rawValue
        timing = o.occlusions.isEmpty ? o.timing.rawValue : TimingSource.user.rawValue
        occlusions = o.occlusions.map { [$0.startSeconds, $0.releaseSeconds] }
        restWindowS = o.restWindowSeconds
        biologicalZeroWindowS = o.biologicalZeroWindowSeconds
        smoothingS = o.smoothingSeconds
        returnSmoothingS = o.returnSmoothingSeconds
        plateauWindowS = o.plateauWindowSeconds
        peakSearchS = o.peakSearchSeconds
        minimumOcclusionS = o.minimumOcclusionSeconds
        expectedOcclusionS = o.expectedOcclusionSeconds
        subtractBiologicalZero = o.subtractBiologicalZero
        meanArterialPressureMmhg = o.meanArterialPressureMmHg
        cvcMax = o.maximumCVC
        hampelWindowS = o.artifactFilter?.windowSeconds
        hampelThresholdMads = o.artifactFilter?.threshold
        reperfusionBands = o.reperfusionBands?.name
    }
}

/// The whole output of `ldf porh --format json`: toolkit, every option that shaped the results,
/// and per recording its occlusions.
public struct PORHOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: PORHParametersRecord
    public var recordings: [PORHRecordingRecord]

    public init(options: PORHOptions, recordings: [PORHRecordingRecord]) {
        parameters = PORHParametersRecord(options)
        self.recordings = recordings
    }
}
