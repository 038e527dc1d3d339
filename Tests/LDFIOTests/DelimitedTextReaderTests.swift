import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// Delimited text layouts, read through `RecordingReader.read` (and thus the assembler).
@Suite struct DelimitedTextReaderTests {
    static func path(_ name: String) -> String { RepositoryPaths.fixture("io").appendingPathComponent(name).path }

    @Test func plainCommaCSVWithTimeInSeconds() throws {
        let recording = try RecordingReader.read(path: Self.path("plain.csv"))
        #expect(recording.provenance.reader == "delimited")
        #expect(recording.sampleCount == 20)
        #expect(isClose(recording.sampleRateHz, 10, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["flux"])
        #expect(recording.perfusion.values.first == 100)
        #expect(recording.perfusion.values.last == 119)
        #expect(recording.provenance.maskedSamples == 0)
        #expect(recording.provenance.gaps.isEmpty)
    }
}
