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

/// A labelled instant in a recording, in seconds from the recording's first sample.
public struct Event: Sendable, Equatable, Codable {
    public var timeSeconds: Double
    public var label: String
    public var kind: EventKind

    public init(timeSeconds: Double, label: String, kind: EventKind? = nil) {
        self.timeSeconds = timeSeconds
        self.label = label
        self.kind = kind ?? EventKind.classify(label)
    }
}
