import Testing
import Foundation
import LDFCore
import LDFPORH

/// The peak time is where the fitted peak shape turns (docs/METHODS.md §7.3, `peak_time_s`).
/// Noiseless, 10 Hz: rest 100 until 120 s, 10 during the occlusion to 180 s, then a rise whose
/// top is the parabola 300 - 2 (190 - t)² and from 190 s the decay 100 + 200 exp(-((t - 190)/20)^c):
/// the maximum is at 190 s, 10 s after release. The rise's top is wider than the decay's
/// (it falls 50 in 5 s, the decay with c = 1 by 44 in 5 s and then ever more slowly), the case where a
/// parabola's vertex was pulled off the maximum; the shape fit finds it.
@Test(arguments: [1.0, 1.3])
func peakTimeIsWhereTheRiseMeetsTheDecay(stretch: Double) throws {
    let rate = 10.0
    let flux = (0..<6000).map { i -> Double in
        let t = Double(i) / rate
        if t < 120 { return 100 }
        if t < 180 { return 10 }
        if t < 190 { return 300 - 2 * (190 - t) * (190 - t) }
        return 100 + 200 * exp(-pow((t - 190) / 20, stretch))
    }
    let recording = Recording(channels: [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)], sampleRateHz: rate,
                              provenance: Provenance(source: "peak.csv", reader: "test"))
    var options = PORHOptions(site: .fingerPad)
    options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 180)]
    let o = try #require(try PORHAnalysis.analyze(recording, options: options).occlusions.first)
    let toPeak = try #require(o[.timeToPeak].value)
    #expect(abs(toPeak - 10) < 0.05, "time to peak \(toPeak)")
}
