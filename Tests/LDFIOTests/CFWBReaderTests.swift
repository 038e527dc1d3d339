import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// LabChart binary (CFWB) files written by binfilepy, and one with a time channel built to
/// ADInstruments' ADIBinaryFormat.h (Tests/Fixtures/cfwb): checked against binfilepy's reading.
@Suite struct CFWBReaderTests {
    let reference = try! ReferenceReading.load("cfwb")

    func path(_ name: String) -> String { Fixture.format("cfwb", name) }

    @Test func sixteenBitChannelsScaledToUserUnits() throws {
        let recording = try RecordingReader.read(path: path("flux-int16.bin"))
        let expected = try #require(reference.files["flux-int16.bin"])
        #expect(recording.provenance.reader == "cfwb")
        #expect(recording.sampleRateHz == 100)
        #expect(recording.channels.map(\.name) == expected.signals.map(\.label))
        #expect(recording.channels.map(\.unit) == expected.signals.map(\.unit))
        for (channel, signal) in zip(recording.channels, expected.signals) { expectMatches(channel.values, signal) }
        #expect(recording.perfusion.name == "Flux")
        #expect(recording.channel(ofKind: .temperature)?.name == "Skin temp")
        let start = try #require(recording.startDate).timeIntervalSince1970
        let startText = try #require(expected.start)
        let expectedStart = try #require(ReferenceReading.epochSeconds(startText))
        #expect(abs(start - expectedStart) < 1e-6)
    }

    @Test func doubleSamples() throws {
        let recording = try RecordingReader.read(path: path("flux-double.bin"))
        let expected = try #require(reference.files["flux-double.bin"])
        #expect(recording.sampleRateHz == 40)
        expectMatches(recording.perfusion.values, expected.signals[0])
    }

    @Test func timeChannelIsSkipped() throws {
        let recording = try RecordingReader.read(path: path("time-channel.bin"))
        let expected = try #require(reference.files["time-channel.bin"])
        #expect(recording.channels.map(\.name) == ["LDF"])
        expectMatches(recording.perfusion.values, expected.signals[0])
        let start = try #require(recording.startDate).timeIntervalSince1970
        let expectedStart = try #require(ReferenceReading.epochSeconds("2024-02-29T23:59:30.250000"))
        #expect(abs(start - expectedStart) < 1e-6)
    }

    @Test func truncatedFileNamesTheSampleCount() throws {
        let e = try #require(readError(path("bad-truncated.bin")))
        #expect(e.context.hasSuffix("bad-truncated.bin"))
        #expect(e.message.contains("SamplesPerChannel") && e.message.contains("holds only"))
        #expect(e.fix?.contains("truncated") == true)
    }

    @Test func unknownDataFormatIsNamed() throws {
        let e = try #require(readError(path("bad-format.bin")))
        #expect(e.message.contains("DataFormat") && e.message.contains("7"))
    }

    @Test func adichtIsRefusedWithTheExportAdvice() throws {
        let e = try #require(readError(path("recording.adicht")))
        #expect(e.context.hasSuffix("recording.adicht"))
        #expect(e.message.contains(".adicht"))
        #expect(e.fix?.contains("export as text or binary from LabChart") == true)
    }

    @Test func headerCutShort() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path("flux-int16.bin"))).prefix(100))
        do {
            _ = try CFWBReader.parse(bytes, source: "cut.bin", options: ReadOptions())
            Issue.record("a cut header must be refused")
        } catch let e as LDFError {
            #expect(e.message.contains("channel headers"))
        }
    }
}
