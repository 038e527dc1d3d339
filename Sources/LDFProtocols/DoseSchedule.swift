import LDFCore

/// One current pulse: when it started and stopped and the charge it delivered.
public struct Dose: Sendable, Codable, Equatable {
    /// Start and stop of the current, s (from the first sample inside the analysis; on the file's
    /// axis in `--pulses` and in results).
    public var startSeconds: Double
    public var stopSeconds: Double
    /// Charge delivered, mC (current mA × duration s); nil when unknown.
    public var chargeMillicoulombs: Double?
    /// How the pulse was found: "given" or the event labels.
    public var detail: String

    public init(startSeconds: Double, stopSeconds: Double, chargeMillicoulombs: Double? = nil, detail: String = "given") {
        self.startSeconds = startSeconds
        self.stopSeconds = stopSeconds
        self.chargeMillicoulombs = chargeMillicoulombs
        self.detail = detail
    }

    public var durationSeconds: Double { stopSeconds - startSeconds }

    func shifted(by seconds: Double) -> Dose {
        Dose(startSeconds: startSeconds + seconds, stopSeconds: stopSeconds + seconds, chargeMillicoulombs: chargeMillicoulombs, detail: detail)
    }
}

/// The pulses of an iontophoresis protocol, in time order (docs/METHODS.md §21.2): given as
/// `START+DURATION[:CHARGE]` items (s on the file's axis, s, mC: `300+20:2,380+20:2`), or read
/// from pulse start/stop marks in the file.
public struct DoseSchedule: Sendable, Codable, Equatable {
    public var doses: [Dose]
    /// Where the schedule came from: "pulses" (given) or "events".
    public var source: String

    public init(doses: [Dose], source: String) {
        self.doses = doses
        self.source = source
    }

    /// Parses `START+DURATION[:CHARGE],...`; a negative start is fine (`-60+20`).
    /// - Throws: `LDFError` naming the option and the item for anything else.
    public init(parsing text: String) throws {
        let context = "\(parameter: "pulses")"
        let example = "e.g. '300+20:2,380+20:2' (start s on the file's axis + duration s, optional charge mC)"
        var doses: [Dose] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            let timing = parts[0]
            guard parts.count <= 2, let plus = timing.dropFirst().firstIndex(of: "+"),
                  let start = Double(timing[..<plus]), let duration = Double(timing[timing.index(after: plus)...]),
                  start.isFinite, duration.isFinite else {
                throw LDFError(context, "'\(item)' is not START+DURATION[:CHARGE]", fix: example)
            }
            guard duration > 0 else { throw LDFError(context, "'\(item)': the duration must be positive", fix: example) }
            var charge: Double?
            if parts.count == 2 {
                guard let c = Double(parts[1]), c.isFinite, c >= 0 else {
                    throw LDFError(context, "'\(item)': the charge '\(parts[1])' is not a number of mC (≥ 0)", fix: example)
                }
                charge = c
            }
            doses.append(Dose(startSeconds: start, stopSeconds: start + duration, chargeMillicoulombs: charge))
        }
        guard !doses.isEmpty else { throw LDFError(context, "no pulses given", fix: example) }
        self.init(doses: doses.sorted { $0.startSeconds < $1.startSeconds }, source: "pulses")
    }

    /// The pulses the events of `recording` mark: each pulse start paired with the next stop, or
    /// an interval event naming a pulse. Nil when no event names a pulse.
    /// - Throws: `LDFError` for a start without a stop, a stop without a start, or a start before
    ///   the previous pulse stopped.
    public static func fromEvents(_ events: [Event], source: String) throws -> DoseSchedule? {
        let marks = events.filter { PulseEvents.role($0) != nil }.sorted { $0.timeSeconds < $1.timeSeconds }
        guard !marks.isEmpty else { return nil }
        let fix = "mark every pulse's start and stop, or give \(parameter: "pulses") START+DURATION,..."
        var doses: [Dose] = []
        var open: Event?
        for mark in marks {
            switch PulseEvents.role(mark)! {
            case .interval:
                if let open { throw unclosed(open, by: mark, source: source, fix: fix) }
                doses.append(Dose(startSeconds: mark.timeSeconds, stopSeconds: mark.endSeconds!, detail: "event '\(mark.label)'"))
            case .start:
                if let open { throw unclosed(open, by: mark, source: source, fix: fix) }
                open = mark
            case .stop:
                guard let started = open else {
                    throw LDFError(source, "pulse stop '\(mark.label)' at \(MessageNumber.short(mark.timeSeconds)) s has no start mark before it", fix: fix)
                }
                doses.append(Dose(startSeconds: started.timeSeconds, stopSeconds: mark.timeSeconds, detail: "events '\(started.label)' to '\(mark.label)'"))
                open = nil
            }
        }
        if let open {
            throw LDFError(source, "pulse start '\(open.label)' at \(MessageNumber.short(open.timeSeconds)) s has no stop mark", fix: fix)
        }
        return DoseSchedule(doses: doses, source: "events")
    }

    static func unclosed(_ open: Event, by next: Event, source: String, fix: String) -> LDFError {
        LDFError(source, "pulse '\(next.label)' at \(MessageNumber.short(next.timeSeconds)) s starts before the pulse started at "
                 + "\(MessageNumber.short(open.timeSeconds)) s ('\(open.label)') stopped: doses overlap", fix: fix)
    }

    /// Checks the pulses against a recording `duration` s long (times from its first sample):
    /// positive durations, no overlap, all inside.
    public func validate(durationSeconds duration: Double, fileTime: (Double) -> Double, context: String) throws {
        let fix = source == "pulses" ? "correct \(parameter: "pulses") (times on the file's axis)" : "correct the pulse marks, or give \(parameter: "pulses")"
        for (i, dose) in doses.enumerated() {
            let label = "pulse \(i + 1) (\(MessageNumber.short(fileTime(dose.startSeconds)))-\(MessageNumber.short(fileTime(dose.stopSeconds))) s)"
            guard dose.durationSeconds > 0 else { throw LDFError(context, "\(label) does not last: its stop is not after its start", fix: fix) }
            guard dose.startSeconds >= 0, dose.stopSeconds <= duration else {
                throw LDFError(context, "\(label) is outside the recording (\(MessageNumber.short(fileTime(0))) to "
                               + "\(MessageNumber.short(fileTime(duration))) s on the file's axis)", fix: fix)
            }
            if i > 0, dose.startSeconds < doses[i - 1].stopSeconds {
                throw LDFError(context, "\(label) starts before pulse \(i) stops at \(MessageNumber.short(fileTime(doses[i - 1].stopSeconds))) s: doses overlap", fix: fix)
            }
        }
    }

    /// The schedule with every time moved by `seconds`.
    public func shifted(by seconds: Double) -> DoseSchedule {
        DoseSchedule(doses: doses.map { $0.shifted(by: seconds) }, source: source)
    }

    /// The schedule with each unknown charge set to `currentMilliamps` × duration.
    public func charged(currentMilliamps: Double?) -> DoseSchedule {
        guard let currentMilliamps else { return self }
        var copy = self
        for i in copy.doses.indices where copy.doses[i].chargeMillicoulombs == nil {
            copy.doses[i].chargeMillicoulombs = currentMilliamps * copy.doses[i].durationSeconds
        }
        return copy
    }
}

/// The words of pulse marks (docs/METHODS.md §21.2): a label naming a pulse (`pulse`, `ionto`,
/// `current`, `dose`, a drug) starts one, with a stop word (`off`, `stop`, `end`) stops it.
enum PulseEvents {
    enum Role { case start, stop, interval }

    static let pulseWords: Set<String> = ["pulse", "ionto", "iontophoresis", "iontophoretic", "current", "dose", "delivery", "puls", "strom"]
    static let stopWords: Set<String> = ["off", "stop", "stopped", "end", "ende", "ended", "aus", "finish"]

    static func role(_ e: Event) -> Role? {
        let words = Set(EventVocabulary.words(e.label))
        let drug = IontophoresisDrug.words.values.contains { !$0.isDisjoint(with: words) }
        guard !words.isDisjoint(with: pulseWords) || drug else { return nil }
        if e.endSeconds != nil { return .interval }
        return words.isDisjoint(with: stopWords) ? .start : .stop
    }
}
