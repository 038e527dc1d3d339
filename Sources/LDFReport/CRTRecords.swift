import LDFCore
import LDFProtocols

/// One press of a capillary-refill recording: the record `ldf crt` writes as a CSV row and in each
/// JSON recording's `presses` (docs/METHODS.md §23). Times on the file's axis (s); CRT and its
/// uncertainty in s; the rate in 1/s; the refill amplitude and the asymptote in `unit`. A CRT that
/// cannot be computed is null and `null_reason` says why.
public struct CRTPressRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var unit: String
    /// "falls" or "rises": the direction fitted.
    public var refill: String
    public var press: Int
    public var releaseS: Double
    /// "user", "events" or "detected".
    public var releaseSource: String
    public var segmentEndS: Double
    @Nullable public var fitEndS: Double? = nil
    @Nullable public var fitEndRule: String? = nil
    public var points: Int
    @Nullable public var crtS: Double? = nil
    /// Half-width of the 95 % interval, 2·CRT·σ_b/|b|.
    @Nullable public var crtUncertaintyS: Double? = nil
    @Nullable public var crtLowS: Double? = nil
    @Nullable public var crtHighS: Double? = nil
    /// 2σ_b/|b|.
    @Nullable public var relativeUncertainty: Double? = nil
    /// b (negative) and its standard error.
    @Nullable public var ratePerS: Double? = nil
    @Nullable public var rateSePerS: Double? = nil
    /// |a|: how far the signal moves back during refill.
    @Nullable public var refillAmplitude: Double? = nil
    /// The level the refill tends to, in the signal's own sign.
    @Nullable public var asymptote: Double? = nil
    @Nullable public var rSquared: Double? = nil
    @Nullable public var nullReason: String? = nil

    public init(_ p: CRTPress, of r: CRTResult) {
        source = r.source
        channel = r.channel
        unit = r.unit
        refill = r.options.refill.rawValue
        press = p.number
        releaseS = p.release.seconds
        releaseSource = p.release.source.rawValue
        segmentEndS = p.release.segmentEndSeconds
        fitEndS = p.fitEndSeconds
        fitEndRule = p.fitEndRule
        points = p.points
        crtS = p.crtSeconds
        crtUncertaintyS = p.crtUncertaintySeconds
        if let crt = p.crtSeconds, let u = p.crtUncertaintySeconds {
            crtLowS = crt - u
            crtHighS = crt + u
        }
        relativeUncertainty = p.relativeUncertainty
        ratePerS = p.fit?.rate
        rateSePerS = p.fit?.rateSE
        refillAmplitude = p.fit?.amplitude
        asymptote = p.fit.map { r.options.refill.sign * $0.offset }
        rSquared = p.fit?.rSquared
        nullReason = p.reason
    }
}

extension CRTPressRow: ReportUnits {
    public static func units(fluxUnit: String) -> [String: String] {
        let unit = ReportUnit.flux(fluxUnit)
        return ["release_s": "s", "segment_end_s": "s", "fit_end_s": "s", "crt_s": "s", "crt_uncertainty_s": "s", "crt_low_s": "s",
                "crt_high_s": "s", "relative_uncertainty": ReportUnit.dimensionless, "rate_per_s": "1/s", "rate_se_per_s": "1/s",
                "refill_amplitude": unit, "asymptote": unit, "r_squared": ReportUnit.dimensionless, "points": ReportUnit.dimensionless,
                "press": ReportUnit.dimensionless]
    }
}

/// One input of `ldf crt --format json`: its presses with how each release was found, or the error.
public struct CRTRecordingRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var channel: String? = nil
    @Nullable public var sampleCount: Int? = nil
    /// Whether the file's own uneven stamps were fitted (true) or a uniform grid.
    @Nullable public var irregularTimes: Bool? = nil
    @Nullable public var medianIntervalS: Double? = nil
    @Nullable public var meanCrtS: Double? = nil
    public var presses: [CRTPressRow]
    /// How each release was found, in press order.
    public var releaseDetails: [String]
    public var units: [String: String]
    public var diagnostics: [String]

    public init(_ r: CRTResult) {
        source = r.source
        channel = r.channel
        sampleCount = r.sampleCount
        irregularTimes = r.irregularTimes
        medianIntervalS = r.medianIntervalSeconds
        meanCrtS = r.meanCRTSeconds
        presses = r.presses.map { CRTPressRow($0, of: r) }
        releaseDetails = r.presses.map(\.release.detail)
        units = CRTPressRow.units(fluxUnit: r.unit).merging(["median_interval_s": "s", "mean_crt_s": "s"]) { a, _ in a }
        diagnostics = r.diagnostics.map(\.description)
    }

    public init(source: String, error: String) {
        self.source = source
        self.error = error
        presses = []
        releaseDetails = []
        units = [:]
        diagnostics = []
    }
}

/// `ldf crt --format json`: toolkit, parameters, per recording its presses.
public struct CRTOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var recordings: [CRTRecordingRecord]

    /// Every setting that shaped the results (s).
    public struct Parameters: Codable, Sendable, Equatable {
        public var refill: String
        public var timing: String
        public var releaseS: [Double]
        public var windowS: Double
        @Nullable public var fitEndS: Double?
        public var fitEndRule: String
        public var minimumPoints: Int
        public var smoothingS: Double
        public var minimumPressS: Double
        public var model = "I(t) = a exp(b t) + c from the release, a >= 0, b <= 0; CRT = -1/b; 95 % uncertainty 2 CRT sigma_b / |b|"
        public var fitEndMethod = "a peak of |exponential - 6th-order polynomial| over the segment, by fit_end_rule (pyCRT's calcPCRT)"
    }

    public init(options o: CRTOptions, recordings: [CRTRecordingRecord]) {
        parameters = Parameters(refill: o.refill.rawValue, timing: o.timing.rawValue, releaseS: o.releaseSeconds, windowS: o.windowSeconds,
                                fitEndS: o.fitEndSeconds, fitEndRule: o.fitEndRule.rawValue, minimumPoints: o.minimumPoints,
                                smoothingS: o.smoothingSeconds, minimumPressS: o.minimumPressSeconds)
        self.recordings = recordings
    }
}
