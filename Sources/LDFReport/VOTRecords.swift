import LDFCore
import LDFPORH
import LDFProtocols

/// One occlusion of a vascular occlusion test: the record `ldf vot` writes as a CSV row and in
/// each JSON recording (docs/METHODS.md §22.3). Start and release on the file's axis (s); levels
/// StO2 in %; overshoot in % points; desaturation slope in %/min, reoxygenation slope in %/s;
/// times from the release (s); areas in %·s. A value that cannot be computed is null and
/// `null_reasons` says why.
public struct VOTOcclusionRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var unit: String
    public var occlusion: Int
    public var startS: Double
    public var releaseS: Double
    /// user, events, pressure or signal (the saturation itself).
    public var timingSource: String
    @Nullable public var baseline: Double? = nil
    @Nullable public var desaturationSlope: Double? = nil
    @Nullable public var desaturationR2: Double? = nil
    @Nullable public var minimum: Double? = nil
    @Nullable public var minimumTimeS: Double? = nil
    @Nullable public var reoxygenationSlope: Double? = nil
    @Nullable public var reoxygenationR2: Double? = nil
    @Nullable public var timeTo50S: Double? = nil
    @Nullable public var timeTo95S: Double? = nil
    @Nullable public var timeToBaselineS: Double? = nil
    @Nullable public var maximum: Double? = nil
    @Nullable public var maximumTimeS: Double? = nil
    @Nullable public var overshoot: Double? = nil
    @Nullable public var ischaemicArea: Double? = nil
    @Nullable public var recoveryArea: Double? = nil
    @Nullable public var recoveryTimeS: Double? = nil
    /// "field: reason" for every null value, joined by "; ".
    @Nullable public var nullReasons: String? = nil

    /// The default names, except the percentages, written `time_to_50_s` rather than `time_to50_s`.
    enum CodingKeys: String, CodingKey {
        case source, channel, unit, occlusion, startS, releaseS, timingSource, baseline, desaturationSlope, desaturationR2
        case minimum, minimumTimeS, reoxygenationSlope, reoxygenationR2
        case timeTo50S = "time_to_50_s", timeTo95S = "time_to_95_s"
        case timeToBaselineS, maximum, maximumTimeS, overshoot, ischaemicArea, recoveryArea, recoveryTimeS, nullReasons
    }

    public init(_ r: VOTResult, _ o: VOTOcclusionResult) {
        source = r.source
        channel = r.channel
        unit = r.unit
        occlusion = o.index
        startS = o.timing.startSeconds
        releaseS = o.timing.releaseSeconds
        timingSource = Self.sourceName(o.timing.source)
        baseline = o.baseline.value
        desaturationSlope = o.desaturation.slope.value
        desaturationR2 = o.desaturation.rSquared
        minimum = o.minimum.value
        minimumTimeS = o.minimumTime.value
        reoxygenationSlope = o.reoxygenation.slope.value
        reoxygenationR2 = o.reoxygenation.rSquared
        timeTo50S = o.timeTo50.value
        timeTo95S = o.timeTo95.value
        timeToBaselineS = o.timeToBaseline.value
        maximum = o.maximum.value
        maximumTimeS = o.maximumTime.value
        overshoot = o.overshoot.value
        ischaemicArea = o.ischaemicArea.value
        recoveryArea = o.recoveryArea.value
        recoveryTimeS = o.recoveryTime.value
        let reasons = Self.reasons(o).map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        nullReasons = reasons.isEmpty ? nil : reasons
    }

    /// The timing source as outputs name it: the saturation detection is "signal".
    static func sourceName(_ source: TimingSource) -> String { source == .flux ? "signal" : source.rawValue }

    /// The reason of every missing value, by field (a reason shared by dependent fields once).
    public static func reasons(_ o: VOTOcclusionResult) -> [(field: String, reason: String)] {
        let fields: [(String, ProtocolMeasure)] = [
            ("baseline", o.baseline), ("desaturation_slope", o.desaturation.slope), ("minimum", o.minimum),
            ("reoxygenation_slope", o.reoxygenation.slope), ("time_to_50_s", o.timeTo50), ("time_to_95_s", o.timeTo95),
            ("time_to_baseline_s", o.timeToBaseline), ("maximum", o.maximum), ("recovery_time_s", o.recoveryTime),
        ]
        let independent = o.baseline.value == nil ? fields.prefix(1) + fields.filter { ["minimum", "reoxygenation_slope", "maximum"].contains($0.0) } : fields[...]
        return independent.compactMap { field, m in m.reason.map { (field, $0) } }
    }
}

extension VOTOcclusionRow: ReportUnits {
    public static func units(fluxUnit: String) -> [String: String] {
        let level = ReportUnit.flux(fluxUnit)
        return ["start_s": "s", "release_s": "s", "baseline": level, "desaturation_slope": "\(level)/min", "desaturation_r2": ReportUnit.dimensionless,
                "minimum": level, "minimum_time_s": "s", "reoxygenation_slope": "\(level)/s", "reoxygenation_r2": ReportUnit.dimensionless,
                "time_to_50_s": "s", "time_to_95_s": "s", "time_to_baseline_s": "s", "maximum": level, "maximum_time_s": "s",
                "overshoot": level == "%" ? "% points" : level, "ischaemic_area": "\(level)·s", "recovery_area": "\(level)·s", "recovery_time_s": "s"]
    }
}

/// The windows one occlusion was measured over (file axis, s); null when not placed.
public struct VOTWindowsRecord: Codable, Sendable, Equatable {
    @Nullable public var baseline: TimeWindowRecord? = nil
    @Nullable public var desaturation: TimeWindowRecord? = nil
    @Nullable public var reoxygenation: TimeWindowRecord? = nil
    public var recovery: TimeWindowRecord

    public init(_ o: VOTOcclusionResult) {
        baseline = o.baselineWindow.map(TimeWindowRecord.init)
        desaturation = o.desaturation.window.map(TimeWindowRecord.init)
        reoxygenation = o.reoxygenation.window.map(TimeWindowRecord.init)
        recovery = TimeWindowRecord(o.recoveryWindow)
    }
}

/// One occlusion in `ldf vot --format json`: its row, how it was timed, its windows and notes.
public struct VOTOcclusionRecord: Codable, Sendable, Equatable {
    public var result: VOTOcclusionRow
    public var timingDetail: String
    public var windows: VOTWindowsRecord
    public var diagnostics: [String]

    public init(_ r: VOTResult, _ o: VOTOcclusionResult) {
        result = VOTOcclusionRow(r, o)
        timingDetail = o.timing.detail
        windows = VOTWindowsRecord(o)
        diagnostics = o.diagnostics.map(\.description)
    }
}

/// One input of `ldf vot --format json`: its occlusions, or the error.
public struct VOTRecordingRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var channel: String? = nil
    @Nullable public var sampleRateHz: Double? = nil
    @Nullable public var timeOriginS: Double? = nil
    public var occlusions: [VOTOcclusionRecord]
    public var units: [String: String]
    public var diagnostics: [String]

    public init(_ r: VOTResult) {
        source = r.source
        channel = r.channel
        sampleRateHz = r.sampleRateHz
        timeOriginS = r.timeOriginSeconds
        occlusions = r.occlusions.map { VOTOcclusionRecord(r, $0) }
        units = VOTOcclusionRow.units(fluxUnit: r.unit)
        diagnostics = r.diagnostics.map(\.description)
    }

    public init(source: String, error: String) {
        self.source = source
        self.error = error
        occlusions = []
        units = [:]
        diagnostics = []
    }
}

/// `ldf vot --format json`: toolkit, parameters, per recording its occlusions.
public struct VOTOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var recordings: [VOTRecordingRecord]

    /// Every setting that shaped the results (s).
    public struct Parameters: Codable, Sendable, Equatable {
        public var timing: String
        public var occlusions: [TimeWindowRecord]
        public var minOcclusionS: Double
        public var baselineWindowS: Double
        public var reoxygenationWindowS: Double
        public var recoveryWindowS: Double
        public var smoothingS: Double
        public var desaturationRule = "regression over 10-90 % of the fall from baseline to the smoothed minimum during the occlusion"
        public var reperfusionRule = "times from release until the smoothed StO2 recovers 50 %, 95 % and 100 % of the way from the minimum to baseline"
        public var recoveryRule = "release until the smoothed StO2, after its maximum, is back within 5 % of the overshoot above baseline"
    }

    public init(options o: VOTOptions, recordings: [VOTRecordingRecord]) {
        parameters = Parameters(timing: o.timing.rawValue,
                                occlusions: o.occlusions.map { TimeWindowRecord(TimeWindow(startSeconds: $0.startSeconds, endSeconds: $0.releaseSeconds)) },
                                minOcclusionS: o.minimumOcclusionSeconds, baselineWindowS: o.baselineWindowSeconds,
                                reoxygenationWindowS: o.reoxygenationWindowSeconds, recoveryWindowS: o.recoveryWindowSeconds,
                                smoothingS: o.smoothingSeconds)
        self.recordings = recordings
    }
}
