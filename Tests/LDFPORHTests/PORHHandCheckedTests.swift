import Testing
import Foundation
import LDFCore
import LDFPORH
import LDFSimulation
import LDFTestSupport

/// A noiseless recording at 10 Hz whose parameters can be worked out by hand:
/// flux 100 for 0-120 s, 10 during the occlusion 120-180 s, then 90 + 210 exp(-(t - 180)/20)
/// until 480 s (peak 300 at release, plateau 90, returns to 100 at 180 + 20 ln 21 s).
func handRecording(pressure: [Double]? = nil, events: [Event] = []) -> Recording {
    let rate = 10.0
    let flux = (0..<4800).map { i -> Double in
        let t = Double(i) / rate
        if t < 120 { return 100 }
        if t < 180 { return 10 }
        return 90 + 210 * exp(-(t - 180) / 20)
    }
    var channels = [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)]
    if let pressure { channels.append(Channel(name: "Cuff", unit: "mmHg", kind: .pressure, values: pressure)) }
    return Recording(channels: channels, sampleRateHz: rate, events: events,
                     provenance: Provenance(source: "hand.csv", reader: "test"))
}

@Test func handCheckedParameters() throws {
    var options = PORHOptions(site: .forearm)
    options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 180)]
    options.meanArterialPressureMmHg = 90
    let result = try PORHAnalysis.analyze(handRecording(), options: options)
    let o = try #require(result.occlusions.first)
    #expect(o.timing.source == .user)
    #expect(o[.restFlux].value == 100)
    #expect(o[.biologicalZero].value == 10)
    #expect(o[.occlusionMinimum].value == 10)
    // Debt: (100 - 10) * 60 s.
    #expect(abs(try #require(o[.debtArea].value) - 5400) < 1e-9)
    // Plateau: 90 + 210 exp(-(420..480 - 180)/20) is 90 to within 0.002.
    #expect(abs(try #require(o[.plateauFlux].value) - 90) < 0.002)
    // Forearm smoothing is 3 s (31 samples at 10 Hz): the smoothed maximum is the mean of samples
    // 1800...1830 (the first window wholly after release), centred on 181.5 s; the decay there is
    // convex, so the parabola refinement keeps that time.
    var windowSum = 0.0
    for k in 0...30 { windowSum += exp(-Double(k) / 200) }
    let smoothedPeak: Double = 90 + 210 * windowSum / 31
    #expect(abs(try #require(o[.peakFlux].value) - smoothedPeak) < 1e-9)
    #expect(abs(try #require(o[.timeToPeak].value) - 1.5) < 1e-9)
    let peak = smoothedPeak
    // Return to 100: 180 + 20 ln 21 = 240.89 s, so hyperaemia lasts 60.89 s.
    #expect(abs(try #require(o[.hyperaemiaDuration].value) - 20 * log(21.0)) < 0.3)
    // Repayment: integral of 210 exp(-s/20) - 10 over 0..20 ln 21 = 4000 - 4000/21 - 200 ln 21
    // (3391.1); smoothing across the step at release mixes in up to 1.5 s of the occlusion.
    let repayment = 4000 - 4000 / 21.0 - 200 * log(21.0)
    let measuredRepayment = try #require(o[.repaymentArea].value)
    #expect(relativeDifference(measuredRepayment, repayment) < 0.03, "repayment \(measuredRepayment) vs \(repayment)")
    // T75/T50/T25: the recovery fit from the peak time (181.5 s) with its end level held at the
    // plateau (90) sees 90 + 210 exp(-1.5/20) exp(-s/20): b = 20, c = 1, so T_X = 20 ln(1/X),
    // whatever the smoothed peak.
    #expect(abs(try #require(o[.t75].value) - 20 * log(1 / 0.75)) < 0.05)
    #expect(abs(try #require(o[.t50].value) - 20 * log(2.0)) < 0.05)
    #expect(abs(try #require(o[.t25].value) - 20 * log(4.0)) < 0.05)
    // The transient fit sees the exponential: c = 1, b = 20, d = 90.
    let fit = try #require(o.transientFit)
    #expect(abs(fit.c - 1) < 0.05 && abs(fit.b - 20) < 1.5 && abs(fit.d - 90) < 0.5)
    #expect(fit.rSquared > 0.999)
    // CVC with MAP 90 mmHg: rest 100/90; the rest as a percentage of the peak is 100 rest / peak.
    #expect(abs(try #require(o[.cvcRest].value) - 100.0 / 90) < 1e-12)
    #expect(abs(try #require(o[.restPercentOfPeak].value) - 100 * 100 / peak) < 1e-9)
    // No maximal CVC given: no %CVCmax, with the reason.
    #expect(o[.percentCVCMaxRest].value == nil && o[.percentCVCMaxRest].reason?.contains("maximal CVC") == true)
    // Ratios.
    #expect(abs(try #require(o[.peakRestRatio].value) - peak / 100) < 1e-12)
    #expect(abs(try #require(o[.bzCorrectedRatio].value) - (peak - 10) / 90) < 1e-12)
    #expect(abs(try #require(o[.repaymentDebtRatio].value) - measuredRepayment / 5400) < 1e-12)
}

@Test func biologicalZeroSubtraction() throws {
    var options = PORHOptions()
    options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 180)]
    options.subtractBiologicalZero = true
    let o = try #require(try PORHAnalysis.analyze(handRecording(), options: options).occlusions.first)
    #expect(o[.restFlux].value == 90)
    #expect(o[.biologicalZero].value == 10)
    #expect(o[.occlusionMinimum].value == 0)
    #expect(abs(try #require(o[.debtArea].value) - 5400) < 1e-9)
    #expect(o[.peakRestRatio].value == o[.bzCorrectedRatio].value)
    #expect(o[.cvcRest].value == nil)
    #expect(o[.cvcRest].reason?.contains("map") == true)
}

/// Cuff pressure 0 -> 200 mmHg over 120-180 s: timed by the 50% crossings.
@Test func pressureChannelTimesTheOcclusion() throws {
    let pressure = (0..<4800).map { i -> Double in
        let t = Double(i) / 10
        return t >= 120 && t < 180 ? 200 : 0
    }
    let result = try PORHAnalysis.analyze(handRecording(pressure: pressure))
    let o = try #require(result.occlusions.first)
    #expect(o.timing.source == .pressure)
    #expect(abs(o.timing.startSeconds - 120) <= 0.1)
    #expect(abs(o.timing.releaseSeconds - 180) <= 0.1)
}

/// Events win over pressure and flux in auto mode.
@Test func eventsAreTheMostTrustedSource() throws {
    let events = [Event(timeSeconds: 120, label: "Cuff on"), Event(timeSeconds: 180, label: "Release")]
    let result = try PORHAnalysis.analyze(handRecording(events: events))
    let o = try #require(result.occlusions.first)
    #expect(o.timing.source == .events)
    #expect(o.timing.startSeconds == 120 && o.timing.releaseSeconds == 180)
}

/// The trace marks each phase.
@Test func traceMarksPhases() throws {
    var options = PORHOptions()
    options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 180)]
    options.restWindowSeconds = 60
    let recording = handRecording()
    let result = try PORHAnalysis.analyze(recording, options: options)
    let trace = try PORHTrace(recording: recording, result: result)
    #expect(trace.rows.count == recording.sampleCount)
    #expect(trace.rows[0].phase == .unassigned)          // before the 60 s rest window
    #expect(trace.rows[1000].phase == .rest)              // 100 s
    #expect(trace.rows[1500].phase == .occlusion)         // 150 s
    #expect(trace.rows[2000].phase == .reperfusion)       // 200 s, before the return at 240.9 s
    #expect(trace.rows[3000].phase == .recovery)          // 300 s
    #expect(trace.rows[1000].smoothedFlux == 100)
}

/// %CVCmax against a maximal CVC the user gives: with MAP 90 mmHg and CVCmax 2.5 PU/mmHg the rest CVC
/// 100/90 is 100 (100/90)/2.5 = 44.4 % and the peak CVC 100 (peak/90)/2.5 %.
@Test func percentCVCMaxAgainstGivenMaximum() throws {
    var options = PORHOptions(site: .forearm)
    options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 180)]
    options.meanArterialPressureMmHg = 90
    options.maximumCVC = 2.5
    let o = try #require(try PORHAnalysis.analyze(handRecording(), options: options).occlusions.first)
    let peak = try #require(o[.peakFlux].value)
    let restPercent: Double = try #require(o[.percentCVCMaxRest].value)
    let peakPercent: Double = try #require(o[.percentCVCMaxPeak].value)
    let expectedRest: Double = 100 * (100.0 / 90) / 2.5
    let expectedPeak: Double = 100 * (peak / 90) / 2.5
    #expect(abs(restPercent - expectedRest) < 1e-9)
    #expect(abs(peakPercent - expectedPeak) < 1e-9)
    // Independent of the MAP: the rest value as a percentage of the peak.
    #expect(abs(try #require(o[.restPercentOfPeak].value) - 100 * 100 / peak) < 1e-9)
    options.maximumCVC = 0
    #expect(throws: LDFError.self) { try options.validate() }
}

/// Without a MAP there is no CVC, so no %CVCmax either, but the rest-percent-of-peak remains.
@Test func restPercentOfPeakNeedsNoPressure() throws {
    var options = PORHOptions(site: .forearm)
    options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 180)]
    options.maximumCVC = 2.5
    let o = try #require(try PORHAnalysis.analyze(handRecording(), options: options).occlusions.first)
    #expect(o[.restPercentOfPeak].value != nil)
    #expect(o[.percentCVCMaxRest].value == nil && o[.percentCVCMaxRest].reason?.contains("mean arterial pressure") == true)
}

/// The trace `analyzeWithTrace` makes from the analysis' own filtered and smoothed flux is the
/// trace made afresh from the recording, bit for bit, with the
/// artifact filter on, gaps, spikes, a cuff-pressure channel and a time origin.
@Test func analysisTraceEqualsTheStandaloneTrace() throws {
    var simulation = PORHSimulation.site(.forearm)
    simulation.sampleRateHz = 50
    simulation.gapCount = 2
    simulation.spikeCount = 20
    simulation.includesPressureChannel = true
    simulation.occlusions = PORHSimulation.schedule(restSeconds: 120, occlusionSeconds: 120, recoverySeconds: 180, count: 2)
    simulation.durationSeconds = simulation.occlusions.last!.releaseSeconds + 180
    let recording = simulation.generate(seed: 18).recording
    var options = PORHOptions(site: .forearm)
    options.timing = .pressure
    options.artifactFilter = HampelOptions(windowSeconds: 1)
    let (result, trace) = try PORHAnalysis.analyzeWithTrace(recording, options: options)
    let standalone = try PORHTrace(recording: recording, result: try PORHAnalysis.analyze(recording, options: options))
    let bits = { (rows: [PORHTrace.Row]) in
        rows.map { [$0.timeSeconds.bitPattern, $0.flux.bitPattern, $0.smoothedFlux.bitPattern] }
    }
    #expect(result.occlusions.count == 2)
    #expect(trace.rows.count == recording.sampleCount)
    #expect(bits(trace.rows) == bits(standalone.rows))
    #expect(trace.rows.map(\.phase) == standalone.rows.map(\.phase))
}
