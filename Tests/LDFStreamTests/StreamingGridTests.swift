import Testing
import LDFCore
import LDFSimulation
import LDFStream

/// Feeds a table's rows one by one, as `ldf stream` does.
private func stream(_ table: SampleTable, rate: Double, maxBridge: Double = 1) -> (values: [Double], grid: StreamingGrid) {
    var grid = StreamingGrid(rateHz: rate, maxBridgeSeconds: maxBridge)
    var out: [Double] = []
    let values = table.columns[0].values
    for i in values.indices {
        grid.append(time: table.times?[i], value: values[i])
        out += grid.take().values
    }
    grid.finish()
    out += grid.take().values
    return (out, grid)
}

private func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || abs($0 - $1) <= 1e-9 * max(1, abs($1)) }
}

/// Offline (`RecordingAssembler`) and streaming placement agree sample for sample, with the same counts.
@Test(arguments: [
    FileArtifacts(),
    FileArtifacts(jitterFraction: 0.2),
    FileArtifacts(droppedSamples: 15),
    FileArtifacts(sentinels: 12),
    FileArtifacts(jitterFraction: 0.1, droppedSamples: 10, longGaps: 2, longGapSeconds: 3, sentinels: 8, motionArtifacts: 2),
])
func streamingGridEqualsOfflineAssembly(_ artifacts: FileArtifacts) throws {
    let clean = try RestingSimulation(sampleRateHz: 20, durationSeconds: 300).generate(seed: 11)
    let (table, _) = try artifacts.apply(to: clean, seed: 11)
    let offline = try RecordingAssembler.assemble(table, options: AssemblyOptions(rateHz: 20))
    let (values, grid) = stream(table, rate: 20)
    #expect(sameValues(values, offline.perfusion.values))
    #expect(grid.maskedSamples == offline.provenance.maskedSamples)
    #expect(grid.interpolatedSamples == offline.provenance.interpolatedSamples)
    #expect(grid.resampledGaps == offline.provenance.resampledGaps)
    #expect(grid.gaps == offline.provenance.gaps)
    #expect(grid.sentinelCounts == offline.provenance.sentinelCounts)
}

@Test func leadingAndTrailingMaskedRunsAreGapsAsOffline() throws {
    let values: [Double] = [.nan, 5000, 1, 2, 3, .nan, 4, .nan, .nan]
    let table = SampleTable(source: "-", reader: "test", times: nil, columns: [.init(name: "flux", unit: "PU", values: values)])
    let offline = try RecordingAssembler.assemble(table, options: AssemblyOptions(rateHz: 2, maxBridgeSeconds: 1))
    let (streamed, grid) = stream(table, rate: 2)
    #expect(sameValues(streamed, offline.perfusion.values))
    #expect(grid.gaps == offline.provenance.gaps)
    #expect(grid.gaps == [Gap(startSeconds: 0, endSeconds: 1), Gap(startSeconds: 3.5, endSeconds: 4.5)])
}

@Test func timeGoingBackwardsIsRefusedAndSkipped() {
    var grid = StreamingGrid(rateHz: 1, maxBridgeSeconds: 1)
    let outcomes = [grid.append(time: 0, value: 1), grid.append(time: 1, value: 2), grid.append(time: 0.5, value: 9),
                    grid.append(time: 1, value: 9), grid.append(time: 2, value: 3)]
    #expect(outcomes == [nil, nil, .timeNotIncreasing(previous: 1), .timeNotIncreasing(previous: 1), nil])
    let out = grid.take()
    #expect(out.values == [1, 2, 3])
}

@Test func flagsMarkBridgedAndOverRangeSamples() {
    var grid = StreamingGrid(rateHz: 1, maxBridgeSeconds: 2)
    for (t, v) in [(0.0, 1.0), (1, 5000), (2, 3), (4, 5)] { grid.append(time: t, value: v) }
    let out = grid.take()
    #expect(out.values == [1, 2, 3, 4, 5])
    #expect(out.flags == [[], [.bridged, .overRange], [], [.bridged], []])
}

@Test func heldBackSamplesAreBoundedByTheBridgeLimit() {
    // A masked run is held back until it is bridged or exceeds the limit, never longer.
    var grid = StreamingGrid(rateHz: 10, maxBridgeSeconds: 1)
    grid.append(time: nil, value: 1)
    let first = grid.take()
    var released = first.values.count
    for k in 1...50 {
        grid.append(time: nil, value: .nan)
        let ready = grid.take()
        released += ready.values.count
        #expect(k - (released - 1) <= 10)
    }
}
