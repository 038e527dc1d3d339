import LDFCore

/// Where the heating onset and the maximum step may come from.
public enum HeatingTimingPreference: String, Sendable, Codable, CaseIterable {
    /// Events first, then the probe temperature.
    case auto
    /// Only heating events in the file.
    case events
    /// Only the probe-temperature channel.
    case temperature
}

/// Every setting of a local-heating analysis (docs/METHODS.md §18.1); recorded in outputs. Times
/// in seconds; `onsetSeconds` and `maximumStepSeconds` on the file's own axis.
public struct HeatingOptions: Sendable, Codable, Equatable {
    public var timing = HeatingTimingPreference.auto
    /// Heating onset given by the user (source `user`); nil to find it.
    public var onsetSeconds: Double?
    /// Start of the maximum step (43-44 °C) given by the user; nil to find it.
    public var maximumStepSeconds: Double?
    /// Baseline: mean flux over this window before the onset (default 120 s).
    public var baselineWindowSeconds = 120.0
    /// The initial peak is the first maximum within this long after the onset (default 600 s).
    public var peakSearchSeconds = 600.0
    /// Plateau: mean flux over this window ending at the maximum step, or at the recording's end
    /// without one (default 300 s: the last 5 min at the first set-point).
    public var plateauWindowSeconds = 300.0
    /// Maximum: mean flux over this window at the end of the maximum step (default 180 s).
    public var maximumWindowSeconds = 180.0
    /// Centred moving-mean length for locating the peak and nadir (default 10 s).
    public var smoothingSeconds = 10.0
    /// Biphasic when the flux falls from the initial peak to the nadir by at least this fraction
    /// of the peak's rise above baseline (default 0.1).
    public var biphasicDrop = 0.1
    /// Mean arterial pressure for CVC = flux / MAP, mmHg.
    public var meanArterialPressureMmHg: Double?
    /// Maximal CVC measured separately, flux/mmHg, for %CVCmax instead of the maximum step.
    public var maximumCVC: Double?
    /// Hampel filter for motion bursts, applied to the flux before anything is timed or measured;
    /// nil (the default) for none.
    public var artifactFilter: HampelOptions?
    /// The Hampel window suited to local heating (s): the slowest feature worth keeping, the
    /// initial peak, rises over one to three minutes, so a 20 s window removes bursts of a few
    /// seconds and leaves the response alone.
    public static let artifactWindowSeconds = 20.0

    public init() {}

    /// Checks the settings; errors name the parameter, its value and the rule.
    public func validate() throws {
        for (value, name) in [(baselineWindowSeconds, "baselineWindow"), (peakSearchSeconds, "peakSearch"),
                              (plateauWindowSeconds, "plateauWindow"), (maximumWindowSeconds, "maximumWindow"),
                              (smoothingSeconds, "smoothing")] where !(value > 0 && value.isFinite) {
            throw LDFError("\(parameter: name)", "\(value) s is not a positive length", fix: "e.g. \(parameter: name) 60")
        }
        guard biphasicDrop > 0, biphasicDrop < 1 else {
            throw LDFError("\(parameter: "biphasicDrop")", "\(biphasicDrop) must be between 0 and 1", fix: "e.g. \(parameter: "biphasicDrop") 0.1")
        }
        try artifactFilter?.validate()
        if maximumCVC != nil, meanArterialPressureMmHg == nil {
            throw LDFError("\(parameter: "cvcMax")", "needs \(parameter: "map"): %CVCmax compares CVC = flux / MAP with the maximal CVC",
                           fix: "give \(parameter: "map") MMHG")
        }
        if let onsetSeconds, let maximumStepSeconds, maximumStepSeconds <= onsetSeconds {
            throw LDFError("\(parameter: "maximumStep") \(maximumStepSeconds)", "the maximum step must come after the onset \(onsetSeconds) s",
                           fix: "give the start of the 43-44 °C step on the file's time axis")
        }
    }
}
