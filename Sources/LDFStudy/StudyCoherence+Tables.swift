import LDFCore
import LDFReport
import LDFSpectral

/// One test of `coherence_comparisons.csv`: residual coherence at one frequency, or its mean over
/// one band, compared between two groups (one condition) or two conditions (one group, paired by
/// subject).
public struct CoherenceComparison: Sendable {
    public var design: ComparisonDesign
    /// The fixed stratum: the condition (between groups) or the group (paired conditions).
    public var stratum: String
    public var levelA: String
    public var levelB: String
    /// "frequency" or "band".
    public var scope: String
    public var frequencyHz: Double?
    public var band: String
    public var a: GroupStatistics
    public var b: GroupStatistics
    public var test: RankTestResult?
    public var adjustment: PValueAdjustment
    public var adjustedP: Double?
    public var familySize: Int
    public var reason: String?
}

extension StudyCoherence {
    /// `coherence.csv`: one row per subject pair and frequency.
    public func subjectTable(_ manifest: StudyManifest) -> CSVTable {
        var rows: [StudyCoherenceRow] = []
        for cell in cells {
            guard let g = cell.coherence else { continue }
            for (member, positions) in zip(g.members, cell.positions) {
                for (k, f) in g.frequenciesHz.enumerated() {
                    rows.append(StudyCoherenceRow(group: cell.group, condition: cell.condition, subject: member.id,
                                                  firstId: manifest.entries[positions.first].id, secondId: manifest.entries[positions.second].id,
                                                  frequencyHz: f, coherence: member.coherence[k], surrogateThreshold: member.threshold[k],
                                                  residualCoherence: member.residual[k], analysedS: g.analysedSeconds,
                                                  sampleRateHz: g.sampleRateHz, percentile: g.percentile))
                }
            }
        }
        return CSVTable(rows: rows)
    }

    /// `group_coherence.csv`: one row per group, condition and frequency (a group without a result
    /// has one row with the reason).
    public var groupTable: CSVTable {
        CSVTable(rows: cells.flatMap { cell -> [StudyGroupCoherenceRow] in
            guard let g = cell.coherence else {
                return [StudyGroupCoherenceRow(group: cell.group, condition: cell.condition, subjects: cell.positions.count, frequencyHz: nil,
                                               medianCoherence: nil, medianResidualCoherence: nil, surrogateMedian: nil, surrogateThreshold: nil,
                                               analysedS: nil, reason: cell.reason ?? "")]
            }
            return g.frequenciesHz.enumerated().map { k, f in
                StudyGroupCoherenceRow(group: cell.group, condition: cell.condition, subjects: g.members.count, frequencyHz: f,
                                       medianCoherence: g.medianCoherence[k], medianResidualCoherence: g.medianResidual[k],
                                       surrogateMedian: g.surrogateMedian[k], surrogateThreshold: g.surrogateThreshold[k],
                                       analysedS: g.analysedSeconds, reason: nil)
            }
        })
    }

    /// Residual coherence compared per frequency (corrected with `spectraAdjustment` across the
    /// frequencies) and per band mean (Holm across the bands): Mann-Whitney between every two
    /// groups of a condition, Wilcoxon between every two conditions of a group, paired by subject.
    public func comparisons(bandSet: BandSet, spectraAdjustment: PValueAdjustment) -> [CoherenceComparison] {
        var result: [CoherenceComparison] = []
        let valid = cells.filter { $0.coherence != nil }
        func residuals(_ cell: Cell) -> [String: [Double]] {
            Dictionary(cell.coherence!.members.map { ($0.id, $0.residual) }, uniquingKeysWith: { a, _ in a })
        }
        var contrasts: [(ComparisonDesign, String, Cell, Cell)] = []
        for condition in Set(valid.map(\.condition)).sorted() {
            let groups = valid.filter { $0.condition == condition }.sorted { $0.group < $1.group }
            for (i, a) in groups.enumerated() { for b in groups[(i + 1)...] { contrasts.append((.betweenGroups, condition, a, b)) } }
        }
        for group in Set(valid.map(\.group)).sorted() {
            let conditions = valid.filter { $0.group == group }.sorted { $0.condition < $1.condition }
            for (i, a) in conditions.enumerated() { for b in conditions[(i + 1)...] { contrasts.append((.pairedConditions, group, a, b)) } }
        }
        for (design, stratum, cellA, cellB) in contrasts {
            let frequencies = cellA.coherence!.frequenciesHz
            guard frequencies == cellB.coherence!.frequenciesHz else { continue }
            var valuesA = residuals(cellA), valuesB = residuals(cellB)
            if design == .pairedConditions {
                let both = Set(valuesA.keys).intersection(valuesB.keys)
                valuesA = valuesA.filter { both.contains($0.key) }
                valuesB = valuesB.filter { both.contains($0.key) }
            }
            let subjectsA = valuesA.keys.sorted(), subjectsB = valuesB.keys.sorted()
            let levels = design == .betweenGroups ? (cellA.group, cellB.group) : (cellA.condition, cellB.condition)
            func compare(_ a: [Double], _ b: [Double], scope: String, frequency: Double?, band: String, adjustment: PValueAdjustment) -> CoherenceComparison {
                let contrast = ComparisonContrast(design: design, protocolKind: .rest, site: "", condition: "", group: "", levelA: levels.0, levelB: levels.1)
                let (x, y) = StudyResults.finiteSamples(a, b, paired: design == .pairedConditions)
                var row = CoherenceComparison(design: design, stratum: stratum, levelA: levels.0, levelB: levels.1, scope: scope,
                                              frequencyHz: frequency, band: band, a: GroupStatistics(x), b: GroupStatistics(y), test: nil,
                                              adjustment: adjustment, adjustedP: nil, familySize: 0,
                                              reason: StudyResults.insufficiency(contrast, countA: x.count, countB: y.count))
                if row.reason == nil {
                    row.test = design == .betweenGroups ? MannWhitneyTest.test(y, x) : WilcoxonSignedRankTest.test(first: x, second: y)
                    if row.test == nil { row.reason = "every pair has the same value in both conditions" }
                }
                return row
            }
            var family = frequencies.indices.map { k in
                compare(subjectsA.map { valuesA[$0]![k] }, subjectsB.map { valuesB[$0]![k] }, scope: "frequency", frequency: frequencies[k],
                        band: "", adjustment: spectraAdjustment)
            }
            Self.adjust(&family, spectraAdjustment)
            result += family
            func bandMean(_ values: [Double], _ band: Band) -> Double {
                let inside = frequencies.indices.filter { band.contains(frequencies[$0]) && !values[$0].isNaN }
                return inside.isEmpty ? .nan : inside.map { values[$0] }.reduce(0, +) / Double(inside.count)
            }
            var bands = bandSet.bands.map { band in
                compare(subjectsA.map { bandMean(valuesA[$0]!, band) }, subjectsB.map { bandMean(valuesB[$0]!, band) }, scope: "band",
                        frequency: nil, band: band.name, adjustment: StudyParameters.familyAdjustment)
            }
            Self.adjust(&bands, StudyParameters.familyAdjustment)
            result += bands
        }
        return result
    }

    static func adjust(_ family: inout [CoherenceComparison], _ adjustment: PValueAdjustment) {
        let adjusted = adjustment.adjust(family.map { $0.test?.pValue ?? .nan })
        let tested = adjusted.filter(\.isFinite).count
        for i in family.indices {
            family[i].adjustedP = finite(adjusted[i])
            family[i].familySize = tested
        }
    }

    /// `coherence_comparisons.csv`.
    public func comparisonsTable(bandSet: BandSet, spectraAdjustment: PValueAdjustment) -> CSVTable {
        CSVTable(rows: comparisons(bandSet: bandSet, spectraAdjustment: spectraAdjustment).map(StudyCoherenceComparisonRow.init))
    }
}
