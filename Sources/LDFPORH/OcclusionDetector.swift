import LDFCore

/// The occlusions found in a recording, with notes on how.
public struct OcclusionSearch: Sendable {
    /// Occlusions in time order, not overlapping.
    public var timings: [OcclusionTiming]
    /// Notes and warnings (e.g. an unpaired event, a dip too short to be an occlusion).
    public var diagnostics: [Diagnostic]

    public init(timings: [OcclusionTiming], diagnostics: [Diagnostic] = []) {
        self.timings = timings
        self.diagnostics = diagnostics
    }
}

/// Times the occlusions of a recording from the most trusted source available: the user's
/// intervals, then events in the file, then a cuff-pressure channel, then the flux alone
/// (docs/METHODS.md §7.2). With `TimingPreference.events`, `.pressure` or `.flux` only that source is used.
public enum OcclusionDetector {
    /// Finds every occlusion. Throws when none is found, with what was looked for and what the
    /// signal showed, and when the recording ends during an occlusion.
    public static func find(in recording: Recording, options: PORHOptions) throws -> OcclusionSearch {
        if !options.occlusions.isEmpty { return try userTimings(options.occlusions, in: recording) }
        switch options.timing {
        case .events:
            var found = try eventTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
            found.diagnostics += markContradictions(found.timings, in: recording)
            return found
        case .pressure: return try pressureTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
        case .flux: return try fluxTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
        case .auto:
            var notes: [Diagnostic] = []
            if recording.events.contains(where: { $0.kind == .occlusionStart || $0.kind == .occlusionRelease }) {
                do {
                    let marked = try eventTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
                    let flux = try? fluxTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
                    return merged(marked: marked, detected: flux, in: recording)
                } catch let error as LDFError where !error.message.contains("ends during") {
                    notes.append(.warning("events_unusable", "occlusion events not used: \(error.message)"))
                }
            }
            if recording.channel(ofKind: .pressure) != nil {
                do {
                    var found = try pressureTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
                    found.diagnostics.insert(contentsOf: notes, at: 0)
                    return found
                } catch let error as LDFError where !error.message.contains("ends during") {
                    notes.append(.warning("pressure_unusable", "cuff-pressure channel not used: \(error.message)"))
                }
            }
            var found = try fluxTimings(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
            found.diagnostics.insert(contentsOf: notes, at: 0)
            return found
        }
    }

    /// The user's intervals, given on the recording's own time axis, checked against its span.
    static func userTimings(_ intervals: [OcclusionInterval], in recording: Recording) throws -> OcclusionSearch {
        let first = recording.fileTime(0), end = recording.fileTime(recording.durationSeconds)
        let timings = try intervals.sorted { $0.startSeconds < $1.startSeconds }.map { o in
            let span = "\(rounded(first)) to \(rounded(end)) s on its time axis"
            guard o.startSeconds < end else {
                throw LDFError("\(parameter: "occlusion") \(o)", "the start is after the recording ends (\(span))",
                               fix: "give times on the file's time axis, from \(rounded(first)) to \(rounded(end)) s")
            }
            guard o.startSeconds >= first else {
                throw LDFError("\(parameter: "occlusion") \(o)", "the start is before the recording begins (\(span))",
                               fix: "give times on the file's time axis, from \(rounded(first)) to \(rounded(end)) s")
            }
            guard o.releaseSeconds < end else {
                throw LDFError("\(parameter: "occlusion") \(o)",
                               "the recording ends during the occlusion (it ends at \(rounded(end)) s, before the release)",
                               fix: "check the release time; a PORH analysis needs the recovery after release")
            }
            return OcclusionTiming(startSeconds: recording.offset(fromFileTime: o.startSeconds),
                                   releaseSeconds: recording.offset(fromFileTime: o.releaseSeconds), source: .user,
                                   detail: "given with \(parameter: "occlusion") \(o)")
        }
        return OcclusionSearch(timings: timings)
    }

    /// Pairs each start event with the next release event.
    static func eventTimings(in recording: Recording, minimumSeconds: Double) throws -> OcclusionSearch {
        var timings: [OcclusionTiming] = []
        var notes: [Diagnostic] = []
        var pending: Event?
        for event in recording.events {
            switch event.kind {
            case .occlusionStart where event.endSeconds != nil:
                // A state column's occlusion run: the run is the occlusion.
                let end = event.endSeconds ?? event.timeSeconds
                if end - event.timeSeconds >= minimumSeconds, end < recording.durationSeconds {
                    timings.append(OcclusionTiming(startSeconds: event.timeSeconds, releaseSeconds: end, source: .events,
                                                   detail: "state-column run '\(event.label)'"))
                } else {
                    notes.append(.warning("short_occlusion", "state-column run '\(event.label)' at \(rounded(recording.fileTime(event.timeSeconds))) s "
                                          + "lasts \(rounded(end - event.timeSeconds)) s or reaches the end; ignored"))
                }
            case .occlusionStart:
                if let p = pending {
                    notes.append(.warning("unpaired_event",
                                          "event '\(p.label)' at \(p.timeSeconds) s has no release before the next start; ignored"))
                }
                pending = event
            case .occlusionRelease:
                guard let start = pending else {
                    notes.append(.warning("unpaired_event", "release event '\(event.label)' at \(event.timeSeconds) s has no start; ignored"))
                    continue
                }
                pending = nil
                guard event.timeSeconds < recording.durationSeconds else {
                    pending = start
                    continue
                }
                let duration = event.timeSeconds - start.timeSeconds
                guard duration >= minimumSeconds else {
                    notes.append(.warning("short_occlusion",
                                          "events '\(start.label)' at \(start.timeSeconds) s and '\(event.label)' at \(event.timeSeconds) s "
                                          + "mark only \(duration) s, shorter than the \(minimumSeconds) s minimum occlusion; ignored"))
                    continue
                }
                timings.append(OcclusionTiming(startSeconds: start.timeSeconds, releaseSeconds: event.timeSeconds, source: .events,
                                               detail: "events '\(start.label)' and '\(event.label)'"))
            case .comment, .marker:
                continue
            }
        }
        if let p = pending {
            let message = "the recording ends during the occlusion that starts at \(p.timeSeconds) s (event '\(p.label)'): "
                + "no release event follows and the recording ends at \(recording.durationSeconds) s"
            if timings.isEmpty {
                throw LDFError(recording.provenance.source, message, fix: "analyse a recording that includes the release and recovery")
            }
            notes.append(.warning("ends_during_occlusion", message))
        }
        guard !timings.isEmpty else {
            let shown = notes.map(\.message).joined(separator: "; ")
            throw LDFError(recording.provenance.source, "no usable occlusion start/release event pair"
                           + (shown.isEmpty ? "" : " (\(shown))"),
                           fix: "use \(parameter: "timing") pressure or flux, or give \(parameter: "occlusion") START-END")
        }
        return OcclusionSearch(timings: timings, diagnostics: notes)
    }
}
