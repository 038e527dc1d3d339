#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LDFCore

/// A folder a command writes a set of results into (`ldf study --out DIR`).
public enum OutputFolder {
    /// Creates `path` and any missing parents; an existing folder is fine.
    /// - Throws: an `LDFError` naming the path and the operating system's reason (no permission, a
    ///   read-only disk, a file in the way).
    public static func create(_ path: String, role: String) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        var current = path.hasPrefix("/") ? "" : "."
        for component in components {
            current += "/" + component
            var info = stat()
            if stat(current, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw LDFError(path, "cannot create \(role): \(current) is a file, not a folder",
                                   fix: "give a folder path for \(role)")
                }
                continue
            }
            if mkdir(current, 0o777) != 0 && errno != EEXIST {
                let code = errno
                throw LDFError(path, "cannot create \(role) (\(systemErrorText(code)))", fix: writeFailureFix(code))
            }
        }
    }

    /// Moves the finished file `from` to `to` (same file system), replacing what is there.
    public static func move(_ from: String, to: String) throws {
        if rename(from, to) != 0 {
            let code = errno
            throw LDFError(to, "cannot put the file in place (\(systemErrorText(code)))", fix: writeFailureFix(code))
        }
    }

    /// Removes a file if it is there; a missing file is fine.
    public static func remove(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            let code = errno
            throw LDFError(path, "cannot remove the old file (\(systemErrorText(code)))", fix: writeFailureFix(code))
        }
    }

    /// Removes a folder and everything in it, ignoring failures (for temporary folders).
    public static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
