import LDFCore

/// Whether a band analysis would report a band's values, decided from the recording's length,
/// rate and the settings alone (the cone of influence needs no signal): the resolvability listing
/// of `ldf info` and the band check of `ldf stream`. The decision is `BandSummaryReport`'s own
/// (`BandGate`), so a band listed unavailable here is exactly a band `BandAnalysis` reports as null.
public struct BandAvailability: Sendable, Equatable {
    public var band: Band
    /// Mean share of the band's coefficients inside the cone of influence (1 for Welch); nil when
    /// the band holds no analysed frequency.
    public var validFraction: Double?
    /// Cycles of the band's lower edge in the analysed stretch.
    public var cycles: Double
    /// Why the band's values would be null; nil when they are computed.
    public var reason: String?
    /// The validity rule's shortfall, whether the band is withheld for it or computed under
    /// `allowsShortBands` (then `reason` is nil and this says what to be cautious about).
    public var shortfall: Diagnostic?

    /// Whether the band's values are computed.
    public var isAvailable: Bool { reason == nil }
}

extension BandAnalysisSettings {
    /// The availability of every band of `bandSet` for `recording`: its longest gap-free stretch of
    /// the perfusion channel, analysed as `BandAnalysis` would (the Hampel filter keeps the length).
    /// - Throws: `LDFError` when the stretch is too short to transform or the settings are invalid.
    public func bandAvailability(recording: Recording) throws -> [BandAvailability] {
        let run = BandAnalysisInput.longestFiniteRun(recording.perfusion.values)
        return try bandAvailability(sampleCount: run?.count ?? 0, sampleRateHz: recording.sampleRateHz,
                                    source: recording.provenance.source)
    }

    /// The availability of every band for a gap-free stretch of `sampleCount` samples at
    /// `sampleRateHz`. Welch: the cycle rule only (the bin grid is the spectrum's; a band without a
    /// bin is found when it is computed).
    public func bandAvailability(sampleCount: Int, sampleRateHz: Double, source: String) throws -> [BandAvailability] {
        try validate()
        guard sampleCount >= BandAnalysisInput.minimumSampleCount else {
            throw LDFError(source, "the longest stretch without gaps has \(sampleCount) samples (at least \(BandAnalysisInput.minimumSampleCount) are needed)",
                           fix: "bridge longer gaps with \(parameter: "maxBridge") SECONDS or use a longer recording")
        }
        let seconds = Double(sampleCount) / sampleRateHz
        let range = try frequencyRange(sampleRateHz: sampleRateHz, source: source)
        let nyquist = sampleRateHz / 2
        return try gates(sampleCount: sampleCount, sampleRateHz: sampleRateHz, range: range, seconds: seconds).map { band, gate in
            var reason = gate.reason
            if band.lowHz >= nyquist && reason != nil {
                reason = BandSummaryReport.aboveNyquistReason(nyquist, sampleRateHz: sampleRateHz)
            }
            return BandAvailability(band: band, validFraction: gate.validFraction, cycles: seconds * band.lowHz,
                                    reason: reason, shortfall: gate.shortfall)
        }
    }

    private func gates(sampleCount: Int, sampleRateHz: Double, range: (low: Double, high: Double, notes: [Diagnostic]),
                       seconds: Double) throws -> [(Band, BandGate)] {
        switch method {
        case .welch:
            return bandSet.bands.map { band in
                var gate = BandGate(frequencyCount: 0, valid: [], validFraction: 1)
                gate.apply(validityRule, to: band, analysedSeconds: seconds)
                return (band, gate)
            }
        case .wavelet:
            var options = wavelet
            options.fminHz = range.low
            options.fmaxHz = range.high
            let transform = try WaveletTransform(sampleCount: sampleCount, sampleRateHz: sampleRateHz, options: options)
            let f = transform.frequenciesHz
            let fraction = f.indices.map { includeEdges ? 1 : transform.cone.validFraction($0) }
            // A frequency has a value when any coefficient is averaged (`BandAnalysis.waveletSpectrum`).
            let hasValue = { (k: Int) in includeEdges || transform.cone.validCount(k) > 0 }
            return bandSet.bands.map { band in
                (band, BandSummaryReport.gate(band, frequenciesHz: f, validFraction: fraction, hasValue: hasValue,
                                              fmin: range.low, fmax: range.high, analysedSeconds: seconds, rule: validityRule))
            }
        }
    }
}
