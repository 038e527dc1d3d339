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
    /// The unit of the measure in the recordings compared (`StudyTableUnits.rowUnit`).
    public var unit: String
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
        var units: [String: Set<String>] = [:]
        for (position, outcome) in outcomes where outcome.succeeded {
            for s in outcome.spectra {
                measure = s.comparedMeasure
                units[outcome.variableChannel(s.channel), default: []]
                    .insert(SpectrumColumnsRecord.units(fluxUnit: outcome.fluxUnit ?? "")[measure] ?? "")
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
                var row = FrequencyComparison(contrast: c, channel: channel, frequencyHz: frequencyOf[key]!, measure: measure,
                                              unit: StudyTableUnits.rowUnit(units[channel] ?? []), levelA: GroupStatistics(a),
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
        CSVTable(rows: frequencyComparisons().map { c in
            StudySpectraComparisonRow(contrast: ContrastColumns(c.contrast), channel: c.channel, frequencyHz: c.frequencyHz,
                                      measure: c.measure, unit: c.unit,
                                      nA: c.levelA.count, medianA: c.levelA.median, q1A: c.levelA.firstQuartile, q3A: c.levelA.thirdQuartile,
                                      nB: c.levelB.count, medianB: c.levelB.median, q1B: c.levelB.firstQuartile, q3B: c.levelB.thirdQuartile,
                                      test: RankTestColumns(design: c.contrast.design, test: c.test, adjustment: parameters.spectraAdjustment,
                                                            familySize: c.familySize, adjustedP: c.adjustedP, reason: c.reason))
        })
    }
}
