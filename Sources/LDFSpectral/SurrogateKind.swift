import LDFCore

/// Surrogate families for testing an observed statistic against a null hypothesis, as in MODA's
/// `surrcalc` (Lancaster; PyMODAlib's `surrogate_calc`). Raw values are the names MODA uses, in
/// lower case, and the CLI's `--surrogate-type` values.
///
/// Methods: docs/METHODS.md §8.3.
public enum SurrogateKind: String, Sendable, Codable, CaseIterable {
    /// Random permutation (RP): the samples shuffled. Keeps the amplitude distribution exactly,
    /// destroys every temporal structure (null: independent identically distributed noise).
    case randomPermutation = "rp"
    /// Fourier transform (FT): the phases of the DFT randomised uniformly, the amplitudes kept.
    /// Keeps the power spectrum exactly (null: a linear Gaussian process). Theiler et al. 1992.
    case fourier = "ft"
    /// Amplitude-adjusted Fourier transform (AAFT, Theiler et al. 1992): Gaussian numbers in the
    /// signal's rank order, phase-randomised, then replaced by the signal's sorted values in their
    /// rank order. Keeps the distribution exactly, the spectrum approximately.
    case aaft
    /// Iterated AAFT with exact distribution (IAAFT1, Schreiber & Schmitz 1996): alternately impose
    /// the signal's Fourier amplitudes and its sorted values until the ranks stop changing; the
    /// result is the rank-ordered series (distribution exact, spectrum to within the stated tolerance).
    case iaaftDistribution = "iaaft1"
    /// Iterated AAFT with exact spectrum (IAAFT2): the same iteration, returning the
    /// spectrum-adjusted series of the last step (spectrum exact, distribution approximate).
    case iaaftSpectrum = "iaaft2"
    /// Time shift (tshift): the signal rotated cyclically by a random lag of 1 ... L - 1 samples.
    /// Keeps everything but the timing relation to another signal.
    case timeShift = "tshift"
    /// Cyclic phase permutation (CPP, MODA): the input is a phase in radians; its cycles (segments
    /// between wraps of the phase modulo 2 pi) are put in random order, the first and last partial
    /// cycles stay in place, and the result is unwrapped. Applied by the coherence analysis to the
    /// wavelet phase at each frequency.
    case cyclePhasePermutation = "cpp"

    /// Whether the surrogate is made from a phase (radians) rather than from the signal itself.
    public var needsPhase: Bool { self == .cyclePhasePermutation }
}

/// How a surrogate distribution becomes a significance threshold.
public enum SignificanceTest: String, Sendable, Codable, CaseIterable {
    /// One-sided rank test: the K-th largest of N surrogate values, K = floor((N + 1)(1 - level)),
    /// which needs N >= 1 / (1 - level) - 1 (19 surrogates at 95 %).
    case rank
    /// The `level` percentile of the surrogate values (linear interpolation between order
    /// statistics, NumPy's default `percentile` rule).
    case percentile
}
