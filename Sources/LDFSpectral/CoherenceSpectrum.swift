import LDFCore

/// Time-averaged wavelet phase coherence of two signals per frequency (MODA's `wphcoh`;
/// Bandrivskyy et al. 2004, Sheppard et al. 2012).
///
/// With W1, W2 the complex wavelet coefficients at frequency f and dphi(t) = arg W1 - arg W2,
/// coherence(f) = |mean over valid t of exp(i dphi(t))| (0 = no phase relation, 1 = constant
/// phase difference) and phaseDifference(f) = arg of that mean. Averages run over the samples
/// inside the cone of influence (unless edges are included), evaluated on each row's decimated
/// grid (`DecimatedWaveletRow`); samples where either coefficient is exactly zero have no phase
/// and are left out.
public struct CoherenceSpectrum: Sendable, Equatable {
    /// Analysed frequencies in Hz, ascending.
    public var frequenciesHz: [Double]
    /// Phase coherence per frequency, 0 ... 1; NaN where no coefficient was valid.
    public var coherence: [Double]
    /// Mean phase difference arg W1 - arg W2 per frequency, radians in (-pi, pi]; positive when
    /// the first signal leads. NaN where no coefficient was valid.
    public var phaseDifference: [Double]
    /// Decimated samples averaged per frequency (the n of the 1 / sqrt(n) noise floor).
    public var sampleCounts: [Int]
    /// Fraction (0 ... 1) of the signal's samples inside the cone of influence, per frequency.
    public var validFraction: [Double]
    public var edgesIncluded: Bool
    /// Wavelet options with `voices` resolved.
    public var options: WaveletOptions

    public init(frequenciesHz: [Double], coherence: [Double], phaseDifference: [Double], sampleCounts: [Int],
                validFraction: [Double], edgesIncluded: Bool, options: WaveletOptions) {
        precondition([coherence.count, phaseDifference.count, sampleCounts.count, validFraction.count]
                        .allSatisfy { $0 == frequenciesHz.count }, "coherence arrays must have equal lengths")
        self.frequenciesHz = frequenciesHz
        self.coherence = coherence
        self.phaseDifference = phaseDifference
        self.sampleCounts = sampleCounts
        self.validFraction = validFraction
        self.edgesIncluded = edgesIncluded
        self.options = options
    }
}

/// Time-localised phase coherence at one frequency (MODA's `tlphcoh`): |mean of exp(i dphi)|
/// over a centred window of `windowCycles` cycles (windowCycles / f seconds), slid along the
/// row's decimated times inside the cone of influence.
public struct TimeLocalisedCoherence: Sendable, Equatable {
    public var frequencyHz: Double
    /// Window actually used in seconds (an odd number of decimated samples, as MODA makes it odd).
    public var windowSeconds: Double
    /// Window centres in seconds from the first sample.
    public var timesSeconds: [Double]
    /// Coherence in each window, 0 ... 1.
    public var coherence: [Double]

    public init(frequencyHz: Double, windowSeconds: Double, timesSeconds: [Double], coherence: [Double]) {
        precondition(timesSeconds.count == coherence.count, "one coherence per time")
        self.frequencyHz = frequencyHz
        self.windowSeconds = windowSeconds
        self.timesSeconds = timesSeconds
        self.coherence = coherence
    }
}
