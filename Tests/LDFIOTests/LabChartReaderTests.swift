import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// LabChart text exports: a hand-made two-block file with comments, and real recordings
/// (Tests/Fixtures/labchart, MIT). Reference means come from an independent numpy read of the
/// rows (`numpy.mean` of the value column), not from this reader.
@Suite struct LabChartReaderTests {
    @Test func handMadeTwoBlocksWithCommentsAndCp1252() throws {
        let recording = try RecordingReader.read(path: Fixture.io("labchart_two_blocks.txt"))
        let p = recording.provenance
        #expect(p.reader == "labchart")
        #expect(p.nominalSampleRateHz == 10)
        #expect(recording.sampleRateHz == 10)
        #expect(recording.channels.map(\.name) == ["Flux", "Skin temp"])
        #expect(recording.channels.map(\.unit) == ["BPU", "°C"])
        #expect(recording.channels[1].kind == .temperature)
        // Block 1: 0-0.5 s; block 2 stamped 2 s later: 2.0-2.4 s. 25 grid samples.
        #expect(recording.sampleCount == 25)
        #expect(recording.perfusion.values[20] == 200)
        #expect(recording.perfusion.values[24] == 204)
        // The '*' at 0.2 s is masked and bridged.
        #expect(p.maskedSamples == 1)
        #expect(p.interpolatedSamples == 1)
        #expect(recording.perfusion.values[2] == 102)
        // 0.6-1.9 s between the blocks (1.4 s > 1 s bridge) is a gap.
        #expect(p.gaps.count == 1)
        let gap = try #require(p.gaps.first)
        #expect(isClose(gap.startSeconds, 0.6, relative: 1e-9) && isClose(gap.endSeconds, 2.0, relative: 1e-9))
        #expect(recording.perfusion.values[6...19].allSatisfy { $0.isNaN })
        // Comments: trailing '#*' cell, a '#*' row (at the previous row's time), a trailing '#2' cell.
        #expect(recording.events.map(\.label) == ["cuff on", "free comment row", "cuff release"])
        #expect(recording.events.map(\.kind) == [.occlusionStart, .comment, .occlusionRelease])
        let times = recording.events.map(\.timeSeconds)
        #expect(isClose(times[0], 0.3, relative: 1e-9) && isClose(times[1], 0.4, relative: 1e-9) && isClose(times[2], 2.3, relative: 1e-9))
        #expect(p.notes.contains { $0.contains("2 LabChart blocks") })
        #expect(p.notes.contains("channel 'Flux': range 5.000 V, limits -5000.00 to 5000.00"))
        #expect(p.notes.contains("channel 'Skin temp': range 10.000 V"))
        #expect(p.notes.contains { $0.contains("Windows-1252") })
        let start = try #require(recording.startDate)
        #expect(abs(start.timeIntervalSince1970 - 1_640_687_889.0475976) < 1e-3)
    }

    @Test func realFingertipTwoBlocksPlacedByTheirStamps() throws {
        let recording = try RecordingReader.read(path: Fixture.labchart("Shabina_fingertip.txt"))
        let p = recording.provenance
        #expect(p.reader == "labchart")
        #expect(recording.sampleRateHz == 1000)
        #expect(recording.perfusion.unit == "pu")
        #expect(recording.perfusion.name == "Channel 1")
        // Block 1: 750 rows (0-0.749 s). Block 2 stamped 3.248994 s later (ExcelDateTime
        // difference * 86400), snapped to 3.249 s; 35,800 rows to 3.249 + 35.799 = 39.048 s.
        #expect(recording.sampleCount == 39_049)
        #expect(p.gaps.count == 1)
        let gap = try #require(p.gaps.first)
        #expect(isClose(gap.startSeconds, 0.75, relative: 1e-9))
        #expect(isClose(gap.endSeconds, 3.249, relative: 1e-9))
        #expect(p.maskedSamples == 0)
        #expect(!p.resampled)
        // All 36,550 values kept; numpy mean of the value column: 611.5457567715457 pu.
        #expect(recording.perfusion.values.filter(\.isFinite).count == 36_550)
        #expect(isClose(finiteMean(recording.perfusion.values), 611.5457567715457, relative: 1e-9))
        // 2021-12-28 10:38:09.047598 (clock of the recording computer, stored as UTC).
        let start = try #require(recording.startDate)
        #expect(abs(start.timeIntervalSince1970 - 1_640_687_889.0475976) < 1e-3)
        #expect(recording.events.isEmpty)
    }

    @Test func realDorsumReadsTheInstrumentZeroOffset() throws {
        let recording = try RecordingReader.read(path: Fixture.labchart("Shabina_dorsum1.txt"))
        // Block 2 stamped 2.841045 s after block 1 -> 2.841 s; 33,950 rows to 36.790 s.
        #expect(recording.sampleCount == 36_791)
        #expect(recording.provenance.gaps.count == 1)
        #expect(isClose(finiteMean(recording.perfusion.values), -10.4254, relative: 1e-9))
    }

    @Test func realCuffOcclusionIsOneBlockWithNearZeroFlow() throws {
        let recording = try RecordingReader.read(path: Fixture.labchart("ShabinaBP.txt"))
        #expect(recording.sampleCount == 41_050)
        #expect(isClose(recording.durationSeconds, 41.05, relative: 1e-12))
        #expect(recording.provenance.gaps.isEmpty)
        let values = recording.perfusion.values
        let baseline = finiteMean(values[0..<5000])
        let occluded = finiteMean(values[21_000..<23_000])
        #expect(baseline > 300)
        #expect(occluded < 0.2 * baseline)
    }

    /// The warmed fingertip recording is read from the shared data folder when it is present
    /// (it is not copied into the fixtures); numpy mean of its 79,600 values: 712.9114353015075.
    @Test(.enabled(if: RepositoryPaths.sharedData("labchart/ShabinaIR2.txt") != nil))
    func realWarmedFingertipFromSharedData() throws {
        let url = try #require(RepositoryPaths.sharedData("labchart/ShabinaIR2.txt"))
        let recording = try RecordingReader.read(path: url.path)
        #expect(recording.sampleCount == 79_600)
        #expect(recording.provenance.gaps.isEmpty)
        #expect(isClose(finiteMean(recording.perfusion.values), 712.9114353015075, relative: 1e-9))
    }

    @Test func recognisedByContentNotByName() throws {
        let table = try RecordingReader.readTable(path: Fixture.labchart("ShabinaBP.txt"))
        #expect(table.reader == "labchart")
        #expect(table.declaredRateHz == 1000)
        #expect(table.lineNumbers.first == 9)
        let csv = try RecordingReader.readTable(path: Fixture.io("tab.txt"))
        #expect(csv.reader == "delimited")
    }
}
