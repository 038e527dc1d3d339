import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// NIRS exports: hand-made files in the Artinis Oxysoft text and Moxy CSV layouts
/// (Tests/Fixtures/nirs; its README says where each layout comes from).
@Suite struct NIRSReaderTests {
    static func nirs(_ name: String) -> String { Fixture.format("nirs", name) }

    @Test func oxysoftTextExportGivesTracesUnitsAndMarkers() throws {
        let recording = try RecordingReader.read(path: Self.nirs("oxysoft_vot.txt"))
        #expect(recording.provenance.reader == "oxysoft")
        #expect(recording.sampleRateHz == 10)
        #expect(recording.sampleCount == 20)
        #expect(recording.channels.map(\.name) == [
            "Rx1 - Tx1,Tx2,Tx3 TSI%", "Rx1 - Tx1,Tx2,Tx3 TSI Fit Factor", "Rx1 - Tx1 O2Hb", "Rx1 - Tx1 HHb", "Rx1 - Tx1 tHb",
        ])
        #expect(recording.channels.map(\.unit) == ["%", "%", "µM", "µM", "µM"])
        // Row 9's empty TSI cell is masked and bridged between 68.5 and 67.5.
        #expect(recording.provenance.maskedSamples == 1)
        #expect(isClose(recording.channels[0].values[9], 68, relative: 1e-12))
        #expect(isClose(recording.channels[2].values[19], 35.8, relative: 1e-12))
        // Markers: the code with its description, at sample / 10 Hz.
        #expect(recording.events.map(\.label) == ["Occlusion (A1)", "Release (B1)", "S1"])
        #expect(recording.events.map(\.kind) == [.occlusionStart, .occlusionRelease, .comment])
        #expect(recording.events.map(\.timeSeconds) == [0.5, 1.5, 1.8])
        #expect(recording.metadata.contains(MetadataEntry(key: "Optode-template", value: "PortaMon TSI Fit Factor")))
    }

    @Test func oxysoftDecimalCommasAndMissingLegendAreHandled() throws {
        let text = "OxySoft export of:\tx.oxy3\nExport sample rate:\t2,00\tHz\nLegend:\nColumn\tTrace (Measurement)\n"
            + "1\t(Sample number)\n2\tRx1 - Tx1,Tx2,Tx3 TSI%\n3\t(Event)\n\n1\t2\t3\n0\t70,5\t0\n1\t70,0\tA1\n2\t69,5\t0\n"
        let recording = try RecordingReader.recording(from: Array(text.utf8), source: "comma.txt")
        #expect(recording.sampleRateHz == 2)
        #expect(recording.channels[0].values == [70.5, 70.0, 69.5])
        #expect(recording.events.map(\.timeSeconds) == [0.5])

        let noLegend = "OxySoft export of:\tx.oxy3\nExport sample rate:\t2\tHz\n0\t70\t0\n"
        #expect { try RecordingReader.recording(from: Array(noLegend.utf8), source: "bare.txt") } throws: { error in
            "\(error)".contains("bare.txt") && "\(error)".contains("no 'Legend:' block")
        }
        let noRate = "OxySoft export of:\tx.oxy3\nLegend:\n1\t(Sample number)\n2\tTSI%\n\n1\t2\n0\t70\n"
        #expect { try RecordingReader.recording(from: Array(noRate.utf8), source: "norate.txt") } throws: { error in
            "\(error)".contains("gives no sample rate")
        }
        // An event in a row shorter than the legend (found by the fuzzer: the description range was reversed).
        let shortRow = "OxySoft export of:\tx.oxy3\nExport sample rate:\t2\tHz\nLegend:\n1\t(Sample number)\n2\tTSI%\n3\t(Event)\n5\tTSI Fit\n\n1\t2\t3\t4\t5\n0\t70\t0\t1\t1\n1\t71\tA\n"
        let events = try RecordingReader.recording(from: Array(shortRow.utf8), source: "short.txt").events
        #expect(events.map(\.label) == ["A"])
        // A legend numbering a column 0 (found by the fuzzer: it indexed before the row's first cell).
        let columnZero = "OxySoft export of:\tx.oxy3\nExport sample rate:\t2\tHz\nLegend:\n0\t(Sample number)\n2\tTSI%\n\n1\t2\n0\t70\n"
        #expect { try RecordingReader.recording(from: Array(columnZero.utf8), source: "zero.txt") } throws: { error in
            "\(error)".contains("zero.txt line 4") && "\(error)".contains("does not start with a column number (1, 2, ...)")
        }
    }

    @Test func moxyCSVGivesUnitsAndLapEvents() throws {
        let recording = try RecordingReader.read(path: Self.nirs("moxy_vot.csv"))
        #expect(recording.provenance.reader == "moxy")
        #expect(recording.sampleRateHz == 0.5)
        #expect(recording.channels.map(\.name) == ["SmO2 Live", "SmO2 Averaged", "THb", "Session Ct"])
        #expect(recording.channels.map(\.unit) == ["%", "%", "g/dl", ""])
        #expect(recording.channels[0].values.prefix(3) == [60, 59, 58])
        // Lap 1 → 2 at row 4 (8 s), 2 → 3 at row 9 (18 s); the date column is no event.
        #expect(recording.events.map(\.label) == ["lap 2", "lap 3"])
        #expect(recording.events.map(\.timeSeconds) == [8, 18])
        // A lap counter beyond Int's range is written, not converted to Int (which traps).
        let text = try String(contentsOfFile: Self.nirs("moxy_vot.csv"), encoding: .utf8)
        let huge = text.replacingOccurrences(of: ",3,", with: ",1e300,")
        let hugeLaps = try RecordingReader.recording(from: Array(huge.utf8), source: "huge.csv")
        #expect(hugeLaps.events.map(\.label).contains("lap 1e+300"))
    }

    @Test func plainCSVWithAnSmO2ColumnIsNotMoxy() throws {
        let text = "time,SmO2\n0,60\n1,61\n"
        let recording = try RecordingReader.recording(from: Array(text.utf8), source: "plain.csv")
        #expect(recording.provenance.reader == "delimited")
    }
}
