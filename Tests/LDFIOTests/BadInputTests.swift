import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bad input: each case is a clear `LDFError` naming the file, line or option, with a fix; never
/// a crash.
@Suite struct BadInputTests {
    /// Reads `path` and returns the error it must throw.
    func error(reading path: String, options: ReadOptions = ReadOptions()) -> LDFError? {
        do {
            _ = try RecordingReader.read(path: path, options: options)
            return nil
        } catch let error as LDFError {
            return error
        } catch {
            return nil
        }
    }

    @Test func emptyFile() throws {
        let e = try #require(error(reading: Fixture.io("empty.csv")))
        #expect(e.context.hasSuffix("empty.csv"))
        #expect(e.message.contains("empty"))
        #expect(e.fix != nil)
    }

    @Test func headerOnly() throws {
        let e = try #require(error(reading: Fixture.io("header_only.csv")))
        #expect(e.context.hasSuffix("header_only.csv"))
        #expect(e.message.contains("only a header"))
        #expect(e.fix != nil)
    }

    @Test func binaryGarbage() throws {
        let e = try #require(error(reading: Fixture.io("garbage.bin")))
        #expect(e.context.hasSuffix("garbage.bin"))
        #expect(e.message.contains("binary"))
        #expect(e.fix?.contains("text") == true)
    }

    @Test func utf16Text() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-io-utf16-\(getpid()).csv")
        try "time,flux\n0,1\n".data(using: .utf16)!.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let e = try #require(error(reading: url.path))
        #expect(e.message.contains("UTF-16"))
        #expect(e.fix?.contains("UTF-8") == true)
    }

    @Test func noNumericColumn() throws {
        let e = try #require(error(reading: Fixture.io("no_numeric.csv")))
        #expect(e.context.hasSuffix("no_numeric.csv"))
        #expect(e.message.contains("no numeric data column"))
    }

    @Test func nonMonotonicTimesNameTheLine() throws {
        let e = try #require(error(reading: Fixture.io("non_monotonic.csv")))
        #expect(e.context.hasSuffix("non_monotonic.csv line 5"))
        #expect(e.message.contains("backwards"))
        #expect(e.fix?.contains("sort") == true)
    }

    @Test func duplicatedTimesNameTheLine() throws {
        let e = try #require(error(reading: Fixture.io("duplicate_times.csv")))
        #expect(e.context.hasSuffix("duplicate_times.csv line 5"))
        #expect(e.message.contains("repeats"))
    }

    @Test func singleSample() throws {
        let e = try #require(error(reading: Fixture.io("single_sample.csv")))
        #expect(e.context.hasSuffix("single_sample.csv"))
        #expect(e.message.contains("single sample"))
    }

    @Test func unknownChannelListsTheChannels() throws {
        let options = ReadOptions(assembly: AssemblyOptions(channel: .name("pressure")))
        let e = try #require(error(reading: Fixture.io("sentinels.csv"), options: options))
        #expect(e.message.contains("'pressure'"))
        #expect(e.message.contains("1:flux") && e.message.contains("2:temp"))
        let byIndex = ReadOptions(assembly: AssemblyOptions(channel: .index(3)))
        let f = try #require(error(reading: Fixture.io("sentinels.csv"), options: byIndex))
        #expect(f.message.contains("out of range"))
    }

    @Test(arguments: [0.0, -5.0, Double.nan])
    func nonPositiveRate(rate: Double) throws {
        let options = ReadOptions(assembly: AssemblyOptions(rateHz: rate))
        let e = try #require(error(reading: Fixture.io("no_time.csv"), options: options))
        #expect(e.context == "rate")
        #expect(e.fix?.contains("rate") == true)
    }

    @Test func missingFile() throws {
        let e = try #require(error(reading: Fixture.io("does-not-exist.csv")))
        #expect(e.context.hasSuffix("does-not-exist.csv"))
        #expect(e.message.contains("no such file"))
    }

    @Test func directoryInsteadOfFile() throws {
        let e = try #require(error(reading: RepositoryPaths.fixture("io").path))
        #expect(e.message.contains("directory"))
    }

    /// Root can read any file, so this only runs for ordinary users.
    @Test(.enabled(if: getuid() != 0))
    func unreadableFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-io-unreadable-\(getpid()).csv")
        try "time,flux\n0,1\n0.1,2\n".write(to: url, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        chmod(url.path, 0)
        let e = try #require(error(reading: url.path))
        #expect(e.message.contains("cannot be read"))
    }

    @Test func missingTimeCellNamesTheLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-io-notime-\(getpid()).csv")
        try "time,flux\n0,1\n0.1,2\n,3\n0.3,4\n".write(to: url, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let e = try #require(error(reading: url.path))
        #expect(e.context.hasSuffix("line 4"))
    }

    @Test func textInATimeColumnNamesTheLine() throws {
        let file = try TemporaryFile("texttime.csv", "Time,Flux\nstart,1\nlater,2\nend,3\n")
        defer { file.remove() }
        let e = try #require(error(reading: file.path))
        #expect(e.context.hasSuffix("line 2"))
        #expect(e.message.contains("'start'"))
    }

    @Test func labChartWithUnknownTimeFormat() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-io-lc-\(getpid()).txt")
        try "Interval=\t0.1 s\nTimeFormat=\tFancyTicks\nChannelTitle=\tFlux\n0\t1\n0.1\t2\n".write(to: url, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let e = try #require(error(reading: url.path))
        #expect(e.context.hasSuffix("line 1"))
        #expect(e.message.contains("FancyTicks"))
        #expect(e.fix?.contains("StartOfBlock") == true)
    }

    @Test func forcedLabChartReaderOnPlainCSV() throws {
        let e = try #require(error(reading: Fixture.io("plain.csv"), options: ReadOptions(reader: .labchart)))
        #expect(e.context.hasSuffix("plain.csv"))
        #expect(e.message.contains("no LabChart data rows"))
        #expect(e.fix?.contains("reader delimited") == true)
    }
}

/// Absurd time stamps are refused before the uniform grid is allocated.
@Suite struct GridSizeGuardTests {
    @Test func typoInATimeStampNamesTheLine() throws {
        let rows = (0..<10).map { "\(Double($0) / 10),\($0)\n" }.joined()
        let file = try TemporaryFile("typo.csv", "time,flux\n" + rows + "1e9,3\n")
        defer { file.remove() }
        #expect {
            try RecordingReader.read(path: file.path)
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.context.hasSuffix("line 12") && e.message.contains("1000000000 s") && e.fix != nil
        }
    }

    @Test func labChartBlockStampedYearsLater() throws {
        let text = LayoutDetectionTests.labChartHeader(serial: 4.5) + "0\t1\n0.5\t2\n"
            + LayoutDetectionTests.labChartHeader(serial: 45_293.5) + "0\t3\n0.5\t4\n"
        let file = try TemporaryFile("years.txt", text)
        defer { file.remove() }
        #expect {
            try RecordingReader.read(path: file.path)
        } throws: { error in
            guard let e = error as? LDFError else { return false }
            return e.context.hasSuffix("line 13") && e.fix?.contains("ExcelDateTime") == true
        }
    }

    /// Blocks hours apart are genuine pauses and still read.
    @Test func labChartBlocksHoursApartStillRead() throws {
        let text = LayoutDetectionTests.labChartHeader(serial: 45_293.5) + "0\t1\n0.5\t2\n"
            + LayoutDetectionTests.labChartHeader(serial: 45_293.5 + 3.0 / 24) + "0\t3\n0.5\t4\n"
        let file = try TemporaryFile("hours.txt", text)
        defer { file.remove() }
        let recording = try RecordingReader.read(path: file.path)
        #expect(recording.sampleCount == 3 * 3600 * 2 + 2)
    }
}
