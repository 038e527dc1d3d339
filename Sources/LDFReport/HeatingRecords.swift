import LDFCore
import LDFPORH
import LDFProtocols

/// One recording's local-heating result: the record `ldf heating` writes as a CSV row and as the
/// body of each JSON recording. Onset and maximum step on the file's axis (s); peak and nadir
/// times from the onset (s); levels in `flux_unit`; CVC in flux_unit/mmHg; %CVCmax in %;
/// temperatures in °C. A value that cannot be computed is null and `null_reasons` says why.
public struct HeatingRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var onsetS: Double
    public var onsetSource: String
    @Nullable public var maximumStepS: Double? = nil
    @Nullable public var maximumStepSource: String? = nil
    @Nullable public var setPointC: Double? = nil
    @Nullable public var maximumSetPointC: Double? = nil
    @Nullable public var biphasic: Bool? = nil
    @Nullable public var baseline: Double? = nil
    @Nullable public var initialPeak: Double? = nil
    @Nullable public var initialPeakTimeS: Double? = nil
    @Nullable public var nadir: Double? = nil
    @Nullable public var nadirTimeS: Double? = nil
    @Nullable public var plateau: Double? = nil
    @Nullable public var maximum: Double? = nil
    @Nullable public var mapMmhg: Double? = nil
    @Nullable public var cvcBaseline: Double? = nil
    @Nullable public var cvcInitialPeak: Double? = nil
    @Nullable public var cvcNadir: Double? = nil
    @Nullable public var cvcPlateau: Double? = nil
    @Nullable public var cvcMaximum: Double? = nil
    /// "maximum_step" or "cvc_max" (given).
    @Nullable public var cvcMaxSource: String? = nil
    @Nullable public var percentCvcMaxBaseline: Double? = nil
    @Nullable public var percentCvcMaxInitialPeak: Double? = nil
    @Nullable public var percentCvcMaxNadir: Double? = nil
    @Nullable public var percentCvcMaxPlateau: Double? = nil
    /// "field: reason" for every null value, joined by "; " (CVC reasons only with a MAP).
    @Nullable public var nullReasons: String? = nil

    public init(_ r: HeatingResult) {
        source = r.source
        channel = r.channel
        fluxUnit = r.fluxUnit
        onsetS = r.onset.seconds
        onsetSource = r.onset.source.rawValue
        maximumStepS = r.maximumStep?.seconds
        maximumStepSource = r.maximumStep?.source.rawValue
        setPointC = r.setPointC
        maximumSetPointC = r.maximumSetPointC
        biphasic = r.biphasic
        baseline = r[.baseline].flux.value
        initialPeak = r[.initialPeak].flux.value
        initialPeakTimeS = r.initialPeakTime.value
        nadir = r[.nadir].flux.value
        nadirTimeS = r.nadirTime.value
        plateau = r[.plateau].flux.value
        maximum = r[.maximum].flux.value
        mapMmhg = r.options.meanArterialPressureMmHg
        cvcBaseline = r[.baseline].cvc.value
        cvcInitialPeak = r[.initialPeak].cvc.value
        cvcNadir = r[.nadir].cvc.value
        cvcPlateau = r[.plateau].cvc.value
        cvcMaximum = r[.maximum].cvc.value
        cvcMaxSource = r.cvcMaxSource
        percentCvcMaxBaseline = r[.baseline].percentCVCMax.value
        percentCvcMaxInitialPeak = r[.initialPeak].percentCVCMax.value
        percentCvcMaxNadir = r[.nadir].percentCVCMax.value
        percentCvcMaxPlateau = r[.plateau].percentCVCMax.value
        let reasons = Self.reasons(r).map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        nullReasons = reasons.isEmpty ? nil : reasons
    }

    /// The reason of every missing value, by field; one reason per level for %CVCmax, and CVC
    /// reasons only when a MAP was given.
    static func reasons(_ r: HeatingResult) -> [(field: String, reason: String)] {
        var out: [(String, String)] = []
        for level in r.levels {
            if let reason = level.flux.reason { out.append((level.key.rawValue, reason)) }
        }
        if let reason = r.initialPeakTime.reason, r[.initialPeak].flux.value != nil { out.append(("initial_peak_time_s", reason)) }
        if let reason = r.nadirTime.reason, r[.nadir].flux.value != nil { out.append(("nadir_time_s", reason)) }
        if r.options.meanArterialPressureMmHg != nil {
            for level in r.levels where level.flux.value != nil {
                if let reason = level.cvc.reason { out.append(("cvc_\(level.key.rawValue)", reason)) }
            }
        }
        if r.cvcMaxSource == nil, let reason = r[.baseline].percentCVCMax.reason { out.append(("percent_cvc_max", reason)) }
        return out
    }
}

extension HeatingRow: ReportUnits {
    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        var units = ["onset_s": "s", "maximum_step_s": "s", "initial_peak_time_s": "s", "nadir_time_s": "s", "set_point_c": "°C",
                     "maximum_set_point_c": "°C", "map_mmhg": "mmHg"]
        for level in HeatingLevelKey.allCases {
            units[level.rawValue] = flux
            units["cvc_\(level.rawValue)"] = "\(flux)/mmHg"
            if level != .maximum { units["percent_cvc_max_\(level.rawValue)"] = "%" }
        }
        return units
    }
}

/// The windows one recording was measured over (file axis, s); null when not placed.
public struct HeatingWindowsRecord: Codable, Sendable, Equatable {
    @Nullable public var baseline: TimeWindowRecord? = nil
    @Nullable public var plateau: TimeWindowRecord? = nil
    @Nullable public var maximum: TimeWindowRecord? = nil

    public init(_ r: HeatingResult) {
        baseline = r[.baseline].window.map(TimeWindowRecord.init)
        plateau = r[.plateau].window.map(TimeWindowRecord.init)
        maximum = r[.maximum].window.map(TimeWindowRecord.init)
    }
}

/// One input of `ldf heating --format json`: its result with how it was timed, or the error.
public struct HeatingRecordingRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var timeOriginS: Double? = nil
    @Nullable public var result: HeatingRow? = nil
    @Nullable public var onsetDetail: String? = nil
    @Nullable public var maximumStepDetail: String? = nil
    @Nullable public var temperatureChannel: String? = nil
    @Nullable public var windows: HeatingWindowsRecord? = nil
    public var units: [String: String]
    public var diagnostics: [String]

    public init(_ r: HeatingResult) {
        source = r.source
        timeOriginS = r.timeOriginSeconds
        result = HeatingRow(r)
        onsetDetail = r.onset.detail
        maximumStepDetail = r.maximumStep?.detail
        temperatureChannel = r.temperatureChannel
        windows = HeatingWindowsRecord(r)
        units = HeatingRow.units(fluxUnit: r.fluxUnit)
        diagnostics = r.diagnostics.map(\.description)
    }

    public init(source: String, error: String) {
        self.source = source
        self.error = error
        units = [:]
        diagnostics = []
    }
}

/// `ldf heating --format json`: toolkit, parameters, per recording its result.
public struct HeatingOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var recordings: [HeatingRecordingRecord]

    /// Every setting that shaped the results (s, mmHg, flux/mmHg).
    public struct Parameters: Codable, Sendable, Equatable {
        public var timing: String
        @Nullable public var onsetS: Double?
        @Nullable public var maximumStepS: Double?
        public var baselineWindowS: Double
        public var peakSearchS: Double
        public var plateauWindowS: Double
        public var maximumWindowS: Double
        public var smoothingS: Double
        public var biphasicDrop: Double
        @Nullable public var mapMmhg: Double?
        @Nullable public var cvcMax: Double?
        /// Hampel window and threshold (scaled MADs) when motion bursts were removed first; null for none.
        @Nullable public var hampelWindowS: Double?
        @Nullable public var hampelThresholdMads: Double?
        public var onsetRule = "events naming heating, else a sustained probe-temperature rise of 1 °C, its corner by a hinge fit"
        public var percentCvcMaxRule = "100 CVC / CVCmax; CVCmax as given (cvc_max), else the maximum step's (at one MAP, 100 flux / maximum flux)"
    }

    public init(options o: HeatingOptions, recordings: [HeatingRecordingRecord]) {
        parameters = Parameters(timing: o.timing.rawValue, onsetS: o.onsetSeconds, maximumStepS: o.maximumStepSeconds,
                                baselineWindowS: o.baselineWindowSeconds, peakSearchS: o.peakSearchSeconds,
                                plateauWindowS: o.plateauWindowSeconds, maximumWindowS: o.maximumWindowSeconds,
                                smoothingS: o.smoothingSeconds, biphasicDrop: o.biphasicDrop,
                                mapMmhg: o.meanArterialPressureMmHg, cvcMax: o.maximumCVC,
                                hampelWindowS: o.artifactFilter?.windowSeconds, hampelThresholdMads: o.artifactFilter?.threshold)
        self.recordings = recordings
    }
}
