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

/// One row of the tidy `ldf coherence --format csv`: a band (`scope` "band"), a frequency
/// ("frequency") or, with --time-localised, a frequency and window centre ("time"); the sides as
/// "source:channel" with their units (`PairColumns`). Coherence, threshold and excess are dimensionless, the phase in rad.
public struct CoherenceRow: Codable, Sendable, Equatable {
    public var pair: PairColumns
    public var scope: String
    public var band = ""
    @Nullable public var lowHz: Double? = nil
    @Nullable public var highHz: Double? = nil
    @Nullable public var frequencyHz: Double? = nil
    @Nullable public var timeS: Double? = nil
    @Nullable public var coherence: Double? = nil
    @Nullable public var phaseDifferenceRad: Double? = nil
    @Nullable public var threshold: Double? = nil
    @Nullable public var excess: Double? = nil
    @Nullable public var significant: Bool? = nil
    @Nullable public var validFraction: Double? = nil
    @Nullable public var reason: String? = nil
    public var settings: CoherenceSettingsColumns

    init(_ analysis: CoherenceAnalysis, scope: String, settings: CoherenceSettingsColumns) {
        pair = PairColumns(PairSideRecord(analysis.first), PairSideRecord(analysis.second))
        self.scope = scope
        self.settings = settings
    }

    /// Every row of one pair: bands, then frequencies, then the time-localised values.
    public static func rows(_ analysis: CoherenceAnalysis, settings: CoherenceSettings) -> [CoherenceRow] {
        let columns = CoherenceSettingsColumns(analysis, settings: settings)
        let blank = { (scope: String) in CoherenceRow(analysis, scope: scope, settings: columns) }
        let bands = analysis.bands.bands.map(CoherenceBandRecord.init).map { b in
            var r = blank("band")
            r.band = b.name
            r.lowHz = b.lowHz
            r.highHz = b.highHz
            r.coherence = b.coherence
            r.phaseDifferenceRad = b.phaseDifferenceRad
            r.threshold = b.threshold
            r.excess = b.excess
            r.significant = b.significant
            r.validFraction = b.validFraction
            r.reason = b.reason
            return r
        }
        let frequencies = analysis.spectrum.frequenciesHz.indices.map { k in
            let f = CoherenceFrequencyRecord(analysis, index: k)
            var r = blank("frequency")
            r.frequencyHz = f.frequencyHz
            r.coherence = f.coherence
            r.phaseDifferenceRad = f.phaseDifferenceRad
            r.threshold = f.threshold
            r.excess = f.excess
            r.significant = f.significant
            r.validFraction = f.validFraction
            return r
        }
        let times = (analysis.timeLocalised ?? []).flatMap { local in
            zip(local.timesSeconds, local.coherence).map { time, value in
                var r = blank("time")
                r.frequencyHz = local.frequencyHz
                r.timeS = time
                r.coherence = value
                return r
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
