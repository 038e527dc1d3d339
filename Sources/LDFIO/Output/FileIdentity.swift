#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LDFCore

/// A file's identity (device and inode, after following symbolic links), so that an output path
/// that names an input under another spelling (`./in.csv`, a link, a hard link) is recognised.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of the file at `path`, or nil when nothing is there (or it cannot be examined).
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// Refuses output paths that would overwrite an input.
public enum OutputPathCheck {
    /// Throws when `output` is the same file as one of `inputs` ("-" and missing files never match).
    /// - Parameters:
    ///   - output: the path about to be written.
    ///   - role: what is written there, for the message (e.g. "the trace").
    ///   - inputs: the paths being read in this run.
    public static func requireNotAnInput(_ output: String, role: String, inputs: [String]) throws {
        guard output != "-", let target = FileIdentity(path: output) else { return }
        for input in inputs where input != "-" {
            if FileIdentity(path: input) == target {
                throw LDFError(output, "\(role) would overwrite the input \(input)",
                               fix: "write \(role) to another path")
            }
        }
    }
}
