import ArgumentParser
import LDFCore
import LDFSpectral

/// The documented valid range of a numeric option: shown at the end of its help ("valid 0.1 to
/// 20") and checked in `validate()`, so a value outside it (or NaN) is a usage error (status 64)
/// naming the option, never a trap, a huge allocation or a run of minutes.
struct OptionRange<Value: Comparable & Sendable>: Sendable {
    /// The option as typed, e.g. "--f0".
    var option: String
    var lower: Value
    var upper: Value
    /// Unit for messages and help ("Hz", "s"); empty when the value has none.
    var unit: String
    /// Why the bounds are what they are, for the message (optional).
    var reason: String?

    init(_ option: String, _ lower: Value, _ upper: Value, unit: String = "", reason: String? = nil) {
        self.option = option
        self.lower = lower
        self.upper = upper
        self.unit = unit
        self.reason = reason
    }

    /// The same range for another option that shares it.
    func named(_ option: String) -> OptionRange {
        var copy = self
        copy.option = option
        return copy
    }

    /// The help suffix: " (valid LO to HI UNIT)".
    var help: String { " (valid \(Self.text(lower)) to \(Self.text(upper))\(unit.isEmpty ? "" : " " + unit))" }

    /// Throws a `ValidationError` when `value` is given and not within the range.
    func check(_ value: Value?) throws {
        guard let value else { return }
        guard lower <= value && value <= upper else {
            throw ValidationError("\(option) \(Self.text(value)): must be from \(Self.text(lower)) to \(Self.text(upper))"
                                  + (unit.isEmpty ? "" : " " + unit) + (reason.map { " (\($0))" } ?? ""))
        }
    }

    static func text(_ value: Value) -> String {
        if let value = value as? Double {
            if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
            return "\(value)"
        }
        return "\(value)"
    }
}

/// Every numeric option's range, one place for the help texts and the checks.
enum OptionRanges {
    // Input and assembly.
    static let rate = OptionRange<Double>("--rate", AssemblyOptions.rateRangeHz.lowerBound, AssemblyOptions.rateRangeHz.upperBound, unit: "Hz")
    static let maxBridge = OptionRange<Double>("--max-bridge", 0, 3600, unit: "s")

    // Spectral analysis (bands, spectrum, stream, study).
    static let f0 = OptionRange<Double>("--f0", 0.1, 20)
    /// With `--transform wft`, f0 is the Gaussian window's SD in seconds (MODA's default 1 / fmin).
    static let windowF0 = OptionRange<Double>("--f0", 0.001, 100_000, unit: "s")
    static let voices = OptionRange<Int>("--voices", 1, 128, unit: "per octave")
    static let fmin = OptionRange<Double>("--fmin", 0.0001, 10_000, unit: "Hz")
    static let fmax = OptionRange<Double>("--fmax", 0.0001, 10_000, unit: "Hz")
    static let welchSegment = OptionRange<Double>("--welch-segment", 0.01, 10_000_000, unit: "s")
    static let welchOverlap = OptionRange<Double>("--welch-overlap", 0, 0.95)
    static let hampelWindow = OptionRange<Double>("--hampel-window", 0.01, 3600, unit: "s")
    static let hampelThreshold = OptionRange<Double>("--hampel-threshold", 0.5, 100, unit: "scaled MADs")
    static let hampelWiden = OptionRange<Int>("--hampel-widen", 0, 1000, unit: "samples")
    /// The band validity rule's least in-cone share (`BandValidityRule.minimumValidFraction`).
    static let minValid = OptionRange<Double>("--min-valid", 0, 1)
    static let scalogramStep = OptionRange<Double>("--scalogram-step", 0.001, 86_400, unit: "s")

    // PORH.
    static let restWindow = OptionRange<Double>("--rest-window", 1, 3600, unit: "s")
    static let bzWindow = OptionRange<Double>("--bz-window", 1, 3600, unit: "s")
    static let smoothing = OptionRange<Double>("--smoothing", 0.01, 600, unit: "s")
    static let returnSmoothing = OptionRange<Double>("--return-smoothing", 0.01, 600, unit: "s")
    static let plateauWindow = OptionRange<Double>("--plateau-window", 0.1, 3600, unit: "s")
    static let peakSearch = OptionRange<Double>("--peak-search", 1, 3600, unit: "s")
    static let minOcclusion = OptionRange<Double>("--min-occlusion", 1, 3600, unit: "s")
    static let map = OptionRange<Double>("--map", 10, 300, unit: "mmHg")
    static let cvcMax = OptionRange<Double>("--cvc-max", 0.0001, 100_000, unit: "flux/mmHg")

    /// `--cvc-max` in its range and only with `--map`: %CVCmax compares CVC = flux / MAP with it.
    static func checkCVCMax(_ cvcMax: Double?, map: Double?) throws {
        try Self.cvcMax.check(cvcMax)
        if cvcMax != nil && map == nil {
            throw ValidationError("--cvc-max needs --map MMHG: %CVCmax compares CVC = flux / MAP with the maximal CVC")
        }
    }

    // Coherence, surrogates, coupling.
    static let windowCycles = OptionRange<Double>("--window-cycles", 1, 1000, unit: "cycles")
    static let surrogates = OptionRange<Int>("--surrogates", 0, 10_000)
    static let significance = OptionRange<Double>("--significance", 0.5, 0.999)
    static let iaaftIterations = OptionRange<Int>("--iaaft-iterations", 1, 100_000)
    static let couplingWindow = OptionRange<Double>("--window", 1, 1_000_000, unit: "s")
    static let couplingStep = OptionRange<Double>("--step", 0.01, 1_000_000, unit: "s")
    static let propagation = OptionRange<Double>("--propagation", 0, 1)
    static let order = OptionRange<Int>("--order", 1, 10)

    // Harmonic finder.
    static let harmonicsFmin = OptionRange<Double>("--fmin", 0.001, 10_000, unit: "Hz")
    static let scaleRatio = OptionRange<Double>("--scale-ratio", HarmonicFinderSettings.scaleRatioRange.lowerBound,
                                                HarmonicFinderSettings.scaleRatioRange.upperBound)
    static let timeResolution = OptionRange<Double>("--time-resolution", 0.001, 10, unit: "s")
    static let phaseBins = OptionRange<Int>("--bins", HarmonicFinderSettings.binRange.lowerBound, HarmonicFinderSettings.binRange.upperBound)

    // Stream.
    static let streamWindow = OptionRange<Double>("--window", 10, 86_400, unit: "s")
    static let hop = OptionRange<Double>("--hop", 0.1, 86_400, unit: "s")
    static let artifactThreshold = OptionRange<Double>("--artifact-threshold", 0, 1)
    static let porhRecovery = OptionRange<Double>("--porh-recovery", 10, 3600, unit: "s")
    static let porhBuffer = OptionRange<Double>("--porh-buffer", 60, 86_400, unit: "s")
    /// Most samples one stream window may hold (window x rate): 20 million, 160 MB of doubles.
    static let streamWindowSamples = 20_000_000.0

    // Study.
    static let jobs = OptionRange<Int>("--jobs", 1, 1024)
    static let coherencePercentile = OptionRange<Double>("--coherence-percentile", 50, 99.9, unit: "%")

    // Simulation.
    static let jitter = OptionRange<Double>("--jitter", 0, 0.49, unit: "of a sampling interval")
    static let dropped = OptionRange<Int>("--dropped", 0, 10_000_000, reason: "and at most a tenth of the samples")
    static let gaps = OptionRange<Int>("--gaps", 0, 1000)
    static let gapSeconds = OptionRange<Double>("--gap-seconds", 0.01, 86_400, unit: "s")
    static let sentinels = OptionRange<Int>("--sentinels", 0, 10_000_000, reason: "and at most a tenth of the samples")
    static let motion = OptionRange<Int>("--motion", 0, 10_000, reason: "and at most one per 10 s of recording")
    static let simulationRate = OptionRange<Double>("--rate", 0.1, 20_000, unit: "Hz")
    static let duration = OptionRange<Double>("--duration", 1, 604_800, unit: "s", reason: "up to a week")
    /// Most samples a simulation may write (duration x rate): 50 million.
    static let simulationSamples = 50_000_000.0
    static let baseline = OptionRange<Double>("--baseline", 0, 100_000, unit: "PU")
    static let pinkNoise = OptionRange<Double>("--pink-noise", 0, 10_000, unit: "PU")
    static let whiteNoise = OptionRange<Double>("--white-noise", 0, 10_000, unit: "PU")
    static let occlusions = OptionRange<Int>("--occlusions", 1, 100)
    static let occlusionSeconds = OptionRange<Double>("--occlusion-seconds", 1, 3600, unit: "s")
    static let restSeconds = OptionRange<Double>("--rest-seconds", 1, 86_400, unit: "s")
    static let recoverySeconds = OptionRange<Double>("--recovery-seconds", 1, 86_400, unit: "s")
    static let restFlux = OptionRange<Double>("--rest-flux", 0.01, 100_000, unit: "PU")
    static let biologicalZero = OptionRange<Double>("--biological-zero", 0, 100_000, unit: "PU")
    static let bzFraction = OptionRange<Double>("--bz-fraction", 0, 0.99)
    static let plateauSpread = OptionRange<Double>("--plateau-spread", 0, 10_000, unit: "PU")
    static let plateauDips = OptionRange<Double>("--plateau-dips", 0, 600, unit: "per minute")
    static let peakRatio = OptionRange<Double>("--peak-ratio", 1.05, 100, reason: "a hyperaemia peak above rest")
    static let timeToPeak = OptionRange<Double>("--time-to-peak", 0.1, 3600, unit: "s")
    static let noise = OptionRange<Double>("--noise", 0, 1)
    static let flowmotion = OptionRange<Double>("--flowmotion", 0, 1)
    /// Stages and times of `simulate heating` (the option is named at each use).
    static let heatingStage = OptionRange<Double>("--heating-seconds", 1, 86_400, unit: "s")
    static let maximumStage = OptionRange<Double>("--maximum-seconds", 0, 86_400, unit: "s")
    static let probeTemperature = OptionRange<Double>("--set-point", 20, 50, unit: "°C")

    // Local heating.
    /// A time on the file's axis (`--onset`, `--maximum-step`): within a year either side of 0.
    static let fileTime = OptionRange<Double>("--onset", -31_536_000, 31_536_000, unit: "s")
    static let baselineWindow = OptionRange<Double>("--baseline-window", 1, 3600, unit: "s")
    static let heatingPeakSearch = OptionRange<Double>("--peak-search", 1, 7200, unit: "s")
    static let heatingPlateauWindow = OptionRange<Double>("--plateau-window", 1, 7200, unit: "s")
    static let maximumWindow = OptionRange<Double>("--maximum-window", 1, 7200, unit: "s")
    static let heatingSmoothing = OptionRange<Double>("--smoothing", 0.1, 600, unit: "s")
    static let biphasicDrop = OptionRange<Double>("--biphasic-drop", 0.01, 0.9)

    // Iontophoresis.
    static let iontophoresisCurrent = OptionRange<Double>("--current", 0.001, 10, unit: "mA")
    static let thresholdSD = OptionRange<Double>("--threshold-sd", 0, 20)
    static let sustain = OptionRange<Double>("--sustain", 0.1, 600, unit: "s")
    /// Pulses, gaps, rises and falls of `simulate iontophoresis` (the option is named at each use).
    static let iontophoresisStage = OptionRange<Double>("--pulse-seconds", 1, 3600, unit: "s")
    static let iontophoresisLatency = OptionRange<Double>("--latency-seconds", 0, 3600, unit: "s")
    /// Most plateaus (doses) `simulate iontophoresis` takes.
    static let iontophoresisDoses = 50
}
