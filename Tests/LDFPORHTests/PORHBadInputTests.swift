import Testing
import Foundation
import LDFCore
import LDFPORH
import LDFSimulation

/// Runs `body`, requires an `LDFError`, and returns it for checks on its text.
func requireError(_ body: () throws -> Void) throws -> LDFError {
    do {
        try body()
    } catch let error as LDFError {
        return error
    }
    Issue.record("expected an LDFError")
    return LDFError("", "")
}

func recording(_ flux: [Double], rate: Double = 10, pressure: [Double]? = nil) -> Recording {
    var channels = [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)]
    if let pressure { channels.append(Channel(name: "Cuff", unit: "mmHg", kind: .pressure, values: pressure)) }
    return Recording(channels: channels, sampleRateHz: rate, provenance: Provenance(source: "bad.csv", reader: "test"))
}

@Test func restingRecordingHasNoOcclusion() throws {
    var sim = PORHSimulation.site(.forearm)
    sim.occlusions = []
    sim.durationSeconds = 300
    sim.sampleRateHz = 10
    let rest = sim.generate(seed: 3).recording
    let error = try requireError { _ = try PORHAnalysis.analyze(rest) }
    #expect(error.message.contains("no occlusion found"))
    #expect(error.message.contains("looked for"))
    #expect(error.message.contains("the signal showed"))
    #expect(error.fix != nil)
}

@Test func dipShorterThanMinimumIsNotAnOcclusion() throws {
    var sim = PORHSimulation.site(.thenar)
    sim.sampleRateHz = 10
    sim.occlusions = [PORHSimulation.Occlusion(startSeconds: 120, durationSeconds: 12)]
    sim.durationSeconds = 400
    let error = try requireError { _ = try PORHAnalysis.analyze(sim.generate(seed: 4).recording) }
    #expect(error.message.contains("no occlusion found"))
    #expect(error.message.contains("shorter than 20"))
}

@Test func userOcclusionsAreValidated() throws {
    let flat = recording([Double](repeating: 50, count: 6000))
    func analyse(_ intervals: [OcclusionInterval]) throws -> LDFError {
        var options = PORHOptions()
        options.occlusions = intervals
        return try requireError { _ = try PORHAnalysis.analyze(flat, options: options) }
    }
    let short = try analyse([OcclusionInterval(startSeconds: 100, releaseSeconds: 110)])
    #expect(short.message.contains("shorter than the 20"))
    let overlap = try analyse([OcclusionInterval(startSeconds: 100, releaseSeconds: 200),
                               OcclusionInterval(startSeconds: 150, releaseSeconds: 300)])
    #expect(overlap.message.contains("overlap"))
    let after = try analyse([OcclusionInterval(startSeconds: 700, releaseSeconds: 800)])
    #expect(after.message.contains("after the recording ends"))
    let during = try analyse([OcclusionInterval(startSeconds: 500, releaseSeconds: 650)])
    #expect(during.message.contains("ends during the occlusion"))
    let backwards = try analyse([OcclusionInterval(startSeconds: 300, releaseSeconds: 200)])
    #expect(backwards.message.contains("after the start"))
    #expect(backwards.context.contains("occlusion"))
}

@Test func occlusionTextIsParsed() throws {
    #expect(try OcclusionInterval(parsing: "120-300.5") == OcclusionInterval(startSeconds: 120, releaseSeconds: 300.5))
    let error = try requireError { _ = try OcclusionInterval(parsing: "120:300") }
    #expect(error.context == "occlusion")
}

/// A ramp has no plateau: forced pressure timing fails; auto falls back to the flux with a warning.
@Test func pressureWithoutPlateau() throws {
    var sim = PORHSimulation.site(.other)
    sim.sampleRateHz = 10
    let simulated = sim.generate(seed: 5).recording
    let ramp = (0..<simulated.sampleCount).map { Double($0 % 900) / 900 * 200 }
    var withRamp = simulated
    withRamp.channels.append(Channel(name: "Cuff", unit: "mmHg", kind: .pressure, values: ramp))
    var options = PORHOptions()
    options.timing = .pressure
    let error = try requireError { _ = try PORHAnalysis.analyze(withRamp, options: options) }
    #expect(error.message.contains("no plateau"))
    #expect(error.context.contains("Cuff"))
    let auto = try PORHAnalysis.analyze(withRamp)
    #expect(auto.occlusions.first?.timing.source == .flux)
    #expect(auto.diagnostics.contains { $0.code == "pressure_unusable" })
}

/// The recording stops 60 s into a 180 s occlusion: every source says so.
@Test func recordingEndsDuringTheOcclusion() throws {
    var sim = PORHSimulation.site(.fingerPad)
    sim.sampleRateHz = 10
    sim.durationSeconds = 180
    sim.includesPressureChannel = true
    let cut = sim.generate(seed: 6).recording
    for timing in [TimingPreference.flux, .pressure] {
        var options = PORHOptions()
        options.timing = timing
        let error = try requireError { _ = try PORHAnalysis.analyze(cut, options: options) }
        #expect(error.message.contains("ends during the occlusion"), "\(timing): \(error)")
    }
    for events in [[Event(timeSeconds: 120, label: "Cuff on")],
                   [Event(timeSeconds: 120, label: "Cuff on"), Event(timeSeconds: 250, label: "Release")]] {
        var withEvents = cut
        withEvents.events = events
        let error = try requireError { _ = try PORHAnalysis.analyze(withEvents) }
        #expect(error.message.contains("ends during the occlusion"))
    }
}

/// Recording ends 30 s after release: the peak is there, the plateau and the return are not.
@Test func shortRecoveryGivesNullsWithReasons() throws {
    var sim = PORHSimulation.site(.forearm)
    sim.sampleRateHz = 10
    sim.durationSeconds = 120 + 300 + 30
    let result = try PORHAnalysis.analyze(sim.generate(seed: 7).recording, options: PORHOptions(site: .forearm))
    let o = try #require(result.occlusions.first)
    #expect(o[.peakFlux].value != nil)
    for key in [PORHParameterKey.plateauFlux, .t50, .hyperaemiaDuration, .repaymentArea] {
        #expect(o[key].value == nil, "\(key)")
        #expect((o[key].reason ?? "").count > 10, "\(key)")
    }
}

/// No overshoot after release (flux only creeps back to 80% of rest): no hyperaemic peak.
@Test func noHyperaemiaGivesNullPeak() throws {
    let flux = (0..<6000).map { i -> Double in
        let t = Double(i) / 10
        if t < 200 { return 50 }
        if t < 380 { return 4 }
        return 4 + 36 * (1 - exp(-(t - 380) / 20))
    }
    var options = PORHOptions()
    options.occlusions = [OcclusionInterval(startSeconds: 200, releaseSeconds: 380)]
    let o = try #require(try PORHAnalysis.analyze(recording(flux), options: options).occlusions.first)
    #expect(o[.peakFlux].value == nil)
    #expect(o[.peakFlux].reason?.contains("no hyperaemic peak") == true)
    #expect(o[.timeToPeak].value == nil && o[.fitA].value == nil)
    #expect(o[.restFlux].value == 50)
    #expect(abs((o[.debtArea].value ?? 0) - 46 * 180) < 1e-6)
}

@Test func invalidOptionsNameTheirOption() throws {
    var options = PORHOptions()
    options.smoothingSeconds = 0
    #expect((try requireError { try options.validate() }).context == "smoothing")
    options = PORHOptions()
    options.meanArterialPressureMmHg = -5
    #expect((try requireError { try options.validate() }).context == "map")
}
