import LDFCore

/// Configuration of a simulated post-occlusive reactive hyperaemia (PORH) recording with known
/// truth. `generate(seed:)` turns it into a `Recording` and a `PORHTruth`.
///
/// The noiseless model, per occlusion k with pre-occlusion level L (L = `restFluxPU` for the first
/// occlusion, the previous plateau afterwards):
/// - rest: F = L;
/// - occlusion (t_o <= t < t_r): F = BZ + (L - BZ) exp(-(t - t_o)/tau), tau = `fallTimeConstantSeconds`;
/// - rise (t_r <= t < t_r + T_p): F = F(t_r) + (PF - F(t_r)) sin(pi/2 (t - t_r)/T_p), PF = `peakRatio` L;
/// - decay from the peak (Linköping transient, docs/METHODS.md §7.4): F = a exp(-((t - t_peak)/b)^c) + d
///   with d = `plateauRatio` L and a = PF - d.
///
/// The recorded flux is F(t) (1 + flowmotion(t)) + noise: flowmotion is a sum of sines at 0.01,
/// 0.03, 0.1, 0.25 and 1.1 Hz (endothelial, neurogenic, myogenic, respiratory, cardiac) with random
/// phases and total relative amplitude `flowmotionAmplitude`. Vasomotion (all but the cardiac
/// component) is abolished while the vessels are maximally dilated: it is scaled by
/// 1 - (F - L)/(PF - L) above rest, so it is absent at the peak and back in full when flux returns
/// to rest (a modelling choice: maximally dilated vessels do not oscillate). Noise is white
/// Gaussian with standard deviation `noiseLevel` L per sample. Optional artifacts: NaN gaps and
/// motion spikes away from the occlusion edges. Levels are in perfusion units (PU), times in
/// seconds.
///
/// Real occlusion plateaus are not flat: with `plateauSpreadPU`
/// above 0 the occlusion carries extra noise of that SD (first-order autoregressive, 1 s
/// correlation time, fading in over the first 2 tau), and with `plateauDipsPerMinute` sub-second
/// dips and spikes (0.2-0.8 s half sines of 2-5 spreads, at least 3 s from the edges; flux kept
/// at or above 0). `timeOriginSeconds` is the file time of the first sample (e.g. minus the first
/// start when the axis is zeroed at the first loading); every time in the model and the truth's
/// `start_seconds` / `release_seconds` count from the first sample.
public struct PORHSimulation: Sendable, Codable, Equatable {
    /// The site enum shared with LDFPORH and the CLI.
    public typealias Site = TissueSite

    /// One arterial occlusion: cuff inflated at `startSeconds`, released `durationSeconds` later.
    public struct Occlusion: Sendable, Codable, Equatable {
        public var startSeconds: Double
        public var durationSeconds: Double
        public var releaseSeconds: Double { startSeconds + durationSeconds }

        public init(startSeconds: Double, durationSeconds: Double) {
            self.startSeconds = startSeconds
            self.durationSeconds = durationSeconds
        }
    }

    /// Site the presets describe (recorded as metadata; the numbers below are what matter).
    public var site: Site
    /// Sample rate in Hz (default 32, a PeriFlux-class rate).
    public var sampleRateHz: Double
    /// Total duration in seconds.
    public var durationSeconds: Double
    /// Resting flux before the first occlusion, in PU.
    public var restFluxPU: Double
    /// Biological zero: the flux level reached during occlusion, in PU.
    public var biologicalZeroPU: Double
    /// Occlusions, in time order, not overlapping.
    public var occlusions: [Occlusion]
    /// Time constant of the flux fall after cuff inflation, in seconds (default 2).
    public var fallTimeConstantSeconds: Double
    /// Peak flux over the pre-occlusion level, PF / L (default 3).
    public var peakRatio: Double
    /// Time from release to the peak, in seconds (default 8).
    public var timeToPeakSeconds: Double
    /// Time scale b of the stretched-exponential decay from the peak, in seconds (default 25).
    public var decayTimeSeconds: Double
    /// Stretch exponent c of the decay (default 1.2; 1 is a plain exponential).
    public var stretchExponent: Double
    /// Post-occlusive plateau over the pre-occlusion level, d / L (default 0.95; below 1 so the
    /// return to rest flux is a defined crossing).
    public var plateauRatio: Double
    /// Standard deviation of white measurement noise relative to the pre-occlusion level (default 0.03).
    public var noiseLevel: Double
    /// Total relative amplitude of flowmotion and cardiac pulsation (default 0.05).
    public var flowmotionAmplitude: Double
    /// Whether to add a cuff-pressure channel ("Cuff pressure", mmHg).
    public var includesPressureChannel: Bool
    /// Cuff plateau pressure in mmHg (default 200: about 50 mmHg above systolic).
    public var cuffPressureMmHg: Double
    /// Whether to add "Occlusion start" / "Release" event markers.
    public var includesEventMarkers: Bool
    /// Number of NaN gaps (0.3-2 s each) placed at random, at least 10 s from occlusion edges.
    public var gapCount: Int
    /// Number of motion spikes (0.2-0.5 s, up to 4 L) placed like the gaps.
    public var spikeCount: Int
    /// Standard deviation of the extra plateau noise during each occlusion, in PU (default 0).
    public var plateauSpreadPU: Double = 0
    /// Rate of sub-second dips and spikes during each occlusion, per minute (default 0).
    public var plateauDipsPerMinute: Double = 0
    /// Time of the first sample on the file's own axis, in seconds (default 0).
    public var timeOriginSeconds: Double = 0

    public init(site: Site = .other, sampleRateHz: Double = 32, durationSeconds: Double = 600,
                restFluxPU: Double = 50, biologicalZeroPU: Double = 5,
                occlusions: [Occlusion] = [Occlusion(startSeconds: 120, durationSeconds: 180)],
                fallTimeConstantSeconds: Double = 2, peakRatio: Double = 3, timeToPeakSeconds: Double = 8,
                decayTimeSeconds: Double = 25, stretchExponent: Double = 1.2, plateauRatio: Double = 0.95,
                noiseLevel: Double = 0.03, flowmotionAmplitude: Double = 0.05,
                includesPressureChannel: Bool = false, cuffPressureMmHg: Double = 200,
                includesEventMarkers: Bool = false, gapCount: Int = 0, spikeCount: Int = 0) {
        self.site = site
        self.sampleRateHz = sampleRateHz
        self.durationSeconds = durationSeconds
        self.restFluxPU = restFluxPU
        self.biologicalZeroPU = biologicalZeroPU
        self.occlusions = occlusions
        self.fallTimeConstantSeconds = fallTimeConstantSeconds
        self.peakRatio = peakRatio
        self.timeToPeakSeconds = timeToPeakSeconds
        self.decayTimeSeconds = decayTimeSeconds
        self.stretchExponent = stretchExponent
        self.plateauRatio = plateauRatio
        self.noiseLevel = noiseLevel
        self.flowmotionAmplitude = flowmotionAmplitude
        self.includesPressureChannel = includesPressureChannel
        self.cuffPressureMmHg = cuffPressureMmHg
        self.includesEventMarkers = includesEventMarkers
        self.gapCount = gapCount
        self.spikeCount = spikeCount
    }

    /// Rest before the first occlusion, in seconds.
    public var restDurationSeconds: Double { occlusions.first?.startSeconds ?? durationSeconds }

    /// Loading protocol of a finger under an indenter (local-pressure ischaemia) at 2 Hz, drawn
    /// from `seed`: rest 30-65 PU for 60-240 s before the first loading, 4 loadings of 80-120 s
    /// falling to a biological zero of 6-12 PU, recoveries of 80-110 s with a peak 2-4x rest
    /// 10-20 s after unloading and a slow decay (b 35-50 s, c 1.1-1.4), so no clean baseline returns
    /// before the next loading; plateau spread 1 PU with 10 dips or spikes a minute; the time axis
    /// is zeroed at the first loading. The plateau equals rest (d = L), so later loadings keep the
    /// first rest as their rest level, as in the recordings this imitates (Lavigne et al. 2025).
    public static func fingerLoading(seed: UInt64, count: Int = 4) -> PORHSimulation {
        var random = SeededRandom(seed: seed ^ 0x10AD_1DE5)
        func draw(_ range: ClosedRange<Double>) -> Double { range.lowerBound + (range.upperBound - range.lowerBound) * random.uniform() }
        let rest = draw(30...65)
        let occlusions = loadingSchedule(firstStartSeconds: draw(60...240), occlusionSeconds: 80...120,
                                         recoverySeconds: 80...110, count: count, random: &random)
        var sim = PORHSimulation(site: .fingerPad, sampleRateHz: 2,
                                 durationSeconds: (occlusions.last?.releaseSeconds ?? 0) + draw(80...110),
                                 restFluxPU: rest, biologicalZeroPU: draw(6...12), occlusions: occlusions,
                                 fallTimeConstantSeconds: 2, peakRatio: draw(2...4), timeToPeakSeconds: draw(10...20),
                                 decayTimeSeconds: draw(35...50), stretchExponent: draw(1.1...1.4), plateauRatio: 1,
                                 noiseLevel: 0.05, flowmotionAmplitude: 0.05)
        sim.plateauSpreadPU = 1
        sim.plateauDipsPerMinute = 10
        sim.timeOriginSeconds = -(occlusions.first?.startSeconds ?? 0)
        return sim
    }

    /// `count` occlusions with lengths and recoveries drawn uniformly from the ranges; the first
    /// starts at `firstStartSeconds`, each next one when the previous recovery ends (no rest between).
    public static func loadingSchedule(firstStartSeconds: Double, occlusionSeconds: ClosedRange<Double>,
                                       recoverySeconds: ClosedRange<Double>, count: Int,
                                       random: inout SeededRandom) -> [Occlusion] {
        var start = firstStartSeconds
        return (0..<count).map { _ in
            let length = occlusionSeconds.lowerBound + (occlusionSeconds.upperBound - occlusionSeconds.lowerBound) * random.uniform()
            let occlusion = Occlusion(startSeconds: start, durationSeconds: length)
            start += length + recoverySeconds.lowerBound + (recoverySeconds.upperBound - recoverySeconds.lowerBound) * random.uniform()
            return occlusion
        }
    }

    /// `count` occlusions of `occlusionSeconds`, each preceded by `restSeconds` of rest and followed
    /// by `recoverySeconds` (the next occlusion's rest starts after that recovery).
    public static func schedule(restSeconds: Double, occlusionSeconds: Double, recoverySeconds: Double,
                                count: Int = 1) -> [Occlusion] {
        (0..<count).map { k in
            let cycle = occlusionSeconds + recoverySeconds + (k > 0 ? restSeconds : 0)
            let start = restSeconds + Double(k) * cycle
            return Occlusion(startSeconds: start, durationSeconds: occlusionSeconds)
        }
    }

    /// A preset with literature-plausible levels for a site (PeriFlux-class PU, 32 Hz), one
    /// occlusion of the site's usual length after 2 min rest, 5 min recovery.
    ///
    /// Levels follow the ranges reported for healthy adults (e.g. Cracowski et al. 2006, Trends
    /// Pharmacol Sci; Roustit & Cracowski 2012, Microcirculation): glabrous skin (finger pad, hallux,
    /// thenar) has high rest flux and a modest peak ratio; hairy skin (forearm, calf) has low rest
    /// flux, a relatively high biological zero and a large peak ratio.
    public static func site(_ site: Site) -> PORHSimulation {
        func preset(rest: Double, zero: Double, occlusion: Double, ratio: Double, toPeak: Double,
                    decay: Double, stretch: Double) -> PORHSimulation {
            PORHSimulation(site: site, durationSeconds: 120 + occlusion + 300, restFluxPU: rest,
                           biologicalZeroPU: zero,
                           occlusions: schedule(restSeconds: 120, occlusionSeconds: occlusion, recoverySeconds: 300),
                           peakRatio: ratio, timeToPeakSeconds: toPeak, decayTimeSeconds: decay,
                           stretchExponent: stretch)
        }
        switch site {
        case .fingerPad: return preset(rest: 250, zero: 12, occlusion: 180, ratio: 1.8, toPeak: 7, decay: 20, stretch: 1.3)
        case .forearm: return preset(rest: 10, zero: 3, occlusion: 300, ratio: 5, toPeak: 9, decay: 30, stretch: 1.1)
        case .hallux: return preset(rest: 150, zero: 8, occlusion: 180, ratio: 2, toPeak: 9, decay: 25, stretch: 1.2)
        case .calf: return preset(rest: 8, zero: 2.5, occlusion: 300, ratio: 4.5, toPeak: 10, decay: 35, stretch: 1.0)
        case .thenar: return preset(rest: 80, zero: 6, occlusion: 180, ratio: 2.5, toPeak: 8, decay: 22, stretch: 1.2)
        case .other: return preset(rest: 50, zero: 5, occlusion: 180, ratio: 3, toPeak: 8, decay: 25, stretch: 1.2)
        }
    }
}
