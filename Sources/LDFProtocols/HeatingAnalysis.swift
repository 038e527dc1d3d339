import LDFCore
import LDFPORH

/// Local thermal hyperaemia analysis of a recording (docs/METHODS.md §18): times the onset and
/// the maximum step (the user, then events, then the probe temperature), then measures baseline,
/// initial peak, nadir, plateau and maximum (`HeatingMeasurement`). Values that cannot be
/// computed are missing with a reason.
public enum HeatingAnalysis {
    /// Analyses `recording`'s perfusion channel. Throws `LDFError` for invalid options and when
    /// no onset is found (saying what the events and the temperature channel showed).
    public static func analyze(_ recording: Recording, options: HeatingOptions = HeatingOptions()) throws -> HeatingResult {
        try options.validate()
        var recording = recording.resampledToCommonGrid(for: "local heating")
        var diagnostics: [Diagnostic] = []
        if let hampel = options.artifactFilter {
            let note: Diagnostic
            (recording, note) = try recording.perfusionFiltered(hampel)
            diagnostics.append(note)
        }
        let probe: ProbeTemperature?
        do {
            probe = try ProbeTemperature.find(in: recording)
        } catch let error as LDFError where options.timing != .temperature && (options.onsetSeconds != nil || HeatingEvents.find(recording.events).onset != nil) {
            probe = nil
            diagnostics.append(.warning("temperature_unreadable", error.description))
        }
        if let note = probe?.conversionNote { diagnostics.append(note) }
        let steps = probe.map { TemperatureSteps(celsius: $0.celsius, rateHz: recording.sampleRateHz) }
        let onset = try findOnset(recording, options: options, steps: steps, probe: probe)
        let maximum = try findMaximumStep(recording, options: options, steps: steps, after: onset.seconds)
        diagnostics += agreement(onset, maximum, steps: steps)
        let measurement = HeatingMeasurement(recording: recording, options: options, onset: onset.seconds,
                                             maximumStep: maximum?.seconds, probe: probe)
        var result = measurement.measure()
        result.onset = onset
        result.maximumStep = maximum
        result.diagnostics = diagnostics + result.diagnostics
        return result.onFileAxis(recording.timeOriginSeconds)
    }

    /// The onset: given, else the first heating event, else the probe's first sustained rise.
    static func findOnset(_ recording: Recording, options: HeatingOptions, steps: TemperatureSteps?, probe: ProbeTemperature?) throws -> HeatingTime {
        if let given = options.onsetSeconds {
            let t = recording.offset(fromFileTime: given)
            guard t > 0, t < recording.durationSeconds else {
                throw LDFError("\(parameter: "onset") \(given)", "is outside the recording (\(MessageNumber.short(recording.fileTime(0)))"
                               + " to \(MessageNumber.short(recording.fileTime(recording.durationSeconds))) s on the file's axis)",
                               fix: "give the onset on the file's time axis")
            }
            return HeatingTime(seconds: t, source: .user, detail: "given")
        }
        let events = HeatingEvents.find(recording.events)
        if options.timing != .temperature, let e = events.onset {
            return HeatingTime(seconds: e.timeSeconds, source: .events, detail: "event '\(e.label)'")
        }
        if options.timing != .events, let step = steps?.onset {
            return HeatingTime(seconds: step.startSeconds, source: .temperature,
                               detail: "probe temperature rises \(MessageNumber.short(step.rateCPerSecond * 60)) °C/min from \(MessageNumber.short(step.fromC)) °C")
        }
        throw noOnset(recording, options: options, steps: steps, probe: probe)
    }

    /// The error when no onset is found: what the events and the temperature channel showed.
    static func noOnset(_ recording: Recording, options: HeatingOptions, steps: TemperatureSteps?, probe: ProbeTemperature?) -> LDFError {
        var seen: [String] = []
        if options.timing != .temperature {
            let labels = recording.events.prefix(3).map { "'\($0.label)'" }.joined(separator: ", ")
            seen.append(recording.events.isEmpty ? "the file has no events" : "no event names heating (\(recording.events.count) events: \(labels)\(recording.events.count > 3 ? ", ..." : ""))")
        }
        if options.timing != .events {
            if let probe, let steps, let range = steps.rangeC {
                seen.append("the temperature channel '\(probe.channel)' ranged \(MessageNumber.short(range.lowerBound))-\(MessageNumber.short(range.upperBound)) °C, "
                            + "its largest rise \(MessageNumber.short(steps.largestRiseIn60sC)) °C in 60 s (heating is a sustained rise of \(MessageNumber.short(TemperatureSteps.onsetRiseC)) °C)")
            } else {
                seen.append("the file has no temperature channel")
            }
        }
        return LDFError(recording.provenance.source, "no heating onset found: " + seen.joined(separator: "; "),
                        fix: "give \(parameter: "onset") SECONDS on the file's time axis, or mark the onset with an event such as 'Heating on'")
    }

    /// The maximum step: given, else an event naming 43-44 °C or the maximum, else the probe's
    /// second step; nil when there is none.
    static func findMaximumStep(_ recording: Recording, options: HeatingOptions, steps: TemperatureSteps?, after onset: Double) throws -> HeatingTime? {
        if let given = options.maximumStepSeconds {
            let t = recording.offset(fromFileTime: given)
            guard t > onset, t < recording.durationSeconds else {
                throw LDFError("\(parameter: "maximumStep") \(given)", "is not between the onset (\(MessageNumber.short(recording.fileTime(onset))) s) and the end of the recording",
                               fix: "give the start of the 43-44 °C step on the file's time axis")
            }
            return HeatingTime(seconds: t, source: .user, detail: "given")
        }
        if options.timing != .temperature, let e = HeatingEvents.find(recording.events).maximum, e.timeSeconds > onset {
            return HeatingTime(seconds: e.timeSeconds, source: .events, detail: "event '\(e.label)'")
        }
        if options.timing != .events, let step = steps?.maximumStep, step.startSeconds > onset {
            return HeatingTime(seconds: step.startSeconds, source: .temperature,
                               detail: "probe temperature rises again from \(MessageNumber.short(step.fromC)) °C")
        }
        return nil
    }

    /// A warning when events and the probe temperature disagree by more than 10 s.
    static func agreement(_ onset: HeatingTime, _ maximum: HeatingTime?, steps: TemperatureSteps?) -> [Diagnostic] {
        var notes: [Diagnostic] = []
        let pairs: [(HeatingTime?, TemperatureSteps.Step?, String)] = [(onset, steps?.onset, "onset"), (maximum, steps?.maximumStep, "maximum step")]
        for (time, found, name) in pairs {
            guard let time, time.source == .events, let found, abs(found.startSeconds - time.seconds) > 10 else { continue }
            notes.append(.warning("timing_disagreement", "the \(name) event is \(MessageNumber.short(time.seconds - found.startSeconds)) s from where the "
                                  + "probe temperature starts to rise; the event is used"))
        }
        return notes
    }
}

extension HeatingResult {
    /// The result with its file-axis times (onset, maximum step, windows) moved by `origin`.
    func onFileAxis(_ origin: Double) -> HeatingResult {
        var copy = self
        copy.timeOriginSeconds = origin
        copy.onset.seconds += origin
        copy.maximumStep?.seconds += origin
        for i in copy.levels.indices {
            copy.levels[i].window = copy.levels[i].window.map { TimeWindow(startSeconds: $0.startSeconds + origin, endSeconds: $0.endSeconds + origin) }
        }
        return copy
    }
}
