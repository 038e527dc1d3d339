import LDFCore

/// Which way the signal moves as the capillaries refill after the press is released.
public enum RefillDirection: String, Sendable, Codable, CaseIterable {
    /// Camera or reflectance intensity (pyCRT's green channel): blanching raises it, refill lowers it.
    case falls
    /// Perfusion or blood volume (LDF flux, PPG amplitude): blanching lowers it, refill raises it.
    case rises

    /// +1 or -1: the factor that turns the signal into one that falls during refill.
    public var sign: Double { self == .falls ? 1 : -1 }
}

/// Where the releases may come from when none are given.
public enum CRTTimingPreference: String, Sendable, Codable, CaseIterable {
    /// Release events first, else detection from the signal.
    case auto
    /// Only release events in the file.
    case events
    /// Only detection from the signal.
    case detect
}

/// How the fit's end is chosen among the divergence peaks (docs/METHODS.md §23.4).
public enum CRTFitEndRule: String, Sendable, Codable, CaseIterable {
    /// Of all divergence peaks, the one whose fit has the smallest relative uncertainty of b
    /// (pyCRT's default "best fit"; the default here).
    case uncertainty
    /// The largest peak of |exponential - polynomial| whose fit succeeds (pyCRT's "strict"). With
    /// noise it often ends the fit within a fraction of a CRT (the polynomial cannot follow the
    /// refill's start), so its CRT is much less certain.
    case divergence
}

/// Every setting of a capillary-refill analysis (docs/METHODS.md §23); recorded in outputs. Times in
/// seconds; `releaseSeconds` on the file's own axis.
public struct CRTOptions: Sendable, Codable, Equatable {
    public var refill = RefillDirection.falls
    public var timing = CRTTimingPreference.auto
    /// Release times given by the user (source `user`); empty to take events or detect them.
    public var releaseSeconds: [Double] = []
    /// Longest segment fitted after a release (default 15 s, three time constants of a 5 s CRT);
    /// it also ends at the next press.
    public var windowSeconds = 15.0
    /// The fit's end, in seconds after the release; nil to choose it by `fitEndRule`.
    public var fitEndSeconds: Double?
    public var fitEndRule = CRTFitEndRule.uncertainty
    /// Fewest samples in a fit (default 10).
    public var minimumPoints = 10
    /// Centred moving-mean length for finding releases (default 0.2 s).
    public var smoothingSeconds = 0.2
    /// A detected press holds the signal past half its range for at least this long (default 1 s).
    public var minimumPressSeconds = 1.0

    public init() {}

    /// Checks the settings; errors name the parameter, its value and the rule.
    public func validate() throws {
        for (value, name) in [(windowSeconds, "window"), (smoothingSeconds, "smoothing"), (minimumPressSeconds, "minimumPress")]
            where !(value > 0 && value.isFinite) {
            throw LDFError("\(parameter: name)", "\(value) s is not a positive length", fix: "e.g. \(parameter: name) 1")
        }
        guard minimumPoints >= ExponentialDecayFit.minimumPoints else {
            throw LDFError("\(parameter: "minimumPoints")", "\(minimumPoints) is fewer than the \(ExponentialDecayFit.minimumPoints) a three-parameter fit needs",
                           fix: "e.g. \(parameter: "minimumPoints") 10")
        }
        if let fitEndSeconds, !(fitEndSeconds > 0 && fitEndSeconds <= windowSeconds) {
            throw LDFError("\(parameter: "fitEnd") \(fitEndSeconds)", "the fit's end must be after the release and within \(parameter: "window") (\(windowSeconds) s)",
                           fix: "give the end in seconds after the release, e.g. \(parameter: "fitEnd") 4")
        }
        if !releaseSeconds.isEmpty, timing != .auto {
            throw LDFError("\(parameter: "release")", "given release times leave nothing for \(parameter: "timing") \(timing.rawValue) to choose",
                           fix: "drop \(parameter: "timing") or \(parameter: "release")")
        }
        for (a, b) in zip(releaseSeconds, releaseSeconds.dropFirst()) where b <= a {
            throw LDFError("\(parameter: "release")", "times must increase (\(a) then \(b))", fix: "list the releases in time order")
        }
    }
}
