import LDFCore

/// The known answer for a simulated vascular occlusion test: the exact read-outs of the
/// noiseless, drift-free curve of `VOTSimulation` (docs/METHODS.md §22.4), the same for every
/// occlusion. Levels in %, slopes in %/min (desaturation, negative) and %/s (reoxygenation),
/// times in s from the release, areas in %·s.
public struct VOTTruth: Sendable, Codable, Equatable {
    /// Start and release of each occlusion, on the file's axis, s.
    public var occlusions: [Occlusion]
    public var baseline: Double
    public var desaturationSlopePerMinute: Double
    public var minimum: Double
    public var reoxygenationSlopePerSecond: Double
    public var timeTo50Seconds: Double
    public var timeTo95Seconds: Double
    public var timeToBaselineSeconds: Double
    public var maximum: Double
    public var maximumTimeSeconds: Double
    public var overshoot: Double
    public var ischaemicArea: Double
    /// Above baseline from the release until back within 5 % of the overshoot.
    public var recoveryArea: Double
    /// Release until back within 5 % of the overshoot above baseline.
    public var recoveryTimeSeconds: Double
    /// Added to the recording, not to these values, % points per minute.
    public var driftPerMinute: Double

    public struct Occlusion: Sendable, Codable, Equatable {
        public var startSeconds: Double
        public var releaseSeconds: Double
    }
}

/// A simulated vascular occlusion test and its truth.
public struct SimulatedVOT: Sendable {
    public var recording: Recording
    public var truth: VOTTruth
}
