import LDFCore

/// Parameters of `ComplexityAnalysis`, each with its range (`validate()`); the defaults are the
/// usual ones (docs/METHODS.md §16).
public struct ComplexitySettings: Sendable, Equatable {
    /// Embedding dimension m of sample entropy (1 ... 5; default 2, Richman & Moorman's and NeuroKit2's).
    public var dimension = 2
    /// Tolerance r as a fraction of the signal's standard deviation (n - 1 denominator), 0.01 ... 2;
    /// default 0.2 (NeuroKit2's "sd"). Each signal (the recording, each band) uses its own SD; the
    /// multiscale curve keeps the scale-1 tolerance at every scale (Costa et al.).
    public var toleranceSD = 0.2
    /// Embedding lag in samples (1 ... 10000), or nil for the first minimum of the auto-mutual
    /// information of each signal.
    public var lag: Int?
    /// Histogram bins of the auto-mutual information (4 ... 256; default 16).
    public var mutualInformationBins = 16
    /// Longest lag searched for the mutual-information minimum, in seconds; nil for a tenth of the
    /// signal's duration.
    public var maximumLagSeconds: Double?
    /// Largest coarse-graining scale of multiscale entropy (1 ... 100; default 20, Costa et al.).
    /// Scale 1 is the sample entropy itself.
    public var maximumScale = 20
    /// DFA scaling ranges, each fitted on its own (default short 1–10 s, long 10–100 s).
    public var dfaRanges = [ScalingRange(name: "short", lowSeconds: 1, highSeconds: 10),
                            ScalingRange(name: "long", lowSeconds: 10, highSeconds: 100)]
    /// Window sizes per range, log-spaced (3 ... 50; default 10).
    public var scalesPerRange = 10
    /// MFDFA's range (default the long one, 10–100 s) and orders q (-10 ... 10, at least 3,
    /// distinct; default NeuroKit2's -5, -3, -1, 0, 1, 3, 5).
    public var mfdfaRange = ScalingRange(name: "long", lowSeconds: 10, highSeconds: 100)
    public var q: [Double] = [-5, -3, -1, 0, 1, 3, 5]
    /// Bands analysed besides the whole signal (their band-pass filtered signals); nil for none.
    public var bands: BandSet? = BandPreset.stefanovska.bandSet
    /// Fewest cycles of a band's lower edge a segment must hold for the band to be analysed.
    public var minimumBandCycles = 5.0

    public init() {}

    /// - Throws: `LDFError` naming the parameter, its value and its range.
    public func validate() throws {
        func check(_ ok: Bool, _ name: String, _ message: String, _ fix: String) throws {
            if !ok { throw LDFError(name, message, fix: fix) }
        }
        try check((1...5).contains(dimension), "dimension", "embedding dimension \(dimension) is out of range", "give 1 to 5 (2 is usual)")
        try check(toleranceSD >= 0.01 && toleranceSD <= 2, "tolerance", "tolerance \(toleranceSD) x SD is out of range", "give 0.01 to 2 (0.2 is usual)")
        if let lag { try check((1...10_000).contains(lag), "lag", "lag \(lag) samples is out of range", "give 1 to 10000 samples, or auto") }
        try check((4...256).contains(mutualInformationBins), "bins", "\(mutualInformationBins) histogram bins is out of range", "give 4 to 256")
        if let m = maximumLagSeconds { try check(m > 0 && m.isFinite, "max-lag", "longest lag \(m) s must be positive", "give a positive number of seconds") }
        try check((1...100).contains(maximumScale), "scales", "largest scale \(maximumScale) is out of range", "give 1 to 100 (20 is usual)")
        try check((3...50).contains(scalesPerRange), "scales-per-range", "\(scalesPerRange) window sizes per range is out of range", "give 3 to 50")
        try check(!dfaRanges.isEmpty, "dfa-ranges", "no DFA range given", "e.g. short:1-10,long:10-100 (seconds)")
        for range in dfaRanges + [mfdfaRange] {
            try check(range.lowSeconds > 0 && range.highSeconds > range.lowSeconds && range.highSeconds.isFinite,
                      "dfa-ranges", "range \(range.name) \(range.lowSeconds)–\(range.highSeconds) s is not an interval of positive seconds", "give LOW-HIGH with 0 < LOW < HIGH")
        }
        try check(Set(dfaRanges.map(\.name)).count == dfaRanges.count, "dfa-ranges", "range names repeat", "give each range its own name")
        try check(q.count >= 3 && Set(q).count == q.count && q.allSatisfy { $0 >= -10 && $0 <= 10 } && q == q.sorted(),
                  "q", "orders \(q.map { "\($0)" }.joined(separator: ",")) are not at least 3 distinct increasing values in -10 ... 10",
                  "e.g. -5,-3,-1,0,1,3,5")
        try check(minimumBandCycles > 0 && minimumBandCycles.isFinite, "min-cycles", "\(minimumBandCycles) cycles must be positive", "give e.g. 5")
    }
}
