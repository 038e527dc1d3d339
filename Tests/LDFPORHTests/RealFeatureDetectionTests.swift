import Foundation
import Testing
import LDFCore
import LDFIO
import LDFPORH
import LDFSimulation
import LDFTestSupport

/// A simulated recording with the features of real ones (partial falls, noisy plateaus, loading
/// protocols with short recoveries, 2 Hz), and the goals each result must meet.
struct RealFeatureCase: CustomTestStringConvertible, Sendable {
    var name: String
    var simulation: PORHSimulation
    var seed: UInt64
    /// Start and release tolerance (1 s, 2 s at 2 Hz).
    var edgeSeconds: Double { simulation.sampleRateHz <= 2 ? 2 : 1 }
    /// Time to peak and T50 tolerance: 1 s; at 2 Hz the broad, noisy peak of a loading cannot be
    /// timed that closely (the benchmark reports how often 1 s holds), so 2 s, 3 s for T50, which
    /// adds the peak's error to the crossing's.
    var peakSeconds: Double { simulation.sampleRateHz <= 2 ? 2 : 1 }
    var t50Seconds: Double { simulation.sampleRateHz <= 2 ? 3 : 1 }
    var testDescription: String { "\(name) seed \(seed)" }

    /// A cuff occlusion at `site` with a partial fall to `fraction` of rest and a noisy plateau.
    static func partialFall(_ site: TissueSite, rate: Double, noise: Double, fraction: Double, spread: Double,
                            dips: Double, seed: UInt64) -> RealFeatureCase {
        var sim = PORHSimulation.site(site)
        sim.sampleRateHz = rate
        sim.noiseLevel = noise
        sim.flowmotionAmplitude = 0.03
        sim.biologicalZeroPU = fraction * sim.restFluxPU
        sim.plateauSpreadPU = spread
        sim.plateauDipsPerMinute = dips
        return RealFeatureCase(name: "\(site.rawValue) \(rate) Hz noise \(noise) fall to \(fraction) spread \(spread) dips \(dips)",
                               simulation: sim, seed: seed)
    }

    static func loading(seed: UInt64, rate: Double = 2) -> RealFeatureCase {
        var sim = PORHSimulation.fingerLoading(seed: seed)
        sim.sampleRateHz = rate
        return RealFeatureCase(name: "finger loading \(rate) Hz", simulation: sim, seed: seed)
    }
}

/// Checks detection, timing and the parameters against the truth (file axis throughout).
func checkRealFeatures(_ c: RealFeatureCase) throws {
    let simulated = c.simulation.generate(seed: c.seed)
    var options = PORHOptions(site: c.simulation.site)
    options.timing = .flux
    let result = try PORHAnalysis.analyze(simulated.recording, options: options)
    let truths = simulated.truth.occlusions
    try #require(result.occlusions.count == truths.count,
                 "found \(result.occlusions.map { "\($0.timing.startSeconds)-\($0.timing.releaseSeconds)" }) \(result.diagnostics)")
    #expect(result.timeOriginSeconds == c.simulation.timeOriginSeconds)
    for (found, truth) in zip(result.occlusions, truths) {
        let label = "occlusion \(found.index)"
        #expect(abs(found.timing.startSeconds - truth.fileStartSeconds) <= c.edgeSeconds, "\(label) start \(found.timing.startSeconds) vs \(truth.fileStartSeconds)")
        #expect(abs(found.timing.releaseSeconds - truth.fileReleaseSeconds) <= c.edgeSeconds, "\(label) release \(found.timing.releaseSeconds) vs \(truth.fileReleaseSeconds)")
        let confidence = try #require(found.timing.confidence)
        #expect(confidence >= 0.5 && confidence <= 1, "\(label) confidence \(confidence)")
        let peak = try #require(found[.peakFlux].value, "\(label) \(found[.peakFlux].reason ?? "")")
        #expect(relativeDifference(peak, truth.peakFlux) <= 0.02, "\(label) peak \(peak) vs \(truth.peakFlux)")
        let toPeak = try #require(found[.timeToPeak].value)
        #expect(abs(toPeak - truth.timeToPeakSeconds) <= c.peakSeconds, "\(label) time to peak \(toPeak) vs \(truth.timeToPeakSeconds)")
        let t50 = try #require(found[.t50].value, "\(label) \(found[.t50].reason ?? "")")
        #expect(abs(t50 - truth.t50Seconds) <= c.t50Seconds, "\(label) T50 \(t50) vs \(truth.t50Seconds)")
        let debt = try #require(found[.debtArea].value)
        #expect(relativeDifference(debt, truth.debtArea) <= 0.03, "\(label) debt \(debt) vs \(truth.debtArea)")
        if let trueRepayment = truth.repaymentArea {
            let repayment = try #require(found[.repaymentArea].value, "\(label) \(found[.repaymentArea].reason ?? "")")
            #expect(relativeDifference(repayment, trueRepayment) <= 0.03, "\(label) repayment \(repayment) vs \(trueRepayment)")
        }
    }
}

@Suite struct RealFeatureDetectionTests {
    /// Partial falls (biological zero at 30-45% of rest) with noisy plateaus at several sites and rates.
    @Test(arguments: [
        RealFeatureCase.partialFall(.forearm, rate: 32, noise: 0.05, fraction: 0.38, spread: 1, dips: 20, seed: 41),
        RealFeatureCase.partialFall(.forearm, rate: 15, noise: 0.1, fraction: 0.45, spread: 0.5, dips: 30, seed: 42),
        RealFeatureCase.partialFall(.calf, rate: 100, noise: 0.03, fraction: 0.3, spread: 0.5, dips: 10, seed: 43),
        RealFeatureCase.partialFall(.fingerPad, rate: 10, noise: 0.05, fraction: 0.3, spread: 10, dips: 20, seed: 44),
    ])
    func partialFallsWithNoisyPlateaus(_ c: RealFeatureCase) throws {
        try checkRealFeatures(c)
    }

    /// Four loadings with short recoveries and no clean baseline between them, at 2 Hz and 10 Hz.
    @Test(arguments: [RealFeatureCase.loading(seed: 1), .loading(seed: 2), .loading(seed: 3), .loading(seed: 4, rate: 10)])
    func repeatedLoadings(_ c: RealFeatureCase) throws {
        try checkRealFeatures(c)
    }

    /// Later loadings take their rest from before the first, say so, and the summary is the mean
    /// and CV of the per-occlusion values.
    @Test func laterLoadingsUseTheFirstRestAndAreSummarised() throws {
        let simulated = PORHSimulation.fingerLoading(seed: 5).generate(seed: 5)
        let result = try PORHAnalysis.analyze(simulated.recording, options: PORHOptions(site: .fingerPad))
        try #require(result.occlusions.count == 4)
        #expect(result.occlusions[0].restReference == .beforeThisOcclusion)
        let firstRest = try #require(result.occlusions[0][.restFlux].value)
        for o in result.occlusions.dropFirst() {
            #expect(o.restReference == .beforeFirstOcclusion)
            #expect(o[.restFlux].value == firstRest)
            #expect(o.diagnostics.contains { $0.code == "rest_from_first_occlusion" })
        }
        let peaks = result.occlusions.compactMap { $0[.peakFlux].value }
        let summary = try #require(result.summary.first { $0.key == .peakFlux })
        let mean = peaks.reduce(0, +) / Double(peaks.count)
        let sd = (peaks.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(peaks.count - 1)).squareRoot()
        #expect(summary.count == 4)
        #expect(abs(try #require(summary.mean) - mean) < 1e-9)
        #expect(abs(try #require(summary.coefficientOfVariationPercent) - 100 * sd / mean) < 1e-9)
        #expect(result.summary.contains { $0.key == .plateauFlux && $0.count == 0 && $0.reason != nil })
    }

    /// A drop to exactly zero (probe off) is not an occlusion, and the error says why.
    @Test func probeOffIsNotAnOcclusion() throws {
        var sim = PORHSimulation(sampleRateHz: 20, durationSeconds: 400, occlusions: [], noiseLevel: 0.03)
        sim.occlusions = []
        var recording = sim.generate(seed: 3).recording
        for i in 2400..<3600 { recording.channels[0].values[i] = 0 }
        #expect {
            try PORHAnalysis.analyze(recording, options: { var o = PORHOptions(); o.timing = .flux; return o }())
        } throws: { error in
            let text = "\(error)"
            return text.contains("probe-off") && text.contains("exactly 0")
        }
        // Sentinels read as missing samples: explained as well.
        for i in 2400..<3600 { recording.channels[0].values[i] = .nan }
        #expect {
            try PORHAnalysis.analyze(recording, options: { var o = PORHOptions(); o.timing = .flux; return o }())
        } throws: { error in "\(error)".contains("without valid flux") }
    }

    /// Marks win; the flux detection of the same occlusion is reported once; marks the flux
    /// contradicts are used with a warning.
    @Test func marksWinAndContradictionsAreWarned() throws {
        var sim = PORHSimulation.site(.forearm)
        sim.sampleRateHz = 20
        sim.includesEventMarkers = true
        var recording = sim.generate(seed: 6).recording
        let agreed = try PORHAnalysis.analyze(recording, options: PORHOptions(site: .forearm))
        #expect(agreed.occlusions.count == 1)
        #expect(agreed.occlusions[0].timing.source == .events)
        #expect(agreed.diagnostics.contains { $0.code == "flux_agrees_with_marks" })

        // Release marked 100 s early, while the flux stays low.
        let start = try #require(recording.events.first { $0.kind == .occlusionStart })
        recording.events = [start, Event(timeSeconds: start.timeSeconds + 200, label: "Release", kind: .occlusionRelease)]
        let contradicted = try PORHAnalysis.analyze(recording, options: PORHOptions(site: .forearm))
        #expect(contradicted.occlusions.count == 1)
        #expect(contradicted.occlusions[0].timing.releaseSeconds == start.timeSeconds + 200)
        #expect(contradicted.diagnostics.contains { $0.code == "marks_contradict_flux" && $0.message.contains("stays low") })
    }

    /// The user's occlusions are on the file's axis, which may start negative.
    @Test func userOcclusionsAreOnTheFileAxis() throws {
        let sim = PORHSimulation.fingerLoading(seed: 8)
        let simulated = sim.generate(seed: 8)
        var options = PORHOptions(site: .fingerPad)
        let truth = simulated.truth.occlusions[0]
        options.occlusions = [OcclusionInterval(startSeconds: truth.fileStartSeconds, releaseSeconds: truth.fileReleaseSeconds)]
        let result = try PORHAnalysis.analyze(simulated.recording, options: options)
        #expect(result.occlusions[0].timing.startSeconds == truth.fileStartSeconds)
        let before = OcclusionInterval(startSeconds: sim.timeOriginSeconds - 50, releaseSeconds: 0)
        options.occlusions = [before]
        #expect(throws: LDFError.self) { try PORHAnalysis.analyze(simulated.recording, options: options) }
        #expect(try OcclusionInterval(parsing: "-20-80") == OcclusionInterval(startSeconds: -20, releaseSeconds: 80))
        #expect(try OcclusionInterval(parsing: "-80--20") == OcclusionInterval(startSeconds: -80, releaseSeconds: -20))
    }
}
