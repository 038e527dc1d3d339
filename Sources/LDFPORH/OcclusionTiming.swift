import Foundation
import LDFCore

/// Where the timing of an occlusion came from, in order of trust (docs/METHODS.md §7.2).
public enum TimingSource: String, Sendable, Codable, CaseIterable {
    /// Given by the user (`--occlusion START-END`).
    case user
    /// Occlusion start/release events or comments in the file.
    case events
    /// A cuff-pressure channel (threshold with hysteresis).
    case pressure
    /// The flux alone (a sharp fall to a low plateau, then a sharp rise).
    case flux
}

/// An occlusion as given by the user: start (cuff inflated) and release, in seconds from the
/// recording's first sample.
public struct OcclusionInterval: Sendable, Codable, Equatable, CustomStringConvertible {
    public var startSeconds: Double
    public var releaseSeconds: Double
    public var durationSeconds: Double { releaseSeconds - startSeconds }

    public init(startSeconds: Double, releaseSeconds: Double) {
        self.startSeconds = startSeconds
        self.releaseSeconds = releaseSeconds
    }

    /// Parses "START-END" in seconds, e.g. "120-300" or "120.5-300".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Double(parts[0].trimmingCharacters(in: .whitespaces)),
              let end = Double(parts[1].trimmingCharacters(in: .whitespaces)), start.isFinite, end.isFinite else {
            throw LDFError("--occlusion", "'\(text)' is not START-END in seconds",
                           fix: "write e.g. --occlusion 120-300 (start and release, seconds from the first sample)")
        }
        self.init(startSeconds: start, releaseSeconds: end)
    }

    public var description: String { "\(startSeconds)-\(releaseSeconds) s" }

    /// Checks user occlusions on their own: ordered start < release, at least `minimumSeconds`
    /// long, not negative, not overlapping.
    public static func validate(_ intervals: [OcclusionInterval], minimumSeconds: Double) throws {
        for o in intervals {
            guard o.startSeconds >= 0 else {
                throw LDFError("--occlusion \(o)", "the start is before the recording begins",
                               fix: "give times in seconds from the first sample (0 or later)")
            }
            guard o.releaseSeconds > o.startSeconds else {
                throw LDFError("--occlusion \(o)", "the release must come after the start", fix: "write START-END with START < END")
            }
            guard o.durationSeconds >= minimumSeconds else {
                throw LDFError("--occlusion \(o)",
                               "the occlusion lasts \(o.durationSeconds) s, shorter than the \(minimumSeconds) s minimum",
                               fix: "check the times; PORH needs an arterial occlusion of 1-5 min (lower --min-occlusion only on purpose)")
            }
        }
        let sorted = intervals.sorted { $0.startSeconds < $1.startSeconds }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.startSeconds < a.releaseSeconds {
            throw LDFError("--occlusion", "occlusions \(a) and \(b) overlap",
                           fix: "give each occlusion once, with the release before the next start")
        }
    }
}

/// The timing of one occlusion and how it was found.
public struct OcclusionTiming: Sendable, Codable, Equatable {
    /// Cuff inflation / start of the flux fall, seconds from the first sample.
    public var startSeconds: Double
    /// Release / start of the flux rise, seconds from the first sample.
    public var releaseSeconds: Double
    public var source: TimingSource
    /// How it was found, e.g. "events 'Cuff on' at 120 s and 'Release' at 300 s".
    public var detail: String

    public init(startSeconds: Double, releaseSeconds: Double, source: TimingSource, detail: String) {
        self.startSeconds = startSeconds
        self.releaseSeconds = releaseSeconds
        self.source = source
        self.detail = detail
    }

    public var durationSeconds: Double { releaseSeconds - startSeconds }
}
