import Foundation
import LDFIO
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by a stop signal; the stream loop checks it between reads and then flushes and exits.
let streamStopRequested = Atomic<Bool>(false)

/// Signals that end a stream cleanly, with its final window and end record: interrupt (Ctrl-C),
/// terminate, hang-up (the terminal went away), quit (Ctrl-\, which would otherwise dump a
/// backtrace) and SIGUSR1.
let streamStopSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1]

/// Installs the stream's signal handling: every `streamStopSignals` requests a clean stop, and
/// SIGPIPE is ignored so a closed standard output shows up as EPIPE (handled quietly) instead of
/// killing the process.
func installStreamSignalHandlers() {
    // A parent may have started us with these signals blocked (the mask is inherited): unblock them.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for stop in streamStopSignals { sigaddset(&wanted, stop) }
    pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
    signal(SIGPIPE, SIG_IGN)
    for stop in streamStopSignals {
        signal(stop) { _ in streamStopRequested.store(true, ordering: .relaxed) }
    }
}

/// Reads standard input as it arrives, line by line, waking every 200 ms to notice a stop request.
struct StandardInputLines {
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`; the consumed front is dropped only now and then, so
    /// taking a line never shifts the whole buffer.
    private var start = 0
    private var scanFrom = 0
    private var bomChecked = false
    private var atEnd = false
    /// Lines handed out so far (the 1-based number of the last one).
    private(set) var lineNumber = 0

    enum Next {
        case line([UInt8], number: Int)
        case endOfInput
        case stopRequested
    }

    /// The next line: ended by LF, CRLF or a lone CR (old Mac exports); a UTF-8 byte-order mark
    /// before the first line is dropped.
    mutating func next() -> Next {
        while true {
            if !bomChecked, buffer.count - start >= 3 || atEnd {
                bomChecked = true
                if buffer[start...].starts(with: [0xEF, 0xBB, 0xBF]) { start += 3; scanFrom = max(scanFrom, start) }
            }
            if let end = buffer[scanFrom...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                // A CR at the end of what has arrived may be the first half of a CRLF: wait for more.
                if buffer[end] == 0x0D && end + 1 == buffer.count && !atEnd {
                    scanFrom = end
                } else {
                    let line = Array(buffer[start..<end])
                    start = end + (buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A ? 2 : 1)
                    scanFrom = start
                    lineNumber += 1
                    return .line(line, number: lineNumber)
                }
            }
            if start > 0 {
                buffer.removeSubrange(..<start)
                scanFrom -= start
                start = 0
            }
            if scanFrom < buffer.count, buffer[scanFrom] != 0x0D { scanFrom = buffer.count }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                var line = buffer
                if line.last == 0x0D { line.removeLast() }
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
