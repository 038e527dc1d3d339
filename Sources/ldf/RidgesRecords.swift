import Foundation
import LDFCore
import LDFReport
import LDFSpectral

/// The output of `ldf ridges` as Codable records (snake_case keys through JSONOutput): one place
/// for the JSON, the tidy CSVs and the table.
struct RidgesReport: Encodable {
    var toolkit = ToolkitStamp()
    var source: String
    var channel: String
    var unit: String
    var sampleRateHz: Double
    var startS: Double
    var analysedS: Double
    var parameters: Parameters
    var diagnostics: [DiagnosticRecord]
    var bands: [BandRecord]

    struct Parameters: Encodable {
        var method: String
        var transform: String?
        var kernel: String?
        /// Wavelet f0, or nil for the WFT (whose f0 is per band, 1 / low edge by default).
        var f0: Double?
        var padding: String?
        var preprocessing: Bool?
        var ridge: String?
        var reconstruction: String?
        var filter: String?
        var phase = "radians in [0, 2 pi)"
        var amplitude = "a cosine of amplitude a reads a (the component a cos(phase))"
    }

    struct Summary: Encodable {
        var frequencyMeanHz: Double?
        var frequencySdHz: Double?
        var amplitudeMean: Double?
        var amplitudeSd: Double?
        var samples: Int
    }

    struct Series: Encodable {
        var timeS: [Double]
        var frequencyHz: [Double?]
        var amplitude: [Double?]
        var phaseRad: [Double?]
        var component: [Double?]
    }

    struct BandRecord: Encodable {
        var name: String
        var lowHz: Double
        var highHz: Double
        var reason: String?
        var windowF0S: Double?
        var transformFrequencies: Int?
        var ridgeIterations: Int?
        var ridgeConverged: Bool?
        var filterOrder: Int?
        var summary: Summary?
        var series: Series?

        enum CodingKeys: String, CodingKey {
            case name, lowHz, highHz, reason, windowF0S = "window_f0_s", transformFrequencies, ridgeIterations, ridgeConverged
            case filterOrder, summary, series
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(lowHz, forKey: .lowHz)
            try c.encode(highHz, forKey: .highHz)
            try c.encode(reason, forKey: .reason)
            try c.encode(windowF0S, forKey: .windowF0S)
            try c.encode(transformFrequencies, forKey: .transformFrequencies)
            try c.encode(ridgeIterations, forKey: .ridgeIterations)
            try c.encode(ridgeConverged, forKey: .ridgeConverged)
            try c.encode(filterOrder, forKey: .filterOrder)
            try c.encode(summary, forKey: .summary)
            if let series { try c.encode(series, forKey: .series) }
        }
    }

    init(analysis a: BandComponentAnalysis, extractor: BandComponentExtractor, includeSeries: Bool) {
        source = a.source
        channel = a.channel
        unit = a.unit
        sampleRateHz = a.sampleRateHz
        startS = a.fileStartSeconds
        analysedS = a.analysedSeconds
        let ridge = extractor.method == .ridge, options = extractor.transform
        parameters = Parameters(
            method: extractor.method.rawValue, transform: ridge ? options.transform.rawValue : nil,
            kernel: ridge ? options.kernelName : nil, f0: ridge && options.transform == .wavelet ? options.f0 : nil,
            padding: ridge ? options.padding.rawValue : nil, preprocessing: ridge ? options.preprocess : nil,
            ridge: ridge ? "MODA's ecurve: scheme II (penalties 1, 1 on the median-centred frequency and its step over their interquartile ranges), path optimisation, log amplitude" : nil,
            reconstruction: ridge ? "MODA's rectfr, direct method (integral of W over the ridge's support)" : nil,
            filter: ridge ? nil : "Butterworth band-pass, zero phase, MODA's loop_butter order (MODABandPass); Hilbert amplitude and phase; frequency = d(phase)/dt / 2 pi")
        diagnostics = a.diagnostics.map(DiagnosticRecord.init)
        bands = a.outcomes.map { outcome in
            let band = outcome.band
            let f0 = ridge && options.transform == .wft ? extractor.transformOptions(band: band).f0 : nil
            guard case .extracted(let c) = outcome else {
                guard case .unavailable(_, let reason) = outcome else { preconditionFailure("unknown outcome") }
                return BandRecord(name: band.name, lowHz: band.lowHz, highHz: band.highHz, reason: reason, windowF0S: f0)
            }
            let frequency = c.frequencySummary, amplitude = c.amplitudeSummary
            let series = includeSeries
                ? Series(timeS: c.frequencyHz.indices.map(a.timeSeconds), frequencyHz: c.frequencyHz.map(finiteOrNil),
                         amplitude: c.amplitude.map(finiteOrNil), phaseRad: c.phase.map(finiteOrNil), component: c.reconstruction.map(finiteOrNil))
                : nil
            return BandRecord(name: band.name, lowHz: band.lowHz, highHz: band.highHz, reason: nil, windowF0S: f0,
                              transformFrequencies: c.transformFrequencyCount, ridgeIterations: c.ridgeIterations,
                              ridgeConverged: c.ridgeConverged, filterOrder: c.filterOrder,
                              summary: Summary(frequencyMeanHz: finiteOrNil(frequency.mean), frequencySdHz: finiteOrNil(frequency.standardDeviation),
                                               amplitudeMean: finiteOrNil(amplitude.mean), amplitudeSd: finiteOrNil(amplitude.standardDeviation),
                                               samples: frequency.count),
                              series: series)
        }
    }

    /// The tidy time series: one row per band and sample.
    static let seriesColumns = ["source", "channel", "unit", "band", "time_s", "frequency_hz", "amplitude", "phase_rad", "component"]

    /// Calls `emit` with each time-series row, band after band (unavailable bands have none).
    func writeSeriesRows(_ a: BandComponentAnalysis, _ emit: (String) throws -> Void) rethrows {
        let n: (Double?) -> String = ReportNumber.exact
        let head = [source, channel, unit].map(CSVWriter.field).joined(separator: ",")
        for outcome in a.outcomes {
            guard case .extracted(let c) = outcome else { continue }
            let band = CSVWriter.field(c.band.name)
            for i in c.frequencyHz.indices {
                try emit("\(head),\(band),\(n(a.timeSeconds(i))),\(n(c.frequencyHz[i])),\(n(c.amplitude[i])),\(n(c.phase[i])),\(n(c.reconstruction[i]))")
            }
        }
    }

    /// One row per band with its summary and every parameter.
    static let summaryColumns = ["source", "channel", "unit", "band", "low_hz", "high_hz", "frequency_mean_hz", "frequency_sd_hz",
                                 "amplitude_mean", "amplitude_sd", "samples", "reason", "method", "transform", "kernel", "f0",
                                 "padding", "preprocessing", "ridge_iterations", "ridge_converged", "filter_order", "sample_rate_hz",
                                 "start_s", "analysed_s"]

    var summaryRows: [String] {
        bands.map(summaryRow)
    }

    private func summaryRow(_ b: BandRecord) -> String {
        let n: (Double?) -> String = ReportNumber.exact, p = parameters
        let summary: [String] = [n(b.summary?.frequencyMeanHz), n(b.summary?.frequencySdHz), n(b.summary?.amplitudeMean),
                                 n(b.summary?.amplitudeSd), b.summary.map { String($0.samples) } ?? "", b.reason ?? ""]
        let settings: [String] = [p.method, p.transform ?? "", p.kernel ?? "", n(b.windowF0S ?? p.f0), p.padding ?? "",
                                  p.preprocessing.map(String.init) ?? ""]
        let details: [String] = [b.ridgeIterations.map(String.init) ?? "", b.ridgeConverged.map(String.init) ?? "",
                                 b.filterOrder.map(String.init) ?? "", n(sampleRateHz), n(startS), n(analysedS)]
        let fields: [String] = [source, channel, unit, b.name, n(b.lowHz), n(b.highHz)] + summary + settings + details
        return fields.map(CSVWriter.field).joined(separator: ",")
    }

    var table: String {
        let short = ReportNumber.short, p = parameters
        let how = p.method == "ridge" ? "ridge extraction (\(p.transform ?? ""), \(p.kernel ?? ""))" : "Butterworth band-pass and Hilbert phase"
        var lines = ["\(source) [\(channel)]: \(how), \(short(analysedS)) s from \(short(startS)) s at \(short(sampleRateHz)) Hz; amplitudes in \(unit)"]
        var rows = [["band", "range Hz", "freq mean Hz", "freq SD Hz", "amp mean", "amp SD"]]
        var notes: [String] = []
        for b in bands {
            rows.append([b.name, "\(short(b.lowHz))–\(short(b.highHz))", short(b.summary?.frequencyMeanHz), short(b.summary?.frequencySdHz),
                         short(b.summary?.amplitudeMean), short(b.summary?.amplitudeSd)])
            if let reason = b.reason { notes.append("  \(b.name): \(reason)") }
        }
        lines += TextTable.align(rows)
        lines += notes
        return lines.joined(separator: "\n")
    }
}
