/// What an event marks.
public enum EventKind: String, Sendable, Codable {
    case occlusionStart = "occlusion_start"
    case occlusionRelease = "occlusion_release"
    case comment, marker

    /// Recognises occlusion start/release in free text ("cuff on", "occlusion start", "inflate",
    /// "release", "cuff off", "deflate", ...); anything else is a comment.
    public static func classify(_ label: String) -> EventKind {
        let l = label.lowercased()
        let releaseWords = ["release", "cuff off", "deflat", "occlusion end", "end occlusion", "reperfusion", "occlusion off"]
        let startWords = ["occlusion start", "start occlusion", "cuff on", "inflat", "occlusion on", "occlude", "occlusion"]
        if releaseWords.contains(where: { l.contains($0) }) { return .occlusionRelease }
        if startWords.contains(where: { l.contains($0) }) { return .occlusionStart }
        return .comment
    }
}

/// A labelled instant, or interval when `endSeconds` is set (a run of one value in a state
/// column: "baseline", "occlusion", ...), in seconds from the recording's first sample.
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
