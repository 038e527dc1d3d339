import LDFCore
import LDFPORH

/// Iontophoresis analysis (docs/METHODS.md §21): finds the pulses (given, else the file's pulse
/// marks), each channel's drug (given, else its name, else the marks' labels), then measures
/// rest and every dose's response (`IontophoresisMeasurement`) and builds the dose–response table
/// with the vehicle beside each drug (`DoseResponseTable`).
public enum IontophoresisAnalysis {
    /// Analyses the channels of one file (`recordings`: the same file, each with another
    /// analysed channel) and tabulates them together. Throws `LDFError` for invalid options, an
    /// unknown channel in the drug assignment, and pulses that are missing, overlap or fall
    /// outside the recording.
    public static func analyze(_ recordings: [Recording], options: IontophoresisOptions = IontophoresisOptions()) throws -> IontophoresisFileResult {
        try options.validate()
        guard let first = recordings.first else { throw LDFError("iontophoresis", "no recording to analyse") }
        if let drugs = options.drugs {
            let names = first.channels.map(\.name)
            let missing = drugs.unmatched(in: names)
            if !missing.isEmpty {
                throw LDFError(first.provenance.source, "\(parameter: "drugs") names channel(s) \(missing.map { "'\($0)'" }.joined(separator: ", ")) the file does not have",
                               fix: "use the channel names (\(names.map { "'\($0)'" }.joined(separator: ", "))) or 1-based numbers")
            }
        }
        let results = try recordings.map { try analyze(channel: $0, options: options, channelCount: recordings.count) }
        return IontophoresisFileResult(channels: results, table: DoseResponseTable(results))
    }

    /// Analyses `recording`'s perfusion channel alone (`channelCount`: how many channels of the
    /// file are analysed, for the note when all take their drug from the events).
    public static func analyze(channel recording: Recording, options: IontophoresisOptions, channelCount: Int = 1) throws -> IontophoresisResult {
        try options.validate()
        let source = recording.provenance.source
        let schedule = try findSchedule(recording, options: options)
        guard schedule.doses[0].startSeconds >= IontophoresisOptions.shortestRestSeconds else {
            throw LDFError(source, "the first pulse starts \(MessageNumber.short(schedule.doses[0].startSeconds)) s after the first sample: "
                           + "at least \(MessageNumber.short(IontophoresisOptions.shortestRestSeconds)) s of rest are needed before it",
                           fix: "record a rest before the first pulse, or correct the pulse times")
        }
        var diagnostics: [Diagnostic] = []
        let drug = findDrug(recording, options: options)
        if drug.source == .none {
            diagnostics.append(.warning("no_drug", "no drug named for channel '\(recording.perfusion.name)'; give \(ParameterSpelling.spell("drugs")) CHANNEL=DRUG,..."))
        } else if drug.source == .events, channelCount > 1 {
            diagnostics.append(.warning("drug_from_events", "channel '\(recording.perfusion.name)' takes its drug (\(drug.drug.rawValue)) from the pulse marks, "
                                        + "as every analysed channel does; map the vehicle probe with \(ParameterSpelling.spell("drugs"))"))
        }
        let measurement = IontophoresisMeasurement(flux: recording.perfusion.values, rateHz: recording.sampleRateHz, options: options, doses: schedule.doses)
        if measurement.restWindow.durationSeconds < options.restWindowSeconds {
            diagnostics.append(.info("short_rest", "rest window shortened to the \(MessageNumber.short(measurement.restWindow.durationSeconds)) s before the first pulse"))
        }
        let measured = measurement.measure(diagnostics: &diagnostics)
        let origin = recording.timeOriginSeconds
        return IontophoresisResult(
            source: source, channel: recording.perfusion.name, fluxUnit: recording.perfusion.unit, sampleRateHz: recording.sampleRateHz,
            timeOriginSeconds: origin, drug: drug.drug, drugSource: drug.source, schedule: schedule.shifted(by: origin),
            rest: measured.rest, restSD: measured.sd, restWindow: measurement.restWindow.shifted(by: origin),
            doses: measured.doses.map { $0.onFileAxis(origin) }, options: options, diagnostics: diagnostics)
    }

    /// The pulses: given (moved from the file's axis), else the file's marks; charged with the
    /// current when given, and checked against the recording.
    static func findSchedule(_ recording: Recording, options: IontophoresisOptions) throws -> DoseSchedule {
        let source = recording.provenance.source
        let schedule: DoseSchedule
        if let given = options.pulses {
            schedule = given.shifted(by: -recording.timeOriginSeconds)
        } else if let marked = try DoseSchedule.fromEvents(recording.events, source: source) {
            schedule = marked
        } else {
            let labels = recording.events.prefix(3).map { "'\($0.label)'" }.joined(separator: ", ")
            let seen = recording.events.isEmpty ? "the file has no events" : "no event marks a pulse (\(recording.events.count) events: \(labels)\(recording.events.count > 3 ? ", ..." : ""))"
            throw LDFError(source, "no iontophoresis pulses: \(seen)",
                           fix: "give \(parameter: "pulses") START+DURATION[:CHARGE],... on the file's time axis, or mark pulses with events such as 'Pulse 1 on' / 'Pulse 1 off'")
        }
        try schedule.validate(durationSeconds: recording.durationSeconds, fileTime: recording.fileTime, context: source)
        return schedule.charged(currentMilliamps: options.currentMilliamps)
    }

    /// The channel's drug: given, else named by the channel, else the one drug the pulse marks name.
    static func findDrug(_ recording: Recording, options: IontophoresisOptions) -> (drug: IontophoresisDrug, source: DrugSource) {
        let name = recording.perfusion.name
        if let given = options.drugs?.drug(channel: name, position: recording.perfusionChannelIndex + 1) { return (given, .given) }
        if let named = IontophoresisDrug.mentioned(in: name) { return (named, .channel) }
        let marked = Set(recording.events.filter { PulseEvents.role($0) != nil }.compactMap { IontophoresisDrug.mentioned(in: $0.label) })
        if marked.count == 1, let drug = marked.first { return (drug, .events) }
        return (.unspecified, .none)
    }
}

/// The channels of one file and their dose–response table.
public struct IontophoresisFileResult: Sendable {
    public var channels: [IontophoresisResult]
    public var table: DoseResponseTable
}

extension TimeWindow {
    func shifted(by seconds: Double) -> TimeWindow { TimeWindow(startSeconds: startSeconds + seconds, endSeconds: endSeconds + seconds) }
}

extension DoseResponse {
    /// The response with its dose, interval and plateau window on the file's axis.
    func onFileAxis(_ origin: Double) -> DoseResponse {
        var copy = self
        copy.dose = dose.shifted(by: origin)
        copy.interval = interval.shifted(by: origin)
        copy.plateauWindow = plateauWindow?.shifted(by: origin)
        return copy
    }
}
