import Foundation
import LDFStudy
import Synchronization

/// Shows study progress on standard error: a redrawn bar on a terminal, one plain line per
/// recording otherwise (logs of cluster jobs, CI).
final class StudyProgressReporter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let drewBar = Mutex(false)

    func report(_ p: StudyProgress) {
        let counts = "\(p.completed)/\(p.total) (\(p.cached) cached, \(p.failed) failed)"
        if isTerminal {
            let width = 30
            let filled = p.total == 0 ? width : width * p.completed / p.total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            drewBar.withLock { $0 = true }
            write("\r[\(bar)] \(counts) \(p.id)\u{1B}[K")
        } else {
            write("study: \(counts) \(p.id)\n")
        }
    }

    /// Ends the bar's line.
    func finish() {
        if drewBar.withLock({ $0 }) { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
