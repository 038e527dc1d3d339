import LDFCore

/// The known answer for a simulated PORH recording, per occlusion.
///
/// Times, levels, time to peak and the recovery times are analytic (from the model in
/// `PORHSimulation`); hyperaemia duration is the analytic crossing of the decay with the rest level;
/// the areas are integrals of the noiseless model curve (composite Simpson rule, 1 ms steps), so they
/// exclude flowmotion and noise. Levels in PU, times in seconds, areas in PU·s.
public struct PORHTruth: Sendable, Codable, Equatable {
    public struct Occlusion: Sendable, Codable, Equatable {
        /// Cuff inflation (flux starts to fall), seconds from the first sample.
        public var startSeconds: Double
        /// Cuff release (flux starts to rise), seconds from the first sample.
        public var releaseSeconds: Double
        /// Start and release on the file's own time axis (`timeOriginSeconds` + the above).
        public var fileStartSeconds: Double
        public var fileReleaseSeconds: Double
        /// Level before the occlusion (L in the model).
        public var restFlux: Double
        public var biologicalZero: Double
        /// Peak of the model curve, PF = peakRatio L.
        public var peakFlux: Double
        /// Peak time minus release.
        public var timeToPeakSeconds: Double
        /// Post-occlusive plateau d.
        public var plateauFlux: Double
        /// Time from the peak until F falls to d + 0.75 (PF - d): b (ln(1/0.75))^(1/c).
        public var t75Seconds: Double
        /// Time from the peak until F falls to d + 0.5 (PF - d): b (ln 2)^(1/c).
        public var t50Seconds: Double
        /// Time from the peak until F falls to d + 0.25 (PF - d): b (ln 4)^(1/c).
        public var t25Seconds: Double
        /// Release until the decay crosses the rest level; nil when the plateau is not below rest.
        public var hyperaemiaDurationSeconds: Double?
        /// Integral of (F - L)+ from release to the return; nil without a return.
        public var repaymentArea: Double?
        /// Integral of (L - F) from start to release.
        public var debtArea: Double
        /// Transient model x(t) = a exp(-(t/b)^c) + d from the peak.
        public var transientA: Double
        public var transientB: Double
        public var transientC: Double
        public var transientD: Double
    }

    /// Site of the configuration that produced it.
    public var site: TissueSite
    public var occlusions: [Occlusion]
    /// Time of the first sample on the file's own axis: an occlusion's start as written in the
    /// file's time column is `timeOriginSeconds + startSeconds`.
    public var timeOriginSeconds: Double

    public init(site: TissueSite, occlusions: [Occlusion], timeOriginSeconds: Double = 0) {
        self.site = site
        self.occlusions = occlusions
        self.timeOriginSeconds = timeOriginSeconds
    }
}

/// A simulated recording and its known truth.
public struct SimulatedPORH: Sendable {
    public var recording: Recording
    public var truth: PORHTruth

    public init(recording: Recording, truth: PORHTruth) {
        self.recording = recording
        self.truth = truth
    }
}
