import Foundation
import LDFCore
import LDFSpectral

/// Every choice of a coupling analysis (`ldf coupling`), validated before any file is read.
public struct CouplingSettings: Sendable, Equatable {
    /// The frequency band of the first and of the second oscillator.
    public var band1: Band
    public var band2: Band
    /// Window in seconds; nil: MODA's 10 x the longest period, 10 / (lowest band edge).
    public var windowSeconds: Double?
    /// Step between windows in seconds; nil: the window (MODA's overlap 1, no overlap).
    public var stepSeconds: Double?
    /// Propagation constant (MODA's default 0.2).
    public var propagationConstant: Double
    /// Fourier order of the base functions (MODA's default 2).
    public var order: Int
    /// The surrogate test (CPP only); nil for none.
    public var surrogates: SurrogateOptions?
    /// Hampel filter applied before band-pass filtering; nil for none.
    public var hampel: HampelOptions?

    public init(band1: Band, band2: Band, windowSeconds: Double? = nil, stepSeconds: Double? = nil, propagationConstant: Double = 0.2,
                order: Int = 2, surrogates: SurrogateOptions? = nil, hampel: HampelOptions? = nil) {
        self.band1 = band1
        self.band2 = band2
        self.windowSeconds = windowSeconds
        self.stepSeconds = stepSeconds
        self.propagationConstant = propagationConstant
        self.order = order
        self.surrogates = surrogates
        self.hampel = hampel
    }

    /// The window used: the given one, or 10 / (lowest edge of the two bands).
    public var resolvedWindowSeconds: Double { windowSeconds ?? 10 / min(band1.lowHz, band2.lowHz) }
    public var resolvedStepSeconds: Double { stepSeconds ?? resolvedWindowSeconds }

    /// Checks what can be checked without a recording; errors name the CLI option.
    public func validate() throws {
        for band in [band1, band2] where !(band.lowHz > 0 && band.lowHz < band.highHz && band.highHz.isFinite) {
            throw LDFError("\(parameter: "bands")", "band \(band.name) \(band.lowHz)–\(band.highHz) Hz is not 0 < low < high", fix: "e.g. \(parameter: "bands") 0.145-0.6,0.6-2")
        }
        if let w = windowSeconds, !(w > 0 && w.isFinite) {
            throw LDFError("\(parameter: "window")", "\(w) s must be positive", fix: "omit it for MODA's 10 x the longest period")
        }
        if let s = stepSeconds, !(s > 0 && s.isFinite) {
            throw LDFError("\(parameter: "step")", "\(s) s must be positive", fix: "omit it to step by the window (no overlap)")
        }
        guard propagationConstant >= 0 && propagationConstant.isFinite else {
            throw LDFError("\(parameter: "propagation")", "\(propagationConstant) must be zero or positive", fix: "use MODA's default 0.2")
        }
        guard (1...4).contains(order) else {
            throw LDFError("\(parameter: "order")", "Fourier order \(order) is outside 1...4", fix: "use MODA's default 2")
        }
        if let surrogates {
            try surrogates.validate()
            guard surrogates.kind == .cyclePhasePermutation else {
                throw LDFError("\(parameter: "surrogateType")", "coupling is tested against cycle-permuted phases (cpp, as MODA); '\(surrogates.kind.rawValue)' makes surrogate signals",
                               fix: "omit \(parameter: "surrogateType") or use cpp")
            }
        }
        try hampel?.validate()
    }
}

/// One window's couplings, with the surrogate thresholds when a test was made.
public struct CouplingWindow: Sendable, Equatable {
    /// Window centre in seconds from the first analysed sample.
    public var timeSeconds: Double
    public var strength: CouplingStrength
    public var threshold2to1: Double?
    public var threshold1to2: Double?
    /// Loops the window's inference needed (at most 500).
    public var loops: Int
}

/// Dynamical Bayesian inference of the phase coupling between two oscillations (MODA's Bayesian
/// window): each signal is band-pass filtered to its band (`MODABandPass`), its phase taken from
/// the analytic signal, the coupled-phase model inferred window by window
/// (`BayesianPhaseInference`) and the net coupling strengths in both directions computed
/// (`CouplingStrength`), optionally against cycle-permuted (CPP) surrogate phases.
public struct CouplingAnalysis: Sendable {
    public var first: CoherenceSignal.Identity
    public var second: CoherenceSignal.Identity
    public var sampleRateHz: Double
    public var startSeconds: Double
    public var analysedSeconds: Double
    public var windowSeconds: Double
    public var stepSeconds: Double
    /// MODA's chosen Butterworth prototype orders of the two band-pass filters.
    public var filterOrders: [Int]
    public var windows: [CouplingWindow]
    public var surrogateOptions: SurrogateOptions?
    public var diagnostics: [Diagnostic]

    /// Couples band 1 of `a` with band 2 of `b` (nil: both bands of `a`).
    /// - Throws: `LDFError` for invalid settings, signals that do not overlap, a band above the
    ///   Nyquist frequency, or a stretch shorter than one window.
    public init(_ a: CoherenceSignal, _ b: CoherenceSignal?, settings: CouplingSettings) throws {
        try settings.validate()
        let input = try CoherencePairInput(a, b ?? a, hampel: settings.hampel)
        let rate = input.sampleRateHz
        let source = b.map { "\(a.source), \($0.source)" } ?? a.source
        for band in [settings.band1, settings.band2] where band.highHz >= rate / 2 {
            throw LDFError("\(parameter: "bands")", "band \(band.name) reaches \(band.highHz) Hz, at or above the Nyquist frequency \(rate / 2) Hz of \(source)",
                           fix: "choose bands below \(rate / 2) Hz")
        }
        let window = Int((settings.resolvedWindowSeconds * rate).rounded())
        let step = max(1, Int((settings.resolvedStepSeconds * rate).rounded()))
        let basis = 1 + 4 * settings.order + 4 * settings.order * settings.order
        guard window <= input.first.count else {
            throw LDFError(source, "the analysed stretch of \(MessageNumber.short(input.durationSeconds)) s is shorter than the Bayesian window of \(MessageNumber.short(settings.resolvedWindowSeconds)) s"
                           + (settings.windowSeconds == nil ? " (10 periods of the lowest band edge, \(MessageNumber.short(min(settings.band1.lowHz, settings.band2.lowHz))) Hz)" : ""),
                           fix: "analyse a longer recording, give a shorter \(parameter: "window"), or choose faster bands")
        }
        guard window > 4 * basis else {
            throw LDFError("\(parameter: "window")", "\(window) samples per window are too few to infer \(2 * basis) parameters (more than \(4 * basis) needed)",
                           fix: "use a longer \(parameter: "window") or a lower \(parameter: "order")")
        }
        let filtered = try [(input.first, settings.band1), (input.second, settings.band2)].map {
            try MODABandPass($0.0, lowHz: $0.1.lowHz, highHz: $0.1.highHz, sampleRateHz: rate)
        }
        let phases = filtered.map { AnalyticSignal.phase($0.values) }
        let inference = BayesianPhaseInference(order: settings.order, windowSamples: window, stepSamples: step,
                                               sampleIntervalSeconds: 1 / rate, propagationConstant: settings.propagationConstant)
        let posterior = try inference.infer(phases[0], phases[1])
        var windows = posterior.map {
            CouplingWindow(timeSeconds: $0.centreSeconds, strength: CouplingStrength(parameters: $0.parameters), loops: $0.loops)
        }
        var notes = input.diagnostics
        if let options = settings.surrogates {
            let test = Self.surrogateThresholds(phases, inference: inference, options: options, windows: windows.count)
            for i in windows.indices {
                windows[i].threshold2to1 = test.thresholds[0][i]
                windows[i].threshold1to2 = test.thresholds[1][i]
            }
            if test.failed > 0 {
                notes.append(.warning("surrogate_failed", "\(test.failed) of \(options.count) CPP surrogate pairs gave a singular inference and were left out of the thresholds"))
            }
        }
        let unconverged = windows.filter { $0.loops >= BayesianPhaseInference.maximumLoops }.count
        if unconverged > 0 {
            notes.append(.warning("not_converged", "\(unconverged) of \(windows.count) windows did not converge in \(BayesianPhaseInference.maximumLoops) loops"))
        }
        first = a.identity
        second = (b ?? a).identity
        sampleRateHz = rate
        startSeconds = input.startSeconds
        analysedSeconds = input.durationSeconds
        windowSeconds = Double(window) / rate
        stepSeconds = Double(step) / rate
        filterOrders = filtered.map(\.order)
        self.windows = windows
        surrogateOptions = settings.surrogates
        diagnostics = notes
    }

    /// Per direction and window, the threshold over `options.count` CPP surrogate pairs (streams
    /// 2k and 2k + 1), in parallel across the cores, and how many pairs failed (singular).
    static func surrogateThresholds(_ phases: [[Double]], inference: BayesianPhaseInference, options: SurrogateOptions,
                                    windows: Int) -> (thresholds: [[Double]], failed: Int) {
        let strengths = ResultSlots<[CouplingStrength]>(count: options.count)
        ParallelWork.forEach(options.count) { k in
            var randomA = SurrogateGenerator.random(seed: options.seed, stream: 2 * k)
            var randomB = SurrogateGenerator.random(seed: options.seed, stream: 2 * k + 1)
            let a = SurrogateGenerator.cyclePhasePermutation(phase: phases[0], random: &randomA)
            let b = SurrogateGenerator.cyclePhasePermutation(phase: phases[1], random: &randomB)
            let result = (try? inference.infer(a, b))?.map { CouplingStrength(parameters: $0.parameters) } ?? []
            strengths.set(k, result)
        }
        let all = strengths.values
        let thresholds = [\CouplingStrength.secondToFirst, \CouplingStrength.firstToSecond].map { path in
            (0..<windows).map { w in options.threshold(all.map { $0.count > w ? $0[w][keyPath: path] : .nan }) }
        }
        return (thresholds, all.filter(\.isEmpty).count)
    }
}
