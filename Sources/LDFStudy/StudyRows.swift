import LDFReport

/// Which variable a row of `summary.csv` or `comparisons.csv` is about: the analysis, measure
/// (band measure or PORH parameter), band, occlusion and channel (empty where not concerned).
public struct StudyVariableColumns: Codable, Sendable, Equatable {
    public var analysis: String
    public var measure: String
    public var band: String
    @Nullable public var occlusion: Int?
    public var channel: String

    public init(_ v: StudyVariable) {
        analysis = v.analysis.rawValue
        measure = v.measure
        band = v.band
        occlusion = v.occlusion
        channel = v.channel
    }
}

/// The stratum of a summary row: the recordings' protocol, group, site and condition.
public struct StudyStratumColumns: Codable, Sendable, Equatable {
    public var protocolKind: String
    public var group: String
    public var site: String
    public var condition: String

    enum CodingKeys: String, CodingKey { case protocolKind = "protocol", group, site, condition }
}

/// A row of `summary.csv`: one variable in one stratum, the unit of its values, its statistics in
/// that unit (quartiles: `GroupStatistics`), and the recordings left out because the band is null.
public struct StudySummaryRow: Codable, Sendable, Equatable {
    public var variable: StudyVariableColumns
    /// The unit of the summarised values (`StudyTableUnits.rowUnit`).
    public var unit: String
    public var stratum: StudyStratumColumns
    public var n: Int
    @Nullable public var mean: Double?
    @Nullable public var sd: Double?
    @Nullable public var median: Double?
    @Nullable public var q1: Double?
    @Nullable public var q3: Double?
    @Nullable public var iqr: Double?
    public var nExcluded: Int
    /// The distinct reasons of the exclusions, joined by " | ".
    public var excludedReason: String

    public init(variable: StudyVariable, unit: String, stratum: StudyStratumColumns, statistics s: GroupStatistics, excludedReasons: [String]) {
        self.variable = StudyVariableColumns(variable)
        self.unit = unit
        self.stratum = stratum
        n = s.count
        mean = s.mean
        sd = s.standardDeviation
        median = s.median
        q1 = s.firstQuartile
        q3 = s.thirdQuartile
        iqr = s.interquartileRange
        nExcluded = excludedReasons.count
        var distinct: [String] = []
        for r in excludedReasons where !distinct.contains(r) { distinct.append(r) }
        excludedReason = distinct.joined(separator: " | ")
    }
}

/// The contrast of a comparison row (`ComparisonContrast`) as text columns: design, protocol,
/// site, condition, group (the fixed stratum; the varying one empty) and the two levels.
public struct ContrastColumns: Codable, Sendable, Equatable {
    public var design: String
    public var protocolKind: String
    public var site: String
    public var condition: String
    public var group: String
    public var levelA: String
    public var levelB: String

    enum CodingKeys: String, CodingKey { case design, protocolKind = "protocol", site, condition, group, levelA, levelB }

    public init(_ c: ComparisonContrast) {
        design = c.design.rawValue
        protocolKind = c.protocolKind.rawValue
        site = c.site
        condition = c.condition
        group = c.group
        levelA = c.levelA
        levelB = c.levelB
    }
}

/// A row of `comparisons.csv`: a variable compared between two levels of a contrast
/// (`ComparisonContrast`), the unit of its values, the levels' counts and medians, the rank test and
/// its Holm-adjusted p.
public struct StudyComparisonRow: Codable, Sendable, Equatable {
    public var variable: StudyVariableColumns
    /// The unit of the compared values and medians (`StudyTableUnits.rowUnit`).
    public var unit: String
    public var contrast: ContrastColumns
    public var nA: Int
    public var nB: Int
    @Nullable public var medianA: Double?
    @Nullable public var medianB: Double?
    public var test: String
    @Nullable public var method: String?
    @Nullable public var statistic: Double?
    /// What the statistic is ("U of level_b", "min(W+, W-)"); null without a test.
    @Nullable public var statisticKind: String?
    @Nullable public var pValue: Double?
    @Nullable public var effectSize: Double?
    public var effectSizeKind = "rank_biserial (b over a)"
    public var adjustment: String
    public var familySize: Int
    @Nullable public var pAdjusted: Double?
    @Nullable public var reason: String?
}

/// A row of `spectra_comparisons.csv`: a spectrum measure at one frequency compared between two
/// levels of a contrast, with the measure's unit and each level's count, median and quartiles.
public struct StudySpectraComparisonRow: Codable, Sendable, Equatable {
    public var contrast: ContrastColumns
    public var channel: String
    public var frequencyHz: Double
    public var measure: String
    /// The unit of the medians and quartiles (`StudyTableUnits.rowUnit`).
    public var unit: String
    public var nA: Int
    @Nullable public var medianA: Double?
    @Nullable public var q1A: Double?
    @Nullable public var q3A: Double?
    public var nB: Int
    @Nullable public var medianB: Double?
    @Nullable public var q1B: Double?
    @Nullable public var q3B: Double?
    public var test: RankTestColumns
}

/// The rank test of a spectra or coherence comparison row: which test, its method, statistic,
/// p-value and rank-biserial effect size (null without a test), the correction, the number of
/// tests it corrects across and the adjusted p, and why there is no test.
public struct RankTestColumns: Codable, Sendable, Equatable {
    public var test: String
    @Nullable public var method: String?
    @Nullable public var statistic: Double?
    @Nullable public var pValue: Double?
    @Nullable public var effectSize: Double?
    public var adjustment: String
    public var familySize: Int
    @Nullable public var pAdjusted: Double?
    @Nullable public var reason: String?

    public init(design: ComparisonDesign, test: RankTestResult?, adjustment: PValueAdjustment, familySize: Int, adjustedP: Double?, reason: String?) {
        self.test = design.testName
        method = test?.method.rawValue
        statistic = test?.statistic
        pValue = test?.pValue
        effectSize = test?.rankBiserial
        self.adjustment = adjustment.rawValue
        self.familySize = familySize
        pAdjusted = adjustedP
        self.reason = reason
    }
}

/// A row of `errors.csv`: a manifest problem, failed recording or warning (`StudyIssue`) with its
/// manifest line (0 for the study as a whole).
public struct StudyIssueRow: Codable, Sendable, Equatable {
    public var row: Int
    public var id: String
    public var path: String
    public var severity: String
    public var stage: String
    public var message: String

    public init(_ issue: StudyIssue) {
        row = issue.row
        id = issue.id
        path = issue.path
        severity = issue.severity.rawValue
        stage = issue.stage.rawValue
        message = issue.message
    }
}
