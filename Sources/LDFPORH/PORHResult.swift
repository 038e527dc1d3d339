import LDFCore

/// A stretch of time in seconds from the recording's first sample.
public struct TimeWindow: Sendable, Codable, Equatable {
    public var startSeconds: Double
    public var endSeconds: Double
    public var durationSeconds: Double { endSeconds - startSeconds }

    public init(startSeconds: Double, endSeconds: Double) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }

    public func contains(_ t: Double) -> Bool { t >= startSeconds && t < endSeconds }
}

/// The windows a PORH result was measured over, so it can be checked and plotted.
public struct PORHWindows: Sendable, Codable, Equatable {
    /// Rest-flux window (shortened when the recording or a previous recovery leaves less room).
    public var rest: TimeWindow?
    /// Biological-zero window at the end of the occlusion.
    public var biologicalZero: TimeWindow?
    /// Where the peak was searched.
    public var peakSearch: TimeWindow?
    /// Post-occlusive plateau window at the end of the recovery.
    public var plateau: TimeWindow?
    /// From release to the next occlusion's start or the recording's end.
    public var recovery: TimeWindow
    /// When smoothed flux came back to rest flux, if it did.
    public var returnSeconds: Double?
}

/// Where an occlusion's rest flux was measured.
public enum RestReference: String, Sendable, Codable {
    /// Over the rest window just before this occlusion.
    case beforeThisOcclusion = "before_this_occlusion"
    /// Over the first occlusion's rest window: no clean baseline before this one.
    case beforeFirstOcclusion = "before_first_occlusion"
}

/// Everything measured for one occlusion.
public struct PORHOcclusionResult: Sendable {
    /// 1-based position of the occlusion in the recording.
    public var index: Int
    public var timing: OcclusionTiming
    /// Every parameter in `PORHParameterKey` order; null ones carry their reason.
    public var parameters: [PORHParameter]
    /// The transient fit, when it could be made.
    public var transientFit: StretchedExponentialFit?
    public var windows: PORHWindows
    /// Warnings and notes about this occlusion.
    public var diagnostics: [Diagnostic]
    /// Band summaries of the reperfusion segment with the transient removed, when asked for
    /// (`PORHOptions.reperfusionBands`) and computable.
    public var reperfusionFlowmotion: ReperfusionFlowmotion?
    /// Why `reperfusionFlowmotion` is nil although it was asked for.
    public var reperfusionFlowmotionReason: String?
    /// Where the rest flux was measured.
    public var restReference = RestReference.beforeThisOcclusion
    /// How T75/T50/T25 were read; nil when there are none to read (no peak or no end level).
    public var recoveryTimesMethod: RecoveryTimesMethod?
    /// R² beyond white noise of the recovery fit (the transient from the peak time with the end
    /// level held; `StretchedExponentialFit.rSquaredBeyondNoise`), the quantity the method is chosen
    /// on; nil without a fit.
    public var recoveryFitRSquared: Double?

    public init(index: Int, timing: OcclusionTiming, parameters: [PORHParameter], transientFit: StretchedExponentialFit?,
                windows: PORHWindows, diagnostics: [Diagnostic]) {
        precondition(parameters.map(\.key) == PORHParameterKey.allCases, "parameters must follow PORHParameterKey order")
        self.index = index
        self.timing = timing
        self.parameters = parameters
        self.transientFit = transientFit
        self.windows = windows
        self.diagnostics = diagnostics
    }

    /// The parameter for `key`.
    public subscript(key: PORHParameterKey) -> PORHParameter {
        parameters[PORHParameterKey.allCases.firstIndex(of: key)!]
    }
}

/// The PORH analysis of one recording.
public struct PORHRecordingResult: Sendable {
    /// Path of the analysed file (or the simulation's name).
    public var source: String
    public var sampleRateHz: Double
    /// Unit of the flux channel, e.g. "PU".
    public var fluxUnit: String
    /// Name of the flux channel analysed.
    public var fluxChannel: String
    public var occlusions: [PORHOcclusionResult]
    /// Notes about timing and the recording as a whole.
    public var diagnostics: [Diagnostic]
    /// The options used (site defaults resolved).
    public var options: PORHOptions
    /// File time of the first sample: every time in `occlusions` is on the file's own axis,
    /// seconds from the first sample plus this.
    public var timeOriginSeconds: Double

    public init(source: String, sampleRateHz: Double, fluxUnit: String, fluxChannel: String,
                occlusions: [PORHOcclusionResult], diagnostics: [Diagnostic], options: PORHOptions,
                timeOriginSeconds: Double = 0) {
        self.timeOriginSeconds = timeOriginSeconds
        self.source = source
        self.sampleRateHz = sampleRateHz
        self.fluxUnit = fluxUnit
        self.fluxChannel = fluxChannel
        self.occlusions = occlusions
        self.diagnostics = diagnostics
        self.options = options
    }
}
