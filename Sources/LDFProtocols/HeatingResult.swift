import LDFCore
import LDFPORH

/// The flux levels of a local-heating response, in output order (docs/METHODS.md §18.3).
public enum HeatingLevelKey: String, Sendable, Codable, CaseIterable {
    case baseline
    case initialPeak = "initial_peak"
    case nadir
    case plateau
    case maximum

    /// What it is, for text output.
    public var summary: String {
        switch self {
        case .baseline: "baseline: mean before the onset"
        case .initialPeak: "initial peak: vertex of the first maximum"
        case .nadir: "nadir: vertex of the minimum after the peak"
        case .plateau: "plateau: mean over the late window at the first set-point"
        case .maximum: "maximum: mean over the late window of the maximum step"
        }
    }
}

/// One level as flux, CVC and %CVCmax, with the window it was measured over (file axis, s).
public struct HeatingLevel: Sendable, Equatable {
    public var key: HeatingLevelKey
    /// Flux in the recording's unit.
    public var flux: ProtocolMeasure
    /// Flux / MAP, flux unit per mmHg.
    public var cvc: ProtocolMeasure
    /// 100 CVC / CVCmax, %.
    public var percentCVCMax: ProtocolMeasure
    public var window: TimeWindow?
}

/// Everything measured in one local-heating recording. Times are on the file's own axis, except
/// the peak and nadir times, which count from the onset.
public struct HeatingResult: Sendable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var sampleRateHz: Double
    public var timeOriginSeconds: Double
    public var onset: HeatingTime
    /// Start of the maximum step; nil when the recording has none.
    public var maximumStep: HeatingTime?
    /// The probe-temperature channel, when there is one.
    public var temperatureChannel: String?
    /// Median probe temperature over the plateau and the maximum windows, °C.
    public var setPointC: Double?
    public var maximumSetPointC: Double?
    /// Whether the response has an initial peak and a nadir; nil when it could not be judged.
    public var biphasic: Bool?
    /// Every level in `HeatingLevelKey` order.
    public var levels: [HeatingLevel]
    /// Onset to the initial peak and to the nadir, s.
    public var initialPeakTime: ProtocolMeasure
    public var nadirTime: ProtocolMeasure
    /// Where %CVCmax's reference came from: "maximum_step", "cvc_max" (given) or nil.
    public var cvcMaxSource: String?
    public var options: HeatingOptions
    public var diagnostics: [Diagnostic]

    public subscript(_ key: HeatingLevelKey) -> HeatingLevel { levels.first { $0.key == key }! }
}
