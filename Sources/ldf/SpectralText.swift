import Foundation
import LDFCore
import LDFSpectral

/// Table and CSV layouts of band summaries and spectra.
enum SpectralText {
    /// Columns of the tidy band CSV: one row per recording and band, parameters repeated.
    static let bandColumns = [
        "source", "channel", "band", "low_hz", "high_hz", "amplitude", "power", "relative_amplitude", "relative_power",
        "relative_power_median", "valid_fraction", "peak_hz", "peak_amplitude", "pixel_amplitude", "pixel_power",
        "frequency_count", "reason",
        "preset", "method", "transform", "wavelet", "f0", "voices", "fmin_hz", "fmax_hz", "padding", "cone", "preprocessing",
        "include_edges", "hampel_window_s", "hampel_threshold_mads", "hampel_replaced_percent", "analysed_s", "sample_rate_hz",
    ]

    static func bandCSVRows(_ analysis: BandAnalysis, settings: BandAnalysisSettings) -> [String] {
        let w = settings.wavelet
        let isWavelet = settings.method == .wavelet
        return analysis.report.bands.map { s in
            let fields: [String] = [
                analysis.source, analysis.channel, s.band.name, number(s.band.lowHz), number(s.band.highHz), number(s.amplitude), number(s.power),
                number(s.relativeAmplitude), number(s.relativePower), number(s.relativePowerMedian), number(s.validFraction),
                number(s.peakHz), number(s.peakAmplitude), number(s.pixelAmplitude), number(s.pixelPower),
                String(s.frequencyCount), s.reason ?? "",
                s.presetName, settings.method.rawValue, isWavelet ? w.transform.rawValue : "", isWavelet ? w.kernelName : "", isWavelet ? number(w.f0) : "",
                analysis.resolvedVoices.map(String.init) ?? "", number(analysis.report.fminHz), number(analysis.report.fmaxHz),
                isWavelet ? w.padding.rawValue : "", isWavelet ? w.coneRule.rawValue : "", isWavelet ? String(w.preprocess) : "",
                isWavelet ? String(settings.includeEdges) : "", number(settings.hampel?.windowSeconds),
                number(settings.hampel?.threshold), number(analysis.hampel?.replacedPercent),
                number(analysis.analysedSeconds), number(analysis.sampleRateHz),
            ]
            return fields.map(csvField).joined(separator: ",")
        }
    }

    /// A readable table of one recording's bands; unavailable bands show "–" and their reason below.
    static func bandTable(_ analysis: BandAnalysis) -> String {
        let report = analysis.report
        var method = report.method.rawValue
        if case .wavelet(let spectrum) = analysis.spectrum, spectrum.options.transform == .wft {
            method = "windowed Fourier transform (Gaussian window, f0 = \(short(spectrum.options.f0)) s)"
        }
        var lines = ["\(analysis.source) [\(analysis.channel)]: \(method), preset \(report.bandSet.name), "
            + "\(short(analysis.analysedSeconds)) s analysed at \(short(analysis.sampleRateHz)) Hz, "
            + "\(short(report.fminHz))–\(short(report.fmaxHz)) Hz"]
        let header = ["band", "range Hz", "amplitude", "power", "rel amp", "rel power", "rel median", "valid", "peak Hz"]
        var rows = [header]
        var notes: [String] = []
        for s in report.bands {
            rows.append([s.band.name, "\(short(s.band.lowHz))–\(short(s.band.highHz))", short(s.amplitude), short(s.power),
                         short(s.relativeAmplitude), short(s.relativePower), short(s.relativePowerMedian),
                         short(s.validFraction), short(s.peakHz)])
            if let reason = s.reason { notes.append("  \(s.band.name): \(reason)") }
        }
        lines += align(rows)
        lines += notes
        return lines.joined(separator: "\n")
    }

    /// Left-aligns the first column and right-aligns the others.
    static func align(_ rows: [[String]]) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - row[i].count)
                return i == 0 ? row[i] + pad : pad + row[i]
            }.joined(separator: "  ")
        }
    }

    /// Full precision (shortest round-trip form); empty for a missing or non-finite value.
    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return "\(x)"
    }

    /// Four significant digits for tables; "–" for a missing value.
    static func short(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.4g", x)
    }

    /// Quotes a CSV field holding a comma, quote or line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
