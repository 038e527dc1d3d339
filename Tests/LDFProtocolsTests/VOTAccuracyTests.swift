import Testing
import LDFCore
import LDFPORH
import LDFProtocols
import LDFSimulation

/// One simulated case of the VOT accuracy grid.
struct VOTCase: CustomTestStringConvertible, Sendable {
    var rateHz: Double
    var noise: Double
    var timing: TimingPreference
    var floor = 0.0
    var drift = 0.0
    var count = 1
    var desaturation = 12.0
    var reoxygenation = 2.0
    var seed: UInt64

    var testDescription: String {
        "\(rateHz) Hz noise \(noise) via \(timing.rawValue) floor \(floor) drift \(drift) ×\(count) desaturation \(desaturation) reoxygenation \(reoxygenation) seed \(seed)"
    }

    var simulation: VOTSimulation {
        var s = VOTSimulation()
        s.sampleRateHz = rateHz
        s.noise = noise
        s.floor = floor
        s.driftPerMinute = drift
        s.occlusionCount = count
        s.desaturationPerMinute = desaturation
        s.reoxygenationPerSecond = reoxygenation
        s.includesEventMarkers = timing == .events
        s.includesPressureChannel = timing == .pressure
        s.timeOriginSeconds = -s.baselineSeconds
        return s
    }

    /// 0.5 (Moxy), 2 and 10 Hz; 0.3-1 % noise; timed by events, by a cuff-pressure channel and by
    /// the saturation itself; partial plateaus, drift, two occlusions, slow and fast slopes.
    static let grid: [VOTCase] = [
        VOTCase(rateHz: 10, noise: 0.3, timing: .flux, seed: 1),
        VOTCase(rateHz: 10, noise: 1.0, timing: .flux, seed: 2),
        VOTCase(rateHz: 2, noise: 0.5, timing: .flux, floor: 45, seed: 3),
        VOTCase(rateHz: 0.5, noise: 0.5, timing: .flux, seed: 4),
        VOTCase(rateHz: 10, noise: 0.5, timing: .events, drift: 0.05, count: 2, seed: 5),
        VOTCase(rateHz: 5, noise: 0.5, timing: .pressure, floor: 40, seed: 6),
        VOTCase(rateHz: 10, noise: 0.5, timing: .flux, drift: -0.05, count: 2, desaturation: 20, reoxygenation: 3, seed: 7),
        VOTCase(rateHz: 2, noise: 0.5, timing: .flux, desaturation: 8, reoxygenation: 1, seed: 8),
    ]
}

/// Seeded accuracy grid of `VOTAnalysis` against the simulator's exact curve (docs/METHODS.md
/// §22.4): slopes within 5 %, timing within 1 s, levels within 2 %, times from release within
/// 1 s (the maximum's 3 s), the recovery time and areas within 5 %; widened by the drift
/// accumulated where the case drifts.
@Suite struct VOTAccuracyTests {
    @Test(arguments: VOTCase.grid)
    func readOutsMatchTheTruth(_ c: VOTCase) throws {
        let simulated = try c.simulation.generate(seed: c.seed)
        var options = VOTOptions()
        options.timing = c.timing
        let result = try VOTAnalysis.analyze(simulated.recording, options: options)
        let truth = simulated.truth
        try #require(result.occlusions.count == truth.occlusions.count, "\(result.diagnostics)")
        func absolute(_ m: ProtocolMeasure, _ expected: Double, _ tolerance: Double, _ name: String) {
            let value = m.value ?? .nan
            #expect(abs(value - expected) <= tolerance, "\(name): \(value) against \(expected) (\(m.reason ?? ""))")
        }
        let simulation = c.simulation
        for (o, expected) in zip(result.occlusions, truth.occlusions) {
            // The truth is the drift-free curve's: allow the drift accumulated since the first sample
            // (levels) and across the baseline, occlusion and recovery windows (differences), % points.
            let level = abs(c.drift) * (expected.releaseSeconds - simulation.timeOriginSeconds + 120) / 60
            let difference = abs(c.drift) * (60 + simulation.occlusionSeconds + 120) / 60
            let hyperaemiaSlope = simulation.overshoot / simulation.hyperaemiaSeconds
            #expect(abs(o.timing.startSeconds - expected.startSeconds) <= 1, "start \(o.timing.startSeconds) against \(expected.startSeconds)")
            #expect(abs(o.timing.releaseSeconds - expected.releaseSeconds) <= 1, "release \(o.timing.releaseSeconds) against \(expected.releaseSeconds)")
            absolute(o.baseline, truth.baseline, 0.02 * truth.baseline + level, "baseline")
            absolute(o.desaturation.slope, truth.desaturationSlopePerMinute, 0.05 * abs(truth.desaturationSlopePerMinute) + abs(c.drift), "desaturation slope")
            absolute(o.minimum, truth.minimum, 0.02 * truth.minimum + level, "minimum")
            absolute(o.reoxygenation.slope, truth.reoxygenationSlopePerSecond, 0.05 * truth.reoxygenationSlopePerSecond + abs(c.drift) / 60, "reoxygenation slope")
            absolute(o.maximum, truth.maximum, 0.02 * truth.maximum + level, "maximum")
            absolute(o.overshoot, truth.overshoot, 0.02 * truth.maximum + difference, "overshoot")
            absolute(o.maximumTime, truth.maximumTimeSeconds, 3, "time of the maximum")
            for (m, t, name) in [(o.timeTo50, truth.timeTo50Seconds, "time to 50 %"), (o.timeTo95, truth.timeTo95Seconds, "time to 95 %"),
                                 (o.timeToBaseline, truth.timeToBaselineSeconds, "time to baseline")] {
                absolute(m, t, 1 + difference / truth.reoxygenationSlopePerSecond, name)
            }
            absolute(o.recoveryTime, truth.recoveryTimeSeconds, 0.05 * truth.recoveryTimeSeconds + difference / hyperaemiaSlope, "recovery time")
            absolute(o.ischaemicArea, truth.ischaemicArea, 0.05 * truth.ischaemicArea + difference * simulation.occlusionSeconds, "ischaemic area")
            absolute(o.recoveryArea, truth.recoveryArea, 0.05 * truth.recoveryArea + difference * truth.recoveryTimeSeconds, "recovery area")
            #expect((o.desaturation.rSquared ?? 0) > 0.95)
        }
    }

    /// The same configuration and seed give the same samples; another seed other samples.
    @Test func simulationIsSeeded() throws {
        let a = try VOTSimulation().generate(seed: 3).recording.perfusion.values
        #expect(a == (try VOTSimulation().generate(seed: 3).recording.perfusion.values))
        #expect(a != (try VOTSimulation().generate(seed: 4).recording.perfusion.values))
    }
}
