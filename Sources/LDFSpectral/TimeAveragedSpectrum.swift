import LDFCore

/// Time-averaged wavelet spectrum (docs/METHODS.md §3.6): for each analysed frequency, the mean over time
/// of |W| (amplitude) and of |W|^2 (power). The full time-frequency matrix is never stored.
///
/// Averages exclude coefficients outside the cone of influence unless they were computed with
/// edges included; `validFraction[k]` is the share of time samples inside the cone at frequency k.
public struct TimeAveragedSpectrum: Sendable, Equatable {
    /// Analysed frequencies in Hz, ascending.
    public var frequenciesHz: [Double]
    /// Mean |W| per frequency, in the signal's unit (MODA normalisation: a cosine of amplitude a
    /// reads a/2 on its ridge). NaN where no coefficient was valid.
    public var amplitude: [Double]
    /// Mean |W|^2 per frequency, in the signal's unit squared. NaN where no coefficient was valid.
    public var power: [Double]
    /// Fraction (0...1) of time samples inside the cone of influence, per frequency.
    public var validFraction: [Double]
    /// Whether coefficients outside the cone of influence were included in the averages.
    public var edgesIncluded: Bool
    /// Options that produced it, with `voices` resolved to the value used.
    public var options: WaveletOptions
    /// Warnings about the result (constant signal, frequencies without valid coefficients).
    public var diagnostics: [Diagnostic]

    public init(frequenciesHz: [Double], amplitude: [Double], power: [Double], validFraction: [Double],
                edgesIncluded: Bool, options: WaveletOptions, diagnostics: [Diagnostic] = []) {
        precondition(frequenciesHz.count == amplitude.count && amplitude.count == power.count
                     && power.count == validFraction.count, "spectrum arrays must have equal lengths")
        self.frequenciesHz = frequenciesHz
        self.amplitude = amplitude
        self.power = power
        self.validFraction = validFraction
        self.edgesIncluded = edgesIncluded
        self.options = options
        self.diagnostics = diagnostics
    }
}
