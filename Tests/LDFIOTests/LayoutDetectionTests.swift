import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// Layout cases stated inline: marker columns found by content, date-and-clock time stamps,
/// LabChart blocks without stamps, overlapping stamps and clock-time LabChart exports.
@Suite struct LayoutDetectionTests {
    /// A column with no header hint that is empty except for text far past the inspected lines
    /// becomes events, not a data column.
    @Test func sparseTextColumnFoundAfterTheInspectedLinesBecomesEvents() throws {
        var text = "time,flux,x\n"
        for i in 0..<150 { text += "\(Double(i) / 10),\(500 + i),\(i == 120 ? "cuff off" : "")\n" }
        let file = try TemporaryFile("sparse.csv", text)
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.channels.map(\.name) == ["flux"])
        #expect(recording.events.map(\.label) == ["cuff off"])
        #expect(recording.events.first?.kind == .occlusionRelease)
        #expect(isClose(recording.events[0].timeSeconds, 12, relative: 1e-12))
    }

    /// `yyyy-mm-dd hh:mm:ss.fff` stamps: times from the first row, start date from the first stamp.
    @Test func dateAndClockTimeStamps() throws {
        let text = """
            Date Time;Flux (PU);Temp (°C)
            2024-03-01 09:59:59.750;10,5;33,0
            2024-03-01 10:00:00.000;11,0;33,0
            2024-03-01 10:00:00.250;11,5;33,1
            2024-03-01 10:00:00.500;12,0;33,1

            """
        let file = try TemporaryFile("dated.csv", text)
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(isClose(recording.sampleRateHz, 4, relative: 1e-9))
        #expect(recording.perfusion.values == [10.5, 11, 11.5, 12])
        // 2024-03-01 is 19,783 days after 1970-01-01.
        let start = try #require(recording.startDate)
        #expect(abs(start.timeIntervalSince1970 - (19_783 * 86_400 + 35_999.75)) < 1e-6)
    }

    /// Without a header, a strictly increasing first column is time in seconds.
    @Test func headerlessFileWithIncreasingFirstColumn() throws {
        let file = try TemporaryFile("bare.csv", "0.00,5\n0.25,6\n0.50,7\n0.75,8\n")
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(isClose(recording.sampleRateHz, 4, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["Column 2"])
        #expect(recording.provenance.notes.contains { $0.contains("taken as time") })
    }

    /// A header without a time name: the first strictly increasing column that names no
    /// measurement is time; a sample counter is skipped.
    @Test func increasingUnnamedColumnUnderAHeaderIsTime() throws {
        let file = try TemporaryFile("elapsed.csv", "Sample,x,Flux (PU)\n1,0.0,5\n2,0.5,6\n3,1.0,7\n4,1.5,8\n")
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(isClose(recording.sampleRateHz, 2, relative: 1e-9))
        #expect(recording.channels.map(\.name) == ["Flux"])
        #expect(recording.provenance.notes.contains { $0.contains("sample counter") })
    }

    /// Comma-delimited with quoted decimal-comma cells (as some spreadsheet exports write).
    @Test func quotedDecimalCommasInACommaFile() throws {
        let file = try TemporaryFile("quotedcomma.csv", "Time,Flux\n\"0,0\",\"12,5\"\n\"0,5\",\"13,5\"\n\"1,0\",\"14,5\"\n")
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.perfusion.values == [12.5, 13.5, 14.5])
        #expect(isClose(recording.sampleRateHz, 2, relative: 1e-9))
    }

    /// Dates and clock times in separate columns are combined (with a midnight crossing).
    @Test func separateDateAndClockColumns() throws {
        let text = """
            Date;Time;Flux
            31.12.2023;23:59:59,5;1,5
            01.01.2024;00:00:00,0;2,5
            01.01.2024;00:00:00,5;3,5

            """
        let file = try TemporaryFile("datecols.csv", text)
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.channels.map(\.name) == ["Flux"])
        #expect(recording.perfusion.values == [1.5, 2.5, 3.5])
        #expect(isClose(recording.sampleRateHz, 2, relative: 1e-9))
        #expect(recording.events.isEmpty)
        // 2023-12-31 is 19,722 days after 1970-01-01.
        let start = try #require(recording.startDate)
        #expect(abs(start.timeIntervalSince1970 - (19_722 * 86_400 + 86_399.5)) < 1e-6)
    }

    static func labChartHeader(serial: Double?) -> String {
        var lines = ["Interval=\t0.5 s"]
        if let serial { lines.append("ExcelDateTime=\t\(serial)\t01/02/2024 10:00:00") }
        lines += ["TimeFormat=\tStartOfBlock", "ChannelTitle=\tFlux", "UnitName=\tBPU"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A block without `ExcelDateTime` is appended one interval after the previous block.
    @Test func labChartBlockWithoutStampIsAppended() throws {
        let text = Self.labChartHeader(serial: 45_293.5) + "0\t1\n0.5\t2\n" + Self.labChartHeader(serial: nil) + "0\t3\n0.5\t4\n"
        let file = try TemporaryFile("nostamp.txt", text)
        defer { file.remove() }
        let table = try RecordingReader.readTable(path: file.path)
        #expect(table.times == [0, 0.5, 1.0, 1.5])
        #expect(table.notes.contains { $0.contains("no ExcelDateTime") })
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.perfusion.values == [1, 2, 3, 4])
        #expect(recording.provenance.gaps.isEmpty)
    }

    /// Time restarting at 0 without new header lines starts an unstamped block; a label row
    /// before the first row is skipped.
    @Test func labChartTimeRestartWithoutHeaderAndLabelRow() throws {
        let text = Self.labChartHeader(serial: 45_293.5) + "Time\tFlux\n0\t1\n0.5\t2\n0\t3\n0.5\t4\n"
        let file = try TemporaryFile("restart.txt", text)
        defer { file.remove() }
        let table = try RecordingReader.readTable(path: file.path)
        #expect(table.times == [0, 0.5, 1.0, 1.5])
        #expect(table.columns[0].values == [1, 2, 3, 4])
        #expect(table.notes.contains { $0.contains("line 6") && $0.contains("label row") })
        #expect(table.notes.contains { $0.contains("time restarts at line 9") })
        #expect(table.notes.contains { $0.contains("block 2 (line 9) has no ExcelDateTime") })
    }

    /// A block stamped before the previous block ends is appended after it instead of overlapping.
    @Test func labChartOverlappingStampIsAppended() throws {
        let serial = 45_293.5
        let text = Self.labChartHeader(serial: serial) + "0\t1\n0.5\t2\n1.0\t3\n"
            + Self.labChartHeader(serial: serial + 0.5 / 86_400) + "0\t4\n0.5\t5\n"
        let file = try TemporaryFile("overlap.txt", text)
        defer { file.remove() }
        let table = try RecordingReader.readTable(path: file.path)
        #expect(table.times == [0, 0.5, 1.0, 1.5, 2.0])
        #expect(table.notes.contains { $0.contains("overlap") })
    }

    /// `TimeFormat=TimeOfDay`: clock times in the time column, placed on the block's date.
    @Test func labChartClockTimeColumn() throws {
        let text = """
            Interval=\t0.25 s
            ExcelDateTime=\t45293.999994212963\t01/02/2024 23:59:59.500
            TimeFormat=\tTimeOfDay
            ChannelTitle=\tFlux\tPressure
            UnitName=\tBPU\tmmHg
            23:59:59.500\t10\t0
            23:59:59.750\t11\t0
            00:00:00.000\t12\t200\t#* cuff on
            00:00:00.250\t13\t200

            """
        let file = try TemporaryFile("clock.txt", text)
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.sampleCount == 4)
        #expect(isClose(recording.sampleRateHz, 4, relative: 1e-9))
        #expect(recording.perfusion.values == [10, 11, 12, 13])
        #expect(recording.channels[1].kind == .pressure)
        #expect(recording.events.map(\.label) == ["cuff on"])
        #expect(isClose(recording.events[0].timeSeconds, 0.5, relative: 1e-9))
    }
}

/// LabChart exports from European locales write decimal commas.
@Suite struct LabChartLocaleTests {
    @Test func decimalCommaExport() throws {
        let text = "Interval=\t250 ms\nExcelDateTime=\t45293,5\t02.01.2024 12:00:00\nTimeFormat=\tStartOfBlock\n"
            + "ChannelTitle=\t\"Flux\"\nUnitName=\tBPU\n0\t10,5\n0,25\t*\n0,5\t11,5\n0,75\t12,25\n"
        let file = try TemporaryFile("comma.txt", text)
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.sampleRateHz == 4)
        #expect(recording.perfusion.values == [10.5, 11, 11.5, 12.25])
        #expect(recording.provenance.maskedSamples == 1)
        #expect(recording.provenance.notes.contains { $0.contains("decimal commas") })
        #expect(recording.perfusion.name == "Flux")
        let start = try #require(recording.startDate)
        #expect(start.timeIntervalSince1970 == (45_293.5 - 25_569) * 86_400)
    }
}
