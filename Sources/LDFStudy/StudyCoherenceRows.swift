import LDFReport

/// A row of `coherence.csv`: one subject's pair of signals at one frequency, its wavelet phase
/// coherence, the inter-subject surrogate threshold at `percentile` and the residual coherence
/// max(0, coherence − threshold) (all dimensionless, 0–1; docs/METHODS.md, group coherence).
public struct StudyCoherenceRow: Codable, Sendable, Equatable {
    public var group: String
    public var condition: String
    public var subject: String
    /// Manifest ids of the subject's first and second signal.
    public var firstId: String
    public var secondId: String
    public var frequencyHz: Double
    @Nullable public var coherence: Double?
    @Nullable public var surrogateThreshold: Double?
    @Nullable public var residualCoherence: Double?
    /// Length of the common stretch analysed, s.
    public var analysedS: Double
    public var sampleRateHz: Double
    /// Percentile of the surrogates taken as threshold (0–100).
    public var percentile: Double
}

/// A row of `group_coherence.csv`: one group and condition at one frequency, the medians over its
/// subjects and the surrogate distribution's median and threshold (dimensionless); a group without
/// a result has one row with only its subject count and the reason.
public struct StudyGroupCoherenceRow: Codable, Sendable, Equatable {
    public var group: String
    public var condition: String
    public var subjects: Int
    @Nullable public var frequencyHz: Double?
    @Nullable public var medianCoherence: Double?
    @Nullable public var medianResidualCoherence: Double?
    @Nullable public var surrogateMedian: Double?
    @Nullable public var surrogateThreshold: Double?
    /// Length of the common stretch analysed, s.
    @Nullable public var analysedS: Double?
    @Nullable public var reason: String?
}

/// A row of `coherence_comparisons.csv`: residual coherence at one frequency or its mean over one
/// band compared between two groups or two conditions (`CoherenceComparison`), with the levels'
/// counts and medians, the rank test and its adjusted p (`RankTestColumns`).
public struct StudyCoherenceComparisonRow: Codable, Sendable, Equatable {
    public var design: String
    public var stratum: String
    public var levelA: String
    public var levelB: String
    /// "frequency" or "band".
    public var scope: String
    @Nullable public var frequencyHz: Double?
    public var band: String
    public var measure = "residual_coherence"
    public var nA: Int
    @Nullable public var medianA: Double?
    public var nB: Int
    @Nullable public var medianB: Double?
    public var test: RankTestColumns

    public init(_ c: CoherenceComparison) {
        design = c.design.rawValue
        stratum = c.stratum
        levelA = c.levelA
        levelB = c.levelB
        scope = c.scope
        frequencyHz = c.frequencyHz
        band = c.band
        nA = c.a.count
        medianA = c.a.median
        nB = c.b.count
        medianB = c.b.median
        test = RankTestColumns(design: c.design, test: c.test, adjustment: c.adjustment, familySize: c.familySize, adjustedP: c.adjustedP,
                               reason: c.reason)
    }
}
