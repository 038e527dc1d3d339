import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LDFCore

/// Reads a recording from a path ("-" for standard input): loads the bytes, picks the reader by
/// content (`readers`, one table: binary formats by their magic bytes, WFDB by its header lines,
/// LabChart text when `Interval=`/`ChannelTitle=` header lines open it, else delimited text) or as
/// forced, parses, refuses time stamps that would need an absurd grid (`GridSizeGuard`), and
/// assembles a `Recording` per table (a workbook may hold several sheets).
public enum RecordingReader {
    /// Readers tried in order, each recognising its own content: binary formats by magic bytes
    /// first, text layouts last (delimited text accepts any text).
    public static let readers: [any TableReader.Type] = [
        EDFReader.self, CFWBReader.self, ACQReader.self, MATReader.self, XLSXReader.self,
        WFDBReader.self, LabChartReader.self, OxysoftReader.self, MoxyReader.self, DelimitedTextReader.self,
    ]

    /// The one recording in `path`; a workbook with several sheets of data needs `options.sheet`.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> Recording {
        try options.assembly.validate()
        let table = try readTable(path: path, options: options)
        return try RecordingAssembler.assemble(table, options: options.assembly)
    }

    /// Every recording in `path`: one for most files, one per sheet of data for a workbook read
    /// without `options.sheet`.
    public static func readAll(path: String, options: ReadOptions = ReadOptions()) throws -> [Recording] {
        try options.assembly.validate()
        return try readTables(path: path, options: options).map { try RecordingAssembler.assemble($0, options: options.assembly) }
    }

    /// The parsed table before assembly (for tools that need the raw rows), already checked by
    /// `GridSizeGuard` so that assembling it cannot ask for an absurd grid.
    public static func readTable(path: String, options: ReadOptions = ReadOptions()) throws -> SampleTable {
        let tables = try readTables(path: path, options: options)
        guard tables.count == 1 else {
            let names = tables.map(\.source).joined(separator: ", ")
            throw LDFError(path, "the workbook holds \(tables.count) sheets of data (\(names))",
                           fix: "choose one with \(parameter: "sheet") NAME|INDEX, or use a command that reads every sheet (ldf info, bands, porh)")
        }
        return tables[0]
    }

    /// `table` checked by `GridSizeGuard`, then assembled (what `read` does after parsing).
    public static func assembleChecked(_ table: SampleTable, options: ReadOptions = ReadOptions()) throws -> Recording {
        try GridSizeGuard.check(table, options: options.assembly)
        return try RecordingAssembler.assemble(table, options: options.assembly)
    }

    /// Every parsed table of `path`, each checked by `GridSizeGuard`.
    public static func readTables(path: String, options: ReadOptions = ReadOptions()) throws -> [SampleTable] {
        let resolved = path == "-" ? path : WFDBReader.headerPath(for: path) ?? path
        let bytes = try loadBytes(path: resolved)
        guard !bytes.isEmpty else {
            if path == "-" {
                throw LDFError("standard input", "nothing arrived on standard input", fix: "pipe a recording in, or give a file path")
            }
            throw LDFError(resolved, "the file is empty", fix: "export the recording again")
        }
        return try tables(from: ReaderInput(bytes: bytes, source: resolved, path: path == "-" ? nil : resolved), options: options)
    }

    /// Bytes to tables: picks the reader (by content or as forced), parses, and applies
    /// `GridSizeGuard`. With `input.path` nil nothing is read from the file system (formats kept
    /// in several files then fail cleanly), so this is the pure entry point for fuzzing.
    public static func tables(from input: ReaderInput, options: ReadOptions = ReadOptions()) throws -> [SampleTable] {
        guard !input.bytes.isEmpty else { throw LDFError(input.source, "the input is empty", fix: "export the recording again") }
        let reader = try chooseReader(for: input.bytes, source: input.source, forced: options.reader)
        let tables = try reader.parseTables(input, options: options)
        for table in tables { try GridSizeGuard.check(table, options: options.assembly) }
        return tables
    }

    /// Pure bytes to the first table (`tables(from:)` without a path).
    public static func table(from bytes: [UInt8], source: String, options: ReadOptions = ReadOptions()) throws -> SampleTable {
        let all = try tables(from: ReaderInput(bytes: bytes, source: source, path: nil), options: options)
        guard let first = all.first else { throw LDFError(source, "the input holds no recording", fix: "export the recording again") }
        return first
    }

    /// Pure bytes to recording: `table(from:)`, then `RecordingAssembler.assemble`.
    public static func recording(from bytes: [UInt8], source: String, options: ReadOptions = ReadOptions()) throws -> Recording {
        try options.assembly.validate()
        return try RecordingAssembler.assemble(try table(from: bytes, source: source, options: options), options: options.assembly)
    }

    static func chooseReader(for bytes: [UInt8], source: String, forced: ReaderKind) throws -> any TableReader.Type {
        if forced != .auto {
            guard let reader = readers.first(where: { $0.kind == forced }) else {
                throw LDFError("\(parameter: "reader")", "reader '\(forced.rawValue)' is not available", fix: "use \(parameter: "reader") auto")
            }
            return reader
        }
        let head = bytes.prefix(64 * 1024)
        try FormatRefusals.check(head, source: source)
        if let reader = readers.first(where: { $0.recognises(head) }) { return reader }
        if head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) {
            try bytes.withUnsafeBufferPointer { try TextDecoding.requireText($0, source: source) }
        }
        let nul = head.firstIndex(of: 0).map { " (a NUL byte at offset \($0))" } ?? ""
        throw LDFError(source, "the file is binary\(nul) and not in a format the toolkit reads "
                       + "(EDF/BDF, WFDB, AcqKnowledge .acq, LabChart binary, MATLAB .mat, Excel .xlsx, or text)",
                       fix: "export the recording as text (CSV, tab-separated or LabChart text) or one of those formats; "
                       + "force a reader with \(parameter: "reader") if it is one of them")
    }

    /// The whole file, or all of standard input for "-", read with `read` loops straight into
    /// the array (no intermediate `Data` copy), so memory is the input size once.
    static func loadBytes(path: String) throws -> [UInt8] {
        if path == "-" {
            return try readAll(descriptor: 0, expectedSize: 0, source: "standard input")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LDFError(path, "no such file", fix: "check the path")
        }
        guard !isDirectory.boolValue else {
            throw LDFError(path, "is a directory, not a recording file", fix: "give the path of a file inside it")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw LDFError(path, "cannot be read (permission denied?)", fix: "check the file's permissions")
        }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? max(0, Int(info.st_size)) : 0
        return try readAll(descriptor: descriptor, expectedSize: size, source: path)
    }

    /// Reads `expectedSize` bytes in place, then whatever else arrives (pipes report no size;
    /// files may grow while read).
    static func readAll(descriptor: Int32, expectedSize: Int, source: String) throws -> [UInt8] {
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, count in
            var total = 0
            while total < expectedSize {
                let got = readFile(descriptor, buffer.baseAddress! + total, expectedSize - total)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failed = true; break }
                if got == 0 { break }
                total += got
            }
            count = total
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !failed {
            let got = chunk.withUnsafeMutableBytes { readFile(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { failed = true }
            if got <= 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        guard !failed else {
            throw LDFError(source, "cannot be read (a read error occurred)", fix: "check the file and the disk")
        }
        return bytes
    }
}

/// POSIX `read`, under a name that does not clash with `RecordingReader.read`.
private func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
