import Foundation
import Testing
import LDFCore
import LDFIO
import LDFReport
import LDFSimulation

/// The real-recording features of `PORHSimulation`: partial falls, noisy plateaus, loading
/// protocols with short recoveries, 2 Hz, the file's time axis zeroed at the first loading.
@Suite struct PORHSimulationFeatureTests {
    /// Samples of `flux` within [from, to) seconds at `rate`.
    private func stretch(_ flux: [Double], _ rate: Double, _ from: Double, _ to: Double) -> [Double] {
        Array(flux[Int((from * rate).rounded(.up))..<Int((to * rate).rounded(.up))])
    }

    @Test func plateauSpreadAndDipsAreOnThePlateauOnly() {
        var sim = PORHSimulation(sampleRateHz: 20, durationSeconds: 400, restFluxPU: 13, biologicalZeroPU: 5,
                                 occlusions: [.init(startSeconds: 60, durationSeconds: 200)], noiseLevel: 0, flowmotionAmplitude: 0)
        let clean = sim.generate(seed: 4).recording.perfusion.values
        sim.plateauSpreadPU = 1
        let spread = sim.generate(seed: 4).recording.perfusion.values
        sim.plateauDipsPerMinute = 12
        let dipped = sim.generate(seed: 4).recording.perfusion.values
        // Rest and recovery are untouched; the plateau carries noise of about the SD asked for.
        #expect(stretch(clean, 20, 0, 60) == stretch(spread, 20, 0, 60))
        #expect(stretch(clean, 20, 261, 400) == stretch(spread, 20, 261, 400))
        let difference = zip(stretch(spread, 20, 80, 250), stretch(clean, 20, 80, 250)).map { $0 - $1 }
        let sd = SummaryStatistics(difference).standardDeviation
        #expect(sd > 0.6 && sd < 1.4, "plateau SD \(sd)")
        // Dips and spikes: sub-second excursions of at least two spreads, about 12 a minute (40 in 200 s).
        let excursions = zip(stretch(dipped, 20, 60, 260), stretch(spread, 20, 60, 260)).map { abs($0 - $1) > 1.5 }
        let events = zip(excursions, excursions.dropFirst()).count { !$0 && $1 }
        #expect(events >= 30 && events <= 40, "\(events) dips and spikes")
        #expect(dipped.allSatisfy { $0 >= 0 })
    }

    @Test func loadingProtocolHasShortRecoveriesAndTheAxisZeroedAtTheFirstLoading() throws {
        let sim = PORHSimulation.fingerLoading(seed: 7)
        #expect(sim.sampleRateHz == 2)
        #expect(sim.occlusions.count == 4)
        for o in sim.occlusions { #expect(o.durationSeconds >= 80 && o.durationSeconds <= 120) }
        for (a, b) in zip(sim.occlusions, sim.occlusions.dropFirst()) {
            #expect(b.startSeconds - a.releaseSeconds >= 80 && b.startSeconds - a.releaseSeconds <= 110)
        }
        #expect(sim.restFluxPU >= 30 && sim.restFluxPU <= 65)
        #expect(sim.biologicalZeroPU >= 6 && sim.biologicalZeroPU <= 12)
        let first = try #require(sim.occlusions.first)
        #expect(first.startSeconds >= 60 && first.startSeconds <= 240)
        #expect(sim.timeOriginSeconds == -first.startSeconds)
        let simulated = sim.generate(seed: 7)
        #expect(simulated.truth.timeOriginSeconds == -first.startSeconds)
        #expect(simulated.truth.occlusions[0].fileStartSeconds == 0)
        #expect(abs(simulated.truth.occlusions[1].fileStartSeconds - (sim.occlusions[1].startSeconds - first.startSeconds)) < 1e-9)
        // No clean baseline: flux at each later loading is still above rest.
        let flux = simulated.recording.perfusion.values
        for o in sim.occlusions.dropFirst() {
            let before = SummaryStatistics(stretch(flux, 2, o.startSeconds - 10, o.startSeconds)).mean
            #expect(before > 1.05 * sim.restFluxPU, "flux \(before) before the loading at \(o.startSeconds) s")
        }

        // Written with jitter and single-sample gaps, the file's axis starts negative and reads back.
        let (table, artifacts) = try FileArtifacts(jitterFraction: 0.1, droppedSamples: 6).apply(to: simulated.recording, seed: 7)
        #expect(try #require(table.times?.first) < -59)
        #expect(artifacts.droppedSampleTimes.count == 6)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("loading-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try RecordingCSVWriter().write(table, to: url)
        let read = try RecordingReader.read(path: url.path)
        #expect(abs(read.timeOriginSeconds - sim.timeOriginSeconds) < 0.3)
        #expect(abs(read.sampleRateHz - 2) < 1e-3)
    }

    @Test func theSameSeedGivesTheSameProtocol() {
        #expect(PORHSimulation.fingerLoading(seed: 3) == PORHSimulation.fingerLoading(seed: 3))
        #expect(PORHSimulation.fingerLoading(seed: 3) != PORHSimulation.fingerLoading(seed: 4))
    }
}
