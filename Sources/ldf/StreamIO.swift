import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT/SIGTERM; the stream loop checks it between reads and then flushes and exits.
let streamStopRequested = Atomic<Bool>(false)

/// Installs the stream's signal handling: SIGINT and SIGTERM request a clean stop, and SIGPIPE is
/// ignored so a closed standard output shows up as a write error (handled quietly) instead of
/// killing the process.
func installStreamSignalHandlers() {
    // A parent may have started us with these signals blocked (the mask is inherited): unblock them.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    sigaddset(&wanted, SIGINT)
    sigaddset(&wanted, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    signal(SIGPIPE, SIG_IGN)
    signal(SIGINT) { _ in streamStopRequested.store(true, ordering: .relaxed) }
    signal(SIGTERM) { _ in streamStopRequested.store(true, ordering: .relaxed) }
}

/// Reads standard input as it arrives, line by line, waking every 200 ms to notice a stop request.
struct StandardInputLines {
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`; the consumed front is dropped only now and then, so
    /// taking a line never shifts the whole buffer.
    private var start = 0
    private var scanFrom = 0
    private var atEnd = false
    /// Lines handed out so far (the 1-based number of the last one).
    private(set) var lineNumber = 0

    enum Next {
        case line([UInt8], number: Int)
        case endOfInput
        case stopRequested
    }

    mutating func next() -> Next {
        while true {
            if let newline = buffer[scanFrom...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                scanFrom = start
                lineNumber += 1
                return .line(line, number: lineNumber)
            }
            if start > 0 {
                buffer.removeSubrange(..<start)
                start = 0
            }
            scanFrom = buffer.count
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                let line = buffer
                buffer.removeAll()
                scanFrom = 0
                lineNumber += 1
                return .line(line, number: lineNumber)
            }
            if streamStopRequested.load(ordering: .relaxed) { return .stopRequested }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 200)
            if ready <= 0 { continue } // timeout or EINTR: look at the stop flag again
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                atEnd = true
            }
        }
    }
}
