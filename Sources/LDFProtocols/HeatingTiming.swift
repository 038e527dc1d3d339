import LDFCore

/// Where a heating time came from.
public enum HeatingTimingSource: String, Sendable, Codable {
    case user, events, temperature
}

/// A heating time (onset or maximum step) and how it was found. `seconds` counts from the first
/// sample inside the analysis and is on the file's axis in `HeatingResult`.
public struct HeatingTime: Sendable, Codable, Equatable {
    public var seconds: Double
    public var source: HeatingTimingSource
    /// How it was found, e.g. "event 'Heating on'" or "probe temperature rises 0.05 °C/s from 33 °C".
    public var detail: String
}

/// The words of heating events (docs/METHODS.md §18.2): an onset names heating, a maximum step
/// names the maximum or 43-44 °C.
enum HeatingEvents {
    static let heatingWords: Set<String> = ["heat", "heating", "heater", "heated", "warm", "warming", "thermal", "lth", "hyperthermia", "42"]
    static let maximumWords: Set<String> = ["max", "maximum", "maximal", "43", "44"]
    static let endWords: Set<String> = ["off", "stop", "end", "ende", "aus", "stopped", "ended"]

    static func isMaximum(_ e: Event) -> Bool { !Set(EventVocabulary.words(e.label)).isDisjoint(with: maximumWords) }

    static func isOnset(_ e: Event) -> Bool {
        let words = Set(EventVocabulary.words(e.label))
        return !words.isDisjoint(with: heatingWords) && words.isDisjoint(with: endWords) && !isMaximum(e)
    }

    /// The first onset event, and the first maximum-step event after it.
    static func find(_ events: [Event]) -> (onset: Event?, maximum: Event?) {
        let sorted = events.sorted { $0.timeSeconds < $1.timeSeconds }
        let onset = sorted.first(where: isOnset)
        let maximum = sorted.first { isMaximum($0) && $0.timeSeconds > (onset?.timeSeconds ?? -.infinity) }
        return (onset, maximum)
    }
}
