import LDFSpectral

/// One row of the tidy `ldf ridges --format csv` time series: a band's component at one sample.
/// Units as in `RidgesOutputRecord.units`; amplitude and component in `flux_unit`.
public struct RidgesSeriesRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var band: String
    public var timeS: Double
    @Nullable public var frequencyHz: Double? = nil
    @Nullable public var amplitude: Double? = nil
    @Nullable public var phaseRad: Double? = nil
    @Nullable public var component: Double? = nil

    /// Calls `emit` with each row, band after band (unavailable bands have none), so a long
    /// recording's series is never held as rows.
    public static func forEach(_ a: BandComponentAnalysis, _ emit: (RidgesSeriesRow) throws -> Void) rethrows {
        for outcome in a.outcomes {
            guard case .extracted(let c) = outcome else { continue }
            for i in c.frequencyHz.indices {
                try emit(RidgesSeriesRow(source: a.source, channel: a.channel, fluxUnit: a.unit, band: c.band.name, timeS: a.timeSeconds(i),
                                         frequencyHz: c.frequencyHz[i], amplitude: c.amplitude[i], phaseRad: c.phase[i],
                                         component: c.reconstruction[i]))
            }
        }
    }
}

/// One row of `ldf ridges --summary --format csv`: a band's summary and how it was extracted.
public struct RidgesSummaryRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var band: String
    public var lowHz: Double
    public var highHz: Double
    @Nullable public var frequencyMeanHz: Double? = nil
    @Nullable public var frequencySdHz: Double? = nil
    @Nullable public var amplitudeMean: Double? = nil
    @Nullable public var amplitudeSd: Double? = nil
    @Nullable public var samples: Int? = nil
    @Nullable public var reason: String? = nil
    public var method: String
    @Nullable public var transform: String? = nil
    @Nullable public var kernel: String? = nil
    @Nullable public var f0: Double? = nil
    @Nullable public var padding: String? = nil
    @Nullable public var preprocessing: Bool? = nil
    @Nullable public var ridgeIterations: Int? = nil
    @Nullable public var ridgeConverged: Bool? = nil
    @Nullable public var filterOrder: Int? = nil
    public var sampleRateHz: Double
    public var startS: Double
    public var analysedS: Double
}

extension RidgesOutputRecord {
    /// One summary row per band.
    public var summaryRows: [RidgesSummaryRow] {
        let p = parameters
        return bands.map { b in
            RidgesSummaryRow(source: source, channel: channel, fluxUnit: unit, band: b.name, lowHz: b.lowHz, highHz: b.highHz,
                             frequencyMeanHz: b.summary?.frequencyMeanHz, frequencySdHz: b.summary?.frequencySdHz,
                             amplitudeMean: b.summary?.amplitudeMean, amplitudeSd: b.summary?.amplitudeSd, samples: b.summary?.samples,
                             reason: b.reason, method: p.method, transform: p.transform, kernel: p.kernel, f0: b.windowF0S ?? p.f0,
                             padding: p.padding, preprocessing: p.preprocessing, ridgeIterations: b.ridgeIterations,
                             ridgeConverged: b.ridgeConverged, filterOrder: b.filterOrder, sampleRateHz: sampleRateHz, startS: startS,
                             analysedS: analysedS)
        }
    }

    /// The readable table: per band the mean and SD of frequency and amplitude (units in the
    /// header); unavailable bands show "–" and their reason below.
    public var textLines: [String] {
        let short = ReportNumber.short, p = parameters
        let how = p.method == "ridge" ? "ridge extraction (\(p.transform ?? ""), \(p.kernel ?? ""))" : "Butterworth band-pass and Hilbert phase"
        let flux = unit.isEmpty ? "" : " " + unit
        var table = TextTable(header: ["band", "range Hz", "freq mean Hz", "freq SD Hz", "amp mean" + flux, "amp SD" + flux])
        for b in bands {
            table.append([b.name, "\(short(b.lowHz))–\(short(b.highHz))", short(b.summary?.frequencyMeanHz), short(b.summary?.frequencySdHz),
                          short(b.summary?.amplitudeMean), short(b.summary?.amplitudeSd)])
        }
        return ["\(source) [\(channel)]: \(how), \(short(analysedS)) s from \(short(startS)) s at \(short(sampleRateHz)) Hz; amplitudes in \(unit)"]
            + table.lines + bands.compactMap { b in b.reason.map { "  \(b.name): \($0)" } }
    }
}
