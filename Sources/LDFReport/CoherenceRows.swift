import LDFSpectral

/// The settings repeated on every row of `ldf coherence --format csv`, so each row stands alone.
public struct CoherenceSettingsColumns: Codable, Sendable, Equatable {
    public var preset: String
    public var wavelet: WaveletSettingsColumns
    public var windowCycles: Double
    public var surrogates: SurrogateTestColumns
    public var analysedS: Double
    public var sampleRateHz: Double

    public init(_ analysis: CoherenceAnalysis, settings: CoherenceSettings) {
        preset = analysis.bands.bandSet.name
        wavelet = WaveletSettingsColumns(analysis.spectrum.options)
        windowCycles = settings.windowCycles
        surrogates = SurrogateTestColumns(settings.surrogates)
        analysedS = analysis.analysedSeconds
        sampleRateHz = analysis.sampleRateHz
    }
}

/// A coherence value with its surrogate test, as a band and a frequency record both hold it.
public protocol CoherenceValues {
    var coherence: Double? { get }
    var phaseDifferenceRad: Double? { get }
    var threshold: Double? { get }
    var excess: Double? { get }
    var significant: Bool? { get }
    var validFraction: Double? { get }
}

extension CoherenceBandRecord: CoherenceValues {}
extension CoherenceFrequencyRecord: CoherenceValues {}

/// The values of a tidy coherence row (dimensionless; phase difference in rad), null where the
/// row's scope has none (a time-localised row has only the coherence).
public struct CoherenceValueColumns: Codable, Sendable, Equatable {
    @Nullable public var coherence: Double? = nil
    @Nullable public var phaseDifferenceRad: Double? = nil
    @Nullable public var threshold: Double? = nil
    @Nullable public var excess: Double? = nil
    @Nullable public var significant: Bool? = nil
    @Nullable public var validFraction: Double? = nil

    public init(coherence: Double?) { self.coherence = coherence }

    public init(_ v: some CoherenceValues) {
        coherence = v.coherence
        phaseDifferenceRad = v.phaseDifferenceRad
        threshold = v.threshold
        excess = v.excess
        significant = v.significant
        validFraction = v.validFraction
    }
}

/// One row of the tidy `ldf coherence --format csv`: a band (`scope` "band"), a frequency
/// ("frequency") or, with --time-localised, a frequency and window centre ("time"); the sides as
/// "source:channel" with their units (`PairColumns`). Coherence, threshold and excess are
/// dimensionless, the phase in rad.
public struct CoherenceRow: Codable, Sendable, Equatable {
    public var pair: PairColumns
    public var scope: String
    public var band = ""
    @Nullable public var lowHz: Double? = nil
    @Nullable public var highHz: Double? = nil
    @Nullable public var frequencyHz: Double? = nil
    @Nullable public var timeS: Double? = nil
    public var values: CoherenceValueColumns
    @Nullable public var reason: String? = nil
    public var settings: CoherenceSettingsColumns

    /// Every row of one pair: bands, then frequencies, then the time-localised values.
    public static func rows(_ analysis: CoherenceAnalysis, settings: CoherenceSettings) -> [CoherenceRow] {
        let columns = CoherenceSettingsColumns(analysis, settings: settings)
        let pair = PairColumns(PairSideRecord(analysis.first), PairSideRecord(analysis.second))
        let bands = analysis.bands.bands.map(CoherenceBandRecord.init).map { b in
            CoherenceRow(pair: pair, scope: "band", band: b.name, lowHz: b.lowHz, highHz: b.highHz, values: CoherenceValueColumns(b),
                         reason: b.reason, settings: columns)
        }
        let frequencies = analysis.spectrum.frequenciesHz.indices.map { k in
            let f = CoherenceFrequencyRecord(analysis, index: k)
            return CoherenceRow(pair: pair, scope: "frequency", frequencyHz: f.frequencyHz, values: CoherenceValueColumns(f), settings: columns)
        }
        let times = (analysis.timeLocalised ?? []).flatMap { local in
            zip(local.timesSeconds, local.coherence).map { time, value in
                CoherenceRow(pair: pair, scope: "time", frequencyHz: local.frequencyHz, timeS: time,
                             values: CoherenceValueColumns(coherence: value), settings: columns)
            }
        }
        return bands + frequencies + times
    }
}

/// The readable table of `ldf coherence`: a title with the pair, preset, stretch and test, then
/// one line per band (units in the header); unavailable bands show "–" and their reason below.
public enum CoherenceText {
    public static func lines(_ analysis: CoherenceAnalysis) -> [String] {
        let short = ReportNumber.short
        let w = analysis.spectrum.options
        var title = "\(analysis.first.source) [\(analysis.first.channelName)] vs \(analysis.second.source) [\(analysis.second.channelName)]: "
            + "preset \(analysis.bands.bandSet.name), \(short(analysis.analysedSeconds)) s at \(short(analysis.sampleRateHz)) Hz, "
            + "\(short(w.fminHz))–\(short(w.fmaxHz)) Hz"
        if let test = analysis.surrogateTest?.options {
            title += "; \(test.count) \(test.kind.rawValue) surrogate pairs (seed \(test.seed)), \(test.test.rawValue) test at \(short(test.level))"
        }
        var table = TextTable(header: ["band", "range Hz", "coherence", "phase rad", "threshold", "excess", "significant", "valid"])
        let bands = analysis.bands.bands.map(CoherenceBandRecord.init)
        for b in bands {
            table.append([b.name, "\(short(b.lowHz))–\(short(b.highHz))", short(b.coherence), short(b.phaseDifferenceRad),
                          short(b.threshold), short(b.excess), b.significant.map { $0 ? "yes" : "no" } ?? "–", short(b.validFraction)])
        }
        return [title] + table.lines + bands.compactMap { b in b.reason.map { "  \(b.name): \($0)" } }
    }
}
