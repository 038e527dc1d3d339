import LDFCore
import LDFReport

/// One frequency of `spectra_comparisons.csv`: the two levels' median and quartiles of the
/// time-averaged amplitude (wavelet) or density (Welch), and the rank test.
public struct FrequencyComparison: Sendable {
    public var contrast: ComparisonContrast
    /// The channel, for rows that analysed several channels; "" otherwise.
    public var channel: String
    public var frequencyHz: Double
    public var measure: String
    public var levelA: GroupStatistics
    public var levelB: GroupStatistics
    public var test: RankTestResult?
    /// Adjusted across the frequencies of the contrast (`StudyParameters.spectraAdjustment`).
    public var adjustedP: Double?
    public var familySize: Int
    public var reason: String?
}

extension StudyResults {
    /// Per-frequency comparisons of the time-averaged spectra of rest recordings, as MODA's group
    /// statistics offer, corrected across each contrast's frequencies. Recordings share MODA's
    /// frequency grid 2^(k/nv) when the parameters are the same; frequencies are matched to 1e-9 Hz
    /// and a frequency some recordings lack (a lower Nyquist, a shorter recording) is tested on
    /// the recordings that have it.
    public func frequencyComparisons() -> [FrequencyComparison] {
        var spectra: [String: [Int: [Int64: Double]]] = [:]
        var frequencyOf: [Int64: Double] = [:]
        var measure = "amplitude"
        for (position, outcome) in outcomes where outcome.succeeded {
            for s in outcome.spectra {
                measure = s.comparedMeasure
                var values: [Int64: Double] = [:]
                for (f, v) in zip(s.frequenciesHz, s.comparedValues) {
                    let key = Int64((f * 1e9).rounded())
                    frequencyOf[key] = frequencyOf[key] ?? f
                    if let v { values[key] = v }
                }
                spectra[outcome.variableChannel(s.channel), default: [:]][position] = values
            }
        }
        let frequencies = frequencyOf.keys.sorted()
        var all: [FrequencyComparison] = []
        for (channel, spectra) in spectra.sorted(by: { $0.key < $1.key }) {
        for samples in contrasts() where samples.contrast.protocolKind == .rest {
            let start = all.count
            for key in frequencies {
                let c = samples.contrast
                let (a, b) = Self.finiteSamples(samples.positionsA.map { spectra[$0]?[key] ?? .nan },
                                                samples.positionsB.map { spectra[$0]?[key] ?? .nan },
                                                paired: c.design == .pairedConditions)
                var row = FrequencyComparison(contrast: c, channel: channel, frequencyHz: frequencyOf[key]!, measure: measure, levelA: GroupStatistics(a),
                                              levelB: GroupStatistics(b), test: nil, adjustedP: nil, familySize: 0,
                                              reason: Self.insufficiency(c, countA: a.count, countB: b.count))
                if row.reason == nil {
                    row.test = c.design == .betweenGroups ? MannWhitneyTest.test(b, a) : WilcoxonSignedRankTest.test(first: a, second: b)
                    if row.test == nil { row.reason = "every pair has the same value in both conditions" }
                }
                all.append(row)
            }
            let adjusted = parameters.spectraAdjustment.adjust(all[start...].map { $0.test?.pValue ?? .nan })
            let tested = adjusted.filter(\.isFinite).count
            for (k, i) in (start..<all.count).enumerated() {
                all[i].adjustedP = finite(adjusted[k])
                all[i].familySize = tested
            }
        }
        }
        return all
    }

    /// `spectra_comparisons.csv`.
    public var spectraComparisonsTable: CSVTable {
        var table = CSVTable(columns: ComparisonContrast.columnNames + [
            "channel", "frequency_hz", "measure", "n_a", "median_a", "q1_a", "q3_a", "n_b", "median_b", "q1_b", "q3_b", "test", "method",
            "statistic", "p_value", "effect_size", "adjustment", "family_size", "p_adjusted", "reason",
        ])
        for c in frequencyComparisons() {
            table.append(c.contrast.columns + [
                c.channel, CSVTable.cell(c.frequencyHz), c.measure, String(c.levelA.count), CSVTable.cell(c.levelA.median),
                CSVTable.cell(c.levelA.firstQuartile), CSVTable.cell(c.levelA.thirdQuartile), String(c.levelB.count),
                CSVTable.cell(c.levelB.median), CSVTable.cell(c.levelB.firstQuartile), CSVTable.cell(c.levelB.thirdQuartile),
                c.contrast.design.testName, c.test?.method.rawValue ?? "", CSVTable.cell(c.test?.statistic), CSVTable.cell(c.test?.pValue),
                CSVTable.cell(c.test?.rankBiserial), parameters.spectraAdjustment.rawValue, String(c.familySize),
                CSVTable.cell(c.adjustedP), c.reason ?? "",
            ])
        }
        return table
    }
}
