/// The user's own event vocabulary: labels (as written in the file, case and surrounding spaces
/// ignored) mapped to event kinds, for labels `EventVocabulary` does not recognise or reads
/// differently (`--event-map 'K1=occlusion_start,K2=release'`, or a study manifest's `event_map`).
public struct EventMap: Sendable, Equatable, CustomStringConvertible {
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var kind: EventKind
        public init(label: String, kind: EventKind) {
            self.label = label
            self.kind = kind
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// Parses `LABEL=KIND,LABEL=KIND,...` (the last `=` of each item separates label and kind, so
    /// labels may hold `=`; kinds as `EventKind(named:)` reads them).
    /// - Parameter context: names the option or manifest cell in errors.
    public init(parsing text: String, context: String = "\(parameter: "eventMap")") throws {
        let example = "e.g. 'cuff up=occlusion_start,cuff down=release'"
        var entries: [Entry] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let equals = trimmed.lastIndex(of: "=") else {
                throw LDFError(context, "'\(trimmed)' has no '=KIND'", fix: "write LABEL=KIND items separated by commas, \(example)")
            }
            let label = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let kindText = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else {
                throw LDFError(context, "'\(trimmed)' has an empty label", fix: "write LABEL=KIND, \(example)")
            }
            guard let kind = EventKind(named: kindText) else {
                throw LDFError(context, "'\(kindText)' is not an event kind",
                               fix: "use occlusion_start, release (or occlusion_release), comment or marker, \(example)")
            }
            entries.append(Entry(label: label, kind: kind))
        }
        guard !entries.isEmpty else {
            throw LDFError(context, "the event map is empty", fix: "write LABEL=KIND items separated by commas, \(example)")
        }
        self.entries = entries
    }

    /// The kind mapped to `label`, if any.
    public func kind(for label: String) -> EventKind? {
        let key = Self.key(label)
        return entries.first { Self.key($0.label) == key }?.kind
    }

    /// `events` with mapped labels given their kinds, and the map's labels that match no event.
    public func apply(to events: [Event]) -> (events: [Event], unusedLabels: [String]) {
        var used = Set<String>()
        let mapped = events.map { event -> Event in
            guard let kind = kind(for: event.label) else { return event }
            used.insert(Self.key(event.label))
            var copy = event
            copy.kind = kind
            return copy
        }
        return (mapped, entries.map(\.label).filter { !used.contains(Self.key($0)) })
    }

    public var description: String { entries.map { "\($0.label)=\($0.kind.rawValue)" }.joined(separator: ",") }

    static func key(_ label: String) -> String { label.trimmingCharacters(in: .whitespaces).lowercased() }
}

import Foundation
