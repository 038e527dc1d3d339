import LDFCore
import LDFPORH

/// The response to one dose (docs/METHODS.md §21.3). Levels in the flux unit; areas in flux
/// unit × s above rest; times in s from the pulse start; windows on the file's axis.
public struct DoseResponse: Sendable, Equatable {
    /// 1-based position in the schedule.
    public var index: Int
    public var dose: Dose
    /// Sum of the charges of this and every earlier pulse, mC; missing when any is unknown.
    public var cumulativeCharge: ProtocolMeasure
    /// The dose's interval: from the pulse start to the next pulse's start (the last: its stop
    /// plus the protocol's gap).
    public var interval: TimeWindow
    /// Mean flux over the plateau window at the end of the interval.
    public var plateau: ProtocolMeasure
    public var plateauWindow: TimeWindow?
    /// plateau - rest, and 100 (plateau - rest) / rest.
    public var change: ProtocolMeasure
    public var percentChange: ProtocolMeasure
    /// Maximum of the smoothed flux over the interval, and when it occurred.
    public var maximum: ProtocolMeasure
    public var maximumTime: ProtocolMeasure
    /// The level the dose rises from: the rest for the first dose, the previous plateau after.
    public var reference: ProtocolMeasure
    /// First time the smoothed flux stays above reference + k·SD(rest) for the sustain time.
    public var responseTime: ProtocolMeasure
    /// First time the smoothed flux reaches halfway from the reference to the plateau.
    public var halfRiseTime: ProtocolMeasure
    /// First time after the maximum the smoothed flux stays below rest + k·SD(rest) (searched to
    /// the next pulse; after the last pulse, to the end of the recording).
    public var recoveryTime: ProtocolMeasure
    /// ∫ (flux - rest) dt over the pulse (start to stop) and over the whole interval.
    public var deliveryArea: ProtocolMeasure
    public var intervalArea: ProtocolMeasure
}

/// Where a channel's drug came from.
public enum DrugSource: String, Sendable, Codable {
    /// `--drugs`.
    case given
    /// The channel's name (`ACh`, `Flux SNP`).
    case channel
    /// The pulse marks' labels.
    case events
    /// Nothing named one.
    case none
}

/// Everything measured on one channel of an iontophoresis recording. Times on the file's axis
/// except the per-dose times, which count from each pulse start.
public struct IontophoresisResult: Sendable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var sampleRateHz: Double
    public var timeOriginSeconds: Double
    public var drug: IontophoresisDrug
    public var drugSource: DrugSource
    public var schedule: DoseSchedule
    /// Mean and SD of the smoothed flux over the rest window before the first pulse.
    public var rest: ProtocolMeasure
    public var restSD: ProtocolMeasure
    public var restWindow: TimeWindow
    public var doses: [DoseResponse]
    public var options: IontophoresisOptions
    public var diagnostics: [Diagnostic]
}
