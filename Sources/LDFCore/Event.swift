/// What an event marks.
public enum EventKind: String, Sendable, Codable {
    case occlusionStart = "occlusion_start"
    case occlusionRelease = "occlusion_release"
    case comment, marker

    /// Recognises occlusion start and release in the spellings labs write (`EventVocabulary`):
    /// `occlusion_start`, `occlusion-end`, `OcclusionEnd`, `cuff on/off`, `inflate`, `deflate`,
    /// `release`, `reperfusion`, `start/stop occlusion`, `ischemia`, `Okklusion`, ...; anything else
    /// is a comment.
    public static func classify(_ label: String) -> EventKind { EventVocabulary.classify(label) }

    /// The kind named by `text` (`occlusion_start`, `start`, `occlusion_release`, `release`,
    /// `occlusion_end`, `end`, `comment`, `marker`; case, `-`, `_` and spaces do not matter).
    public init?(named text: String) {
        switch EventVocabulary.words(text).joined(separator: "_") {
        case "occlusion_start", "start", "occlusion": self = .occlusionStart
        case "occlusion_release", "release", "occlusion_end", "end", "reperfusion": self = .occlusionRelease
        case "comment": self = .comment
        case "marker", "mark": self = .marker
        default: return nil
        }
    }
}

/// A labelled instant, or interval when `endSeconds` is set (a run of one value in a state
/// column: "baseline", "occlusion", ...), in seconds from the recording's first sample.
///
/// An interval event of kind `.occlusionStart` spans the occlusion itself: it starts at the
/// occlusion's start and its end is the release (a state column's `occlusion` run).
public struct Event: Sendable, Equatable, Codable {
    public var timeSeconds: Double
    /// End of an interval event, in seconds from the first sample; nil for a point event.
    public var endSeconds: Double?
    public var label: String
    public var kind: EventKind

    public init(timeSeconds: Double, endSeconds: Double? = nil, label: String, kind: EventKind? = nil) {
        self.timeSeconds = timeSeconds
        self.endSeconds = endSeconds
        self.label = label
        self.kind = kind ?? EventKind.classify(label)
    }

    /// The same event moved by `seconds` (both ends).
    public func shifted(by seconds: Double) -> Event {
        Event(timeSeconds: timeSeconds + seconds, endSeconds: endSeconds.map { $0 + seconds }, label: label, kind: kind)
    }
}

/// One key–value pair of a file's header block, as written (trimmed).
public struct MetadataEntry: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
