import Foundation
import LDFCore
import LDFIO
import LDFSpectral

/// How a study pairs two signals of each subject for group coherence (`ldf study --coherence A,B`).
///
/// Manifest form: every signal is a row. The two signals of a subject are the rows with the same
/// subject, group and condition whose `column` (default `site`; any manifest column, e.g. `channel`
/// or an extra column such as `signal`) reads `first` and `second`. They may be two files recorded
/// at the same time (aligned by their start times, as `ldf coherence` does) or one file named twice
/// with different `channel` values (two probes in one export).
public struct CoherencePairing: Sendable, Codable, Equatable {
    public var column: String
    public var first: String
    public var second: String
    /// Percentile of the inter-subject surrogates subtracted from each coherence (PyMODAlib's 95).
    public var percentile: Double

    public init(column: String = "site", first: String, second: String, percentile: Double = 95) {
        self.column = column
        self.first = first
        self.second = second
        self.percentile = percentile
    }

    /// Checks the pairing before any file is read; errors name the CLI option.
    public func validate(extraColumns: [String]? = nil) throws {
        guard first != second else {
            throw LDFError("\(parameter: "coherence")", "both signals are '\(first)'", fix: "name two different values, e.g. \(parameter: "coherence") forearm,finger")
        }
        guard (0...100).contains(percentile) else {
            throw LDFError("\(parameter: "coherencePercentile")", "\(percentile) is outside 0-100", fix: "use 95 (PyMODAlib's default)")
        }
        let known = ["site", "channel", "id", "path"] + (extraColumns ?? [])
        if let extraColumns, !known.contains(where: { $0.lowercased() == column.lowercased() }) {
            throw LDFError("\(parameter: "coherenceBy")", "the manifest has no column '\(column)' (extra columns: \(extraColumns.joined(separator: ", ")))",
                           fix: "name site, channel or an extra column of the manifest")
        }
    }

    /// The pairing column's value of `entry`.
    func value(_ entry: ManifestEntry, extraColumns: [String]) -> String? {
        switch column.lowercased() {
        case "site": return entry.site
        case "channel": return entry.channel
        case "id": return entry.id
        case "path": return entry.path
        default:
            return extraColumns.firstIndex { $0.lowercased() == column.lowercased() }.map { entry.extra[$0] }
        }
    }
}

/// Group coherence of a study: per group and condition, every subject's pair of signals and the
/// inter-subject surrogates (`GroupCoherence`), with the issues of pairs that could not be used.
public struct StudyCoherence: Sendable {
    /// One group and condition.
    public struct Cell: Sendable {
        public var group: String
        public var condition: String
        /// Manifest positions of each subject's first and second signal, in `coherence.members` order.
        public var positions: [(first: Int, second: Int)]
        public var coherence: GroupCoherence?
        /// Why `coherence` is nil (e.g. one subject).
        public var reason: String?
    }

    public var pairing: CoherencePairing
    public var cells: [Cell]
    public var issues: [StudyIssue]

    /// Reads and pairs the manifest's signals and computes each group's coherence.
    public init(manifest: StudyManifest, parameters: StudyParameters, pairing: CoherencePairing) {
        self.pairing = pairing
        var issues: [StudyIssue] = []
        var byCell: [String: [(subject: String, first: Int?, second: Int?)]] = [:]
        let entries = manifest.entries
        for (position, entry) in entries.enumerated() {
            guard let value = pairing.value(entry, extraColumns: manifest.extraColumns), value == pairing.first || value == pairing.second else { continue }
            let key = entry.group + "\u{0}" + entry.condition
            var list = byCell[key, default: []]
            if let i = list.firstIndex(where: { $0.subject == entry.subject }) {
                let slotTaken = value == pairing.first ? list[i].first != nil : list[i].second != nil
                if slotTaken {
                    issues.append(StudyIssue(row: entry.row, id: entry.id, path: entry.path, severity: .warning, stage: .study,
                                             message: "coherence: subject '\(entry.subject)' has a second '\(value)' signal in this group and condition; only the first is paired"))
                    continue
                }
                if value == pairing.first { list[i].first = position } else { list[i].second = position }
            } else {
                list.append((entry.subject, value == pairing.first ? position : nil, value == pairing.second ? position : nil))
            }
            byCell[key] = list
        }
        var cells: [Cell] = []
        for key in byCell.keys.sorted() {
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            var pairs: [(id: String, first: [Double], second: [Double])] = []
            var positions: [(first: Int, second: Int)] = []
            var rate: Double?
            for member in byCell[key]! {
                guard let a = member.first, let b = member.second else {
                    let present = entries[member.first ?? member.second!]
                    issues.append(StudyIssue(row: present.row, id: present.id, path: present.path, severity: .warning, stage: .study,
                                             message: "coherence: subject '\(member.subject)' has no '\(member.first == nil ? pairing.first : pairing.second)' signal in group '\(parts[0])', condition '\(parts[1])'; left out of group coherence"))
                    continue
                }
                do {
                    let input = try Self.aligned(entries[a], entries[b], parameters: parameters)
                    if let rate, abs(rate - input.sampleRateHz) > 1e-9 * rate {
                        throw LDFError("coherence", "sampled at \(input.sampleRateHz) Hz while the group's first pair is at \(rate) Hz",
                                       fix: "resample the recordings to one rate; group coherence needs one grid")
                    }
                    rate = input.sampleRateHz
                    pairs.append((member.subject, input.first, input.second))
                    positions.append((a, b))
                } catch {
                    let message = (error as? LDFError)?.description ?? "\(error)"
                    issues.append(StudyIssue(row: entries[a].row, id: entries[a].id, path: entries[a].path, stage: .study,
                                             message: "coherence: subject '\(member.subject)': \(message); left out of group coherence"))
                }
            }
            var cell = Cell(group: parts[0], condition: parts[1], positions: positions, coherence: nil, reason: nil)
            do {
                let rateHz = rate ?? 1
                let range = try parameters.bandSettings.frequencyRange(sampleRateHz: rateHz, source: "group \(parts[0])")
                var options = parameters.wavelet
                options.fminHz = range.low
                options.fmaxHz = range.high
                cell.coherence = try GroupCoherence(pairs: pairs, sampleRateHz: rateHz, options: options,
                                                    includeEdges: parameters.includeEdges, percentile: pairing.percentile)
                if let shortest = pairs.map({ min($0.first.count, $0.second.count) }).min(), let longest = pairs.map({ min($0.first.count, $0.second.count) }).max(), shortest < longest {
                    issues.append(StudyIssue(row: 0, severity: .warning, stage: .study,
                                             message: "coherence: group '\(parts[0])', condition '\(parts[1])': every pair is analysed over its first \(MessageNumber.precise(Double(shortest) / rateHz)) s (the shortest pair's overlap), so the inter-subject surrogates share one grid"))
                }
            } catch {
                cell.reason = (error as? LDFError)?.message ?? "\(error)"
                issues.append(StudyIssue(row: 0, severity: .warning, stage: .study,
                                         message: "coherence: group '\(parts[0])', condition '\(parts[1])': \(cell.reason!)"))
            }
            cells.append(cell)
        }
        self.cells = cells
        self.issues = issues
    }

    /// The two rows' signals on one grid (common rate, overlap, gap-free), as `ldf coherence`.
    static func aligned(_ a: ManifestEntry, _ b: ManifestEntry, parameters: StudyParameters) throws -> CoherencePairInput {
        let first = try RecordingReader.read(path: a.resolvedPath, options: parameters.readOptions(for: a))
        let second = try RecordingReader.read(path: b.resolvedPath, options: parameters.readOptions(for: b))
        return try CoherencePairInput(CoherenceSignal(recording: first), CoherenceSignal(recording: second), hampel: parameters.hampel)
    }
}
