import LDFCore

/// Which contrast a comparison makes.
public enum ComparisonDesign: String, Sendable, Codable, CaseIterable {
    /// Two groups at one protocol, site and condition: Mann–Whitney U, one value per recording.
    case betweenGroups = "between_groups"
    /// Two conditions within one protocol, group and site, paired by subject: Wilcoxon
    /// signed-rank on (level_b - level_a), subjects with both conditions only.
    case pairedConditions = "paired_conditions"

    /// Name of the test in outputs.
    public var testName: String { self == .betweenGroups ? "mann_whitney_u" : "wilcoxon_signed_rank" }
}

/// The stratum and the two levels of a comparison. Between groups, `condition` is fixed and the
/// levels are groups (`group` is empty); for paired conditions, `group` is fixed and the levels
/// are conditions (`condition` is empty).
public struct ComparisonContrast: Sendable, Hashable, Comparable {
    public var design: ComparisonDesign
    public var protocolKind: StudyProtocol
    public var site: String
    public var condition: String
    public var group: String
    public var levelA: String
    public var levelB: String

    public static func < (a: Self, b: Self) -> Bool {
        (a.design.rawValue, a.protocolKind.rawValue, a.site, a.condition + "\u{0}" + a.group, a.levelA + "\u{0}" + a.levelB)
            < (b.design.rawValue, b.protocolKind.rawValue, b.site, b.condition + "\u{0}" + b.group, b.levelA + "\u{0}" + b.levelB)
    }
}

/// The values of the two levels of one contrast (paired contrasts keep subject order).
struct ContrastSamples {
    var contrast: ComparisonContrast
    /// Positions in `manifest.entries` of the recordings of level a and level b; for a paired
    /// design, equal lengths, element i of both from the same subject.
    var positionsA: [Int]
    var positionsB: [Int]
}

extension StudyResults {
    /// Every contrast the manifest supports, with the recordings of each level. Between groups:
    /// every pair of the protocol's groups at each site and condition the manifest lists, so a
    /// group with no analysed recording there still appears (its comparison then has no p-value
    /// and says why). Paired: every pair of the conditions a group was listed in at a site.
    func contrasts() -> [ContrastSamples] {
        var result: [ContrastSamples] = []
        let entries = manifest.entries
        let analysed = Set(outcomes.filter { $0.value.succeeded }.keys)
        for kind in StudyProtocol.allCases {
            let rows = entries.indices.filter { entries[$0].protocolKind == kind }
            guard !rows.isEmpty else { continue }
            let groups = Set(rows.map { entries[$0].group }).sorted()
            let conditions = Set(rows.map { entries[$0].condition }).sorted()
            let sites = Set(rows.map { entries[$0].site }).sorted()
            for site in sites {
                for condition in conditions where rows.contains(where: { entries[$0].site == site && entries[$0].condition == condition }) {
                    for (i, a) in groups.enumerated() {
                        for b in groups[(i + 1)...] {
                            func members(_ g: String) -> [Int] {
                                rows.filter { analysed.contains($0) && entries[$0].site == site && entries[$0].condition == condition && entries[$0].group == g }
                            }
                            let contrast = ComparisonContrast(design: .betweenGroups, protocolKind: kind, site: site, condition: condition,
                                                              group: "", levelA: a, levelB: b)
                            result.append(ContrastSamples(contrast: contrast, positionsA: members(a), positionsB: members(b)))
                        }
                    }
                }
                for group in groups {
                    // Conditions this group was recorded in at this site.
                    let recorded = conditions.filter { c in
                        rows.contains { entries[$0].site == site && entries[$0].group == group && entries[$0].condition == c }
                    }
                    for (i, a) in recorded.enumerated() {
                        for b in recorded[(i + 1)...] {
                            func bySubject(_ c: String) -> [String: Int] {
                                Dictionary(rows.filter { analysed.contains($0) && entries[$0].site == site && entries[$0].group == group
                                    && entries[$0].condition == c }.map { (entries[$0].subject, $0) }, uniquingKeysWith: { x, _ in x })
                            }
                            let inA = bySubject(a), inB = bySubject(b)
                            let subjects = Set(inA.keys).intersection(inB.keys).sorted()
                            let contrast = ComparisonContrast(design: .pairedConditions, protocolKind: kind, site: site, condition: "",
                                                              group: group, levelA: a, levelB: b)
                            result.append(ContrastSamples(contrast: contrast, positionsA: subjects.map { inA[$0]! },
                                                          positionsB: subjects.map { inB[$0]! }))
                        }
                    }
                }
            }
        }
        return result.sorted { $0.contrast < $1.contrast }
    }
}
