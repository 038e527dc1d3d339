import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// Delimited text layouts, read through `RecordingReader.read` (and thus the assembler). The
/// expected values follow from how each fixture was designed (Tests/Fixtures/io/README.md).
@Suite struct DelimitedTextReaderTests {
    @Test func plainCommaCSVWithTimeInSeconds() throws {
        let recording = try RecordingReader.read(path: Fixture.io("plain.csv"))
        #expect(recording.provenance.reader == "delimited")
        #expect(recording.sampleCount == 20)
        #expect(isClose(recording.sampleRateHz, 10, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["flux"])
        #expect(recording.perfusion.values.first == 100)
        #expect(recording.perfusion.values.last == 119)
        #expect(recording.provenance.maskedSamples == 0)
        #expect(recording.provenance.gaps.isEmpty)
    }

    @Test func semicolonDecimalCommaUnitsRowBOMAndCRLF() throws {
        let recording = try RecordingReader.read(path: Fixture.io("semicolon_decimal_comma.csv"))
        #expect(recording.sampleCount == 8)
        #expect(isClose(recording.sampleRateHz, 4, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["Flux", "Temperatur"])
        #expect(recording.channels.map(\.unit) == ["PU", "°C"])
        #expect(recording.perfusion.name == "Flux")
        #expect(recording.perfusion.values[3] == 13.25)
        #expect(isClose(recording.channels[1].values[2], 31.2, relative: 1e-12))
        #expect(recording.channels[1].kind == .temperature)
    }

    @Test func tabSeparatedWithUnitsInParentheses() throws {
        let recording = try RecordingReader.read(path: Fixture.io("tab.txt"))
        #expect(recording.sampleCount == 16)
        #expect(isClose(recording.sampleRateHz, 32, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["Flux", "Pressure"])
        #expect(recording.channels.map(\.unit) == ["PU", "mmHg"])
        #expect(recording.channels[1].kind == .pressure)
        #expect(recording.perfusion.values[15] == 215)
    }

    @Test func whitespaceAlignedWithCommentLine() throws {
        let recording = try RecordingReader.read(path: Fixture.io("whitespace.txt"))
        #expect(recording.sampleCount == 12)
        #expect(isClose(recording.sampleRateHz, 10, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["flux", "temp"])
        #expect(recording.perfusion.values[11] == 110)
        #expect(recording.channels[1].values.allSatisfy { $0 == 30 })
    }

    @Test func noTimeColumnUsesTheGivenRate() throws {
        let options = ReadOptions(assembly: AssemblyOptions(rateHz: 20))
        let recording = try RecordingReader.read(path: Fixture.io("no_time.csv"), options: options)
        #expect(recording.sampleCount == 10)
        #expect(recording.sampleRateHz == 20)
        #expect(isClose(recording.durationSeconds, 0.5, relative: 1e-12))
        #expect(recording.perfusion.unit == "BPU")
        #expect(recording.perfusion.values == (1...10).map(Double.init))
    }

    @Test func noTimeColumnWithoutRateAsksForRate() {
        #expect {
            try RecordingReader.read(path: Fixture.io("no_time.csv"))
        } throws: { error in
            guard let error = error as? LDFError else { return false }
            return error.context.hasSuffix("no_time.csv") && error.fix?.contains("rate") == true
        }
    }

    @Test func millisecondTimeColumnIsScaled() throws {
        let recording = try RecordingReader.read(path: Fixture.io("time_ms.csv"))
        #expect(isClose(recording.sampleRateHz, 40, relative: 1e-9))
        #expect(recording.sampleCount == 16)
        #expect(recording.perfusion.values[15] == 30)
    }

    @Test func clockTimeCrossingMidnight() throws {
        let table = try RecordingReader.readTable(path: Fixture.io("clock_time.csv"))
        // Seconds from the first stamp (23:59:58.0); the clock reading is the clock start.
        let times = try #require(table.times)
        #expect(times[3] == 1.5 && times[4] == 2)
        #expect(table.notes.contains { $0.contains("midnight") })
        #expect(table.clockStart == ClockStart(day: nil, secondsOfDay: 86_398))
        #expect(table.clockStart?.text == "23:59:58")
        let recording = try RecordingReader.read(path: Fixture.io("clock_time.csv"))
        #expect(isClose(recording.sampleRateHz, 2, relative: 1e-9))
        #expect(recording.sampleCount == 8)
        #expect(recording.perfusion.values == (0..<8).map(Double.init))
        #expect(recording.startDate == nil)
    }

    @Test func excelSerialDaysUse86400SecondsAndSetStartDate() throws {
        let recording = try RecordingReader.read(path: Fixture.io("excel_serial.csv"))
        #expect(isClose(recording.sampleRateHz, 10, relative: 1e-6))
        #expect(recording.sampleCount == 20)
        #expect(recording.perfusion.values[19] == 24)
        // 44558.5 days after 1899-12-30 is 2021-12-28 12:00:00 (as UTC): 1,640,692,800 s after 1970.
        let start = try #require(recording.startDate)
        #expect(abs(start.timeIntervalSince1970 - 1_640_692_800) < 1e-3)
    }

    @Test func markerColumnBecomesEvents() throws {
        let recording = try RecordingReader.read(path: Fixture.io("marker_column.csv"))
        #expect(recording.channels.map(\.name) == ["flux"])
        #expect(recording.events.count == 2)
        #expect(recording.events.map(\.label) == ["cuff on", "release"])
        #expect(recording.events.map(\.kind) == [.occlusionStart, .occlusionRelease])
        #expect(isClose(recording.events[0].timeSeconds, 0.5, relative: 1e-12))
        #expect(isClose(recording.events[1].timeSeconds, 1.2, relative: 1e-12))
    }

    @Test func quotedCellsAndQuotedCommentWithComma() throws {
        let recording = try RecordingReader.read(path: Fixture.io("quoted.csv"))
        #expect(recording.sampleCount == 10)
        #expect(recording.perfusion.values[9] == 909)
        #expect(recording.events.map(\.label) == ["note, with comma"])
        #expect(isClose(recording.events[0].timeSeconds, 0.3, relative: 1e-12))
    }

    @Test func cp1252HeaderIsDecodedAndNoted() throws {
        let recording = try RecordingReader.read(path: Fixture.io("cp1252_header.csv"))
        #expect(recording.channels.map(\.name) == ["Flux", "Temp"])
        #expect(recording.channels.map(\.unit) == ["PU", "°C"])
        #expect(recording.channels[1].kind == .temperature)
        #expect(recording.provenance.notes.contains { $0.contains("Windows-1252") })
    }

    @Test func jitteredTimeStampsAreResampledExactlyForALinearSignal() throws {
        let options = ReadOptions(assembly: AssemblyOptions(rateHz: 20))
        let recording = try RecordingReader.read(path: Fixture.io("jittered.csv"), options: options)
        #expect(recording.sampleCount == 40)
        #expect(recording.provenance.resampled)
        #expect(recording.provenance.resampledGaps == 0)
        // Linear interpolation of a line is exact, except that the assembler takes a stamp within
        // 1% of the interval (0.5 ms) as on the grid: at most 10 PU/s * 0.5 ms = 0.005 off.
        var exact = 0
        for (k, v) in recording.perfusion.values.enumerated() {
            let error = abs(v - (100 + 10 * Double(k) / 20))
            #expect(error <= 0.005 + 1e-9)
            if error < 1e-9 { exact += 1 }
        }
        #expect(exact >= 20)
        let measured = try RecordingReader.read(path: Fixture.io("jittered.csv"))
        #expect(isClose(try #require(measured.provenance.measuredSampleRateHz), 20, relative: 0.05))
    }

    @Test func singleMissingRowsAreFilledAndCounted() throws {
        let recording = try RecordingReader.read(path: Fixture.io("single_gaps.csv"))
        #expect(recording.sampleCount == 20)
        #expect(recording.provenance.resampledGaps == 2)
        #expect(abs(recording.perfusion.values[5] - 55) < 1e-9)
        #expect(abs(recording.perfusion.values[13] - 63) < 1e-9)
        #expect(recording.provenance.gaps.isEmpty)
    }

    @Test func deviceSentinelsAreMaskedAndBridged() throws {
        let recording = try RecordingReader.read(path: Fixture.io("sentinels.csv"))
        let p = recording.provenance
        #expect(p.maskedSamples == 3)
        #expect(p.sentinelCounts == [-2500: 2, 5000: 1])
        #expect(p.interpolatedSamples == 3)
        #expect(abs(recording.perfusion.values[3] - 603) < 1e-9)
        #expect(abs(recording.perfusion.values[4] - 604) < 1e-9)
        #expect(abs(recording.perfusion.values[10] - 610) < 1e-9)
        #expect(recording.channels[1].values.allSatisfy { $0 == 31 })
    }

    @Test func starEmptyAndNaNCellsAreMissing() throws {
        let recording = try RecordingReader.read(path: Fixture.io("star_values.txt"))
        #expect(recording.provenance.maskedSamples == 3)
        #expect(recording.provenance.interpolatedSamples == 3)
        #expect(recording.perfusion.values[2] == 702)
        #expect(recording.perfusion.values[6] == 706)
        #expect(recording.perfusion.values[9] == 709)
        #expect(!recording.provenance.notes.contains { $0.contains("text cell") })
    }

    @Test func longNaNRunLoadsAndIsReportedAsAGap() throws {
        let recording = try RecordingReader.read(path: Fixture.io("long_nan_run.csv"))
        #expect(recording.sampleCount == 60)
        #expect(recording.provenance.maskedSamples == 20)
        #expect(recording.provenance.gaps.count == 1)
        let gap = try #require(recording.provenance.gaps.first)
        #expect(isClose(gap.startSeconds, 2, relative: 1e-12) && isClose(gap.endSeconds, 4, relative: 1e-12))
        #expect(recording.perfusion.values[20...39].allSatisfy { $0.isNaN })
    }

    @Test func raggedRowsReadMissingCellsAsNaNWithANote() throws {
        let table = try RecordingReader.readTable(path: Fixture.io("ragged.csv"))
        #expect(table.columns.map(\.name) == ["flux", "temp"])
        #expect(table.columns[1].values[4].isNaN)
        #expect(table.notes.contains { $0.contains("fewer cells") && $0.contains("line 6") })
        // Text after the last column is a trailing comment, read as an event at its row.
        #expect(table.notes.contains { $0.contains("after the last column") && $0.contains("line 9") })
        #expect(table.events.map(\.label) == ["extra"])
        let recording = try RecordingReader.read(path: Fixture.io("ragged.csv"))
        #expect(recording.channels[1].values[4] == 20)
        #expect(recording.events.map(\.timeSeconds) == [0.7])
    }
}
