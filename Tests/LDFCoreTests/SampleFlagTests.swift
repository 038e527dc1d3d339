import Testing
import LDFCore

/// `Recording.sampleFlags`: each reading step's samples flagged by hand-checked index, kept
/// through slicing (docs/METHODS.md §1.6).
@Suite struct SampleFlagTests {
    /// 1 Hz, rows at 0-9 s without 3 s (a time gap: filled), a sentinel at 6 s (bridged), 8-9 s
    /// empty at the end (a gap), --max-bridge 2 s.
    static func recording() throws -> Recording {
        let times: [Double] = [0, 1, 2, 4, 5, 6, 7, 8, 9]
        let flux: [Double] = [10, 11, 12, 14, 15, -2500, 17, .nan, .nan]
        let table = SampleTable(source: "t.csv", reader: "test", times: times,
                                columns: [SampleTable.Column(name: "flux", unit: "PU", values: flux),
                                          SampleTable.Column(name: "temp", unit: "°C", values: [Double](repeating: 31, count: 9))])
        return try RecordingAssembler.assemble(table, options: AssemblyOptions(rateHz: 1, maxBridgeSeconds: 2))
    }

    @Test func everyReadingStepHasItsFlag() throws {
        let r = try Self.recording()
        #expect(r.sampleFlags(channelAt: 0, in: 0..<10) ==
                [.measured, .measured, .measured, .filled, .measured, .measured, .bridged, .measured, .gap, .gap])
        #expect(r.perfusion.values[3] == 13 && r.perfusion.values[6] == 16)
        // Sentinels are masked only in perfusion channels; temp shares the time gap.
        #expect(r.sampleFlags(channelAt: 1, in: 0..<10) == [.measured, .measured, .measured, .filled] + [SampleFlag](repeating: .measured, count: 6))
    }

    @Test func flagsOfAPartMatchTheWhole() throws {
        let r = try Self.recording()
        let whole = r.sampleFlags(channelAt: 0, in: 0..<10)
        #expect(r.sampleFlags(channelAt: 0, in: 2..<7) == Array(whole[2..<7]))
    }

    @Test func slicingShiftsTheRuns() throws {
        let r = try Self.recording()
        let part = r.slice(3..<9)
        #expect(part.sampleFlags(channelAt: 0, in: 0..<6) == [.filled, .measured, .measured, .bridged, .measured, .gap])
        #expect(part.provenance.channelQuality[0].filledRuns == [0..<1])
        #expect(part.provenance.channelQuality[0].bridgedRuns == [3..<4])
    }
}
