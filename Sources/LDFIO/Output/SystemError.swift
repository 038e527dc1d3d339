#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LDFCore

/// The operating system's text for an `errno` value, e.g. "No space left on device".
func systemErrorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}

/// What a failed write or flush means for the user, as a fix to suggest.
func writeFailureFix(_ code: Int32) -> String {
    switch code {
    case ENOSPC, EDQUOT: return "free space on the disk (or write elsewhere) and run again"
    case EACCES, EPERM, EROFS: return "choose a folder you can write to"
    case ENOENT, ENOTDIR: return "create the folder first, or check the path"
    case EISDIR: return "give a file path, not a folder"
    default: return "check the path and the disk"
    }
}

/// Writes every byte to a file descriptor, retrying interrupted and partial writes.
/// - Returns: 0 on success, else the `errno` of the failed write.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard var base = bytes.baseAddress else { return 0 }
    var remaining = bytes.count
    while remaining > 0 {
        #if canImport(Glibc)
        let written = Glibc.write(descriptor, base, remaining)
        #else
        let written = Darwin.write(descriptor, base, remaining)
        #endif
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        remaining -= written
        base += written
    }
    return 0
}
