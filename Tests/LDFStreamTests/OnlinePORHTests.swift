import Testing
import LDFCore
import LDFPORH
import LDFSimulation
import LDFStream

/// Feeds a recording in 1 s chunks and collects the updates.
private func run(_ recording: Recording, _ online: inout OnlinePORH, events: [Event] = []) -> [OnlinePORH.Update] {
    let values = recording.perfusion.values
    let chunk = Int(recording.sampleRateHz)
    var updates: [OnlinePORH.Update] = []
    var nextEvent = 0
    for start in stride(from: 0, to: values.count, by: chunk) {
        let end = min(values.count, start + chunk)
        while nextEvent < events.count && events[nextEvent].timeSeconds < Double(end) / recording.sampleRateHz {
            online.addEvent(timeSeconds: events[nextEvent].timeSeconds, label: events[nextEvent].label)
            nextEvent += 1
        }
        updates += online.append(Array(values[start..<end]))
    }
    return updates + online.finish()
}

@Test func onlineResultsMatchTheOfflineAnalysisAndTheTruth() throws {
    var simulation = PORHSimulation.site(.forearm)
    simulation.sampleRateHz = 10
    simulation.occlusions = PORHSimulation.schedule(restSeconds: 120, occlusionSeconds: 120, recoverySeconds: 300, count: 2)
    simulation.durationSeconds = simulation.occlusions.last!.releaseSeconds + 300
    let simulated = simulation.generate(seed: 5)
    let options = PORHOptions(site: .forearm)
    var online = try OnlinePORH(sampleRateHz: 10, options: options)
    let updates = run(simulated.recording, &online)
    let finals = updates.compactMap { update -> PORHOcclusionResult? in
        if case .final(let result, _) = update { return result } else { return nil }
    }
    #expect(finals.count == 2)
    let offline = try PORHAnalysis.analyze(simulated.recording, options: options)
    for (streamed, (whole, truth)) in zip(finals, zip(offline.occlusions, simulated.truth.occlusions)) {
        #expect(abs(streamed.timing.startSeconds - truth.startSeconds) < 1)
        #expect(abs(streamed.timing.releaseSeconds - truth.releaseSeconds) < 1)
        #expect(abs(streamed.timing.releaseSeconds - whole.timing.releaseSeconds) < 1e-6)
        #expect(streamed.timing.source == .flux)
        let peak = try #require(streamed[.peakFlux].value)
        #expect(abs(peak - truth.peakFlux) / truth.peakFlux < 0.02)
        #expect(abs(peak - (whole[.peakFlux].value ?? 0)) < 1e-9)
        // Times are on the stream's time base.
        #expect(abs((streamed[.peakTime].value ?? 0) - (whole[.peakTime].value ?? 0)) < 1e-6)
    }
    // An interim record (peak so far) precedes each final one, and never after it.
    let kinds = updates.map { update -> String in
        switch update {
        case .interim: "i"
        case .final: "f"
        case .failed: "x"
        }
    }.joined()
    #expect(kinds.hasPrefix("i"))
    #expect(!kinds.contains("x"))
    #expect(kinds.filter { $0 == "f" }.count == 2)
}

@Test func eventMarkersTimeTheOcclusion() throws {
    var simulation = PORHSimulation.site(.fingerPad)
    simulation.sampleRateHz = 10
    simulation.includesEventMarkers = true
    let simulated = simulation.generate(seed: 6)
    var online = try OnlinePORH(sampleRateHz: 10, options: PORHOptions(site: .fingerPad))
    var flux = simulated.recording
    let events = flux.events
    flux.events = []
    let updates = run(flux, &online, events: events)
    guard case .final(let result, _)? = updates.last else {
        Issue.record("no final PORH update")
        return
    }
    #expect(result.timing.source == .events)
    #expect(abs(result.timing.startSeconds - 120) < 1e-6)
}

@Test func bufferTooShortForTheProtocolIsRefused() {
    let error = #expect(throws: LDFError.self) { try OnlinePORH(sampleRateHz: 10, options: PORHOptions(site: .forearm), bufferSeconds: 200) }
    #expect(error?.context == "porhBuffer")
}

/// Four loadings with short recoveries at 2 Hz: found online by the same level-change detector,
/// later ones with the first rest, as offline (times on the stream's base, seconds from its start).
@Test func onlineLoadingsMatchTheOfflineAnalysis() throws {
    let simulation = PORHSimulation.fingerLoading(seed: 9)
    var simulated = simulation.generate(seed: 9)
    simulated.recording.timeOriginSeconds = 0
    let options = PORHOptions(site: .fingerPad)
    var online = try OnlinePORH(sampleRateHz: 2, options: options)
    let finals = run(simulated.recording, &online).compactMap { update -> PORHOcclusionResult? in
        if case .final(let result, _) = update { return result } else { return nil }
    }
    let offline = try PORHAnalysis.analyze(simulated.recording, options: options)
    try #require(finals.count == 4)
    for (streamed, (whole, truth)) in zip(finals, zip(offline.occlusions, simulated.truth.occlusions)) {
        #expect(abs(streamed.timing.startSeconds - truth.startSeconds) <= 2)
        #expect(abs(streamed.timing.releaseSeconds - truth.releaseSeconds) <= 2)
        #expect(streamed.timing.confidence != nil)
        #expect(streamed.restReference == whole.restReference)
        #expect(abs((streamed[.peakFlux].value ?? 0) - (whole[.peakFlux].value ?? 1)) < 1e-9)
    }
}
