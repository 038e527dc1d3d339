import LDFCore

/// Configuration of a simulated NIRS vascular occlusion test with known truth (docs/METHODS.md
/// §22.4). `generate(seed:)` turns it into a `Recording` of tissue saturation (StO2, %) and a
/// `VOTTruth`.
///
/// `occlusionCount` occlusions of `occlusionSeconds`, the first after `baselineSeconds`, each
/// release followed by `recoverySeconds` before the next start (or the end). For each, with τ the
/// time from its start, T its length, B the baseline:
/// - before the start: B;
/// - during the occlusion: a straight fall at `desaturationPerMinute` (%/min) held at `floor`
///   when it reaches it (a partial plateau), so the minimum is m = max(floor, B - k T/60);
/// - after the release: a straight rise at `reoxygenationPerSecond` (%/s) from m to the maximum
///   M = B + `overshoot`, then straight back down to B over `hyperaemiaSeconds`, then B (a return
///   with a slope, so the recovery time is well defined; a curve that creeps back to baseline
///   leaves that crossing to the noise).
///
/// Recorded StO2: that curve + `driftPerMinute` × minutes from the first sample + white Gaussian
/// noise of SD `noise` (% points), clipped to 0-100 %. The truth is the noiseless, drift-free
/// curve's (the drift is listed so tests can allow for it).
public struct VOTSimulation: Sendable, Codable, Equatable {
    public var sampleRateHz = 10.0
    public var baselineSeconds = 120.0
    public var occlusionSeconds = 180.0
    public var recoverySeconds = 300.0
    public var occlusionCount = 1
    /// StO2 before each occlusion, %.
    public var baseline = 70.0
    /// Fall during the occlusion, %/min (a magnitude).
    public var desaturationPerMinute = 12.0
    /// Lowest StO2 the fall reaches, %; 0 for no plateau.
    public var floor = 0.0
    /// Rise after the release, %/s.
    public var reoxygenationPerSecond = 2.0
    /// Maximum above baseline, % points.
    public var overshoot = 8.0
    /// Maximum back to baseline, s.
    public var hyperaemiaSeconds = 60.0
    /// Linear drift, % points per minute.
    public var driftPerMinute = 0.0
    /// SD of the white noise, % points.
    public var noise = 0.5
    /// Adds "Occlusion" and "Release" events.
    public var includesEventMarkers = false
    /// Adds a cuff-pressure channel (mmHg): 250 during each occlusion, 0 otherwise.
    public var includesPressureChannel = false
    /// File time of the first sample.
    public var timeOriginSeconds = 0.0

    public init() {}

    public var durationSeconds: Double {
        baselineSeconds + Double(occlusionCount) * (occlusionSeconds + recoverySeconds)
    }

    /// Start of occlusion `k` (0-based), seconds from the first sample.
    public func startSeconds(_ k: Int) -> Double { baselineSeconds + Double(k) * (occlusionSeconds + recoverySeconds) }

    /// The minimum, %.
    public var minimum: Double { max(floor, baseline - desaturationPerMinute * occlusionSeconds / 60) }
    /// The maximum, %.
    public var maximum: Double { baseline + overshoot }
    /// Release to the maximum, s.
    public var riseSeconds: Double { (maximum - minimum) / reoxygenationPerSecond }

    /// Checks levels and times; errors name the parameter and the rule.
    public func validate() throws {
        guard baseline > 0, baseline + overshoot <= 100 else {
            throw LDFError("\(parameter: "baseline") \(baseline)", "baseline and overshoot must lie within 0-100 % (baseline + overshoot is \(baseline + overshoot))",
                           fix: "give a lower baseline or overshoot")
        }
        guard floor < baseline - 5, baseline - minimum >= 5 else {
            throw LDFError("\(parameter: "desaturation") \(desaturationPerMinute)",
                           "the fall from \(baseline) to \(minimum) % is less than 5 % points (floor \(floor) %)",
                           fix: "give a steeper desaturation, a longer occlusion or a lower floor")
        }
        guard overshoot >= 0, desaturationPerMinute > 0, reoxygenationPerSecond > 0, hyperaemiaSeconds > 0 else {
            throw LDFError("\(parameter: "overshoot") \(overshoot)", "overshoot must be at least 0, slopes and the hyperaemia positive",
                           fix: "give positive slopes and a positive hyperaemia")
        }
        guard riseSeconds + hyperaemiaSeconds < recoverySeconds else {
            throw LDFError("\(parameter: "recoverySeconds") \(recoverySeconds)",
                           "the recovery (\(riseSeconds) s rise + \(hyperaemiaSeconds) s hyperaemia) does not fit before the next occlusion",
                           fix: "give a longer recovery, a faster reoxygenation or a shorter hyperaemia")
        }
    }

    /// Noiseless, drift-free StO2 at `t` seconds from the first sample, %.
    public func saturation(at t: Double) -> Double {
        let k = Int(((t - baselineSeconds) / (occlusionSeconds + recoverySeconds)).rounded(.down))
        guard k >= 0 else { return baseline }
        let tau = t - startSeconds(min(k, occlusionCount - 1))
        if tau < occlusionSeconds { return max(floor, baseline - desaturationPerMinute * tau / 60) }
        let after = tau - occlusionSeconds
        if after < riseSeconds { return minimum + reoxygenationPerSecond * after }
        let decay = (after - riseSeconds) / hyperaemiaSeconds
        return decay < 1 ? baseline + overshoot * (1 - decay) : baseline
    }
}
