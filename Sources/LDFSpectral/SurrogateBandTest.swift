import Foundation
import LDFCore

/// One band's values against the surrogate distribution of the same values.
public struct BandSurrogateThreshold: Sendable, Equatable {
    public var band: Band
    /// Significance thresholds of the band amplitude and power over the surrogates (nil when the
    /// band has no value).
    public var amplitudeThreshold: Double?
    public var powerThreshold: Double?
    /// Observed value minus threshold: positive when the observed value is significant.
    public var amplitudeExcess: Double?
    public var powerExcess: Double?
}

/// Band amplitudes and powers of one recording tested against surrogates of its own signal
/// (`ldf bands --surrogates N`; IAAFT by default).
///
/// Each surrogate of the analysed samples (after the Hampel filter, when asked) goes through the
/// same band analysis as the recording (same transform or Welch settings, same range), and each
/// band's threshold is taken over the N surrogate values (`SurrogateOptions.threshold`). IAAFT
/// surrogates keep the amplitude distribution and the power spectrum, so band powers barely move,
/// while the band amplitude (mean |W|) tests the envelope: for a linear Gaussian process |W| is
/// Rayleigh distributed (mean |W| = sqrt(pi) / 2 x rms |W|, about 0.886), whereas an oscillation
/// of steady amplitude has mean |W| close to its rms, so its amplitude exceeds the threshold; an
/// intermittent (bursting) one falls below the surrogates instead (negative excess).
///
/// Methods: docs/METHODS.md §6.
public struct BandSurrogateTest: Sendable, Equatable {
    public var options: SurrogateOptions
    /// One entry per band, in the band set's order.
    public var bands: [BandSurrogateThreshold]
    /// IAAFT only: iterations per surrogate and how many hit the cap.
    public var iterations: [Int]
    public var unconvergedCount: Int
    public var diagnostics: [Diagnostic]

    /// Tests `observed` (the analysis of `recording` under `settings`) against `options.count`
    /// surrogates, in parallel across the cores.
    /// - Throws: `LDFError` for invalid options (e.g. too few surrogates for the rank test),
    ///   `.cyclePhasePermutation` (it needs a phase, not a signal), or an unusable recording.
    public init(recording: Recording, settings: BandAnalysisSettings, observed: BandAnalysis, options: SurrogateOptions) throws {
        try options.validate()
        guard !options.kind.needsPhase else {
            throw LDFError("\(parameter: "surrogateType")", "cpp permutes the cycles of a phase; band amplitudes need surrogates of the signal itself",
                           fix: "use iaaft1 (the default), iaaft2, aaft, ft or rp")
        }
        let input = try BandAnalysisInput(recording: recording, hampel: settings.hampel)
        let generator = try SurrogateGenerator(signal: input.values, maxIterations: options.maxIterations)
        var withoutHampel = settings
        withoutHampel.hampel = nil // the surrogates are made of the already filtered samples
        let plain = withoutHampel
        let channel = recording.perfusion
        let slots = ResultSlots<SurrogateReport>(count: options.count)
        let errors = ResultSlots<LDFError>(count: options.count)
        let rate = input.sampleRateHz
        ParallelWork.forEach(options.count) { k in
            var random = SurrogateGenerator.random(seed: options.seed, stream: k)
            let surrogate = generator.surrogate(options.kind, random: &random)
            let copy = Recording(channels: [Channel(name: channel.name, unit: channel.unit, kind: .perfusion, values: surrogate.values)],
                                 sampleRateHz: rate, provenance: recording.provenance)
            do {
                let analysis = try BandAnalysis(recording: copy, settings: plain)
                slots.set(k, SurrogateReport(bands: analysis.report.bands, surrogate: surrogate))
            } catch let error as LDFError {
                errors.set(k, error)
            } catch {
                errors.set(k, LDFError("surrogate \(k)", "\(error)"))
            }
        }
        if let error = errors.values.first { throw error }
        let reports = slots.values
        bands = observed.report.bands.enumerated().map { index, summary in
            let amplitude = options.threshold(reports.map { $0.bands[index].amplitude ?? .nan })
            let power = options.threshold(reports.map { $0.bands[index].power ?? .nan })
            let a = amplitude.isFinite && summary.amplitude != nil ? amplitude : nil
            let p = power.isFinite && summary.power != nil ? power : nil
            return BandSurrogateThreshold(band: summary.band, amplitudeThreshold: a, powerThreshold: p,
                                          amplitudeExcess: a.flatMap { t in summary.amplitude.map { $0 - t } },
                                          powerExcess: p.flatMap { t in summary.power.map { $0 - t } })
        }
        self.options = options
        iterations = reports.compactMap(\.iterations)
        unconvergedCount = reports.filter { $0.converged == false }.count
        diagnostics = unconvergedCount == 0 ? [] : [.warning("iaaft_not_converged",
            "\(unconvergedCount) of \(iterations.count) IAAFT surrogates still changed rank order after \(options.maxIterations) iterations; raise \(parameter: "iaaftIterations") for a closer spectrum")]
    }
}

/// One surrogate's band summaries and its IAAFT bookkeeping (the samples are not kept).
private struct SurrogateReport {
    var bands: [BandSummary]
    var iterations: Int?
    var converged: Bool?

    init(bands: [BandSummary], surrogate: Surrogate) {
        self.bands = bands
        iterations = surrogate.iterations
        converged = surrogate.converged
    }
}
