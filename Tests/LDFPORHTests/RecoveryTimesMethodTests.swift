import Foundation
import Testing
import LDFCore
import LDFPORH
import LDFSimulation
import LDFTestSupport

/// T75/T50/T25 come from the recovery fit where the transient model describes the recovery, and
/// from the smoothed flux's first crossings where it cannot (docs/METHODS.md §7.3). The real files'
/// crossings are checked in `RealRecordingTests`.
@Suite struct RecoveryTimesMethodTests {
    /// The simulated recovery is the model itself: the fit is used, and T50 is within 1 s.
    @Test(arguments: [(TissueSite.forearm, 32.0, UInt64(1)), (.calf, 10, 3)])
    func theFitIsUsedWhereTheModelHolds(_ site: TissueSite, _ rate: Double, _ seed: UInt64) throws {
        var sim = PORHSimulation.site(site)
        sim.sampleRateHz = rate
        sim.noiseLevel = 0.05
        let simulated = sim.generate(seed: seed)
        var options = PORHOptions(site: site)
        options.timing = .flux
        let o = try #require(try PORHAnalysis.analyze(simulated.recording, options: options).occlusions.first)
        let truth = try #require(simulated.truth.occlusions.first)
        #expect(o.recoveryTimesMethod == .fit, "R² beyond noise \(o.recoveryFitRSquared ?? .nan)")
        #expect((o.recoveryFitRSquared ?? 0) >= RecoveryTimesMethod.minimumFitRSquared)
        let t50 = try #require(o[.t50].value, "\(o[.t50].reason ?? "")")
        #expect(abs(t50 - truth.t50Seconds) <= 1, "T50 \(t50) vs \(truth.t50Seconds)")
    }

    /// At 2 Hz on the finger pad with 5 % noise T50 is noise-limited (SD about 0.8 s over seeds;
    /// docs/METHODS.md §7.3, limit 1), so one seed cannot show the 1 s goal: over seeds 1-8 the fit is
    /// used every time, the median error is within 1 s and at least 5 of 8 are.
    @Test func theFitIsUsedAtTwoHertzAndT50IsWithinOneSecondInTheMedian() throws {
        var errors: [Double] = []
        for seed in UInt64(1)...8 {
            var sim = PORHSimulation.site(.fingerPad)
            sim.sampleRateHz = 2
            sim.noiseLevel = 0.05
            let simulated = sim.generate(seed: seed)
            var options = PORHOptions(site: .fingerPad)
            options.timing = .flux
            let o = try #require(try PORHAnalysis.analyze(simulated.recording, options: options).occlusions.first)
            #expect(o.recoveryTimesMethod == .fit, "seed \(seed): R² beyond noise \(o.recoveryFitRSquared ?? .nan)")
            errors.append(abs(try #require(o[.t50].value) - simulated.truth.occlusions[0].t50Seconds))
        }
        #expect(errors.sorted()[3] <= 1 && errors.sorted()[4] <= 1, "T50 errors \(errors)")
        #expect(errors.count { $0 <= 1 } >= 5, "T50 errors \(errors)")
    }

    /// A noiseless two-stage recovery the transient cannot follow: at 10 Hz, flux 50 until 120 s, 5
    /// during the occlusion until 300 s, a rise to 150 by 305 s held until 315 s, a fall of 5 PU/s to
    /// 90 held from 327 s to 375 s (a recovery that stays raised), then 4 PU/s down to 50 by 385 s,
    /// until 420 s. The plateau window (360-420 s) is not steady, so E is rest flux (50), and the
    /// smoothed flux (2 s, exact on the straight stretches) crosses 125, 100 and 75 at 320, 325 and
    /// 375 + 15 / 4 = 378.75 s.
    @Test func crossingsAreUsedWhereTheFitCannotHold() throws {
        let rate = 10.0
        let flux = (0..<4200).map { i -> Double in
            let t = Double(i) / rate
            switch t {
            case ..<120: return 50
            case ..<300: return 5
            case ..<305: return 5 + 29 * (t - 300)
            case ..<315: return 150
            case ..<327: return 150 - 5 * (t - 315)
            case ..<375: return 90
            case ..<385: return 90 - 4 * (t - 375)
            default: return 50
            }
        }
        let recording = Recording(channels: [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)], sampleRateHz: rate,
                                  provenance: Provenance(source: "two-stage.csv", reader: "test"))
        var options = PORHOptions(site: .fingerPad)
        options.occlusions = [OcclusionInterval(startSeconds: 120, releaseSeconds: 300)]
        let o = try #require(try PORHAnalysis.analyze(recording, options: options).occlusions.first)
        #expect(o.recoveryTimesMethod == .crossing, "R² beyond noise \(o.recoveryFitRSquared ?? .nan)")
        #expect((o.recoveryFitRSquared ?? 1) < RecoveryTimesMethod.minimumFitRSquared)
        #expect(o[.peakFlux].value == 150)
        let peakTime = try #require(o[.peakTime].value)
        for (key, crossing) in [(PORHParameterKey.t75, 320.0), (.t50, 325), (.t25, 378.75)] {
            let t = try #require(o[key].value, "\(key.rawValue): \(o[key].reason ?? "")")
            #expect(abs(peakTime + t - crossing) < 0.01, "\(key.rawValue): \(peakTime + t) vs \(crossing)")
        }
    }
}
