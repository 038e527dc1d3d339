import LDFCore
import LDFPORH

/// A regression line over a window of a VOT curve: its slope (in the unit the field names),
/// r², the samples used and the window (file axis, s). The slope is missing with a reason when
/// the window holds too few samples.
public struct VOTSlope: Sendable, Equatable {
    public var slope: ProtocolMeasure
    public var rSquared: Double?
    public var count: Int
    public var window: TimeWindow?

    public static func missing(_ reason: String) -> VOTSlope { VOTSlope(slope: .missing(reason), rSquared: nil, count: 0, window: nil) }
}

/// The read-outs of one occlusion of a vascular occlusion test (docs/METHODS.md §22.3). Levels
/// are StO2 in %, differences in % points, times in s from the release unless said otherwise,
/// areas in %·s. A value that cannot be computed is missing with the reason.
public struct VOTOcclusionResult: Sendable {
    /// 1-based, in time order.
    public var index: Int
    /// Start and release on the file's axis, with their source.
    public var timing: OcclusionTiming
    /// Mean StO2 over the baseline window.
    public var baseline: ProtocolMeasure
    public var baselineWindow: TimeWindow?
    /// Desaturation slope, %/min (negative for a fall), over 10-90 % of the fall.
    public var desaturation: VOTSlope
    /// Lowest smoothed StO2 from the start to the end of the reoxygenation window, and its time
    /// from the release (negative before it).
    public var minimum: ProtocolMeasure
    public var minimumTime: ProtocolMeasure
    /// Reoxygenation slope, %/s, over the reoxygenation window after the release.
    public var reoxygenation: VOTSlope
    /// From the release until smoothed StO2 has recovered 50 % and 95 % of the way from the
    /// minimum to the baseline, and all the way (the baseline itself).
    public var timeTo50: ProtocolMeasure
    public var timeTo95: ProtocolMeasure
    public var timeToBaseline: ProtocolMeasure
    /// Highest smoothed StO2 in the recovery window, its time from the release, and its overshoot
    /// above the baseline (% points).
    public var maximum: ProtocolMeasure
    public var maximumTime: ProtocolMeasure
    public var overshoot: ProtocolMeasure
    /// ∫ (baseline - StO2) dt from start to release, %·s.
    public var ischaemicArea: ProtocolMeasure
    /// ∫ (StO2 - baseline)+ dt from the release to the return to baseline (or the end of the
    /// recovery window), %·s.
    public var recoveryArea: ProtocolMeasure
    /// From the release until smoothed StO2, after its maximum, is back down at the baseline
    /// (within 5 % of the overshoot above it: the end of the hyperaemic overshoot), s.
    public var recoveryTime: ProtocolMeasure
    /// Where the maximum, the times and the recovery area were looked for (file axis, s).
    public var recoveryWindow: TimeWindow
    public var diagnostics: [Diagnostic]
}

/// Everything measured in one VOT recording. Times on the file's own axis.
public struct VOTResult: Sendable {
    public var source: String
    /// The analysed saturation channel and its unit (normally %).
    public var channel: String
    public var unit: String
    public var sampleRateHz: Double
    public var timeOriginSeconds: Double
    public var occlusions: [VOTOcclusionResult]
    public var options: VOTOptions
    /// Notes and warnings about the recording and its timing.
    public var diagnostics: [Diagnostic]
}
