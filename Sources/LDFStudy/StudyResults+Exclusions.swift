import LDFCore
import LDFReport

/// A band of one recording whose values are null (the band validity rule withheld it, or it could
/// not be computed), so it is left out of `summary.csv` and the comparisons.
public struct BandExclusion: Sendable, Equatable {
    public var position: Int
    /// Rest bands or the bands of a PORH reperfusion segment.
    public var analysis: StudyVariable.Analysis
    public var band: String
    /// 1-based occlusion (reperfusion bands), nil for rest bands.
    public var occlusion: Int?
    /// The channel, for rows that analysed several channels of one file; "" otherwise.
    public var channel: String
    /// The band's `reason` (the rule's reasons do not depend on the recording's length).
    public var reason: String
    /// The band row's flux unit (the unit of the values it would have had).
    public var fluxUnit: String
}

extension StudyResults {
    /// Every null band of the analysed recordings, in manifest order.
    static func bandExclusions(_ outcomes: [Int: RecordingOutcome]) -> [BandExclusion] {
        var exclusions: [BandExclusion] = []
        for (position, outcome) in outcomes.sorted(by: { $0.key < $1.key }) where outcome.succeeded {
            for row in outcome.bands.map(\.summary) {
                guard let reason = row.reason else { continue }
                exclusions.append(BandExclusion(position: position, analysis: .bands, band: row.band, occlusion: nil,
                                                channel: outcome.variableChannel(row.channel), reason: reason, fluxUnit: row.fluxUnit))
            }
            for occlusion in outcome.occlusions {
                for row in occlusion.reperfusionBands {
                    guard let reason = row.reason else { continue }
                    exclusions.append(BandExclusion(position: position, analysis: .reperfusion, band: row.band, occlusion: occlusion.index,
                                                    channel: outcome.variableChannel(occlusion.channel), reason: reason,
                                                    fluxUnit: row.fluxUnit))
                }
            }
        }
        return exclusions
    }

    /// One study-level warning per band and reason (not one per recording): how many recordings
    /// of each group left the band out of the summaries and comparisons, and why.
    func exclusionWarnings() -> [StudyIssue] {
        struct Key: Hashable { var analysis: String; var band: String; var occlusion: Int?; var channel: String; var reason: String }
        var order: [Key] = []
        var byGroup: [Key: [String: Int]] = [:]
        for e in bandExclusions {
            let key = Key(analysis: e.analysis.rawValue, band: e.band, occlusion: e.occlusion, channel: e.channel, reason: e.reason)
            if byGroup[key] == nil { order.append(key) }
            byGroup[key, default: [:]][manifest.entries[e.position].group, default: 0] += 1
        }
        return order.map { key in
            let groups = byGroup[key]!
            let count = groups.values.reduce(0, +)
            let kind = key.analysis == StudyVariable.Analysis.bands.rawValue ? StudyProtocol.rest : .porh
            let total = outcomes.filter { $0.value.succeeded && manifest.entries[$0.key].protocolKind == kind }.count
            let perGroup = groups.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            let what = key.occlusion.map { "reperfusion band \(key.band) (occlusion \($0))" } ?? "band \(key.band)"
            let channel = key.channel.isEmpty ? "" : " channel \(key.channel)"
            return StudyIssue(row: 0, severity: .warning, stage: .study,
                              message: "\(what)\(channel) is null and left out of summary.csv and the comparisons in \(count) of \(total) "
                                  + "\(kind.rawValue) recordings (\(perGroup)): \(key.reason)")
        }
    }
}
