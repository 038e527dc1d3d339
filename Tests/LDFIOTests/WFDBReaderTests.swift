import Foundation
import LDFCore
@testable import LDFIO
import LDFTestSupport
import Testing

/// WFDB records written by the wfdb package and real records from wfdb-python's sample data
/// (Tests/Fixtures/wfdb, MIT): values, rates, units, annotations and start times checked against
/// what wfdb reads.
@Suite struct WFDBReaderTests {
    let reference = try! ReferenceReading.load("wfdb")

    func path(_ name: String) -> String { Fixture.format("wfdb", name) }

    func expectRecord(_ name: String, tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let recording = try RecordingReader.read(path: path(name + ".hea"))
        let expected = try #require(reference.files[name])
        // Channels at the grid's rate come first, then those kept at their own rate.
        let all = recording.allChannels
        #expect(recording.provenance.reader == "wfdb", sourceLocation: sourceLocation)
        #expect(Set(all.map(\.channel.name)) == Set(expected.signals.map(\.label)), sourceLocation: sourceLocation)
        for signal in expected.signals {
            let channel = try #require(all.first { $0.channel.name == signal.label }, sourceLocation: sourceLocation)
            #expect(channel.channel.unit == signal.unit, sourceLocation: sourceLocation)
            #expect(channel.sampleRateHz == signal.rate, sourceLocation: sourceLocation)
            expectMatches(channel.channel.values, signal, tolerance: tolerance, sourceLocation: sourceLocation)
        }
    }

    @Test func format16WithAnnotationsAndStart() throws {
        try expectRecord("flux16")
        let recording = try RecordingReader.read(path: path("flux16.hea"))
        let expected = try #require(reference.files["flux16"])
        #expect(recording.events.map(\.label) == expected.annotations.map(\.text))
        #expect(recording.events.map(\.timeSeconds) == expected.annotations.map(\.onset))
        #expect(recording.events.first?.kind == .occlusionStart)
        #expect(recording.events.dropFirst().first?.kind == .occlusionRelease)
        let startText = try #require(expected.start)
        #expect(recording.startDate?.timeIntervalSince1970 == ReferenceReading.epochSeconds(startText))
    }

    @Test func format212WithAnOddSampleCount() throws { try expectRecord("flux212") }
    @Test func format80() throws { try expectRecord("flux80") }
    @Test func format61BigEndian() throws { try expectRecord("flux61") }

    @Test func samplesPerFrameGiveEachChannelItsRate() throws {
        try expectRecord("multifreq")
        let recording = try RecordingReader.read(path: path("multifreq.hea"))
        #expect(recording.sampleRateHz == 40)
        #expect(recording.nativeChannels.map(\.sampleRateHz) == [10])
    }

    @Test func realPhysioNetRecords() throws {
        for name in ["test01_00s", "test01_00s_frame", "100_3chan", "3000003_0003"] { try expectRecord(name) }
    }

    @Test func theDatFileOrTheRecordNameFindTheHeader() throws {
        let byDat = try RecordingReader.read(path: path("flux16.dat"))
        let byName = try RecordingReader.read(path: path("flux16"))
        #expect(byDat.perfusion.values == byName.perfusion.values)
        #expect(byName.provenance.source.hasSuffix("flux16.hea"))
    }

    @Test func realAnnotationFileMatchesWFDB() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("1003.atr"))))
        let annotations = try WFDBAnnotations.parse(bytes, source: "1003.atr")
        let expected = try #require(reference.annotations?["1003"])
        #expect(annotations.count == expected.count)
        #expect(annotations.prefix(10).map(\.sample) == expected.firstSamples)
        #expect(annotations.last?.sample == expected.lastSample)
        #expect(Set(annotations.map(\.label)) == Set(expected.symbols))
    }

    @Test func unsupportedFormatIsRefusedByName() throws {
        let e = try #require(readError(path("310derive.hea")))
        #expect(e.context.hasSuffix("310derive.hea"))
        #expect(e.message.contains("format 310") && e.message.contains("16, 61, 80 and 212"))
        #expect(e.fix?.contains("xform") == true)
    }

    @Test func multiSegmentRecordIsRefused() throws {
        let e = try #require(readError(path("041s.hea")))
        #expect(e.message.contains("multi-segment") && e.message.contains("2 segments"))
    }

    @Test func truncatedSignalFile() throws {
        let e = try #require(readError(path("badtrunc.hea")))
        #expect(e.message.contains("1920") && e.message.contains("holds only 960"))
        #expect(e.fix?.contains("truncated") == true)
    }

    @Test func standardInputIsRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("flux16.hea"))))
        #expect(WFDBReader.recognises(bytes[...]))
        do {
            _ = try WFDBReader.parse(bytes, source: "standard input", options: ReadOptions())
            Issue.record("standard input must be refused")
        } catch let e as LDFError {
            #expect(e.fix?.contains(".hea") == true)
        }
    }

    @Test func textTablesAreNotTakenForHeaders() throws {
        for text in ["time flux\n0 1\n0.1 2\n", "100 2 360\n1 16 200\n", "t,flux\n0,1\n"] {
            #expect(!WFDBReader.recognises(Array(text.utf8)[...]), "\(text)")
        }
    }
}
