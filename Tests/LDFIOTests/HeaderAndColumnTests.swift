import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// Inline layouts: header blocks in several delimiters, time units from names, columns that
/// look like time, numeric marks against pressure channels, shifted rows, the stream parser's
/// first line after a byte-order mark, and LabChart's clock start.
@Suite struct HeaderAndColumnTests {
    static func rows(_ n: Int, rate: Double, delimiter: String = ",", decimalComma: Bool = false, time: (Double) -> String) -> String {
        (0..<n).map { i -> String in
            let t = Double(i) / rate
            var cells = [time(t), String(format: "%.3f", 60 + 10 * sin(Double(i) * 0.37))]
            if decimalComma { cells = cells.map { $0.replacingOccurrences(of: ".", with: ",") } }
            return cells.joined(separator: delimiter)
        }.joined(separator: "\n") + "\n"
    }

    static func read(_ text: String, name: String = "f.csv", _ options: ReadOptions = ReadOptions()) throws -> Recording {
        let file = try TemporaryFile(name, text)
        defer { file.remove() }
        return try RecordingReader.read(path: file.path, options: options)
    }

    /// The same header block in three delimiters, with and without a units row.
    @Test(arguments: [("\t", false), (";", true), (",", false)] as [(String, Bool)], [false, true])
    func headerBlockInEveryDelimiter(_ layout: (delimiter: String, decimalComma: Bool), _ unitsRow: Bool) throws {
        let d = layout.delimiter
        var text = "Export of S01\nDate:\(d)2023-03-14\nTime\(d)10:22:01\nSample rate:\(d)20 Hz\nSubject ID\(d)S01\n\n"
        text += "Time\(d)Flux\n" + (unitsRow ? "s\(d)PU\n" : "")
        text += Self.rows(200, rate: 20, delimiter: d, decimalComma: layout.decimalComma) { String(format: "%.2f", $0) }
        let r = try Self.read(text)
        #expect(r.channels.map(\.name) == ["Flux"])
        #expect(r.channels.map(\.unit) == [unitsRow ? "PU" : ""])
        #expect(r.sampleRateHz == 20 && r.sampleCount == 200)
        #expect(r.provenance.nominalSampleRateHz == 20)
        #expect(r.clockStart?.text == "2023-03-14T10:22:01")
        #expect(r.metadata.map(\.key) == ["", "Date", "Time", "Sample rate", "Subject ID"])
        #expect(abs(r.perfusion.values[3] - (60 + 10 * sin(3 * 0.37))) < 1e-3)
    }

    /// `Channel N:` keys and a `Units` list name generic columns (`CH1`) and fill empty units.
    @Test func channelKeysNameGenericColumns() throws {
        var text = "Channel 1: Laser Doppler [PU]\nChannel 2: Skin temp\nUnits: PU, degC\nTime,CH1,CH2\n"
        for i in 0..<40 { text += "\(Double(i) / 10),\(60 + sin(Double(i))),31\n" }
        let r = try Self.read(text)
        #expect(r.channels.map(\.name) == ["Laser Doppler", "Skin temp"])
        #expect(r.channels.map(\.unit) == ["PU", "degC"])
        #expect(r.channels.map(\.kind) == [.perfusion, .temperature])
    }

    /// Time units from the name as well as from brackets.
    @Test(arguments: [("time_ms", 1000.0), ("Time (msec)", 1000), ("t [ms]", 1000), ("Zeit (s)", 1), ("time_min", 1.0 / 60),
                      ("t_us", 1e6), ("Time [min]", 1.0 / 60), ("elapsed_h", 1.0 / 3600)] as [(String, Double)])
    func timeUnitsFromNames(_ header: (name: String, perSecond: Double)) throws {
        let text = "\(header.name),Flux\n" + Self.rows(100, rate: 10) { String(format: "%.6f", $0 * header.perSecond) }
        let r = try Self.read(text)
        #expect(abs(r.sampleRateHz - 10) < 1e-6, "\(header.name)")
        #expect(r.channels.map(\.name) == ["Flux"])
    }

    /// An unnamed, evenly increasing column is the time axis wherever it stands.
    @Test func evenlyIncreasingColumnIsTimeWhereverItStands() throws {
        var text = "Flux,x\n"
        for i in 0..<50 { text += "\(60 + 10 * sin(Double(i) * 0.37)),\(Double(i) * 0.25)\n" }
        let r = try Self.read(text)
        #expect(r.sampleRateHz == 4)
        #expect(r.channels.map(\.name) == ["Flux"])
    }

    /// With a named time column, a second evenly increasing column (a counter with another name)
    /// is never analysed as perfusion by default.
    @Test func aSecondTimeLikeColumnIsNotTheDefaultChannel() throws {
        var text = "time,ticks,signal\n"
        for i in 0..<50 { text += "\(Double(i) / 10),\(1000 + 3 * i),\(60 + 10 * sin(Double(i) * 0.37))\n" }
        let r = try Self.read(text)
        #expect(r.perfusion.name == "signal")
        let named = try Self.read(text, ReadOptions(assembly: AssemblyOptions(channel: .name("ticks"))))
        #expect(named.perfusion.name == "ticks")
    }

    /// The issue's silent failure, in the library: a tab header block with `Date:<TAB>...`.
    @Test func timeColumnBehindAKeyValueBlockIsFound() throws {
        let text = HeaderBlockFixture.periSoftLike
        for rate in [nil, 32.0] {
            let r = try Self.read(text, ReadOptions(assembly: AssemblyOptions(rateHz: rate)))
            #expect(r.channels.map(\.name) == ["Flux"])
            #expect(r.sampleRateHz == 32)
            #expect(abs(SummaryStatistics(r.perfusion.values).mean - 60) < 1)
        }
    }

    /// Mostly-zero integer columns: marks when short and sparse; a cuff pressure channel held at
    /// 200 mmHg for a minute stays a channel.
    @Test func numericMarksAreEventsButPressureStaysAChannel() throws {
        var text = "time,flux,M,cuff\n"
        for i in 0..<1000 {
            let mark = i == 100 ? "1" : (i == 600 ? "2" : "0")
            let cuff = (300..<500).contains(i) ? "200" : "0"
            text += "\(Double(i) / 10),\(60 + 10 * sin(Double(i) * 0.37)),\(mark),\(cuff)\n"
        }
        let r = try Self.read(text)
        #expect(r.channels.map(\.name) == ["flux", "cuff"])
        #expect(r.events.map(\.label) == ["1", "2"])
        #expect(r.events.map(\.timeSeconds) == [10, 60])
    }

    /// A marker-named column holding 0 between its marks gives events only at the marks.
    @Test func zeroCellsOfAMarkerColumnAreEmpty() throws {
        var text = "time,flux,marker\n"
        for i in 0..<100 { text += "\(Double(i) / 10),\(60 + sin(Double(i))),\(i == 40 ? "cuff on" : "0")\n" }
        let r = try Self.read(text)
        #expect(r.events.map(\.label) == ["cuff on"])
    }

    /// A row with extra numeric cells may be shifted: its values are masked (and bridged), and
    /// the warning lists its line.
    @Test func rowsWithExtraNumbersAreMaskedAndListed() throws {
        var text = "time,flux,temp\n"
        for i in 0..<50 { text += i == 20 ? "2.0,61,99,31\n" : "\(Double(i) / 10),\(60 + i % 3),31\n" }
        let r = try Self.read(text)
        #expect(r.provenance.maskedSamples == 1)
        let warning = try #require(r.provenance.diagnostics.first { $0.code == "shifted_rows" })
        #expect(warning.message.contains("line(s) 22"))
        #expect(r.channels[1].values[20] == 31)
    }

    /// A cell of 1e200 in a file: masked and counted, the bands keep their data.
    @Test func anAbsurdCellIsMaskedInAFile() throws {
        var text = "time,flux\n"
        for i in 0..<100 { text += "\(Double(i) / 10),\(i == 30 ? "1e200" : String(60 + 10 * sin(Double(i) * 0.37)))\n" }
        let r = try Self.read(text)
        #expect(r.provenance.outOfRangeSamples == 1)
        #expect(r.perfusion.values.allSatisfy { $0.isFinite && $0 < 100 })
    }

    /// The first line after a UTF-8 byte-order mark is a sample, not a malformed line, in streams.
    @Test func streamParserReadsTheFirstLineAfterAByteOrderMark() throws {
        let lines = ["\u{FEFF}0.0,61", "0.1,62", "0.2,63", "0.3,64"]
        let joined = Array(lines.joined(separator: "\n").utf8)
        var parser = try StreamingLineParser(firstLines: joined, options: ReadOptions())
        let first = parser.parse(Array(lines[0].utf8), number: 1)
        #expect(first == .sample(time: 0, value: 61, label: nil))
        let values = ["\u{FEFF}61", "62", "63"]
        var bare = try StreamingLineParser(firstLines: Array(values.joined(separator: "\n").utf8), options: ReadOptions())
        #expect(bare.parse(Array(values[0].utf8), number: 1) == .sample(time: nil, value: 61, label: nil))
    }

    @Test func streamParserReadsSeveralChannelsAndClockTimesFromTheFirstStamp() throws {
        let lines = ["clock,PU 1,PU 2,temp", "10:00:00.0,61,41,31", "10:00:00.5,62,42,31", "10:00:01.0,63,43,31"]
        let joined = Array(lines.joined(separator: "\n").utf8)
        var parser = try StreamingLineParser(firstLines: joined, options: ReadOptions(assembly: AssemblyOptions(channel: .all)))
        #expect(parser.channelNames == ["PU 1", "PU 2"])
        #expect(parser.channelUnits == ["PU", "PU"])
        _ = parser.parse(Array(lines[0].utf8), number: 1)
        #expect(parser.parse(Array(lines[1].utf8), number: 2) == .sample(time: 0, value: 61, label: nil))
        #expect(parser.parse(Array(lines[3].utf8), number: 4) == .sample(time: 1, value: 63, label: nil))
        #expect(parser.channelValues == [63, 43])
        #expect(parser.clockStart?.text == "10:00:00")
    }

    /// LabChart: the start clock as written, with its fraction of a second, no `Z`; every header
    /// line of the first block in the metadata.
    @Test func labChartClockStartAndMetadata() throws {
        let r = try RecordingReader.read(path: Fixture.labchart("Shabina_fingertip.txt"))
        #expect(r.clockStart?.text == "2021-12-28T10:38:09.047598")
        #expect(r.metadata.map(\.key) == ["Interval", "ExcelDateTime", "TimeFormat", "ChannelTitle", "Range", "UnitName", "TopValue", "BottomValue"])
        #expect(r.timeOriginSeconds == 0)
    }

    /// A probe on bone reads about -10 pu: a warning, not an error.
    @Test func labChartDorsumIsMostlyNegative() throws {
        let r = try RecordingReader.read(path: Fixture.labchart("Shabina_dorsum1.txt"))
        #expect(r.readingDiagnostics.contains { $0.code == "negative_perfusion" })
    }

    /// `Interval= 0.025 s` with a space is a generic header, not LabChart.
    @Test func aGenericIntervalLineIsNotLabChart() throws {
        let text = "Interval= 0.025 s\nTime\tFlux\n" + Self.rows(100, rate: 40, delimiter: "\t") { String(format: "%.3f", $0) }
        let r = try Self.read(text, name: "g.txt")
        #expect(r.provenance.reader == "delimited")
        #expect(r.provenance.nominalSampleRateHz == 40)
        #expect(r.channels.map(\.name) == ["Flux"])
    }

    /// Pure bytes to table (the fuzzing entry point) reads the same as the file.
    @Test func bytesEntryPointMatchesTheFile() throws {
        let text = HeaderBlockFixture.periSoftLike
        let table = try RecordingReader.table(from: Array(text.utf8), source: "mem")
        #expect(table.columns.map(\.name) == ["Flux"])
        let recording = try RecordingReader.recording(from: Array(text.utf8), source: "mem")
        #expect(recording.sampleRateHz == 32)
        #expect(throws: LDFError.self) { try RecordingReader.table(from: [], source: "mem") }
    }
}

enum HeaderBlockFixture {
    /// A PeriSoft-like tab export: `Key:<TAB>value` lines, a blank line, then `Time (s)<TAB>Flux`.
    static var periSoftLike: String {
        var lines = ["File:\tC:\\PSW\\Data\\S01.PSW", "Date:\t2023-03-14", "Time:\t10:22:01", "Sample rate:\t32 Hz", "Subject ID\tS01", "",
                     "Time (s)\tFlux"]
        for i in 0..<640 {
            let t = Double(i) / 32
            lines.append(String(format: "%.5f\t%.3f", t, 60 + 10 * sin(2 * Double.pi * 0.2 * t)))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
