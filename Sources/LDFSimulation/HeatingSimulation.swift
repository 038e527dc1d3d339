import Foundation
import LDFCore

/// Configuration of a simulated local thermal hyperaemia recording with known truth
/// (docs/METHODS.md §18, §14). `generate(seed:)` turns it into a `Recording` and a `HeatingTruth`.
///
/// The probe temperature (°C) holds `startTemperatureC` until the onset (after
/// `baselineSeconds`), ramps at `rampCPerSecond` to `setPointC` and holds it; with a maximum step
/// (`maximumSeconds` > 0) it ramps again at `heatingSeconds` after the onset to
/// `maximumSetPointC` and holds that to the end. Gaussian probe noise `temperatureNoiseC`.
///
/// The noiseless flux, with τ the time from the onset and c(x) = (1 - cos πx)/2 (a smooth step
/// with zero slope at both ends, so every joint below is an exact extreme or corner of known time
/// and level):
/// - τ < 0: the rest flux B;
/// - biphasic: B → initial peak P over [0, t_p], P → nadir N over [t_p, t_n], N → plateau L over
///   [t_n, t_l], then L;
/// - monophasic: B → L over [0, t_l], then L;
/// - from the maximum step s = `heatingSeconds`: + (M - L) c((τ - s)/t_m), so the flux reaches
///   the maximum M `maximumRiseSeconds` after the step.
///
/// Recorded flux: F (1 + flowmotion) + noise. Flowmotion is a sum of sines at 0.01, 0.03, 0.1,
/// 0.25 and 1.1 Hz with random phases and total relative amplitude `flowmotionAmplitude`; the
/// components below 1 Hz are scaled by 1 - (F - B)/(M - B) (heating abolishes vasomotion as the
/// vessels dilate: a modelling choice, as in the PORH simulator). Noise is white Gaussian with SD
/// `noiseLevel` F. Levels in PU, times in s, temperatures in °C (written in `temperatureUnit`).
public struct HeatingSimulation: Sendable, Codable, Equatable {
    /// How fast the probe heats: rapid (1 °C per 20 s, 0.05 °C/s; Minson et al. 2001) or gradual
    /// (0.1 °C per 10 s, 0.01 °C/s).
    public enum Ramp: String, Sendable, Codable, CaseIterable {
        case rapid, gradual

        /// Heating rate of the probe, °C/s.
        public var cPerSecond: Double { self == .rapid ? 0.05 : 0.01 }
    }

    /// Shape of the flux response to the first set-point.
    public enum Shape: String, Sendable, Codable, CaseIterable {
        /// Initial peak, nadir, then the plateau (forearm, face).
        case biphasic
        /// A smooth rise to the plateau with no nadir (palm; often with gradual heating).
        case monophasic
    }

    /// Unit the probe temperature is written in (to exercise readers and conversions).
    public enum TemperatureUnit: String, Sendable, Codable, CaseIterable {
        case celsius, fahrenheit, kelvin

        /// The unit cell: "°C", "°F" or "K".
        public var symbol: String {
            switch self {
            case .celsius: "°C"
            case .fahrenheit: "°F"
            case .kelvin: "K"
            }
        }

        /// `celsius` in this unit.
        public func value(celsius: Double) -> Double {
            switch self {
            case .celsius: celsius
            case .fahrenheit: celsius * 9 / 5 + 32
            case .kelvin: celsius + 273.15
            }
        }
    }

    public var sampleRateHz = 32.0
    /// Rest before the onset, s.
    public var baselineSeconds = 300.0
    /// Onset to the maximum step (or to the end without one), s.
    public var heatingSeconds = 1800.0
    /// Length of the maximum step, s; 0 for none.
    public var maximumSeconds = 600.0
    public var ramp = Ramp.rapid
    public var shape = Shape.biphasic
    public var startTemperatureC = 33.0
    public var setPointC = 42.0
    public var maximumSetPointC = 44.0
    /// Flux levels, PU: rest B, initial peak P, nadir N, plateau L, maximum M.
    public var restFlux = 10.0
    public var peakFlux = 55.0
    public var nadirFlux = 40.0
    public var plateauFlux = 85.0
    public var maximumFlux = 100.0
    /// Onset to the initial peak t_p, to the nadir t_n and to the plateau t_l, s.
    public var timeToPeakSeconds = 150.0
    public var timeToNadirSeconds = 400.0
    public var timeToPlateauSeconds = 1200.0
    /// Maximum step to the maximum level t_m, s.
    public var maximumRiseSeconds = 300.0
    /// SD of the white noise relative to the flux.
    public var noiseLevel = 0.03
    /// Total relative flowmotion amplitude.
    public var flowmotionAmplitude = 0.02
    public var temperatureNoiseC = 0.02
    public var temperatureUnit = TemperatureUnit.celsius
    public var includesTemperatureChannel = true
    /// Adds "Heating on" at the onset and "Heating 44 °C" (the maximum set-point) at the step.
    public var includesEventMarkers = false
    /// File time of the first sample (e.g. minus `baselineSeconds` for an axis zeroed at the onset).
    public var timeOriginSeconds = 0.0

    public init() {}

    /// The rapid or gradual protocol with its usual shape (biphasic when rapid, monophasic when
    /// gradual: slow heating blunts the initial peak).
    public static func preset(_ ramp: Ramp) -> HeatingSimulation {
        var s = HeatingSimulation()
        s.ramp = ramp
        s.shape = ramp == .rapid ? .biphasic : .monophasic
        return s
    }

    public var hasMaximumStep: Bool { maximumSeconds > 0 }
    public var onsetSeconds: Double { baselineSeconds }
    public var maximumStepSeconds: Double? { hasMaximumStep ? baselineSeconds + heatingSeconds : nil }
    public var durationSeconds: Double { baselineSeconds + heatingSeconds + maximumSeconds }

    /// Checks the levels and times; errors name the parameter and the rule.
    public func validate() throws {
        guard restFlux > 0, plateauFlux > restFlux else {
            throw LDFError("\(parameter: "plateauFlux")", "the plateau \(plateauFlux) PU must exceed the rest flux \(restFlux) PU (> 0)",
                           fix: "give a plateau above the rest flux")
        }
        if hasMaximumStep, !(maximumFlux > plateauFlux) {
            throw LDFError("\(parameter: "maximumFlux")", "the maximum \(maximumFlux) PU must exceed the plateau \(plateauFlux) PU",
                           fix: "give a maximum above the plateau, or no maximum step")
        }
        if shape == .biphasic {
            guard peakFlux > restFlux, nadirFlux < peakFlux, nadirFlux > restFlux, nadirFlux < plateauFlux else {
                throw LDFError("\(parameter: "nadirFlux")", "a biphasic response needs rest < nadir < peak and nadir < plateau "
                               + "(rest \(restFlux), peak \(peakFlux), nadir \(nadirFlux), plateau \(plateauFlux) PU)",
                               fix: "give levels in that order, or a monophasic shape")
            }
            guard 0 < timeToPeakSeconds, timeToPeakSeconds < timeToNadirSeconds, timeToNadirSeconds < timeToPlateauSeconds else {
                throw LDFError("\(parameter: "timeToNadir")", "times from the onset must be ordered peak < nadir < plateau "
                               + "(\(timeToPeakSeconds), \(timeToNadirSeconds), \(timeToPlateauSeconds) s)", fix: "give ordered times")
            }
        }
        guard timeToPlateauSeconds > 0, timeToPlateauSeconds <= heatingSeconds else {
            throw LDFError("\(parameter: "timeToPlateau")", "the plateau at \(timeToPlateauSeconds) s must be reached within the heating (\(heatingSeconds) s)",
                           fix: "give a longer heating or an earlier plateau")
        }
        guard setPointC > startTemperatureC, !hasMaximumStep || maximumSetPointC > setPointC else {
            throw LDFError("\(parameter: "setPoint")", "set-points must rise: start \(startTemperatureC), set-point \(setPointC), maximum \(maximumSetPointC) °C",
                           fix: "give rising temperatures")
        }
    }
}

/// The noiseless curves of a `HeatingSimulation` (the model in its doc comment), times in seconds
/// from the first sample.
struct HeatingModelCurve: Sendable {
    let s: HeatingSimulation

    /// The smooth step c(x) = (1 - cos πx)/2 on [0, 1], 0 before and 1 after.
    static func step(_ x: Double) -> Double {
        x <= 0 ? 0 : x >= 1 ? 1 : (1 - cospi(x)) / 2
    }

    static func cospi(_ x: Double) -> Double { cos(Double.pi * x) }

    /// Flux in PU at `t`.
    func flux(at t: Double) -> Double {
        let tau = t - s.onsetSeconds
        var f: Double
        switch s.shape {
        case .monophasic:
            f = s.restFlux + (s.plateauFlux - s.restFlux) * Self.step(tau / s.timeToPlateauSeconds)
        case .biphasic:
            if tau < s.timeToPeakSeconds {
                f = s.restFlux + (s.peakFlux - s.restFlux) * Self.step(tau / s.timeToPeakSeconds)
            } else if tau < s.timeToNadirSeconds {
                f = s.peakFlux + (s.nadirFlux - s.peakFlux) * Self.step((tau - s.timeToPeakSeconds) / (s.timeToNadirSeconds - s.timeToPeakSeconds))
            } else {
                f = s.nadirFlux + (s.plateauFlux - s.nadirFlux) * Self.step((tau - s.timeToNadirSeconds) / (s.timeToPlateauSeconds - s.timeToNadirSeconds))
            }
        }
        if s.hasMaximumStep {
            f += (s.maximumFlux - s.plateauFlux) * Self.step((tau - s.heatingSeconds) / s.maximumRiseSeconds)
        }
        return f
    }

    /// Probe temperature in °C at `t` (noiseless).
    func temperature(at t: Double) -> Double {
        let tau = t - s.onsetSeconds
        guard tau > 0 else { return s.startTemperatureC }
        var temperature = min(s.setPointC, s.startTemperatureC + s.ramp.cPerSecond * tau)
        if s.hasMaximumStep, tau > s.heatingSeconds {
            temperature = min(s.maximumSetPointC, s.setPointC + s.ramp.cPerSecond * (tau - s.heatingSeconds))
        }
        return temperature
    }

    /// How far the vessels are dilated, 0 at rest and 1 at the maximum (the plateau without a
    /// maximum step), clamped.
    func dilation(at t: Double) -> Double {
        let top = s.hasMaximumStep ? s.maximumFlux : s.plateauFlux
        return min(1, max(0, (flux(at: t) - s.restFlux) / (top - s.restFlux)))
    }
}
