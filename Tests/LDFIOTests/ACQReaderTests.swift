import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// BIOPAC AcqKnowledge files from the bioread project's test data (Tests/Fixtures/acq, MIT):
/// revisions 35 to 132, both byte orders, compressed and interleaved data, sample dividers
/// (2 and 512) and markers, checked against what bioread reads.
@Suite struct ACQReaderTests {
    let reference = try! ReferenceReading.load("acq")

    func path(_ name: String) -> String { Fixture.format("acq", name) }

    @Test(arguments: ["r35_test.acq", "r42_test.acq", "nojournal-3.8.1-c.acq", "nojournal-5.0.1-c.acq", "nojournal-5.0.1.acq"])
    func matchesBioread(_ name: String) throws {
        let table = try RecordingReader.readTable(path: path(name))
        let expected = try #require(reference.files[name])
        #expect(table.reader == "acq")
        #expect(table.columns.map(\.name) == expected.signals.map(\.label))
        #expect(table.columns.map(\.unit) == expected.signals.map(\.unit))
        #expect(table.columns.map { $0.sampleRateHz ?? 0 } == expected.signals.map(\.rate))
        for (column, signal) in zip(table.columns, expected.signals) { expectMatches(column.values, signal) }
        #expect(table.events.map(\.label) == expected.annotations.map(\.text))
        for (event, annotation) in zip(table.events, expected.annotations) {
            #expect(abs(event.timeSeconds - annotation.onset) < 1e-9)
        }
    }

    @Test func dividedChannelsKeepTheirRate() throws {
        var options = ReadOptions()
        options.assembly.channel = .name("EDA - GSR100C")
        let recording = try RecordingReader.read(path: path("nojournal-5.0.1-c.acq"), options: options)
        #expect(recording.sampleRateHz == 2000)
        #expect(recording.nativeChannels.map(\.sampleRateHz) == [1000, 3.90625])
    }

    @Test func truncatedFile() throws {
        let e = try #require(readError(path("bad-truncated.acq")))
        #expect(e.context.hasSuffix("bad-truncated.acq"))
        #expect(e.message.contains("bytes of samples") && e.fix?.contains("truncated") == true)
    }

    @Test func damagedCompressedChannelIsNamed() throws {
        let e = try #require(readError(path("bad-damaged-compressed.acq")))
        #expect(e.message.contains("channel 'EDA - GSR100C'") && e.message.contains("zlib"))
    }
}
