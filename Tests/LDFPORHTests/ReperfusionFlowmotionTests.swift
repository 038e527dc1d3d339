import Testing
import LDFCore
import LDFPORH
import LDFSimulation
import LDFSpectral

/// Band summaries of the reperfusion segment, with the transient removed.
func reperfusionAmplitudes(flowmotion: Double, seed: UInt64, rule: BandValidityRule = BandValidityRule()) throws -> [String: Double] {
    var sim = PORHSimulation.site(.forearm)
    sim.sampleRateHz = 10
    sim.noiseLevel = 0.005
    sim.flowmotionAmplitude = flowmotion
    sim.occlusions = PORHSimulation.schedule(restSeconds: 90, occlusionSeconds: 90, recoverySeconds: 400)
    sim.durationSeconds = 580
    var options = PORHOptions(site: .forearm)
    options.reperfusionBands = try BandSet.preset(named: "stefanovska")
    options.reperfusionValidity = rule
    let result = try PORHAnalysis.analyze(sim.generate(seed: seed).recording, options: options)
    let o = try #require(result.occlusions.first)
    let flowmotionResult = try #require(o.reperfusionFlowmotion, "\(o.reperfusionFlowmotionReason ?? "")")
    #expect(abs(flowmotionResult.segment.startSeconds - (180 + 9)) < 1)
    #expect(flowmotionResult.segment.endSeconds == 580)
    var amplitudes: [String: Double] = [:]
    for band in flowmotionResult.report.bands { if let a = band.amplitude { amplitudes[band.band.name] = a } }
    return amplitudes
}

/// Without flowmotion the residual is almost flat: the transient is gone from every band. With
/// 5% flowmotion the neurogenic and myogenic bands (0.03 and 0.1 Hz components) stand out.
@Test func transientRemovalLeavesOnlyFlowmotion() throws {
    let quiet = try reperfusionAmplitudes(flowmotion: 0, seed: 51)
    let moving = try reperfusionAmplitudes(flowmotion: 0.05, seed: 51)
    for band in ["neurogenic", "myogenic"] {
        let q = try #require(quiet[band]), m = try #require(moving[band])
        #expect(m > 3 * q, "\(band): \(m) vs \(q); quiet \(quiet) moving \(moving)")
    }
    // The neurogenic band of the quiet residual holds no trace of the transient (a = 4 d here).
    #expect(try #require(quiet["neurogenic"]) < 0.01)
}

@Test func reperfusionFlowmotionNeedsAFit() throws {
    let flux = (0..<6000).map { i -> Double in
        let t = Double(i) / 10
        if t < 200 { return 50 }
        if t < 380 { return 4 }
        return 40
    }
    let recording = Recording(channels: [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)],
                              sampleRateHz: 10, provenance: Provenance(source: "flat.csv", reader: "test"))
    var options = PORHOptions()
    options.occlusions = [OcclusionInterval(startSeconds: 200, releaseSeconds: 380)]
    options.reperfusionBands = try BandSet.preset(named: "stefanovska")
    let o = try #require(try PORHAnalysis.analyze(recording, options: options).occlusions.first)
    #expect(o.reperfusionFlowmotion == nil)
    #expect(o.reperfusionFlowmotionReason?.contains("no hyperaemic peak") == true)
}

/// The reperfusion segment (391 s) holds fewer than 5 cycles of 0.0095 Hz (526 s): the default
/// validity rule leaves `endothelial` null, as for any recording; allowsShortBands computes it.
@Test func reperfusionBandsFollowTheValidityRule() throws {
    let strict = try reperfusionAmplitudes(flowmotion: 0.05, seed: 51)
    #expect(strict["endothelial"] == nil && strict["endothelial_no_independent"] == nil)
    #expect(strict["neurogenic"] != nil)
    let allowed = try reperfusionAmplitudes(flowmotion: 0.05, seed: 51, rule: BandValidityRule(allowsShortBands: true))
    #expect(allowed["endothelial"] != nil)
}
