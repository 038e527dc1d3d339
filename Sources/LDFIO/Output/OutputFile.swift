#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LDFCore
import Foundation

/// A file a command writes results into (a trace, a scalogram, a simulated recording, a table),
/// written so that nothing is destroyed and nothing is lost silently:
/// - a path that is one of the run's inputs is refused (`OutputPathCheck`);
/// - a regular file (or a new one) is written to a temporary file beside it and renamed over it
///   only by `commit()`, after everything was written and flushed to disk; an abandoned or failed
///   write removes the temporary file and leaves any old file as it was;
/// - a symbolic link is followed: its target is replaced the same way and the link stays;
/// - a character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is written
///   through, never replaced by a regular file;
/// - "-" writes to standard output (`StandardOutput` rules: a closed pipe is `OutputClosed`);
/// - every failure (no such folder, no permission, a full disk) is an `LDFError` naming the path
///   and the operating system's reason.
///
/// Writes are buffered (64 KiB). Not thread-safe: one writer per file.
public final class OutputFile {
    /// The path as the user gave it, for messages.
    public let path: String
    private let descriptor: Int32
    /// Temporary file to rename over `finalPath` on commit; nil when writing through.
    private let temporaryPath: String?
    private let finalPath: String
    private var buffer: [UInt8] = []
    private var finished = false
    private static let bufferLimit = 1 << 16
    /// Prefix of temporary files, so that a left-over one (after a kill) is recognisable.
    public static let temporaryMarker = ".ldf-partial-"

    /// Opens `path` for writing.
    /// - Parameters:
    ///   - role: what is written, for messages ("the trace", "the scalogram").
    ///   - inputs: paths read in this run; writing over one of them is refused.
    public init(_ path: String, role: String, inputs: [String] = []) throws {
        self.path = path
        if path == "-" {
            descriptor = 1
            temporaryPath = nil
            finalPath = path
            return
        }
        guard !path.isEmpty else {
            throw LDFError(role, "the output path is empty", fix: "give a file path")
        }
        try OutputPathCheck.requireNotAnInput(path, role: role, inputs: inputs)
        let resolved = Self.resolvingLinks(path)
        var info = stat()
        let exists = stat(resolved, &info) == 0
        let type = info.st_mode & S_IFMT
        if exists && type == S_IFDIR {
            throw LDFError(path, "is a folder, not a file", fix: "give a file path for \(role)")
        }
        if exists && type != S_IFREG {
            // Devices, FIFOs, sockets: write through, never replace.
            let fd = open(resolved, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Self.failure(path, "cannot open", errno) }
            descriptor = fd
            temporaryPath = nil
            finalPath = resolved
            return
        }
        let folder = (resolved as NSString).deletingLastPathComponent
        let name = (resolved as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + Self.temporaryMarker + "\(getpid())-" + name
        let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o666
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Self.failure(path, "cannot create", errno) }
        if exists { _ = fchmod(fd, mode) }
        descriptor = fd
        temporaryPath = temporary
        finalPath = resolved
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends text (UTF-8).
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferLimit { try flushBuffer() }
    }

    /// Appends bytes.
    public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferLimit { try flushBuffer() }
    }

    /// Appends the bytes at `bytes`; a block of the buffer's size or more goes straight to the file
    /// (after what is buffered), without a copy.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= Self.bufferLimit else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferLimit { try flushBuffer() }
            return
        }
        try flushBuffer()
        try check(writeAll(descriptor, bytes))
    }

    /// Writes what is buffered, flushes it to disk and puts the file in place. Call once, after the
    /// last write; without it nothing replaces the old file.
    public func commit() throws {
        precondition(!finished, "OutputFile committed twice")
        do {
            try flushBuffer()
            if let temporaryPath {
                if fsync(descriptor) != 0 { throw Self.failure(path, "cannot write", errno) }
                let closed = close(descriptor)
                finished = true
                if closed != 0 { throw Self.failure(path, "cannot write", errno) }
                if rename(temporaryPath, finalPath) != 0 { throw Self.failure(path, "cannot replace", errno) }
            } else {
                finished = true
                if descriptor != 1 { _ = close(descriptor) }
            }
        } catch {
            abandon()
            throw error
        }
    }

    /// Drops everything written: removes the temporary file; an existing file stays as it was.
    public func abandon() {
        if !finished && descriptor != 1 { _ = close(descriptor) }
        finished = true
        buffer.removeAll()
        if let temporaryPath { _ = unlink(temporaryPath) }
    }

    /// Writes a whole output at once: open, write, commit.
    public static func write(_ bytes: some Sequence<UInt8>, to path: String, role: String, inputs: [String] = []) throws {
        let file = try OutputFile(path, role: role, inputs: inputs)
        try file.write(bytes)
        try file.commit()
    }

    /// Writes a whole text output at once: open, write, commit.
    public static func write(_ text: String, to path: String, role: String, inputs: [String] = []) throws {
        try write(Array(text.utf8), to: path, role: role, inputs: inputs)
    }

    private func flushBuffer() throws {
        guard !buffer.isEmpty else { return }
        let code = buffer.withUnsafeBytes { writeAll(descriptor, $0) }
        buffer.removeAll(keepingCapacity: true)
        try check(code)
    }

    /// Throws for the failure `code` of a write (0: none).
    private func check(_ code: Int32) throws {
        if descriptor == 1 {
            try StandardOutput.check(code)
        } else if code != 0 {
            throw Self.failure(path, "cannot write", code)
        }
    }

    /// The final target of a chain of symbolic links (relative links resolved against their
    /// folder); the path itself when it is not a link or the chain is broken or too long.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return path
    }

    static func failure(_ path: String, _ what: String, _ code: Int32) -> LDFError {
        LDFError(path, "\(what) the file (\(systemErrorText(code)))", fix: writeFailureFix(code))
    }
}
