import Foundation
import LDFCore

/// The scale a temperature channel was recorded in.
public enum TemperatureScale: String, Sendable, Codable {
    case celsius, fahrenheit, kelvin

    /// "°C", "°F" or "K".
    public var symbol: String {
        switch self {
        case .celsius: "°C"
        case .fahrenheit: "°F"
        case .kelvin: "K"
        }
    }

    /// `value` in this scale as °C.
    public func celsius(_ value: Double) -> Double {
        switch self {
        case .celsius: value
        case .fahrenheit: (value - 32) * 5 / 9
        case .kelvin: value - 273.15
        }
    }

    /// The scale a unit cell names ("°C", "degC", "C", "°F", "F", "K", "kelvin", ...); nil when it
    /// names none.
    public init?(unit: String) {
        let u = unit.lowercased().replacingOccurrences(of: "°", with: "").replacingOccurrences(of: "deg", with: "")
            .replacingOccurrences(of: " ", with: "")
        switch u {
        case "c", "celsius", "centigrade", "ºc": self = .celsius
        case "f", "fahrenheit", "ºf": self = .fahrenheit
        case "k", "kelvin", "kelvins": self = .kelvin
        default: return nil
        }
    }

    /// The scale in which the median `value` of a skin probe (20-50 °C) is plausible; nil when
    /// it is plausible in none.
    public init?(plausibleMedian value: Double) {
        if (20...50).contains(value) { self = .celsius }
        else if (68...122).contains(value) { self = .fahrenheit }
        else if (293...323).contains(value) { self = .kelvin }
        else { return nil }
    }
}

/// A recording's probe temperature in °C (docs/METHODS.md §18.2): the first temperature channel
/// (by kind, or by a °C/°F/K unit), converted from °F or kelvin when its unit or its values say so.
public struct ProbeTemperature: Sendable {
    public var channel: String
    /// The scale the file used.
    public var scale: TemperatureScale
    /// Whether the scale came from the values (the unit named none).
    public var scaleFromValues: Bool
    /// Samples in °C on the recording's grid (NaN where missing).
    public var celsius: [Double]

    /// The probe temperature of `recording`, nil without a temperature channel. Throws when the
    /// channel's values fit no temperature scale.
    public static func find(in recording: Recording) throws -> ProbeTemperature? {
        guard let channel = recording.channels.first(where: { $0.kind == .temperature })
            ?? recording.channels.first(where: { $0.kind != .perfusion && TemperatureScale(unit: $0.unit) != nil }) else { return nil }
        let finite = channel.values.filter(\.isFinite).sorted()
        guard !finite.isEmpty else {
            throw LDFError("temperature channel '\(channel.name)'", "holds no finite sample", fix: "check the column, or time the heating with events or \(parameter: "onset")")
        }
        let median = finite[finite.count / 2]
        let byUnit = TemperatureScale(unit: channel.unit)
        guard let scale = byUnit ?? TemperatureScale(plausibleMedian: median) else {
            throw LDFError("temperature channel '\(channel.name)'",
                           "its median \(MessageNumber.short(median)) \(channel.unit.isEmpty ? "(no unit)" : channel.unit) is no skin temperature in °C, °F or K",
                           fix: "check the column, or time the heating with events or \(parameter: "onset")")
        }
        let celsiusMedian = scale.celsius(median)
        guard (15...55).contains(celsiusMedian) else {
            throw LDFError("temperature channel '\(channel.name)'",
                           "its median \(MessageNumber.short(median)) \(scale.symbol) (\(MessageNumber.short(celsiusMedian)) °C) is no skin temperature",
                           fix: "check the unit cell (°C, °F or K), or time the heating with events or \(parameter: "onset")")
        }
        return ProbeTemperature(channel: channel.name, scale: scale, scaleFromValues: byUnit == nil,
                                celsius: channel.values.map(scale.celsius))
    }

    /// A note when the channel was converted or its scale guessed; nil for a °C channel with a unit.
    public var conversionNote: Diagnostic? {
        switch (scale, scaleFromValues) {
        case (.celsius, false): return nil
        case (.celsius, true):
            return .info("temperature_unit", "temperature channel '\(channel)' has no unit; its values are read as °C")
        default:
            return .info("temperature_unit", "temperature channel '\(channel)' is in \(scale.symbol)"
                         + (scaleFromValues ? " (judged from its values; it names no unit)" : "") + "; converted to °C")
        }
    }
}
