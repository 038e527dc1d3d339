import Foundation
import LDFCore

/// A seeded resting-flowmotion recording with known content: a baseline level, one
/// frequency-modulated oscillation per band, 1/f and white noise, and optional extra channels.
///
/// Defaults give a 30-minute, 32 Hz recording at 100 PU with an oscillation in every band of the
/// `stefanovska` preset (docs/METHODS.md §2), amplitudes decreasing with frequency as in skin LDF.
public struct RestingSimulation: Sendable, Codable, Equatable {
    public var sampleRateHz: Double
    public var durationSeconds: Double
    /// Mean perfusion level, PU.
    public var baseline: Double
    public var oscillations: [Oscillation]
    /// Standard deviation of the 1/f noise, PU.
    public var pinkNoiseSD: Double
    /// Standard deviation of the white noise, PU.
    public var whiteNoiseSD: Double
    /// Adds a skin-temperature channel (°C): 32 °C with a slow drift and 0.02 °C noise.
    public var temperatureChannel: Bool

    public static let defaultOscillations: [Oscillation] = [
        Oscillation(band: "endothelial_no_independent", frequencyHz: 0.007, amplitude: 8, modulationDepth: 0.05, modulationHz: 0.0007),
        Oscillation(band: "endothelial", frequencyHz: 0.015, amplitude: 7, modulationDepth: 0.1, modulationHz: 0.0011),
        Oscillation(band: "neurogenic", frequencyHz: 0.035, amplitude: 6, modulationDepth: 0.1, modulationHz: 0.0023),
        Oscillation(band: "myogenic", frequencyHz: 0.1, amplitude: 5, modulationDepth: 0.1, modulationHz: 0.005),
        Oscillation(band: "respiratory", frequencyHz: 0.25, amplitude: 3, modulationDepth: 0.1, modulationHz: 0.01),
        Oscillation(band: "cardiac", frequencyHz: 1.1, amplitude: 4, modulationDepth: 0.05, modulationHz: 0.02),
    ]

    public init(sampleRateHz: Double = 32, durationSeconds: Double = 1800, baseline: Double = 100,
                oscillations: [Oscillation] = RestingSimulation.defaultOscillations,
                pinkNoiseSD: Double = 2, whiteNoiseSD: Double = 1, temperatureChannel: Bool = false) {
        self.sampleRateHz = sampleRateHz
        self.durationSeconds = durationSeconds
        self.baseline = baseline
        self.oscillations = oscillations
        self.pinkNoiseSD = pinkNoiseSD
        self.whiteNoiseSD = whiteNoiseSD
        self.temperatureChannel = temperatureChannel
    }

    /// Checks the configuration; errors name the option.
    public func validate() throws {
        guard sampleRateHz > 0, sampleRateHz.isFinite else {
            throw LDFError("\(parameter: "rate")", "\(sampleRateHz) Hz is not a positive rate", fix: "e.g. \(parameter: "rate") 32")
        }
        guard durationSeconds * sampleRateHz >= 2, durationSeconds.isFinite else {
            throw LDFError("\(parameter: "duration")", "\(durationSeconds) s gives fewer than 2 samples", fix: "e.g. \(parameter: "duration") 1800")
        }
        guard pinkNoiseSD >= 0, whiteNoiseSD >= 0 else {
            throw LDFError("\(parameter: "noise")", "noise levels must be zero or positive", fix: "e.g. \(parameter: "whiteNoise") 1")
        }
        for o in oscillations where o.frequencyHz >= sampleRateHz / 2 || o.frequencyHz <= 0 {
            throw LDFError("\(parameter: "rate")", "the \(o.band) oscillation at \(o.frequencyHz) Hz is not below Nyquist (\(sampleRateHz / 2) Hz)",
                           fix: "raise \(parameter: "rate") or drop that oscillation")
        }
    }

    /// Number of samples, duration × rate rounded to the nearest whole sample.
    public var sampleCount: Int { Int((durationSeconds * sampleRateHz).rounded()) }

    /// The clean uniform recording; its truth is this configuration (oscillation amplitudes and
    /// frequencies, baseline, noise levels) with the seed.
    public func generate(seed: UInt64) throws -> Recording {
        try validate()
        var random = SeededRandom(seed: seed)
        let n = sampleCount
        var flux = [Double](repeating: baseline, count: n)
        for o in oscillations { o.add(to: &flux, rate: sampleRateHz) }
        let pink = ColouredNoise.pink(count: n, sd: pinkNoiseSD, random: &random)
        let white = ColouredNoise.white(count: n, sd: whiteNoiseSD, random: &random)
        for i in 0..<n { flux[i] += pink[i] + white[i] }
        var channels = [Channel(name: "flux", unit: "PU", kind: .perfusion, values: flux)]
        if temperatureChannel {
            let drift = (0..<n).map { 32 + 0.5 * sin(2 * Double.pi * Double($0) / Double(n)) + 0.02 * random.gaussian() }
            channels.append(Channel(name: "temperature", unit: "°C", kind: .temperature, values: drift))
        }
        return Recording(channels: channels, sampleRateHz: sampleRateHz, events: [],
                         provenance: Provenance(source: "simulate:rest", reader: "simulator"))
    }
}
