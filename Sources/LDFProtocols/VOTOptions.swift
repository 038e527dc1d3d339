import LDFCore
import LDFPORH

/// Every setting of a NIRS vascular occlusion test analysis (docs/METHODS.md §22.2); recorded in
/// outputs. Times in seconds; user occlusions on the file's own axis.
public struct VOTOptions: Sendable, Codable, Equatable {
    /// How occlusions are timed when `occlusions` is empty: `auto` (events, then a cuff-pressure
    /// channel, then the saturation itself), `events`, `pressure`, or `flux` (the analysed
    /// saturation channel alone, `VOTOcclusionDetector`).
    public var timing = TimingPreference.auto
    /// Occlusions given by the user; when not empty they are used as they are (source `user`).
    public var occlusions: [OcclusionInterval] = []
    /// Shorter occlusions are rejected (default 20 s; a VOT occludes for about 3 min).
    public var minimumOcclusionSeconds = 20.0
    /// Baseline StO2: mean over this window before the occlusion (default 60 s), shortened to the
    /// time since the previous occlusion's recovery window or the recording's start.
    public var baselineWindowSeconds = 60.0
    /// Reoxygenation slope: regression over this long after release (default 10 s, Bezemer 2009).
    public var reoxygenationWindowSeconds = 10.0
    /// The maximum, the reperfusion times, the recovery area and the return to baseline are looked
    /// for this long after release (default 120 s), cut at the next occlusion.
    public var recoveryWindowSeconds = 120.0
    /// Centred moving-mean length for the minimum, the maximum and the level crossings (default 2 s).
    public var smoothingSeconds = 2.0

    public init() {}

    /// Checks the settings; errors name the parameter, its value and the rule.
    public func validate() throws {
        let lengths = [(baselineWindowSeconds, "baselineWindow"), (reoxygenationWindowSeconds, "reoxygenationWindow"),
                       (recoveryWindowSeconds, "recoveryWindow"), (smoothingSeconds, "smoothing"),
                       (minimumOcclusionSeconds, "minOcclusion")]
        for (value, name) in lengths where !(value > 0 && value.isFinite) {
            throw LDFError("\(parameter: name)", "\(value) s is not a positive length", fix: "e.g. \(parameter: name) 10")
        }
        guard recoveryWindowSeconds > reoxygenationWindowSeconds else {
            throw LDFError("\(parameter: "recoveryWindow") \(recoveryWindowSeconds)",
                           "must be longer than \(parameter: "reoxygenationWindow") \(reoxygenationWindowSeconds) s",
                           fix: "e.g. \(parameter: "recoveryWindow") 120")
        }
        try OcclusionInterval.validate(occlusions, minimumSeconds: minimumOcclusionSeconds)
    }

    /// The PORH timing settings these options stand for, for `OcclusionDetector`.
    func occlusionTimingOptions(_ preference: TimingPreference) -> PORHOptions {
        var o = PORHOptions()
        o.timing = preference
        o.occlusions = occlusions
        o.minimumOcclusionSeconds = minimumOcclusionSeconds
        return o
    }
}
