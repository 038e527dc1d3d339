import LDFCore

extension BandSummaryReport {
    /// Summarises a Welch spectrum over the analysed range `fminHz ..< fmaxHz` (rules on
    /// `BandSummary`: band power is the rectangle-rule integral of the density over the band's bins;
    /// validity: `rule`, whose valid fraction is 1 here, so only its cycle rule can bind).
    public init(welch spectrum: WelchSpectrum, bandSet: BandSet, fminHz: Double, fmaxHz: Double, analysedSeconds: Double,
                rule: BandValidityRule = BandValidityRule()) {
        let df = spectrum.resolutionHz
        let density = spectrum.density, f = spectrum.frequenciesHz
        let range = spectrum.bins(from: fminHz, below: fmaxHz)
        let totalPower = range.reduce(0) { $0 + density[$1] } * df
        let medianDensity = Statistics.median(range.map { density[$0] })
        var summaries: [BandSummary] = []
        var cautions: [Diagnostic] = []
        for band in bandSet.bands {
            let bins = spectrum.bins(from: max(band.lowHz, fminHz), below: min(band.highHz, fmaxHz))
            guard let peak = bins.max(by: { density[$0] < density[$1] }) else {
                var reason = Self.noFrequencyReason(band, fmin: fminHz, fmax: fmaxHz, what: "Welch bin")
                let low = max(band.lowHz, fminHz), high = min(band.highHz, fmaxHz)
                if low < high {
                    reason = "no Welch bin falls inside \(MessageNumber.short(low))–\(MessageNumber.short(high)) Hz at a resolution of "
                        + "\(MessageNumber.short(df)) Hz; use a longer \(parameter: "welchSegment") (at least \(MessageNumber.short(1 / (high - low))) s)"
                }
                summaries.append(BandSummary(unavailable: band, presetName: bandSet.name, frequencyCount: 0,
                                             validFraction: nil, reason: reason))
                continue
            }
            var gate = BandGate(frequencyCount: bins.count, valid: bins, validFraction: 1)
            gate.apply(rule, to: band, analysedSeconds: analysedSeconds)
            if let reason = gate.reason {
                summaries.append(BandSummary(unavailable: band, presetName: bandSet.name, frequencyCount: bins.count,
                                             validFraction: 1, reason: reason))
                continue
            }
            if let caution = gate.caution { cautions.append(caution) }
            let power = bins.reduce(0) { $0 + density[$1] } * df
            summaries.append(BandSummary(
                band: band, presetName: bandSet.name, amplitude: power.squareRoot(), power: power,
                powerRatioToMedian: ratio(Statistics.median(bins.map { density[$0] }), medianDensity),
                powerShare: ratio(power, totalPower), rmsRatioToTotal: ratio(power.squareRoot(), totalPower.squareRoot()),
                validFraction: 1, peakHz: f[peak], peakAmplitude: (density[peak] * df).squareRoot(),
                frequencyCount: bins.count))
        }
        var diagnostics = cautions + Self.coverageDiagnostics(summaries, fmin: fminHz, fmax: fmaxHz)
        if spectrum.segmentCount < 2 {
            diagnostics.append(.warning("welch_single_segment",
                "Welch averaged a single \(MessageNumber.short(spectrum.segmentSeconds)) s segment (a periodogram: high variance); "
                + "use a shorter \(parameter: "welchSegment") or a longer recording"))
        }
        self.init(method: .welch, bandSet: bandSet, bands: summaries, fminHz: fminHz, fmaxHz: fmaxHz,
                  analysedSeconds: analysedSeconds, diagnostics: diagnostics + Self.unavailableDiagnostics(summaries))
    }
}
