import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LDFCore

/// Reads a recording from a path ("-" for standard input): loads the bytes, refuses binary
/// files, picks the reader by content (LabChart text when `Interval=`/`ChannelTitle=` header
/// lines open it, else delimited text) or as forced, parses, refuses time stamps that would need
/// an absurd grid (`GridSizeGuard`), and assembles a uniform `Recording`.
public enum RecordingReader {
    /// Readers tried, most specific first.
    public static let readers: [any TableReader.Type] = [LabChartReader.self, DelimitedTextReader.self]

    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> Recording {
        try options.assembly.validate()
        let table = try readTable(path: path, options: options)
        return try RecordingAssembler.assemble(table, options: options.assembly)
    }

    /// The parsed table before assembly (for tools that need the raw rows), already checked by
    /// `GridSizeGuard` so that assembling it cannot ask for an absurd grid.
    public static func readTable(path: String, options: ReadOptions = ReadOptions()) throws -> SampleTable {
        let bytes = try loadBytes(path: path)
        guard !bytes.isEmpty else {
            if path == "-" {
                throw LDFError("standard input", "nothing arrived on standard input", fix: "pipe a recording in, or give a file path")
            }
            throw LDFError(path, "the file is empty", fix: "export the recording again")
        }
        return try table(from: bytes, source: path, options: options)
    }

    /// Pure bytes to table: refuses binary content, picks the reader (by content or as forced),
    /// parses, and applies `GridSizeGuard`. No file system access; `source` names the input in
    /// errors. The entry point for fuzzing the readers.
    public static func table(from bytes: [UInt8], source: String, options: ReadOptions = ReadOptions()) throws -> SampleTable {
        guard !bytes.isEmpty else { throw LDFError(source, "the input is empty", fix: "export the recording again") }
        try bytes.withUnsafeBufferPointer { try TextDecoding.requireText($0, source: source) }
        let reader = try chooseReader(for: bytes, source: source, forced: options.reader)
        let table = try reader.parse(bytes, source: source, options: options)
        try GridSizeGuard.check(table, options: options.assembly)
        return table
    }

    /// Pure bytes to recording: `table(from:)`, then `RecordingAssembler.assemble`.
    public static func recording(from bytes: [UInt8], source: String, options: ReadOptions = ReadOptions()) throws -> Recording {
        try options.assembly.validate()
        return try RecordingAssembler.assemble(try table(from: bytes, source: source, options: options), options: options.assembly)
    }

    static func chooseReader(for bytes: [UInt8], source: String, forced: ReaderKind) throws -> any TableReader.Type {
        if forced != .auto {
            guard let reader = readers.first(where: { $0.kind == forced }) else {
                throw LDFError("--reader", "reader '\(forced.rawValue)' is not available", fix: "use --reader auto")
            }
            return reader
        }
        let head = bytes.prefix(64 * 1024)
        guard let reader = readers.first(where: { $0.recognises(head) }) else {
            throw LDFError(source, "the content is not a layout the toolkit reads (delimited text or a LabChart text export)",
                           fix: "check that this is a text export; force a reader with --reader delimited|labchart")
        }
        return reader
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
