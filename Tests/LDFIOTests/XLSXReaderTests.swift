import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// Excel workbooks written by openpyxl (with cached formula results patched in as Excel saves
/// them), an encrypted copy from msoffcrypto-tool and an .xls from xlwt (Tests/Fixtures/xlsx):
/// values, times, dates and events checked against openpyxl's reading.
@Suite struct XLSXReaderTests {
    let reference = try! ReferenceReading.load("xlsx")

    func path(_ name: String) -> String { Fixture.format("xlsx", name) }

    @Test func everySheetWithDataIsItsOwnRecording() throws {
        let recordings = try RecordingReader.readAll(path: path("trials.xlsx"))
        #expect(recordings.map { $0.provenance.source.components(separatedBy: " [").last ?? "" } == ["Trial 1]", "Trial 2]"])
        #expect(recordings.allSatisfy { $0.provenance.reader == "xlsx" })
        #expect(recordings[0].provenance.notes.contains { $0.contains("'Notes'") && $0.contains("'Empty' (empty)") })
    }

    @Test func headerUnitsTimeAndCommentsFollowTheDelimitedRules() throws {
        var options = ReadOptions()
        options.sheet = .name("trial 1")
        let recording = try RecordingReader.read(path: path("trials.xlsx"), options: options)
        let expected = try #require(reference.files["trials.xlsx [Trial 1]"])
        #expect(recording.sampleRateHz == 10)
        #expect(recording.channels.map(\.name) == ["Flux", "Skin temp"])
        #expect(recording.channels.map(\.unit) == ["PU", "°C"])
        expectMatches(recording.channels[0].values, expected.signals[0])
        expectMatches(recording.channels[1].values, expected.signals[1])
        #expect(recording.events.map(\.label) == expected.annotations.map(\.text))
        #expect(recording.events.map(\.timeSeconds) == expected.annotations.map(\.onset))
        #expect(recording.events.map(\.kind) == [.occlusionStart, .occlusionRelease])
    }

    @Test func dateStyledCellsAreClockTimesWithTheirDate() throws {
        var options = ReadOptions()
        options.sheet = .index(2)
        let recording = try RecordingReader.read(path: path("trials.xlsx"), options: options)
        let expected = try #require(reference.files["trials.xlsx [Trial 2]"])
        #expect(recording.sampleRateHz == 2)
        #expect(recording.perfusion.name == "Perfusion")
        expectMatches(recording.perfusion.values, expected.signals[0])
        let startText = try #require(expected.start)
        let start = try #require(recording.startDate).timeIntervalSince1970
        #expect(abs(start - ReferenceReading.epochSeconds(startText)!) < 1e-3)
    }

    @Test func cachedFormulaResults() throws {
        let recording = try RecordingReader.read(path: path("formulas.xlsx"))
        let expected = try #require(reference.files["formulas.xlsx [Calc]"])
        #expect(recording.channels.map(\.name) == ["raw", "Flux"])
        #expect(recording.perfusion.name == "Flux")
        expectMatches(recording.channels[1].values, expected.signals[1])
        #expect(recording.sampleRateHz == 4)
    }

    @Test func mac1904Dates() throws {
        let recording = try RecordingReader.read(path: path("dates-1904.xlsx"))
        let expected = try #require(reference.files["dates-1904.xlsx [Mac]"])
        expectMatches(recording.perfusion.values, expected.signals[0])
        #expect(recording.sampleRateHz == 4)
        let startText = try #require(expected.start)
        let start = try #require(recording.startDate).timeIntervalSince1970
        #expect(abs(start - ReferenceReading.epochSeconds(startText)!) < 1e-3)
    }

    @Test func severalSheetsNeedAChoiceForOneRecording() throws {
        let e = try #require({ () -> LDFError? in
            do { _ = try RecordingReader.read(path: path("trials.xlsx")); return nil } catch let e as LDFError { return e } catch { return nil }
        }())
        #expect(e.message.contains("2 sheets of data"))
        #expect(e.fix?.contains("sheet") == true)
    }

    @Test func unknownSheetListsTheSheets() throws {
        var options = ReadOptions()
        options.sheet = .name("Trial 9")
        let e = try #require(readError(path("trials.xlsx"), options: options))
        #expect(e.context == "sheet")
        #expect(e.message.contains("1:Trial 1, 2:Trial 2, 3:Notes, 4:Empty"))
    }

    @Test func sheetWithNoNumericColumnIsNamed() throws {
        let e = try #require(readError(path("bad-no-numeric.xlsx")))
        #expect(e.context.hasSuffix("bad-no-numeric.xlsx [Words]"))
        #expect(e.message.contains("no numeric"))
    }

    @Test func encryptedWorkbookIsRefused() throws {
        let e = try #require(readError(path("bad-encrypted.xlsx")))
        #expect(e.context.hasSuffix("bad-encrypted.xlsx"))
        #expect(e.message.contains("encrypted"))
        #expect(e.fix?.contains("remove the password") == true)
    }

    @Test func legacyXLSIsRefused() throws {
        let e = try #require(readError(path("bad-legacy.xls")))
        #expect(e.message.contains(".xls"))
        #expect(e.fix == "save as .xlsx or CSV")
    }

    @Test func damagedArchivesNeverHang() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("trials.xlsx"))))
        for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 30] {
            #expect(throws: LDFError.self) { try XLSXReader.parseTables(ReaderInput(bytes: Array(bytes.prefix(cut)), source: "cut.xlsx", path: nil), options: ReadOptions()) }
        }
        var flipped = bytes
        for i in stride(from: 200, to: flipped.count / 2, by: 97) { flipped[i] ^= 0x5A }
        _ = try? XLSXReader.parseTables(ReaderInput(bytes: flipped, source: "flipped.xlsx", path: nil), options: ReadOptions())
    }

    /// Offsets a damaged directory can hold that once crashed ZIPFoundation's in-memory reader
    /// (Fuzz/corpus/xlsx): each is now a one-line error naming the file.
    @Test func directoryOffsetsPastTheEndAreRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("trials.xlsx"))))
        let end = try #require((0...(bytes.count - 22)).last { bytes[$0..<$0 + 4].elementsEqual([0x50, 0x4B, 5, 6]) })
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16
        func damaged(_ offset: Int, _ value: [UInt8]) -> [UInt8] {
            var copy = bytes
            copy.replaceSubrange(offset..<offset + value.count, with: value)
            return copy
        }
        let cases: [(String, [UInt8], String)] = [
            ("directory offset", damaged(end + 16, [0xFF, 0xFF, 0xFF, 0x7F]), "central directory"),
            ("local header offset", damaged(directory + 42, [0xF0, 0xFF, 0xFF, 0x00]), "local header"),
            ("compressed size", damaged(directory + 20, [0xFF, 0xFF, 0xFF, 0x0F]), "run past the end"),
            ("ZIP64 locator", damaged(end - 20, [0x50, 0x4B, 6, 7]), "ZIP64"),
        ]
        for (what, input, message) in cases {
            let error = #expect(throws: LDFError.self, "\(what)") {
                try XLSXReader.parseTables(ReaderInput(bytes: input, source: "damaged.xlsx", path: nil), options: ReadOptions())
            }
            #expect(error?.context == "damaged.xlsx", "\(what)")
            #expect(error?.message.contains(message) == true, "\(what): \(error?.message ?? "")")
        }
    }

    /// A sheet whose element name holds invalid UTF-8 (found by the fuzzer; Foundation's parser
    /// traps on it) is refused with the part named.
    @Test func invalidUTF8PartIsRefused() throws {
        let file = RepositoryPaths.root.appendingPathComponent("Fuzz/corpus/xlsx/crash-invalid-utf8-element-name")
        let bytes = [UInt8](try Data(contentsOf: file))
        let error = #expect(throws: LDFError.self) {
            try XLSXReader.parseTables(ReaderInput(bytes: bytes, source: "utf8.xlsx", path: nil), options: ReadOptions())
        }
        #expect(error?.message == "the workbook part 'xl/worksheets/sheet1.xml' is not valid UTF-8 text")
    }
}
