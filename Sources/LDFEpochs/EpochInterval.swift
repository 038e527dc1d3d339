import Foundation
import LDFCore

/// A named stretch of a recording, [start, end) in seconds on the recording's own time axis
/// (`Recording.fileTime`).
public struct EpochInterval: Sendable, Codable, Equatable, CustomStringConvertible {
    public var name: String
    public var startSeconds: Double
    public var endSeconds: Double
    public var durationSeconds: Double { endSeconds - startSeconds }

    public init(name: String, startSeconds: Double, endSeconds: Double) {
        self.name = name
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }

    /// Parses "NAME:START-END" (seconds on the file's axis; a negative start as "base:-60-0").
    /// Throws for a missing name, unreadable times, or an end not after the start.
    public init(parsing text: String) throws {
        let fix = "write NAME:START-END in seconds on the file's time axis, e.g. \(parameter: "interval") baseline:0-300"
        guard let colon = text.lastIndex(of: ":") else {
            throw LDFError("\(parameter: "interval") \(text)", "no NAME: before the times", fix: fix)
        }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let times = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw LDFError("\(parameter: "interval") \(text)", "the interval has no name", fix: fix) }
        guard let dash = times.dropFirst().firstIndex(of: "-"),
              let start = Double(times[..<dash]), let end = Double(times[times.index(after: dash)...]),
              start.isFinite, end.isFinite else {
            throw LDFError("\(parameter: "interval") \(text)", "'\(times)' is not START-END in seconds", fix: fix)
        }
        guard end > start else {
            throw LDFError("\(parameter: "interval") \(text)", "the end (\(end) s) is not after the start (\(start) s)",
                           fix: "give START before END, e.g. \(parameter: "interval") \(name):\(end)-\(start)")
        }
        self.init(name: name, startSeconds: start, endSeconds: end)
    }

    public var description: String { "\(name):\(startSeconds)-\(endSeconds) s" }

    /// Checks user intervals on their own (no recording needed): none may overlap another (one
    /// may end where the next starts). Returns them in time order.
    public static func validated(_ intervals: [EpochInterval]) throws -> [EpochInterval] {
        let sorted = intervals.sorted { $0.startSeconds < $1.startSeconds }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.startSeconds < a.endSeconds {
            throw LDFError("\(parameter: "interval")", "intervals \(a) and \(b) overlap", fix: "give intervals that do not overlap (one may end where the next starts)")
        }
        return sorted
    }
}

/// Where the intervals of an epoch analysis come from.
public enum EpochSource: Sendable, Equatable {
    /// The file's events: each state-column run is an interval; point marks cut the recording
    /// into consecutive intervals, each named by the mark it starts at (the stretch before the
    /// first mark is "before <label>", the last runs to the end). A repeated name gets " 2",
    /// " 3", ... in time order.
    case events
    /// Intervals given by the user, checked against the recording (outside, overlapping: errors).
    case intervals([EpochInterval])
    /// Consecutive windows of this many seconds from the first sample, named 1, 2, ...; a
    /// shorter remainder at the end is left out (and noted).
    case every(Double)

    /// The intervals on the recording's axis, with notes. Throws when there are none, or for
    /// user intervals outside the recording or overlapping each other.
    public func intervals(in recording: Recording) throws -> (intervals: [EpochInterval], notes: [Diagnostic]) {
        let first = recording.fileTime(0), last = recording.fileTime(recording.durationSeconds)
        let source = recording.provenance.source
        switch self {
        case .intervals(let given):
            let sorted = try EpochInterval.validated(given)
            for i in sorted {
                guard i.startSeconds >= first - 1e-9, i.endSeconds <= last + 1e-9 else {
                    throw LDFError("\(parameter: "interval") \(i)", "the interval is outside the recording (\(first) to \(last) s on its time axis)",
                                   fix: "give START and END within \(first) and \(last) s")
                }
            }
            return (sorted, [])
        case .every(let seconds):
            let count = Int(((last - first) / seconds + 1e-9).rounded(.down))
            guard count >= 1 else {
                throw LDFError(source, "the recording (\(last - first) s) is shorter than one \(parameter: "every") window of \(seconds) s",
                               fix: "give a shorter \(parameter: "every")")
            }
            let windows = (0..<count).map { k in
                EpochInterval(name: "\(k + 1)", startSeconds: first + Double(k) * seconds, endSeconds: first + Double(k + 1) * seconds)
            }
            let rest = last - (first + Double(count) * seconds)
            let notes: [Diagnostic] = rest > 1e-6
                ? [.info("epoch_remainder", "the last \(rest) s (shorter than \(seconds) s) are not an interval")] : []
            return (windows, notes)
        case .events:
            let runs = recording.events.filter { $0.endSeconds != nil }
            let marks = recording.events.filter { $0.endSeconds == nil }
            var found = runs.map {
                EpochInterval(name: $0.label, startSeconds: recording.fileTime($0.timeSeconds), endSeconds: recording.fileTime($0.endSeconds ?? $0.timeSeconds))
            }
            if let firstMark = marks.first, recording.fileTime(firstMark.timeSeconds) > first {
                found.append(EpochInterval(name: "before \(firstMark.label)", startSeconds: first, endSeconds: recording.fileTime(firstMark.timeSeconds)))
            }
            for (k, mark) in marks.enumerated() {
                let end = k + 1 < marks.count ? recording.fileTime(marks[k + 1].timeSeconds) : last
                let start = recording.fileTime(mark.timeSeconds)
                if end > start { found.append(EpochInterval(name: mark.label, startSeconds: start, endSeconds: end)) }
            }
            guard !found.isEmpty else {
                throw LDFError(source, "the file has no events to make intervals from",
                               fix: "give \(parameter: "interval") NAME:START-END or \(parameter: "every") SECONDS")
            }
            return (Self.numberingRepeats(found.sorted { $0.startSeconds < $1.startSeconds }), [])
        }
    }

    /// Names made unique in time order: a name's second and later intervals get " 2", " 3", ...
    static func numberingRepeats(_ intervals: [EpochInterval]) -> [EpochInterval] {
        var seen: [String: Int] = [:]
        return intervals.map { interval in
            var copy = interval
            seen[interval.name, default: 0] += 1
            if let n = seen[interval.name], n > 1 { copy.name = "\(interval.name) \(n)" }
            return copy
        }
    }
}
