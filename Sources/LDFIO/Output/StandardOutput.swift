#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LDFCore

/// Thrown when whoever read standard output has gone away (a closed pipe, as with `| head`): not a
/// failure of the run. Commands stop writing and end quietly with status 0.
public struct OutputClosed: Error, Sendable {
    public init() {}
}

/// Standard output, written with every error checked: a closed pipe (EPIPE) becomes `OutputClosed`,
/// and any other failure (a full disk, an I/O error) an `LDFError` naming standard output, so that
/// results are never lost with status 0.
///
/// SIGPIPE must be ignored (the CLI does it at start) for a closed pipe to show up as EPIPE
/// instead of killing the process.
public enum StandardOutput {
    /// Writes `text` as UTF-8, unbuffered (callers pass whole records or whole outputs).
    public static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `text` and a newline.
    public static func writeLine(_ text: String) throws {
        try write(text + "\n")
    }

    /// Writes each of `lines` followed by a newline, in one write.
    public static func writeLines(_ lines: [String]) throws {
        try write(lines.map { $0 + "\n" }.joined())
    }

    /// Writes raw bytes.
    public static func write(_ bytes: UnsafeRawBufferPointer) throws {
        let code = writeAll(1, bytes)
        try check(code)
    }

    /// Writes raw bytes.
    public static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Maps a write's `errno` (0 for success) to the outcome described above.
    static func check(_ code: Int32) throws {
        switch code {
        case 0: return
        case EPIPE: throw OutputClosed()
        default:
            throw LDFError("standard output", "cannot write the results (\(systemErrorText(code)))",
                           fix: writeFailureFix(code))
        }
    }
}
