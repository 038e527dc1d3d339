import LDFCore
import LDFReport

/// One test of `comparisons.csv`: a band measure or PORH parameter compared between two levels.
public struct VariableComparison: Sendable {
    public var contrast: ComparisonContrast
    public var variable: StudyVariable
    public var countA: Int
    public var countB: Int
    public var medianA: Double?
    public var medianB: Double?
    /// nil when the test could not be made (see `reason`).
    public var test: RankTestResult?
    /// Holm-adjusted p-value within the family (the bands of one measure, or the parameters of
    /// one occlusion, for one contrast), and the family's size.
    public var adjustedP: Double?
    public var familySize: Int
    public var reason: String?
}

extension StudyResults {
    /// Fewest values per level (between groups) or pairs (paired) for a test.
    public static let minimumCount = 2

    /// Every band-measure, PORH-parameter and reperfusion-band comparison, Holm-corrected per
    /// family (`StudyVariable.family`).
    public func variableComparisons() -> [VariableComparison] {
        var byPosition: [Int: [StudyVariable: Double]] = [:]
        for o in observations { byPosition[o.position, default: [:]][o.variable] = o.value }
        let variables = Set(observations.map(\.variable)).sorted()
        var all: [VariableComparison] = []
        for samples in contrasts() {
            let relevant = variables.filter { ($0.analysis == .bands) == (samples.contrast.protocolKind == .rest) }
            var family: [String: [Int]] = [:]
            for variable in relevant {
                let comparison = Self.compare(samples, variable: variable, values: byPosition)
                family[variable.family, default: []].append(all.count)
                all.append(comparison)
            }
            for members in family.values {
                let adjusted = StudyParameters.familyAdjustment.adjust(members.map { all[$0].test?.pValue ?? .nan })
                let tested = adjusted.filter(\.isFinite).count
                for (k, index) in members.enumerated() {
                    all[index].adjustedP = finite(adjusted[k])
                    all[index].familySize = tested
                }
            }
        }
        return all
    }

    /// The finite values of each side; for paired designs only the pairs finite on both sides.
    static func finiteSamples(_ a: [Double], _ b: [Double], paired: Bool) -> (a: [Double], b: [Double]) {
        guard paired else { return (a.filter(\.isFinite), b.filter(\.isFinite)) }
        let keep = a.indices.filter { a[$0].isFinite && b[$0].isFinite }
        return (keep.map { a[$0] }, keep.map { b[$0] })
    }

    static func compare(_ samples: ContrastSamples, variable: StudyVariable, values: [Int: [StudyVariable: Double]]) -> VariableComparison {
        let c = samples.contrast
        let (a, b) = finiteSamples(samples.positionsA.map { values[$0]?[variable] ?? .nan },
                                   samples.positionsB.map { values[$0]?[variable] ?? .nan },
                                   paired: c.design == .pairedConditions)
        var result = VariableComparison(contrast: c, variable: variable, countA: a.count, countB: b.count,
                                        medianA: GroupStatistics(a).median, medianB: GroupStatistics(b).median,
                                        test: nil, adjustedP: nil, familySize: 0, reason: nil)
        result.reason = Self.insufficiency(c, countA: a.count, countB: b.count)
        guard result.reason == nil else { return result }
        switch c.design {
        case .betweenGroups:
            // Effect and statistic of level b over level a: positive when b tends to be larger.
            result.test = MannWhitneyTest.test(b, a)
        case .pairedConditions:
            result.test = WilcoxonSignedRankTest.test(first: a, second: b)
            if result.test == nil { result.reason = "every pair has the same value in both conditions" }
        }
        return result
    }

    /// Why a contrast with these counts cannot be tested, or nil when it can.
    static func insufficiency(_ c: ComparisonContrast, countA: Int, countB: Int) -> String? {
        switch c.design {
        case .betweenGroups:
            for (level, n) in [(c.levelA, countA), (c.levelB, countB)] where n < minimumCount {
                return "group '\(level)' has \(n) value\(n == 1 ? "" : "s") here; at least \(minimumCount) are needed"
            }
        case .pairedConditions:
            if countA < minimumCount {
                return "\(countA) subject\(countA == 1 ? "" : "s") with values in both '\(c.levelA)' and '\(c.levelB)'; at least \(minimumCount) are needed"
            }
        }
        return nil
    }

    /// The units of each variable's values across the study (one, unless recordings differ in flux unit).
    var variableUnits: [StudyVariable: Set<String>] {
        observations.reduce(into: [:]) { $0[$1.variable, default: []].insert($1.unit) }
    }

    /// `comparisons.csv`.
    public var comparisonsTable: CSVTable {
        let units = variableUnits
        return CSVTable(rows: variableComparisons().map { c in
            StudyComparisonRow(variable: StudyVariableColumns(c.variable), unit: StudyTableUnits.rowUnit(units[c.variable] ?? []),
                               contrast: ContrastColumns(c.contrast), nA: c.countA, nB: c.countB,
                               medianA: c.medianA, medianB: c.medianB, test: c.contrast.design.testName, method: c.test?.method.rawValue,
                               statistic: c.test?.statistic,
                               statisticKind: c.test == nil ? nil : c.contrast.design == .betweenGroups ? "U of level_b" : "min(W+, W-)",
                               pValue: c.test?.pValue, effectSize: c.test?.rankBiserial, adjustment: StudyParameters.familyAdjustment.rawValue,
                               familySize: c.familySize, pAdjusted: c.adjustedP, reason: c.reason)
        })
    }
}
