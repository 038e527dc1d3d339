import Foundation
import Testing
import LDFCore
import LDFPORH
import LDFProtocols
import LDFSimulation

/// Bad VOT inputs give one clear error, or a missing value with its reason (docs/METHODS.md §22.3).
@Suite struct VOTBadInputTests {
    /// A flux channel in PU (values up to 250) is no saturation: refused, naming the channel and
    /// the fix.
    @Test func valuesOutsideZeroToHundredAreRefused() throws {
        let values = (0..<600).map { 120 + 100 * sin(Double($0) / 50) }
        let error = #expect(throws: LDFError.self) { try VOTAnalysis.analyze(saturationRecording(values, rateHz: 1, unit: "PU")) }
        #expect(error?.message.contains("is not a tissue saturation in %") == true)
        #expect(error?.message.contains("outside 0-100 %") == true)
        #expect(error?.context.contains("'StO2'") == true)
        #expect(error?.fix?.contains("channel") == true)
    }

    /// A saturation in a unit other than % is read, with a warning.
    @Test func aSaturationInAnotherUnitIsWarned() throws {
        let simulated = try VOTSimulation().generate(seed: 1)
        var recording = simulated.recording
        recording.channels[0].unit = "a.u."
        let result = try VOTAnalysis.analyze(recording)
        #expect(result.diagnostics.contains { $0.code == "saturation_unit" })
    }

    /// An 8 s occlusion at 0.5 Hz has 4 samples: no desaturation slope, with the reason; the
    /// reoxygenation window runs past the recording's end: no slope, with the reason.
    @Test func anOcclusionTooShortForASlopeFitIsMissingWithTheReason() throws {
        let values = (0..<40).map { i -> Double in
            let t = Double(i) * 2
            return t < 60 ? 70 : t < 68 ? 70 - (t - 60) : 62 + 3 * (t - 68)
        }
        var options = VOTOptions()
        options.minimumOcclusionSeconds = 5
        options.occlusions = [OcclusionInterval(startSeconds: 60, releaseSeconds: 68)]
        options.reoxygenationWindowSeconds = 15
        let short = values.prefix(38).map { $0 }
        let o = try #require(try VOTAnalysis.analyze(saturationRecording(short, rateHz: 0.5), options: options).occlusions.first)
        #expect(o.desaturation.slope.value == nil)
        #expect(o.desaturation.slope.reason?.contains("too short for a slope fit") == true)
        #expect(o.reoxygenation.slope.value == nil)
        #expect(o.reoxygenation.slope.reason?.contains("reoxygenation window") == true)
        #expect(o.baseline.value == 70)
    }

    /// A flat, noisy saturation has no occlusion: the error says what was looked for and what the
    /// channel showed.
    @Test func noOcclusionSaysWhatTheChannelShowed() throws {
        var random = SeededRandom(seed: 9)
        let values = (0..<3000).map { _ in 68 + 0.5 * random.gaussian() }
        var options = VOTOptions()
        options.timing = .flux
        let error = #expect(throws: LDFError.self) { try VOTAnalysis.analyze(saturationRecording(values, rateHz: 10), options: options) }
        #expect(error?.message.contains("no occlusion found") == true)
        #expect(error?.message.contains("the channel showed values from") == true)
        #expect(error?.message.contains("largest rise") == true)
    }

    /// A fall of 3 % points before a rise is not an occlusion: rejected with the reason in the error.
    @Test func aShallowDipIsRejectedWithItsReason() throws {
        let values = (0..<3000).map { i -> Double in
            let t = Double(i) / 10
            return t < 60 ? 70 : t < 180 ? 70 - 0.025 * (t - 60) : min(72, 67 + 1 * (t - 180))
        }
        var options = VOTOptions()
        options.timing = .flux
        let error = #expect(throws: LDFError.self) { try VOTAnalysis.analyze(saturationRecording(values, rateHz: 10), options: options) }
        #expect(error?.message.contains("follows a fall of only") == true)
    }

    /// Options outside their rules are refused, naming the parameter.
    @Test func badOptionsAreRefused() {
        var options = VOTOptions()
        options.reoxygenationWindowSeconds = 0
        #expect(throws: LDFError.self) { try options.validate() }
        options.reoxygenationWindowSeconds = 200
        let error = #expect(throws: LDFError.self) { try options.validate() }
        #expect(error?.context.contains("recoveryWindow") == true)
    }
}
