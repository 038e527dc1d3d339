import Foundation
import LDFCore

/// Configuration of a simulated capillary-refill recording with known CRT per press
/// (docs/METHODS.md §23.6, §14). `generate(seed:)` turns it into a table at camera-frame times and
/// a `CRTTruth`.
///
/// Frames come at k / `frameRateHz`, each moved by a uniform offset within ± `frameJitter` of a
/// frame interval (the value is computed at the moved time, as a camera's frame stamps are).
/// Press p starts at s_p = `restSeconds` + p (`pressSeconds` + `refillSeconds`) and is released
/// `pressSeconds` later at r_p. The blanching B(t) (0 at rest, the press's depth d_p when fully
/// blanched) rises during a press as d_p - (d_p - B(s_p)) exp(-(t - s_p)/`pressOnsetSeconds`)
/// and after the release falls as B(r_p) exp(-(t - r_p)/CRT_p): an exact exponential refill of time
/// constant CRT_p. The depth d_p is 1, or uniform in [`minimumDepth`, 1] for partial blanching.
///
/// Recorded value: L + D t/60 ± A B(t) + noise, with L = `restLevel`, D = `driftPerMinute`,
/// A = `blanchAmplitude`, + for `falls` (camera intensity: blanching brightens the skin) and - for
/// `rises` (perfusion: blanching empties it), and white Gaussian noise of SD `noiseLevel` A.
public struct CRTSimulation: Sendable, Codable, Equatable {
    /// Which way the signal moves during refill (the analysis's `refill`).
    public enum Direction: String, Sendable, Codable, CaseIterable {
        case falls, rises
    }

    public var frameRateHz = 30.0
    /// Fraction of a frame interval, in [0, 0.5).
    public var frameJitter = 0.0
    /// The CRT of each press, s; its count is the number of presses.
    public var crtSeconds = [1.5, 2.5, 3.5]
    /// Rest before the first press, s.
    public var restSeconds = 5.0
    /// Length of each press, s.
    public var pressSeconds = 5.0
    /// Release to the next press (or to the end), s.
    public var refillSeconds = 20.0
    /// Time constant of blanching at the start of a press, s.
    public var pressOnsetSeconds = 0.15
    public var direction = Direction.falls
    public var restLevel = 100.0
    public var blanchAmplitude = 40.0
    /// Least blanching depth of a press (1: every press blanches fully).
    public var minimumDepth = 1.0
    /// Linear baseline drift, signal units per minute.
    public var driftPerMinute = 0.0
    /// Noise SD as a fraction of `blanchAmplitude`.
    public var noiseLevel = 0.02
    /// Write 'Press' and 'Release' events.
    public var includesEventMarkers = false
    /// Time of the first frame on the file's axis, s.
    public var timeOriginSeconds = 0.0

    public init() {}

    public var durationSeconds: Double { restSeconds + Double(crtSeconds.count) * (pressSeconds + refillSeconds) }

    /// Start and release of press `p` (0-based), s from the first frame.
    public func pressTimes(_ p: Int) -> (start: Double, release: Double) {
        let start = restSeconds + Double(p) * (pressSeconds + refillSeconds)
        return (start, start + pressSeconds)
    }

    /// Checks the configuration; errors name the parameter and the rule.
    public func validate() throws {
        guard frameRateHz >= 5, frameRateHz <= 1000 else {
            throw LDFError("\(parameter: "frameRate") \(frameRateHz)", "must be 5 to 1000 frames per second", fix: "e.g. \(parameter: "frameRate") 30")
        }
        guard frameJitter >= 0, frameJitter < 0.5 else {
            throw LDFError("\(parameter: "frameJitter") \(frameJitter)", "must be in [0, 0.5) of a frame interval", fix: "e.g. \(parameter: "frameJitter") 0.2")
        }
        guard !crtSeconds.isEmpty, crtSeconds.allSatisfy({ $0 >= 0.1 && $0 <= 20 }) else {
            throw LDFError("\(parameter: "crt")", "every CRT must be 0.1 to 20 s (\(crtSeconds.map { MessageNumber.short($0) }.joined(separator: ",")))",
                           fix: "e.g. \(parameter: "crt") 1.5,2.5,3.5")
        }
        let longest = crtSeconds.max()!
        guard refillSeconds >= 4 * longest else {
            throw LDFError("\(parameter: "refillSeconds") \(refillSeconds)", "leaves less than 4 time constants of the longest CRT (\(MessageNumber.short(longest)) s) before the next press",
                           fix: "give \(parameter: "refillSeconds") \(MessageNumber.short(4 * longest)) or more")
        }
        for (value, name) in [(restSeconds, "restSeconds"), (pressSeconds, "pressSeconds"), (blanchAmplitude, "blanchAmplitude")] where !(value > 0 && value.isFinite) {
            throw LDFError("\(parameter: name) \(value)", "must be positive", fix: "e.g. \(parameter: name) 5")
        }
        guard minimumDepth > 0, minimumDepth <= 1 else {
            throw LDFError("\(parameter: "minimumDepth") \(minimumDepth)", "must be in (0, 1]", fix: "e.g. \(parameter: "minimumDepth") 0.6")
        }
        guard noiseLevel >= 0, noiseLevel <= 1, driftPerMinute.isFinite, restLevel.isFinite else {
            throw LDFError("\(parameter: "noise") \(noiseLevel)", "must be 0 to 1 of the blanching amplitude", fix: "e.g. \(parameter: "noise") 0.02")
        }
    }
}
