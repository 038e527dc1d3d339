import Foundation
import LDFCore
import LDFPORH
import LDFProtocols
import LDFReport

/// A measured quantity of one recording that a study summarises and compares: a band measure of
/// one band, a PORH parameter of one occlusion, an epoch statistic of one interval, a heating
/// level, an iontophoresis measure of one drug dose, a VOT measure of one occlusion, or a
/// recording's mean capillary refill time.
public struct StudyVariable: Sendable, Hashable, Comparable {
    /// Rest bands, PORH parameters, the bands of the PORH reperfusion segment, epoch statistics,
    /// local-heating levels, iontophoresis dose responses, VOT read-outs, or CRT.
    public enum Analysis: String, Sendable, Codable {
        case bands, porh, reperfusion, epochs, heating, iontophoresis, vot, crt

        /// The protocol whose recordings give this analysis's values.
        var protocolKind: StudyProtocol {
            switch self {
            case .bands: .rest
            case .porh, .reperfusion: .porh
            case .epochs: .epochs
            case .heating: .heating
            case .iontophoresis: .iontophoresis
            case .vot: .vot
            case .crt: .crt
            }
        }
    }
    public var analysis: Analysis
    /// Band measure (`BandMeasure` raw value) or PORH parameter key.
    public var measure: String
    /// The band's name (bands, reperfusion), the interval (epochs), the drug dose
    /// (iontophoresis, e.g. `ach_dose1`); empty otherwise.
    public var band: String
    /// 1-based occlusion (PORH, reperfusion, VOT), nil otherwise.
    public var occlusion: Int?
    /// Position of the band in its band set, so outputs follow frequency order.
    var order: Int
    /// The channel, for rows that analysed several channels of one file; "" otherwise.
    public var channel: String = ""

    /// The correction family: the bands of one measure (and occlusion, for reperfusion bands),
    /// or the parameters of one occlusion.
    var family: String {
        let base = switch analysis {
        case .bands: measure
        case .porh: "occlusion \(occlusion ?? 0)"
        case .reperfusion: "\(measure) occlusion \(occlusion ?? 0)"
        case .epochs: "\(measure) (intervals)"
        case .heating: "heating levels"
        case .iontophoresis: "\(measure) (doses)"
        case .vot: "vot occlusion \(occlusion ?? 0)"
        case .crt: "crt"
        }
        return channel.isEmpty ? base : "\(base) channel \(channel)"
    }

    public static func < (a: StudyVariable, b: StudyVariable) -> Bool {
        (a.analysis.rawValue, a.family, a.order, a.measure, a.channel) < (b.analysis.rawValue, b.family, b.order, b.measure, b.channel)
    }
}

extension StudyResults {
    /// The epoch values a study summarises and compares, by measure name.
    static let epochMeasures: [(name: String, value: @Sendable (EpochRecord) -> Double?)] = [
        ("mean", \.mean), ("median", \.median), ("sd", \.sd), ("cvc", \.cvc), ("change", \.change), ("percent_change", \.percentChange),
    ]

    /// The heating levels a study summarises and compares (flux_unit; %CVCmax in %), by the
    /// column name `heating.csv` gives them.
    static let heatingMeasures: [(name: String, value: @Sendable (HeatingRow) -> Double?)] = [
        ("baseline", \.baseline), ("initial_peak", \.initialPeak), ("nadir", \.nadir), ("plateau", \.plateau), ("maximum", \.maximum),
        ("percent_cvc_max_baseline", \.percentCvcMaxBaseline), ("percent_cvc_max_initial_peak", \.percentCvcMaxInitialPeak),
        ("percent_cvc_max_nadir", \.percentCvcMaxNadir), ("percent_cvc_max_plateau", \.percentCvcMaxPlateau),
    ]
}

/// The results of a study: the manifest's rows with their outcomes, every issue, and the values
/// the summaries and comparisons use. Built from a run's (or merged shards') outcomes.
public struct StudyResults: Sendable {
    public var manifest: StudyManifest
    public var parameters: StudyParameters
    /// Outcome per position in `manifest.entries`; a missing position was not analysed.
    public var outcomes: [Int: RecordingOutcome]
    /// Manifest issues, recording failures and warnings, and study-wide warnings, by line.
    public private(set) var issues: [StudyIssue]
    /// Every finite value: the entry's position, the variable and the value.
    public private(set) var observations: [Observation]
    /// Every null band, left out of `observations` (`summary.csv` counts them as `n_excluded`).
    public private(set) var bandExclusions: [BandExclusion]
    /// Every recording-level measure that is null with a reason (a CRT recording none of whose
    /// presses could be fitted), left out of `observations` and counted in `summary.csv`.
    public private(set) var measureExclusions: [MeasureExclusion]
    /// Group coherence of the paired signals, when the parameters ask for it.
    public private(set) var coherence: StudyCoherence?

    public struct Observation: Sendable {
        public var position: Int
        public var variable: StudyVariable
        public var value: Double
        /// The value's unit (`StudyVariable.unit(fluxUnit:)` of the recording's flux unit).
        public var unit: String

        init(position: Int, variable: StudyVariable, value: Double, fluxUnit: String) {
            self.position = position
            self.variable = variable
            self.value = value
            unit = variable.unit(fluxUnit: fluxUnit)
        }
    }

    /// PORH parameters compared and summarised: all but `peak_time_s` (a time from the start of
    /// each file, not comparable between recordings).
    public static let porhParameters = PORHParameterKey.allCases.filter { $0 != .peakTime }

    /// - Parameters:
    ///   - missingIsError: report rows without an outcome as errors (a merge of shards); a single
    ///     shard's run leaves the other shards' rows out without an error.
    public init(manifest: StudyManifest, parameters: StudyParameters, outcomes: [Int: RecordingOutcome], missingIsError: Bool = true) {
        self.manifest = manifest
        self.parameters = parameters
        self.outcomes = outcomes
        var issues = manifest.issues
        for (position, entry) in manifest.entries.enumerated() {
            guard let outcome = outcomes[position] else {
                if missingIsError {
                    issues.append(StudyIssue(row: entry.row, id: entry.id, path: entry.path, stage: .study,
                                             message: "no result: the row was not analysed by any of the merged runs (run its shard again)"))
                }
                continue
            }
            issues += outcome.issues.map {
                var issue = $0
                issue.row = entry.row
                issue.id = entry.id
                issue.path = entry.path
                return issue
            }
        }
        self.issues = issues
        observations = []
        let bandOrder = Dictionary(parameters.bandSet.bands.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (position, outcome) in outcomes.sorted(by: { $0.key < $1.key }) where outcome.succeeded {
            for row in outcome.bands.map(\.summary) {
                for measure in BandMeasure.allCases {
                    guard let value = row.value(measure) else { continue }
                    let variable = StudyVariable(analysis: .bands, measure: measure.rawValue, band: row.band, occlusion: nil,
                                                 order: bandOrder[row.band] ?? 0, channel: outcome.variableChannel(row.channel))
                    observations.append(Observation(position: position, variable: variable, value: value, fluxUnit: row.fluxUnit))
                }
            }
            for (order, row) in (outcome.epochs ?? []).enumerated() {
                for measure in Self.epochMeasures {
                    guard let value = measure.value(row) else { continue }
                    let variable = StudyVariable(analysis: .epochs, measure: measure.name, band: row.interval, occlusion: nil,
                                                 order: order, channel: row.channel)
                    observations.append(Observation(position: position, variable: variable, value: value, fluxUnit: row.fluxUnit))
                }
            }
            for row in outcome.heating ?? [] {
                for (order, measure) in Self.heatingMeasures.enumerated() {
                    guard let value = measure.value(row) else { continue }
                    let variable = StudyVariable(analysis: .heating, measure: measure.name, band: "", occlusion: nil, order: order,
                                                 channel: outcome.variableChannel(row.channel))
                    observations.append(Observation(position: position, variable: variable, value: value, fluxUnit: row.fluxUnit))
                }
            }
            observations += Self.protocolObservations(outcome, position: position)
            for occlusion in outcome.occlusions {
                for (order, key) in Self.porhParameters.enumerated() {
                    guard let value = occlusion.value(key) else { continue }
                    let variable = StudyVariable(analysis: .porh, measure: key.rawValue, band: "", occlusion: occlusion.index, order: order,
                                                 channel: outcome.variableChannel(occlusion.channel))
                    observations.append(Observation(position: position, variable: variable, value: value, fluxUnit: outcome.fluxUnit ?? ""))
                }
                for row in occlusion.reperfusionBands {
                    for measure in BandMeasure.allCases {
                        guard let value = row.value(measure) else { continue }
                        let variable = StudyVariable(analysis: .reperfusion, measure: measure.rawValue, band: row.band,
                                                     occlusion: occlusion.index, order: bandOrder[row.band] ?? 0,
                                                     channel: outcome.variableChannel(occlusion.channel))
                        observations.append(Observation(position: position, variable: variable, value: value, fluxUnit: row.fluxUnit))
                    }
                }
            }
        }
        bandExclusions = Self.bandExclusions(outcomes)
        measureExclusions = Self.crtExclusions(outcomes)
        self.issues += sampleRateWarnings() + emptyGroupWarnings() + exclusionWarnings()
        if let pairing = parameters.coherence {
            let coherence = StudyCoherence(manifest: manifest, parameters: parameters, pairing: pairing)
            self.coherence = coherence
            self.issues += coherence.issues
        }
        self.issues.sort { ($0.row == 0 ? Int.max : $0.row, $0.severity.rawValue) < ($1.row == 0 ? Int.max : $1.row, $1.severity.rawValue) }
    }

    /// Sample rates of the analysed recordings and how many have each.
    public var sampleRateCounts: [Double: Int] {
        outcomes.values.compactMap(\.sampleRateHz).reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Mixed sample rates within a protocol are analysed as they are; each recording off the
    /// protocol's most common rate gets a warning, and the study one that says what differs.
    func sampleRateWarnings() -> [StudyIssue] {
        var issues: [StudyIssue] = []
        for kind in StudyProtocol.allCases {
            let positions = manifest.entries.indices.filter { manifest.entries[$0].protocolKind == kind }
            let counts = positions.compactMap { outcomes[$0]?.sampleRateHz }.reduce(into: [Double: Int]()) { $0[$1, default: 0] += 1 }
            guard counts.count > 1, let common = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { continue }
            let list = counts.sorted { $0.key < $1.key }.map { "\(MessageNumber.precise($0.key)) Hz: \($0.value)" }.joined(separator: ", ")
            let consequence = kind == .rest
                ? "spectra above \(MessageNumber.precise((counts.keys.min() ?? 0) / 2)) Hz (the lowest Nyquist frequency) and bands above it lack the slower recordings"
                : "smoothing windows are in seconds, so parameters stay comparable, but peak timing is resolved to each recording's own interval"
            issues.append(StudyIssue(row: 0, severity: .warning, stage: .study,
                                     message: "mixed sample rates among \(kind.rawValue) recordings (\(list)); each was analysed at its own rate: \(consequence)"))
            for position in positions {
                guard let rate = outcomes[position]?.sampleRateHz, rate != common else { continue }
                let entry = manifest.entries[position]
                issues.append(StudyIssue(row: entry.row, id: entry.id, path: entry.path, severity: .warning, stage: .study,
                                         message: "sampled at \(MessageNumber.precise(rate)) Hz while most \(kind.rawValue) recordings are at \(MessageNumber.precise(common)) Hz; analysed as it is"))
            }
        }
        return issues
    }

    /// A group that appears in the manifest for a protocol but has no analysed recording at one
    /// of that protocol's site/condition cells cannot be compared there.
    func emptyGroupWarnings() -> [StudyIssue] {
        var issues: [StudyIssue] = []
        for kind in StudyProtocol.allCases {
            let rows = manifest.entries.indices.filter { manifest.entries[$0].protocolKind == kind }
            let groups = Set(rows.map { manifest.entries[$0].group }).sorted()
            let cells = Set(rows.map { Cell(site: manifest.entries[$0].site, condition: manifest.entries[$0].condition) }).sorted()
            for cell in cells {
                for group in groups {
                    let analysed = rows.contains {
                        let e = manifest.entries[$0]
                        return e.group == group && e.site == cell.site && e.condition == cell.condition && outcomes[$0]?.succeeded == true
                    }
                    if !analysed && rows.contains(where: { outcomes[$0] != nil }) {
                        issues.append(StudyIssue(row: 0, severity: .warning, stage: .study,
                                                 message: "group '\(group)' has no analysed \(kind.rawValue) recording at site '\(cell.site)', "
                                                     + "condition '\(cell.condition)'; its comparisons there are empty"))
                    }
                }
            }
        }
        return issues
    }

    struct Cell: Hashable, Comparable {
        var site: String
        var condition: String
        static func < (a: Cell, b: Cell) -> Bool { (a.site, a.condition) < (b.site, b.condition) }
    }

    /// Metadata columns that start every per-recording output row.
    public var metadataColumns: [String] { ["id", "subject", "group", "site", "condition", "protocol"] + manifest.extraColumns }

    func metadata(_ entry: ManifestEntry) -> [String] {
        [entry.id, entry.subject, entry.group, entry.site, entry.condition, entry.protocolKind.rawValue] + entry.extra
    }
}

