import Foundation
import LDFCore

/// Configuration of a simulated iontophoresis recording with known truth (docs/METHODS.md §21.6):
/// two probes, one delivering a drug (ACh or SNP) and one the vehicle, under the same current
/// pulses. `generate(seed:)` turns it into a `Recording` and an `IontophoresisTruth`.
///
/// Pulse i (0-based) starts at s_i = `restSeconds` + i (`pulseSeconds` + `gapSeconds`) and lasts
/// `pulseSeconds` at `currentMilliamps` (charge current × duration, mC). A probe's noiseless flux
/// with rest B and cumulative plateaus L_1 < ... < L_n (L_0 = B), with the smooth step
/// c(x) = (1 - cos πx)/2 on [0, 1]:
///
///     F(t) = B + Σ_i (L_i - L_{i-1}) c((t - s_i - latency)/rise) - (L_n - B) c((t - T)/fall)
///
/// where T = s_n + pulse + gap ends the last dose and `fallSeconds` brings the flux back to rest.
/// Each dose reaches its plateau `latencySeconds` + `riseSeconds` after its pulse starts, so the
/// flux is flat over the last part of every gap; halfway is reached at latency + rise/2.
/// With `dipsAtPulses`, the flux dips by `dipDepth` (a sin² bump of `dipSeconds`) at every pulse
/// start (probe contact disturbed as the current comes on). Recorded flux: F (1 + flowmotion) +
/// white noise of SD `noiseLevel` F; flowmotion is the PORH simulator's sum of sines with total
/// relative amplitude `flowmotionAmplitude`, its vasomotion (< 1 Hz) damped as the drug probe
/// dilates (scaled by 1 - (F - B)/(L_n - B)). Levels in PU, times in s.
public struct IontophoresisSimulation: Sendable, Codable, Equatable {
    /// The drug of the first probe.
    public enum Drug: String, Sendable, Codable, CaseIterable {
        case ach, snp

        /// The probe's channel name.
        public var channelName: String { self == .ach ? "ACh" : "SNP" }
    }

    public var sampleRateHz = 32.0
    public var drug = Drug.ach
    /// Rest before the first pulse, s.
    public var restSeconds = 300.0
    public var pulseSeconds = 20.0
    /// Current-free gap after each pulse, s.
    public var gapSeconds = 60.0
    public var currentMilliamps = 0.1
    /// Drug probe: rest and the plateau after each dose, PU (cumulative: rising).
    public var restFlux = 10.0
    public var plateaus = [16.0, 25.0, 38.0, 52.0, 60.0]
    /// Vehicle probe: rest and plateaus, PU (the current's smaller response).
    public var vehicleRestFlux = 9.0
    public var vehiclePlateaus = [9.5, 10.0, 10.6, 11.2, 11.8]
    /// Pulse start to the start of the rise, and the rise's length, s.
    public var latencySeconds = 10.0
    public var riseSeconds = 40.0
    /// Return to rest after the last dose, then rest to the end, s.
    public var fallSeconds = 120.0
    public var tailSeconds = 120.0
    public var dipsAtPulses = false
    public var dipDepth = 0.3
    public var dipSeconds = 4.0
    public var noiseLevel = 0.03
    public var flowmotionAmplitude = 0.02
    /// Adds "Pulse N on" / "Pulse N off" events at every pulse.
    public var includesEventMarkers = false

    public init() {}

    public var pulseCount: Int { plateaus.count }
    /// Start of pulse i (0-based), s.
    public func pulseStart(_ i: Int) -> Double { restSeconds + Double(i) * (pulseSeconds + gapSeconds) }
    /// End of the last dose's interval (its gap), s.
    public var lastDoseEndSeconds: Double { pulseStart(pulseCount - 1) + pulseSeconds + gapSeconds }
    public var durationSeconds: Double { lastDoseEndSeconds + fallSeconds + tailSeconds }

    /// Checks the levels and times; errors name the parameter and the rule.
    public func validate() throws {
        guard !plateaus.isEmpty, plateaus.count == vehiclePlateaus.count else {
            throw LDFError("\(parameter: "vehiclePlateaus")", "\(vehiclePlateaus.count) vehicle plateaus for \(plateaus.count) drug plateaus",
                           fix: "give one plateau per pulse for both probes")
        }
        for (rest, levels, name) in [(restFlux, plateaus, "plateaus"), (vehicleRestFlux, vehiclePlateaus, "vehiclePlateaus")] {
            guard rest > 0, zip([rest] + levels, levels).allSatisfy({ $0 < $1 }) else {
                throw LDFError("\(parameter: name)", "plateaus must rise from the rest flux \(rest) PU (> 0): \(levels.map(MessageNumber.short).joined(separator: ","))",
                               fix: "give rising plateaus above the rest flux")
            }
        }
        guard latencySeconds >= 0, riseSeconds > 0, latencySeconds + riseSeconds <= pulseSeconds + gapSeconds else {
            throw LDFError("\(parameter: "riseSeconds")", "latency \(latencySeconds) s + rise \(riseSeconds) s must fit in pulse + gap (\(pulseSeconds + gapSeconds) s)",
                           fix: "shorten the rise or lengthen the gap")
        }
        guard restSeconds >= 10 else {
            throw LDFError("\(parameter: "restSeconds") \(restSeconds)", "the rest before the first pulse must last at least 10 s", fix: "give a longer rest")
        }
        guard pulseSeconds > 0, gapSeconds > 0, fallSeconds > 0, tailSeconds >= 0 else {
            throw LDFError("\(parameter: "offSeconds")", "pulses, current-free gaps and the fall must last (> 0 s)", fix: "give positive lengths")
        }
        guard dipDepth >= 0, dipDepth < 1, dipSeconds > 0, dipSeconds <= latencySeconds || !dipsAtPulses else {
            throw LDFError("\(parameter: "dips")", "a dip (depth \(dipDepth), \(dipSeconds) s) must be shallower than the flux and end before the rise (latency \(latencySeconds) s)",
                           fix: "give a depth below 1 and a dip no longer than the latency")
        }
    }
}

/// The noiseless flux of one probe of an `IontophoresisSimulation` (the model in its doc comment).
struct IontophoresisModelCurve: Sendable {
    let s: IontophoresisSimulation
    let rest: Double
    let plateaus: [Double]

    static func step(_ x: Double) -> Double { x <= 0 ? 0 : x >= 1 ? 1 : (1 - cos(Double.pi * x)) / 2 }

    /// Flux in PU at `t` s from the first sample.
    func flux(at t: Double) -> Double {
        var f = rest
        var previous = rest
        for (i, level) in plateaus.enumerated() {
            f += (level - previous) * Self.step((t - s.pulseStart(i) - s.latencySeconds) / s.riseSeconds)
            previous = level
        }
        f -= (previous - rest) * Self.step((t - s.lastDoseEndSeconds) / s.fallSeconds)
        return f * (1 - dip(at: t))
    }

    /// Relative depth of the pulse-onset dip at `t` (0 without dips).
    func dip(at t: Double) -> Double {
        guard s.dipsAtPulses else { return 0 }
        for i in 0..<s.pulseCount {
            let x = (t - s.pulseStart(i)) / s.dipSeconds
            if x > 0, x < 1 { let b = sin(Double.pi * x); return s.dipDepth * b * b }
        }
        return 0
    }

    /// How far the vessels are dilated, 0 at rest, 1 at the last plateau.
    func dilation(at t: Double) -> Double {
        min(1, max(0, (flux(at: t) - rest) / (plateaus.last! - rest)))
    }
}
