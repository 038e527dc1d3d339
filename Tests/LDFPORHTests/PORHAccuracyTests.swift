import Testing
import LDFCore
import LDFPORH
import LDFSimulation
import LDFTestSupport

/// One simulated case of the accuracy grid.
struct PORHCase: CustomTestStringConvertible, Sendable {
    var site: TissueSite
    var rateHz: Double
    var noise: Double
    var occlusionSeconds: Double
    var restSeconds: Double = 120
    var recoverySeconds: Double = 240
    var count: Int = 1
    var timing: TimingPreference = .flux
    /// Vasomotion near the return to rest is indistinguishable from hyperaemia, so the grid uses a
    /// moderate 3% (the simulator's default is 5%; see the report on repayment area at 5%).
    var flowmotion: Double = 0.03
    /// NaN gaps and motion spikes placed at random (at least 10 s from every edge and peak).
    var gaps = 0
    var spikes = 0
    /// Hampel window in seconds applied before the analysis; nil for none.
    var hampelSeconds: Double?
    var seed: UInt64

    var testDescription: String {
        "\(site.rawValue) \(rateHz) Hz noise \(noise) occlusion \(occlusionSeconds) s x\(count) via \(timing.rawValue)"
    }

    var simulation: PORHSimulation {
        var sim = PORHSimulation.site(site)
        sim.sampleRateHz = rateHz
        sim.noiseLevel = noise
        sim.flowmotionAmplitude = flowmotion
        sim.gapCount = gaps
        sim.spikeCount = spikes
        sim.occlusions = PORHSimulation.schedule(restSeconds: restSeconds, occlusionSeconds: occlusionSeconds,
                                                 recoverySeconds: recoverySeconds, count: count)
        sim.durationSeconds = sim.occlusions.last!.releaseSeconds + recoverySeconds
        sim.includesPressureChannel = timing == .pressure
        sim.includesEventMarkers = timing == .events
        return sim
    }
}

/// Checks every accuracy goal of the brief for one case against the simulator's truth.
func checkAccuracy(_ c: PORHCase) throws {
    let simulated = c.simulation.generate(seed: c.seed)
    var options = PORHOptions(site: c.site)
    options.timing = c.timing
    options.artifactFilter = c.hampelSeconds.map { HampelOptions(windowSeconds: $0) }
    let result = try PORHAnalysis.analyze(simulated.recording, options: options)
    try #require(result.occlusions.count == simulated.truth.occlusions.count, "occlusions found: \(result.occlusions.map(\.timing))")
    for (found, truth) in zip(result.occlusions, simulated.truth.occlusions) {
        #expect(found.timing.source.rawValue == c.timing.rawValue)
        #expect(abs(found.timing.startSeconds - truth.startSeconds) <= 1, "start \(found.timing.startSeconds) vs \(truth.startSeconds)")
        #expect(abs(found.timing.releaseSeconds - truth.releaseSeconds) <= 1, "release \(found.timing.releaseSeconds) vs \(truth.releaseSeconds)")
        let peak = try #require(found[.peakFlux].value, "\(found[.peakFlux].reason ?? "")")
        #expect(relativeDifference(peak, truth.peakFlux) <= 0.02, "peak \(peak) vs \(truth.peakFlux)")
        let toPeak = try #require(found[.timeToPeak].value)
        #expect(abs(toPeak - truth.timeToPeakSeconds) <= 1, "time to peak \(toPeak) vs \(truth.timeToPeakSeconds)")
        let t50 = try #require(found[.t50].value, "\(found[.t50].reason ?? "")")
        #expect(abs(t50 - truth.t50Seconds) <= 1, "T50 \(t50) vs \(truth.t50Seconds)")
        let debt = try #require(found[.debtArea].value)
        #expect(relativeDifference(debt, truth.debtArea) <= 0.03, "debt \(debt) vs \(truth.debtArea)")
        let repayment = try #require(found[.repaymentArea].value, "\(found[.repaymentArea].reason ?? "")")
        let trueRepayment = try #require(truth.repaymentArea)
        #expect(relativeDifference(repayment, trueRepayment) <= 0.03, "repayment \(repayment) vs \(trueRepayment)")
        let rest = try #require(found[.restFlux].value)
        #expect(relativeDifference(rest, truth.restFlux) <= 0.03, "rest \(rest) vs \(truth.restFlux)")
        let zero = try #require(found[.biologicalZero].value)
        #expect(abs(zero - truth.biologicalZero) <= 0.03 * truth.restFlux, "BZ \(zero) vs \(truth.biologicalZero)")
    }
}

/// A grid over sites (levels and biological zeros), rates 10-1000 Hz, noise 1-10% and occlusions
/// of 1-5 min, timed from the flux alone. 1000 Hz cases are kept short for debug builds.
@Test(arguments: [
    PORHCase(site: .fingerPad, rateHz: 32, noise: 0.03, occlusionSeconds: 180, seed: 1),
    PORHCase(site: .forearm, rateHz: 10, noise: 0.1, occlusionSeconds: 300, seed: 2),
    PORHCase(site: .hallux, rateHz: 100, noise: 0.05, occlusionSeconds: 120, seed: 3),
    PORHCase(site: .calf, rateHz: 40, noise: 0.02, occlusionSeconds: 240, seed: 4),
    PORHCase(site: .thenar, rateHz: 10, noise: 0.01, occlusionSeconds: 60, seed: 5),
    PORHCase(site: .other, rateHz: 1000, noise: 0.05, occlusionSeconds: 60, restSeconds: 60, recoverySeconds: 150, seed: 6),
    PORHCase(site: .forearm, rateHz: 1000, noise: 0.1, occlusionSeconds: 60, restSeconds: 60, recoverySeconds: 180, seed: 7),
    PORHCase(site: .fingerPad, rateHz: 10, noise: 0.05, occlusionSeconds: 300, seed: 8),
    PORHCase(site: .fingerPad, rateHz: 100, noise: 0.1, occlusionSeconds: 90, seed: 9),
    PORHCase(site: .calf, rateHz: 25, noise: 0.1, occlusionSeconds: 150, seed: 10),
])
func fluxDetectionMeetsAccuracyGoals(_ c: PORHCase) throws {
    try checkAccuracy(c)
}

/// Several occlusions in one recording, each with its own result.
@Test(arguments: [
    PORHCase(site: .forearm, rateHz: 20, noise: 0.05, occlusionSeconds: 120, restSeconds: 120, recoverySeconds: 240, count: 3, seed: 11),
    PORHCase(site: .fingerPad, rateHz: 32, noise: 0.03, occlusionSeconds: 60, restSeconds: 90, recoverySeconds: 200, count: 2, seed: 12),
])
func severalOcclusionsAreEachMeasured(_ c: PORHCase) throws {
    try checkAccuracy(c)
}

/// Pressure channel and events time the same simulated occlusions within the goals.
@Test(arguments: [
    PORHCase(site: .calf, rateHz: 32, noise: 0.05, occlusionSeconds: 180, timing: .pressure, seed: 21),
    PORHCase(site: .thenar, rateHz: 100, noise: 0.03, occlusionSeconds: 90, count: 2, timing: .events, seed: 22),
])
func pressureAndEventTimingMeetAccuracyGoals(_ c: PORHCase) throws {
    try checkAccuracy(c)
}

/// Artifacts: NaN gaps (0.3-2 s) and motion spikes do not move the detection or the parameters
/// beyond the goals.
@Test(arguments: [
    PORHCase(site: .forearm, rateHz: 32, noise: 0.05, occlusionSeconds: 180, gaps: 8, seed: 31),
    PORHCase(site: .hallux, rateHz: 20, noise: 0.03, occlusionSeconds: 120, count: 2, gaps: 6, spikes: 2, hampelSeconds: 2, seed: 32),
    PORHCase(site: .fingerPad, rateHz: 100, noise: 0.05, occlusionSeconds: 180, gaps: 4, spikes: 4, hampelSeconds: 2, seed: 33),
])
func artifactsDoNotBreakDetection(_ c: PORHCase) throws {
    try checkAccuracy(c)
}

/// Conditions where a threshold crossing of the smoothed flux missed T50 by more than 1 s on the
/// sweep (benchmarks/porh-accuracy.py), with the simulator's 5% flowmotion: the calf (a sharp,
/// exponential peak whose smoothed maximum is low; 1.5 s late) and the finger pad (1.9 s early),
/// both at 10 Hz with 10% noise. The recovery fit (docs/METHODS.md §7.3) holds T75, T50 and T25
/// within 1 s.
@Test(arguments: [
    PORHCase(site: .calf, rateHz: 10, noise: 0.1, occlusionSeconds: 300, recoverySeconds: 300, flowmotion: 0.05, seed: 1),
    PORHCase(site: .calf, rateHz: 10, noise: 0.01, occlusionSeconds: 300, recoverySeconds: 300, flowmotion: 0.05, seed: 1),
    PORHCase(site: .fingerPad, rateHz: 10, noise: 0.1, occlusionSeconds: 180, recoverySeconds: 300, flowmotion: 0.05, seed: 1),
])
func recoveryTimesHoldUnderFlowmotion(_ c: PORHCase) throws {
    let simulated = c.simulation.generate(seed: c.seed)
    let result = try PORHAnalysis.analyze(simulated.recording, options: { var o = PORHOptions(site: c.site); o.timing = .flux; return o }())
    let found = try #require(result.occlusions.first)
    let truth = try #require(simulated.truth.occlusions.first)
    for (key, expected) in [(PORHParameterKey.t75, truth.t75Seconds), (.t50, truth.t50Seconds), (.t25, truth.t25Seconds)] {
        let value = try #require(found[key].value, "\(key.rawValue): \(found[key].reason ?? "")")
        #expect(abs(value - expected) <= 1, "\(key.rawValue) \(value) vs \(expected)")
    }
}
