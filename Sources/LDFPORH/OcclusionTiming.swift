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

/// An occlusion as given by the user: start (cuff inflated) and release, in seconds on the
/// recording's own time axis (the file's time column; seconds from the first sample without one).
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
        // The separator is the first '-' after the start's own sign.
        let body = text.trimmingCharacters(in: .whitespaces)
        let separator = body.dropFirst().firstIndex(of: "-")
        guard let separator, let start = Double(body[..<separator].trimmingCharacters(in: .whitespaces)),
              let end = Double(body[body.index(after: separator)...].trimmingCharacters(in: .whitespaces)),
              start.isFinite, end.isFinite else {
            throw LDFError("\(parameter: "occlusion")", "'\(text)' is not START-END in seconds",
                           fix: "write e.g. \(parameter: "occlusion") 120-300 (start and release on the file's time axis; a negative start as \(parameter: "occlusion")=-20-80)")
        }
        self.init(startSeconds: start, releaseSeconds: end)
    }

    public var description: String { "\(startSeconds)-\(releaseSeconds) s" }

    /// Checks user occlusions on their own: ordered start < release, at least `minimumSeconds`
    /// long, not overlapping (a negative start is fine on an axis zeroed at a protocol event).
    public static func validate(_ intervals: [OcclusionInterval], minimumSeconds: Double) throws {
        for o in intervals {
            guard o.releaseSeconds > o.startSeconds else {
                throw LDFError("\(parameter: "occlusion") \(o)", "the release must come after the start", fix: "write START-END with START < END")
            }
            guard o.durationSeconds >= minimumSeconds else {
                throw LDFError("\(parameter: "occlusion") \(o)",
                               "the occlusion lasts \(o.durationSeconds) s, shorter than the \(minimumSeconds) s minimum",
                               fix: "check the times; PORH needs an arterial occlusion of 1-5 min (lower \(parameter: "minOcclusion") only on purpose)")
            }
        }
        let sorted = intervals.sorted { $0.startSeconds < $1.startSeconds }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.startSeconds < a.releaseSeconds {
            throw LDFError("\(parameter: "occlusion")", "occlusions \(a) and \(b) overlap",
                           fix: "give each occlusion once, with the release before the next start")
        }
    }
}

/// The timing of one occlusion and how it was found.
public struct OcclusionTiming: Sendable, Codable, Equatable {
    /// Cuff inflation / start of the flux fall: seconds from the first sample inside the analysis,
    /// on the file's own axis in `PORHRecordingResult`.
    public var startSeconds: Double
    /// Release / start of the flux rise, on the same axis as `startSeconds`.
    public var releaseSeconds: Double
    public var source: TimingSource
    /// How it was found, e.g. "events 'Cuff on' at 120 s and 'Release' at 300 s".
    public var detail: String
    /// For occlusions found in the flux: how clearly the flux shows it, 0-1 (`FluxOcclusionCandidate.confidence`);
    /// nil for the other sources.
    public var confidence: Double?

    public init(startSeconds: Double, releaseSeconds: Double, source: TimingSource, detail: String, confidence: Double? = nil) {
        self.startSeconds = startSeconds
        self.releaseSeconds = releaseSeconds
        self.source = source
        self.detail = detail
        self.confidence = confidence
    }

    public var durationSeconds: Double { releaseSeconds - startSeconds }
}
