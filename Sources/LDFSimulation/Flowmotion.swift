import Foundation
import LDFCore

/// The flowmotion the flux simulators (PORH, local heating, iontophoresis) put on their model
/// curves: five rhythms with fixed shares of a total relative amplitude and random phases, the
/// vasomotor ones (below 1 Hz) scalable by how far the vessels are dilated (docs/METHODS.md §14).
struct Flowmotion {
    /// Rhythms (frequency in Hz, share of the amplitude): endothelial, neurogenic, myogenic,
    /// respiratory, cardiac.
    static let rhythms: [(frequencyHz: Double, share: Double)] = [
        (0.01, 0.3), (0.03, 0.25), (0.1, 0.2), (0.25, 0.1), (1.1, 0.15),
    ]

    /// Below this frequency a rhythm is vasomotor (the cardiac one at 1.1 Hz is not), Hz.
    static let vasomotorLimitHz = 1.0

    private let terms: [(omega: Double, amplitude: Double, vasomotor: Bool, phase: Double)]

    /// The rhythms below 0.4 × the sample rate, each with `amplitude` × its share (relative to the
    /// curve) and a phase drawn from `random`, one draw per rhythm in frequency order.
    init(amplitude: Double, sampleRateHz: Double, random: inout SeededRandom) {
        var terms: [(omega: Double, amplitude: Double, vasomotor: Bool, phase: Double)] = []
        for r in Self.rhythms where r.frequencyHz < 0.4 * sampleRateHz {
            terms.append((2 * Double.pi * r.frequencyHz, amplitude * r.share, r.frequencyHz < Self.vasomotorLimitHz, 2 * Double.pi * random.uniform()))
        }
        self.terms = terms
    }

    /// The relative modulation at `t` seconds: Σ a·w·sin(ωt + φ), w = `vasomotorWeight` for the
    /// vasomotor rhythms (0 while fully dilated, 1 at rest) and 1 for the cardiac one.
    func relative(at t: Double, vasomotorWeight: Double) -> Double {
        var motion = 0.0
        for c in terms { motion += c.amplitude * (c.vasomotor ? vasomotorWeight : 1) * sin(c.omega * t + c.phase) }
        return motion
    }
}
