import Foundation
import LDFCore
import LDFReport
import LDFPORH

/// `ldf porh --format json`: toolkit, every option that shaped the results, and per recording its
/// occlusions. Null parameters carry their reason in `reasons`; NaN never appears.
struct PorhOutputJSON: Encodable {
    var toolkit = ToolkitStamp()
    var parameters: PorhParametersJSON
    var recordings: [PorhRecordingJSON]

    init(options: PORHOptions, recordings: [PorhRecordingJSON]) {
        parameters = PorhParametersJSON(options)
        self.recordings = recordings
    }
}

/// The options, with site defaults resolved and units in the names.
struct PorhParametersJSON: Encodable {
    var site: String
    var timing: String
    /// User-given occlusions as [start_s, release_s].
    var occlusions: [[Double]]
    var restWindowS: Double
    var biologicalZeroWindowS: Double
    var smoothingS: Double
    var smoothing = "centred moving mean"
    var returnSmoothingS: Double
    var plateauWindowS: Double
    var peakSearchS: Double
    var minimumOcclusionS: Double
    var expectedOcclusionS: Double
    var subtractBiologicalZero: Bool
    var meanArterialPressureMmhg: Double?
    /// Maximal CVC for %CVCmax, flux/mmHg; null when not given.
    var maximumCvc: Double?
    /// Hampel window in seconds when spikes were removed first; null for none.
    var hampelWindowS: Double?
    var hampelThresholdMads: Double?
    /// Band preset of the reperfusion flowmotion; null when not asked for.
    var reperfusionBands: String?
    var recoveryTimeLevels = "plateau + fraction * (peak - plateau); plateau = mean flux over the plateau window"

    init(_ o: PORHOptions) {
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
        maximumCvc = o.maximumCVC
        hampelWindowS = o.artifactFilter?.windowSeconds
        hampelThresholdMads = o.artifactFilter?.threshold
        reperfusionBands = o.reperfusionBands?.name
    }

    enum CodingKeys: String, CodingKey {
        case site, timing, occlusions, smoothing
        case restWindowS = "rest_window_s", biologicalZeroWindowS = "biological_zero_window_s", smoothingS = "smoothing_s"
        case returnSmoothingS = "return_smoothing_s", plateauWindowS = "plateau_window_s", peakSearchS = "peak_search_s"
        case minimumOcclusionS = "minimum_occlusion_s", expectedOcclusionS = "expected_occlusion_s"
        case subtractBiologicalZero = "subtract_biological_zero", meanArterialPressureMmhg = "mean_arterial_pressure_mmhg"
        case maximumCvc = "cvc_max"
        case hampelWindowS = "hampel_window_s", hampelThresholdMads = "hampel_threshold_mads"
        case reperfusionBands = "reperfusion_bands"
        case recoveryTimeLevels = "recovery_time_levels"
    }
}

/// One recording: its occlusions, or the error that stopped it.
struct PorhRecordingJSON: Encodable {
    var source: String
    var sampleRateHz: Double?
    var fluxChannel: String?
    var fluxUnit: String?
    /// File time of the first sample; every time below is on the file's axis.
    var timeOriginS: Double?
    var occlusions: [PorhOcclusionJSON]
    /// Mean, SD and CV of each parameter across the occlusions (two or more).
    var summary: [PorhSummaryJSON]
    var diagnostics: [String]
    var error: String?
    /// Kept for the table and CSV writers; not encoded.
    var result: PORHRecordingResult?

    init(source: String, result: PORHRecordingResult) {
        self.source = source
        sampleRateHz = result.sampleRateHz
        fluxChannel = result.fluxChannel
        fluxUnit = result.fluxUnit
        timeOriginS = result.timeOriginSeconds
        occlusions = result.occlusions.map { PorhOcclusionJSON($0, fluxUnit: result.fluxUnit) }
        summary = result.summary.map { PorhSummaryJSON($0, fluxUnit: result.fluxUnit) }
        diagnostics = result.diagnostics.map(\.description)
        self.result = result
    }

    init(source: String, error: String) {
        self.source = source
        occlusions = []
        summary = []
        diagnostics = []
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case source, sampleRateHz, fluxChannel, fluxUnit, timeOriginS = "time_origin_s", occlusions, summary, diagnostics, error
    }
}

/// One parameter across the occlusions of a recording.
struct PorhSummaryJSON: Encodable {
    var parameter: String
    var unit: String
    var n: Int
    var mean: Double?
    var sd: Double?
    var cvPercent: Double?
    var reason: String?

    init(_ s: PORHParameterSummary, fluxUnit: String) {
        parameter = s.key.rawValue
        unit = s.key.unit(flux: fluxUnit)
        n = s.count
        mean = s.mean
        sd = s.standardDeviation
        cvPercent = s.coefficientOfVariationPercent
        reason = s.reason
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameter, forKey: .parameter)
        try c.encode(unit, forKey: .unit)
        try c.encode(n, forKey: .n)
        try c.encode(mean, forKey: .mean)
        try c.encode(sd, forKey: .sd)
        try c.encode(cvPercent, forKey: .cvPercent)
        if let reason { try c.encode(reason, forKey: .reason) }
    }

    enum CodingKeys: String, CodingKey { case parameter, unit, n, mean, sd, cvPercent = "cv_percent", reason }
}

/// One occlusion: timing, every parameter (null with a reason when not computable), windows.
struct PorhOcclusionJSON: Encodable {
    var occlusion: PORHOcclusionResult
    var fluxUnit: String

    init(_ occlusion: PORHOcclusionResult, fluxUnit: String) {
        self.occlusion = occlusion
        self.fluxUnit = fluxUnit
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct WindowJSON: Encodable {
        var startS: Double
        var endS: Double
        init?(_ w: TimeWindow?) {
            guard let w else { return nil }
            startS = w.startSeconds
            endS = w.endSeconds
        }
        enum CodingKeys: String, CodingKey { case startS = "start_s", endS = "end_s" }
    }

    /// Band summaries of (x - fit)/d over the reperfusion segment.
    struct ReperfusionJSON: Encodable {
        var flowmotion: ReperfusionFlowmotion
        var channel: String
        init(_ flowmotion: ReperfusionFlowmotion, channel: String) { self.flowmotion = flowmotion; self.channel = channel }
        enum Keys: String, CodingKey { case segment, signal, preset, bands, diagnostics }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(WindowJSON(flowmotion.segment), forKey: .segment)
            try c.encode("(flux - transient fit) / d, dimensionless", forKey: .signal)
            try c.encode(flowmotion.report.bandSet.name, forKey: .preset)
            try c.encode(flowmotion.report.bands.map { BandSummaryRow($0, channel: channel, fluxUnit: "1") }, forKey: .bands)
            try c.encode(flowmotion.diagnostics, forKey: .diagnostics)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        let o = occlusion
        try c.encode(o.index, forKey: Key("index"))
        try c.encode(o.timing.startSeconds, forKey: Key("start_s"))
        try c.encode(o.timing.releaseSeconds, forKey: Key("release_s"))
        try c.encode(o.timing.durationSeconds, forKey: Key("duration_s"))
        try c.encode(o.timing.source.rawValue, forKey: Key("timing_source"))
        try c.encode(o.timing.detail, forKey: Key("timing_detail"))
        try c.encode(o.timing.confidence, forKey: Key("confidence"))
        try c.encode(o.restReference.rawValue, forKey: Key("rest_reference"))
        for p in o.parameters {
            if let v = p.value { try c.encode(v, forKey: Key(p.key.rawValue)) } else { try c.encodeNil(forKey: Key(p.key.rawValue)) }
        }
        var reasons: [String: String] = [:]
        for p in o.parameters { if let r = p.reason { reasons[p.key.rawValue] = r } }
        try c.encode(reasons, forKey: Key("reasons"))
        var units: [String: String] = [:]
        for p in o.parameters { units[p.key.rawValue] = p.key.unit(flux: fluxUnit) }
        try c.encode(units, forKey: Key("units"))
        let w = o.windows
        var windows: [String: WindowJSON] = [:]
        windows["rest"] = WindowJSON(w.rest)
        windows["biological_zero"] = WindowJSON(w.biologicalZero)
        windows["peak_search"] = WindowJSON(w.peakSearch)
        windows["plateau"] = WindowJSON(w.plateau)
        windows["recovery"] = WindowJSON(w.recovery)
        try c.encode(windows, forKey: Key("windows"))
        if let r = w.returnSeconds { try c.encode(r, forKey: Key("return_s")) } else { try c.encodeNil(forKey: Key("return_s")) }
        try c.encode(o.diagnostics.map(\.description), forKey: Key("diagnostics"))
        if let flowmotion = o.reperfusionFlowmotion {
            try c.encode(ReperfusionJSON(flowmotion, channel: ""), forKey: Key("reperfusion_flowmotion"))
        } else if let reason = o.reperfusionFlowmotionReason {
            try c.encodeNil(forKey: Key("reperfusion_flowmotion"))
            try c.encode(reason, forKey: Key("reperfusion_flowmotion_reason"))
        }
    }
}
