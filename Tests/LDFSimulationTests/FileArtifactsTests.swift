import Foundation
import Testing
import LDFCore
import LDFIO
import LDFReport
import LDFSimulation

private func roundTrip(_ table: SampleTable) throws -> Recording {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("artifacts-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try RecordingCSVWriter().write(table, to: url.path)
    return try RecordingReader.read(path: url.path)
}

@Test func artifactsAreWhereTheTruthSaysAndTheReaderCountsThem() throws {
    let sim = RestingSimulation(sampleRateHz: 20, durationSeconds: 600, temperatureChannel: true)
    let clean = try sim.generate(seed: 5)
    let artifacts = FileArtifacts(jitterFraction: 0.1, droppedSamples: 12, longGaps: 1, longGapSeconds: 3,
                                  sentinels: 6, motionArtifacts: 2)
    let (table, truth) = try artifacts.apply(to: clean, seed: 5)
    #expect(truth.droppedSampleTimes.count == 12)
    #expect(truth.sentinelTimes.count == 6)
    #expect(truth.gaps.count == 1)
    #expect(truth.motionArtifacts.count == 2)
    #expect(table.rowCount == clean.sampleCount - 12 - 60)

    let read = try roundTrip(table)
    #expect(abs(read.sampleRateHz - 20) < 1e-6)
    #expect(read.sampleCount == clean.sampleCount)
    #expect(read.provenance.resampledGaps == 12)
    #expect(read.provenance.maskedSamples == 6)
    #expect(read.provenance.sentinelCounts.values.reduce(0, +) == 6)
    #expect(read.provenance.gaps.count == 1)
    if let gap = read.provenance.gaps.first, let expected = truth.gaps.first {
        #expect(abs(gap.startSeconds - expected.startSeconds) <= 0.1)
        #expect(abs(gap.durationSeconds - expected.durationSeconds) <= 0.1)
    }
    #expect(read.channels.count == 2)
    #expect(read.channels[1].kind == .temperature)
}

@Test func cleanFileRoundTripsToTheSameValues() throws {
    let clean = try RestingSimulation(sampleRateHz: 32, durationSeconds: 60).generate(seed: 9)
    let (table, _) = try FileArtifacts().apply(to: clean, seed: 9)
    let read = try roundTrip(table)
    #expect(read.sampleRateHz == 32)
    #expect(read.sampleCount == clean.sampleCount)
    // Values are written with 4 decimals.
    let worst = zip(read.perfusion.values, clean.perfusion.values).map { abs($0 - $1) }.max() ?? 1
    #expect(worst <= 0.00005 + 1e-12)
    #expect(read.provenance.resampled == false)
}

@Test func artifactValidationNamesTheOption() {
    let error = #expect(throws: LDFError.self) { try FileArtifacts(jitterFraction: 0.7).validate() }
    #expect(error?.context == "jitter")
    #expect(throws: LDFError.self) { try FileArtifacts(longGapSeconds: 0).validate() }
}
