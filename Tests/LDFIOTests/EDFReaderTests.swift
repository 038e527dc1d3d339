import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// EDF, EDF+ and BDF files written by pyedflib and edfio, an EDF+D file built by hand to the
/// specification, and EDFbrowser test files shipped with pyedflib (Tests/Fixtures/edf, BSD):
/// values, rates, units, annotations and start times checked against what pyedflib reads.
@Suite struct EDFReaderTests {
    let reference = try! ReferenceReading.load("edf")

    func path(_ name: String) -> String { Fixture.format("edf", name) }

    @Test func multiRateEDFPlusKeepsEachChannelAtItsRate() throws {
        let recording = try RecordingReader.read(path: path("multirate.edf"))
        let expected = try #require(reference.files["multirate.edf"])
        #expect(recording.provenance.reader == "edf")
        #expect(recording.sampleRateHz == 32)
        #expect(recording.perfusion.name == "Flux")
        #expect(recording.perfusion.unit == "PU")
        expectMatches(recording.perfusion.values, expected.signals[0])
        #expect(recording.nativeChannels.map(\.channel.name) == ["Skin temp", "Cuff"])
        #expect(recording.nativeChannels.map(\.sampleRateHz) == [1, 8])
        #expect(recording.nativeChannels.map(\.channel.unit) == ["degC", "mmHg"])
        expectMatches(recording.nativeChannels[0].channel.values, expected.signals[1])
        expectMatches(recording.nativeChannels[1].channel.values, expected.signals[2])
        #expect(recording.nativeChannels[1].channel.kind == .pressure)
        #expect(recording.events.map(\.label) == expected.annotations.map(\.text))
        for (event, annotation) in zip(recording.events, expected.annotations) {
            #expect(isClose(event.timeSeconds, annotation.onset, relative: 1e-9))
            #expect(event.endSeconds.map { $0 - event.timeSeconds } == annotation.duration)
        }
        #expect(recording.events.map(\.kind) == [.occlusionStart, .occlusionRelease, .comment])
        let start = try #require(recording.startDate)
        let expectedStart = try #require(expected.start)
        #expect(start.timeIntervalSince1970 == ReferenceReading.epochSeconds(expectedStart))
        #expect(recording.metadata.contains(MetadataEntry(key: "Flux transducer", value: "LDF probe 407")))
        #expect(recording.provenance.notes.contains { $0.contains("kept at their own rate") && $0.contains("'Cuff' 8 Hz") })
    }

    @Test func resamplingToTheCommonGridIsExplicitAndNoted() throws {
        let recording = try RecordingReader.read(path: path("multirate.edf")).resampledToCommonGrid(for: "porh")
        #expect(recording.nativeChannels.isEmpty)
        let cuff = try #require(recording.channel(ofKind: .pressure))
        #expect(cuff.values.count == recording.sampleCount)
        // The cuff is 200 mmHg from 30 s to 60 s at 8 Hz: 45 s on the 32 Hz grid is sample 1440.
        #expect(isClose(cuff.values[1440], 200, relative: 1e-3))
        #expect(abs(cuff.values[100]) < 0.1)
        #expect(recording.provenance.notes.contains { $0.contains("'Cuff' resampled from 8 Hz") && $0.contains("for porh") })
    }

    @Test func choosingAnotherChannelMakesItsRateTheGrid() throws {
        var options = ReadOptions()
        options.assembly.channel = .name("Cuff")
        let recording = try RecordingReader.read(path: path("multirate.edf"), options: options)
        #expect(recording.sampleRateHz == 8)
        #expect(recording.perfusion.name == "Cuff")
        #expect(recording.nativeChannels.map(\.channel.name) == ["Flux", "Skin temp"])
    }

    @Test func twentyFourBitBDF() throws {
        let recording = try RecordingReader.read(path: path("flux24.bdf"))
        let expected = try #require(reference.files["flux24.bdf"])
        #expect(recording.sampleRateHz == 16)
        #expect(recording.perfusion.name == "LDF")
        expectMatches(recording.perfusion.values, expected.signals[0])
        let expectedStart = try #require(expected.start)
        #expect(recording.startDate?.timeIntervalSince1970 == ReferenceReading.epochSeconds(expectedStart))
    }

    @Test func edfBrowserSubsecondStartAndAnnotations() throws {
        let recording = try RecordingReader.read(path: path("test_subsecond.edf"))
        let expected = try #require(reference.files["test_subsecond.edf"])
        #expect(recording.sampleRateHz == 128)
        expectMatches(recording.perfusion.values, expected.signals[0])
        let start = try #require(recording.startDate).timeIntervalSince1970
        let startText = try #require(expected.start)
        let expectedStart = try #require(ReferenceReading.epochSeconds(startText))
        #expect(abs(start - expectedStart) < 1e-6)
        #expect(recording.events.count == expected.annotations.count)
        for (event, annotation) in zip(recording.events, expected.annotations) {
            #expect(event.label == annotation.text)
            #expect(abs(event.timeSeconds - annotation.onset) < 1e-6)
        }
    }

    @Test func edfBrowserBDFWithFiveRates() throws {
        let recording = try RecordingReader.read(path: path("test_generator_datarec_generator_2.bdf"))
        let expected = try #require(reference.files["test_generator_datarec_generator_2.bdf"])
        let all = recording.allChannels
        #expect(all.map(\.channel.name) == expected.signals.map(\.label))
        #expect(all.map(\.sampleRateHz) == expected.signals.map(\.rate))
        for (channel, signal) in zip(all, expected.signals) { expectMatches(channel.channel.values, signal) }
    }

    @Test func discontinuousRecordsLeaveTheirPauseAsAGap() throws {
        let recording = try RecordingReader.read(path: path("discontinuous.edf"))
        #expect(recording.sampleRateHz == 4)
        // Records at 0, 1 and 4 s of 4 samples: 20 grid samples, 2-4 s missing.
        #expect(recording.sampleCount == 20)
        let values = recording.perfusion.values
        #expect(isClose(values[5], 10.1, relative: 1e-9))
        #expect(values[8..<16].allSatisfy { $0.isNaN })
        #expect(isClose(values[19], 20.3, relative: 1e-9))
        #expect(recording.provenance.gaps == [Gap(startSeconds: 2, endSeconds: 4)])
        #expect(recording.events.map(\.label) == ["marker A"])
        #expect(recording.events.first?.timeSeconds == 4.5)
        #expect(recording.provenance.notes.contains { $0.contains("EDF+D: 1 pause") })
    }

    @Test func standardInputReadsEDF() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path("flux24.bdf"))))
        let table = try EDFReader.parse(bytes, source: "standard input", options: ReadOptions())
        #expect(table.columns.first?.values.count == 480)
    }

    @Test func truncatedFileNamesTheRecordCount() throws {
        for name in ["bad-truncated.edf", "bad-more-records.edf"] {
            let e = try #require(readError(path(name)))
            #expect(e.context.hasSuffix(name))
            #expect(e.message.contains("number of data records"))
            #expect(e.fix?.contains("truncated") == true)
        }
    }

    @Test func zeroDigitalRangeNamesTheSignal() throws {
        let e = try #require(readError(path("bad-zero-digital-range.edf")))
        #expect(e.context.hasSuffix("bad-zero-digital-range.edf"))
        #expect(e.message.contains("signal 'Flux'") && e.message.contains("digital minimum equals digital maximum"))
    }

    @Test func headerCutShortNamesTheField() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path("multirate.edf"))).prefix(600))
        #expect(throws: LDFError.self) { try EDFReader.parse(bytes, source: "cut.edf", options: ReadOptions()) }
        do { _ = try EDFReader.parse(bytes, source: "cut.edf", options: ReadOptions()) } catch let e as LDFError {
            #expect(e.message.contains("signal headers"))
        }
    }
}
