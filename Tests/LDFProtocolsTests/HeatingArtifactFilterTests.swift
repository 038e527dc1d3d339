import Foundation
import Testing
import LDFCore
import LDFProtocols
import LDFSimulation
import LDFTestSupport

/// `HeatingOptions.artifactFilter`: motion bursts in the baseline and the plateau pull their
/// means up; the Hampel filter removes them before anything is measured (docs/METHODS.md §18.1).
@Suite struct HeatingArtifactFilterTests {
    /// A rapid biphasic recording at 8 Hz with 3 % noise and 30 half-sine bursts of 1.5 s, 8 times
    /// the resting flux, 20 in the 120 s baseline window and 10 in the 300 s plateau window.
    func burstyRecording() throws -> SimulatedHeating {
        var s = HeatingSimulation.preset(.rapid)
        s.sampleRateHz = 8
        s.noiseLevel = 0.03
        var simulated = try s.generate(seed: 7)
        let rate = s.sampleRateHz, rest = s.restFlux
        let baselineStarts = (0..<20).map { s.baselineSeconds - 118 + 5.8 * Double($0) }
        let plateauEnd = s.baselineSeconds + s.heatingSeconds
        let plateauStarts = (0..<10).map { plateauEnd - 295 + 29 * Double($0) }
        var flux = simulated.recording.perfusion.values
        for start in baselineStarts + plateauStarts {
            let first = Int(start * rate), count = Int(1.5 * rate)
            for k in 0..<count { flux[first + k] += 8 * rest * sin(Double.pi * Double(k) / Double(count)) }
        }
        simulated.recording.channels[simulated.recording.perfusionChannelIndex].values = flux
        return simulated
    }

    @Test func burstsBiasTheBaselineWithoutTheFilterAndNotWithIt() throws {
        let simulated = try burstyRecording()
        let truth = simulated.truth
        let raw = try HeatingAnalysis.analyze(simulated.recording)
        let rawBaseline = try #require(raw[.baseline].flux.value)
        #expect(relativeDifference(rawBaseline, truth.baselineFlux) > 0.1, "bursts should raise the baseline: \(rawBaseline)")

        var options = HeatingOptions()
        options.artifactFilter = HampelOptions(windowSeconds: HeatingOptions.artifactWindowSeconds)
        let filtered = try HeatingAnalysis.analyze(simulated.recording, options: options)
        let baseline = try #require(filtered[.baseline].flux.value)
        let plateau = try #require(filtered[.plateau].flux.value)
        #expect(relativeDifference(baseline, truth.baselineFlux) <= 0.02, "baseline \(baseline) vs \(truth.baselineFlux)")
        #expect(relativeDifference(plateau, truth.plateauFlux) <= 0.02, "plateau \(plateau) vs \(truth.plateauFlux)")
        #expect(filtered.diagnostics.contains { $0.code == "hampel" && $0.message.contains("replaced") })
        #expect(!raw.diagnostics.contains { $0.code == "hampel" })
    }

    @Test func anInvalidFilterIsRefused() throws {
        let simulated = try HeatingSimulation.preset(.rapid).generate(seed: 1)
        var options = HeatingOptions()
        options.artifactFilter = HampelOptions(windowSeconds: -1)
        #expect(throws: LDFError.self) { try HeatingAnalysis.analyze(simulated.recording, options: options) }
    }
}
