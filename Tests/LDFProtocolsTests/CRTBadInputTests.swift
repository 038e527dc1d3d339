import Foundation
import Testing
import LDFCore
import LDFProtocols
import LDFSimulation
import LDFTestSupport

/// Bad and unusual capillary-refill inputs (issue 16, "Bad input"; docs/METHODS.md §23.2-23.3):
/// a curve that rises, too few points, no decay, no release found, impossible options.
@Suite struct CRTBadInputTests {
    static func samples(_ times: [Double], _ values: [Double], events: [Event] = []) -> CRTSamples {
        CRTSamples(source: "hand.csv", channel: "Intensity", unit: "a.u.", times: times, values: values, events: events, irregular: false)
    }

    @Test func risingCurveHasANullCRTWithTheReasonAndTheFix() throws {
        var s = CRTSimulation()
        s.direction = .rises
        s.crtSeconds = [2]
        let simulated = try s.generate(seed: 4)
        var options = CRTOptions()
        options.releaseSeconds = simulated.truth.presses.map(\.releaseSeconds)
        let result = try CRTAnalysis.analyze(crtSamples(simulated), options: options)
        let press = try #require(result.presses.first)
        #expect(press.crtSeconds == nil)
        #expect(press.reason?.contains("the curve rises after the release instead of falling") == true, "\(press.reason ?? "")")
        #expect(press.reason?.contains("refill rises") == true, "\(press.reason ?? "")")
        #expect(result.diagnostics.contains { $0.code == "crt_not_fitted" })
    }

    @Test func tooFewPointsInTheWindow() throws {
        let t = (0..<300).map { Double($0) / 30 }
        var options = CRTOptions()
        options.releaseSeconds = [2]
        options.windowSeconds = 0.2
        let result = try CRTAnalysis.analyze(Self.samples(t, t.map { $0 < 2 ? 50 : 10 + 40 * exp(-($0 - 2)) }), options: options)
        let reason = try #require(result.presses.first?.reason)
        #expect(reason.contains("too few points (7; the fit needs at least 10)"), "\(reason)")
    }

    @Test func linearFallHasNoDecay() throws {
        let t = (0..<300).map { Double($0) / 30 }
        var options = CRTOptions()
        options.releaseSeconds = [1]
        options.fitEndSeconds = 5
        let result = try CRTAnalysis.analyze(Self.samples(t, t.map { 100 - 3 * $0 }), options: options)
        let reason = try #require(result.presses.first?.reason)
        #expect(reason.contains("no decay within the segment (the best rate is at the bound b = 0)"), "\(reason)")
    }

    @Test func flatSignalHasNoRelease() throws {
        let t = (0..<300).map { Double($0) / 30 }
        let error = try #require(throws: LDFError.self) { try CRTAnalysis.analyze(Self.samples(t, t.map { _ in 7 })) }
        #expect(error.message.contains("no release found: the signal is flat"), "\(error)")
        #expect(error.fix?.contains("release") == true)
    }

    @Test func shortBlipsAreNotPresses() throws {
        let t = (0..<600).map { Double($0) / 30 }
        let values = t.map { $0.truncatingRemainder(dividingBy: 2) < 0.4 ? 80.0 : 20.0 }
        let error = try #require(throws: LDFError.self) { try CRTAnalysis.analyze(Self.samples(t, values)) }
        #expect(error.message.contains("never stays past half its range for 1 s"), "\(error)")
    }

    @Test func eventsTimingWithoutReleaseEvents() throws {
        let simulated = try CRTSimulation().generate(seed: 1)
        var options = CRTOptions()
        options.timing = .events
        let error = try #require(throws: LDFError.self) { try CRTAnalysis.analyze(crtSamples(simulated), options: options) }
        #expect(error.message.contains("no release event (the file has no events)"), "\(error)")
    }

    @Test func releaseOutsideTheSamples() throws {
        let simulated = try CRTSimulation().generate(seed: 1)
        var options = CRTOptions()
        options.releaseSeconds = [500]
        let error = try #require(throws: LDFError.self) { try CRTAnalysis.analyze(crtSamples(simulated), options: options) }
        #expect(error.message.contains("is outside the samples (0 to"), "\(error)")
    }

    @Test func impossibleOptionsAreRefused() {
        var o = CRTOptions()
        o.fitEndSeconds = 20
        #expect(throws: LDFError.self) { try o.validate() }
        o = CRTOptions()
        o.minimumPoints = 3
        #expect(throws: LDFError.self) { try o.validate() }
        o = CRTOptions()
        o.releaseSeconds = [5, 3]
        #expect(throws: LDFError.self) { try o.validate() }
        o = CRTOptions()
        o.releaseSeconds = [5]
        o.timing = .detect
        #expect(throws: LDFError.self) { try o.validate() }
        o = CRTOptions()
        o.windowSeconds = 0
        #expect(throws: LDFError.self) { try o.validate() }
    }

    @Test func tooFewSamplesInTheRecording() {
        #expect(throws: LDFError.self) { try CRTAnalysis.analyze(Self.samples([0, 1, 2], [3, 2, 1])) }
    }
}

/// A detected recording analysed with the wrong refill direction (issue 16 review): the "presses"
/// found are the rest between presses, which no fit failure reveals (the real blanching onsets fit
/// as sub-second "refills"), so the analysis warns from the share of time on the blanched side.
@Suite struct CRTDirectionWarningTests {
    @Test(arguments: [(CRTSimulation.Direction.falls, 5.0, UInt64(1)), (.rises, 5.0, 2), (.falls, 10.0, 3), (.rises, 10.0, 4)])
    func wrongDirectionIsWarnedAndTheRightOneIsNot(_ direction: CRTSimulation.Direction, pressSeconds: Double, seed: UInt64) throws {
        var s = CRTSimulation()
        s.direction = direction
        s.pressSeconds = pressSeconds
        let samples = try crtSamples(s.generate(seed: seed))
        var right = CRTOptions()
        right.refill = direction == .falls ? .falls : .rises
        var wrong = CRTOptions()
        wrong.refill = direction == .falls ? .rises : .falls
        let good = try CRTAnalysis.analyze(samples, options: right)
        #expect(!good.diagnostics.contains { $0.code == "crt_direction_doubtful" }, "\(good.diagnostics)")
        #expect(good.presses.count == 3)
        let bad = try CRTAnalysis.analyze(samples, options: wrong)
        let warning = try #require(bad.diagnostics.first { $0.code == "crt_direction_doubtful" })
        #expect(warning.message.contains("refill \(right.refill.rawValue)"), "\(warning.message)")
    }

    /// Given releases with the wrong direction fail their fits with the fix; the share is not judged.
    @Test func givenReleasesAreNotJudged() throws {
        var s = CRTSimulation()
        s.direction = .rises
        let simulated = try s.generate(seed: 5)
        var options = CRTOptions()
        options.releaseSeconds = simulated.truth.presses.map(\.releaseSeconds)
        options.refill = .falls
        let result = try CRTAnalysis.analyze(crtSamples(simulated), options: options)
        #expect(!result.diagnostics.contains { $0.code == "crt_direction_doubtful" })
        #expect(result.presses.allSatisfy { $0.reason?.contains("refill rises") == true }, "the fit's reason names the fix instead")
    }
}
