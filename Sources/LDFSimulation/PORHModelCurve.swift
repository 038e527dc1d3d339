import Foundation

/// The noiseless PORH flux curve of a `PORHSimulation` (see its documentation for the formulas),
/// with per-occlusion levels resolved once.
struct PORHModelCurve: Sendable {
    struct Segment: Sendable {
        var start: Double
        var release: Double
        /// Pre-occlusion level L.
        var restLevel: Double
        /// Model value at cuff inflation (L when the previous recovery had settled).
        var levelAtStart: Double
        var levelAtRelease: Double
        var peak: Double
        var plateau: Double
        var peakTime: Double { release + timeToPeak }
        var timeToPeak: Double
    }

    let segments: [Segment]
    let restFlux: Double
    let biologicalZero: Double
    let fallTimeConstant: Double
    let decayTime: Double
    let stretch: Double

    init(_ sim: PORHSimulation) {
        restFlux = sim.restFluxPU
        biologicalZero = sim.biologicalZeroPU
        fallTimeConstant = sim.fallTimeConstantSeconds
        decayTime = sim.decayTimeSeconds
        stretch = sim.stretchExponent
        var built: [Segment] = []
        for occlusion in sim.occlusions.sorted(by: { $0.startSeconds < $1.startSeconds }) {
            let rest = built.last?.plateau ?? sim.restFluxPU
            let partial = PORHModelCurve(segments: built, restFlux: restFlux, biologicalZero: biologicalZero,
                                         fallTimeConstant: fallTimeConstant, decayTime: decayTime, stretch: stretch)
            let atStart = partial.value(at: occlusion.startSeconds)
            let atRelease = biologicalZero + (atStart - biologicalZero)
                * exp(-occlusion.durationSeconds / fallTimeConstant)
            built.append(Segment(start: occlusion.startSeconds, release: occlusion.releaseSeconds,
                                 restLevel: rest, levelAtStart: atStart, levelAtRelease: atRelease,
                                 peak: sim.peakRatio * rest, plateau: sim.plateauRatio * rest,
                                 timeToPeak: sim.timeToPeakSeconds))
        }
        segments = built
    }

    private init(segments: [Segment], restFlux: Double, biologicalZero: Double, fallTimeConstant: Double,
                 decayTime: Double, stretch: Double) {
        self.segments = segments
        self.restFlux = restFlux
        self.biologicalZero = biologicalZero
        self.fallTimeConstant = fallTimeConstant
        self.decayTime = decayTime
        self.stretch = stretch
    }

    /// The segment in force at time `t` (the last occlusion started at or before t), if any.
    func segment(at t: Double) -> Segment? { segments.last { $0.start <= t } }

    /// Pre-occlusion level in force at `t` (scales noise and flowmotion).
    func restLevel(at t: Double) -> Double { segment(at: t)?.restLevel ?? restFlux }

    /// Noiseless flux at time `t` in seconds.
    func value(at t: Double) -> Double {
        guard let s = segment(at: t) else { return restFlux }
        if t < s.release {
            return biologicalZero + (s.levelAtStart - biologicalZero) * exp(-(t - s.start) / fallTimeConstant)
        }
        if t < s.peakTime {
            return s.levelAtRelease + (s.peak - s.levelAtRelease) * sin(.pi / 2 * (t - s.release) / s.timeToPeak)
        }
        return s.plateau + (s.peak - s.plateau) * exp(-pow((t - s.peakTime) / decayTime, stretch))
    }

    /// Scale of vasomotion at `t`: 1 at or below the pre-occlusion level, falling linearly to 0 at
    /// the peak.
    func vasomotionWeight(at t: Double) -> Double {
        guard let s = segment(at: t), t >= s.release else { return 1 }
        let excess = (value(at: t) - s.restLevel) / (s.peak - s.restLevel)
        return 1 - min(max(excess, 0), 1)
    }

    /// Time from the peak until the decay falls to plateau + fraction (peak - plateau).
    func recoveryTime(fraction: Double) -> Double {
        decayTime * pow(log(1 / fraction), 1 / stretch)
    }

    /// Composite Simpson integral of `f` over [a, b] with steps of at most `step` seconds.
    static func integrate(from a: Double, to b: Double, step: Double = 0.001, _ f: (Double) -> Double) -> Double {
        guard b > a else { return 0 }
        var n = max(2, Int(((b - a) / step).rounded(.up)))
        if n % 2 == 1 { n += 1 }
        let h = (b - a) / Double(n)
        var sum = f(a) + f(b)
        for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h) }
        return sum * h / 3
    }
}
