import Foundation

/// The deterministic test signal of Tests/Fixtures/pymodalib/test_signal.py (keep the two equal):
/// x(t) = 100 + 0.002 t + sum_b A_b sin(2 pi f_b t + (0.05 f_b / m) sin(2 pi m t)) + 2 n(t),
/// one frequency-modulated tone per stefanovska band, n(t) from SplitMix64 + Box-Muller.
enum AgreementSignal {
    static let tones: [(frequencyHz: Double, amplitude: Double)] = [
        (0.007, 3), (0.015, 4), (0.035, 5), (0.10, 6), (0.30, 4), (1.10, 8),
    ]
    static let modulationHz = 0.002

    /// SplitMix64 with Box-Muller (cosine branch, one deviate per two uniforms), as in the script.
    struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

        mutating func gaussian() -> Double {
            let u1 = uniform(), u2 = uniform()
            return (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
    }

    static func samples(durationSeconds: Double, rateHz: Double, seed: UInt64) -> [Double] {
        let count = Int((durationSeconds * rateHz).rounded())
        var random = SplitMix64(state: seed)
        return (0..<count).map { n in
            let t = Double(n) / rateHz
            var x = 100 + 0.002 * t
            for tone in tones {
                let index = 0.05 * tone.frequencyHz / modulationHz
                x += tone.amplitude * sin(2 * Double.pi * tone.frequencyHz * t + index * sin(2 * Double.pi * modulationHz * t))
            }
            return x + 2 * random.gaussian()
        }
    }
}
