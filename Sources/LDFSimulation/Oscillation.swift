import Foundation

/// One frequency-modulated oscillation of a simulated flowmotion:
/// a * cos(2*pi*f*t + (depth*f/fm) * sin(2*pi*fm*t) + phase), so the instantaneous frequency
/// swings between f*(1 - depth) and f*(1 + depth) at the modulation rate fm.
public struct Oscillation: Sendable, Codable, Equatable {
    /// Name of the band it belongs to (e.g. "myogenic"); informational.
    public var band: String
    /// Centre frequency f, Hz.
    public var frequencyHz: Double
    /// Amplitude a, in perfusion units (the peak deviation from the baseline).
    public var amplitude: Double
    /// Relative frequency deviation (0 = a pure tone), e.g. 0.1 for ±10 %.
    public var modulationDepth: Double
    /// Rate of the frequency modulation fm, Hz (ignored when depth is 0).
    public var modulationHz: Double
    /// Initial phase, radians.
    public var phase: Double

    public init(band: String, frequencyHz: Double, amplitude: Double, modulationDepth: Double = 0,
                modulationHz: Double = 0, phase: Double = 0) {
        self.band = band
        self.frequencyHz = frequencyHz
        self.amplitude = amplitude
        self.modulationDepth = modulationDepth
        self.modulationHz = modulationHz
        self.phase = phase
    }

    /// Value at time `t` seconds.
    public func value(at t: Double) -> Double {
        var angle = 2 * Double.pi * frequencyHz * t + phase
        if modulationDepth > 0 && modulationHz > 0 {
            angle += modulationDepth * frequencyHz / modulationHz * sin(2 * Double.pi * modulationHz * t)
        }
        return amplitude * cos(angle)
    }

    /// Adds the oscillation to `values` sampled at `rate` Hz from t = 0, using a rotating phasor
    /// for pure tones (no `cos` per sample).
    public func add(to values: inout [Double], rate: Double) {
        if modulationDepth > 0 && modulationHz > 0 {
            for i in values.indices { values[i] += value(at: Double(i) / rate) }
            return
        }
        let step = 2 * Double.pi * frequencyHz / rate
        // Re-anchor every 4096 samples so rounding does not accumulate.
        var i = 0
        while i < values.count {
            let end = min(values.count, i + 4096)
            var c = cos(Double(i) * step + phase), s = sin(Double(i) * step + phase)
            let cs = cos(step), ss = sin(step)
            for k in i..<end {
                values[k] += amplitude * c
                let nc = c * cs - s * ss
                s = s * cs + c * ss
                c = nc
            }
            i = end
        }
    }
}
