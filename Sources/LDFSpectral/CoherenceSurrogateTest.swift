import LDFCore

/// The surrogate distribution of the time-averaged coherence and its significance thresholds.
///
/// Surrogate pair k is made of two independent surrogates, one of each signal (streams 2k and
/// 2k + 1 of the seed); for `.cyclePhasePermutation` the wavelet phases of the two signals are
/// cycle-permuted at each frequency instead. A coherence above its threshold is significant at
/// `options.level` under the surrogates' null hypothesis (no phase relation beyond what the
/// kind keeps).
public struct CoherenceSurrogateTest: Sendable, Equatable {
    public var options: SurrogateOptions
    /// Analysed frequencies in Hz (as in the coherence spectrum).
    public var frequenciesHz: [Double]
    /// Coherence of every surrogate pair (outer index) at every frequency (inner index).
    public var surrogateCoherence: [[Double]]
    /// Significance threshold per frequency (`SurrogateOptions.threshold` over the pairs).
    public var thresholds: [Double]
    /// IAAFT only: iterations per surrogate (two per pair), and how many hit the cap.
    public var iterations: [Int]
    public var unconvergedCount: Int
    /// Notes on the test (IAAFT surrogates that did not converge).
    public var diagnostics: [Diagnostic]

    public init(options: SurrogateOptions, frequenciesHz: [Double], surrogateCoherence: [[Double]],
                iterations: [Int] = [], unconvergedCount: Int = 0) {
        self.options = options
        self.frequenciesHz = frequenciesHz
        self.surrogateCoherence = surrogateCoherence
        thresholds = frequenciesHz.indices.map { f in options.threshold(surrogateCoherence.map { $0[f] }) }
        self.iterations = iterations
        self.unconvergedCount = unconvergedCount
        var notes: [Diagnostic] = []
        if unconvergedCount > 0 {
            notes.append(.warning("iaaft_not_converged",
                "\(unconvergedCount) of \(iterations.count) IAAFT surrogates still changed rank order after \(options.maxIterations) iterations; raise \(parameter: "iaaftIterations") for a closer spectrum"))
        }
        diagnostics = notes
    }

    /// The threshold of a statistic computed from each pair's coherence spectrum (e.g. a band
    /// mean), over the pairs.
    public func threshold(of statistic: ([Double]) -> Double) -> Double {
        options.threshold(surrogateCoherence.map(statistic))
    }
}
