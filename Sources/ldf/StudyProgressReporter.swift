import Foundation
import LDFStudy
import Synchronization

/// Shows study progress on standard error: a redrawn bar on a terminal, one plain line per
/// recording otherwise (logs of cluster jobs, CI); each with the rate and the estimated time left
/// (`StudyPace`).
final class StudyProgressReporter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let drewBar = Mutex(false)
    private let started = ContinuousClock.now

    func report(_ p: StudyProgress) {
        let pace = StudyPace(progress: p, elapsedSeconds: (ContinuousClock.now - started) / .seconds(1))
        let counts = "\(p.completed)/\(p.total) (\(p.cached) cached, \(p.failed) failed) \(Self.describe(pace))"
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

    /// "2.5/s, ETA 1:05" (hours as h:mm:ss), or "ETA --" before the first analysed recording.
    static func describe(_ pace: StudyPace) -> String {
        guard let left = pace.remainingSeconds else { return "ETA --" }
        let eta = "ETA " + clock(left)
        guard let rate = pace.perSecond else { return eta }
        let shown = rate >= 10 ? String(Int(rate.rounded())) : String(format: rate >= 1 ? "%.1f" : "%.2f", rate)
        return "\(shown)/s, \(eta)"
    }

    /// Whole seconds as m:ss, or h:mm:ss from an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    /// Ends the bar's line.
    func finish() {
        if drewBar.withLock({ $0 }) { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
