import Foundation
import LDFCore
import LDFReport
import LDFSpectral

/// Table and tidy CSV layouts of `ldf coherence`.
enum CoherenceText {
    /// Columns of the tidy CSV: one row per band ("band"), per frequency ("frequency") and, with
    /// --time-localised, per frequency and window centre ("time"); parameters repeated.
    static let columns = [
        "first", "second", "scope", "band", "low_hz", "high_hz", "frequency_hz", "time_s", "coherence",
        "phase_difference_rad", "threshold", "excess", "significant", "valid_fraction", "reason",
        "preset", "wavelet", "f0", "voices", "fmin_hz", "fmax_hz", "padding", "cone", "window_cycles",
        "surrogate_type", "surrogates", "seed", "significance", "significance_test", "analysed_s", "sample_rate_hz",
    ]

    static func csvRows(_ analysis: CoherenceAnalysis, settings: CoherenceSettings) -> [String] {
        let n: (Double?) -> String = ReportNumber.exact
        let s = analysis.spectrum, w = s.options, test = settings.surrogates
        let tail: [String] = [
            analysis.bands.bandSet.name, w.wavelet.rawValue, n(w.f0), w.voices.map(String.init) ?? "", n(w.fminHz), n(w.fmaxHz),
            w.padding.rawValue, w.coneRule.rawValue, n(settings.windowCycles), test?.kind.rawValue ?? "",
            test.map { String($0.count) } ?? "", test.map { String($0.seed) } ?? "", n(test?.level), test?.test.rawValue ?? "",
            n(analysis.analysedSeconds), n(analysis.sampleRateHz),
        ]
        let head = [analysis.first, analysis.second].map { "\($0.source):\($0.channelName)" }
        func row(_ fields: [String]) -> String { (head + fields + tail).map(CSVWriter.field).joined(separator: ",") }
        var rows = analysis.bands.bands.map { b in
            row(["band", b.band.name, n(b.band.lowHz), n(b.band.highHz), "", "", n(b.coherence), n(b.phaseDifference),
                 n(b.threshold), n(b.excess), b.isSignificant.map(String.init) ?? "", n(b.validFraction), b.reason ?? ""])
        }
        for k in s.frequenciesHz.indices {
            let threshold = analysis.surrogateTest?.thresholds[k]
            let excess = threshold.map { s.coherence[k] - $0 }
            rows.append(row(["frequency", "", "", "", n(s.frequenciesHz[k]), "", n(s.coherence[k]), n(s.phaseDifference[k]),
                             n(threshold), n(excess), excess.flatMap { $0.isFinite ? String($0 > 0) : nil } ?? "",
                             n(s.validFraction[k]), ""]))
        }
        for local in analysis.timeLocalised ?? [] {
            for (time, value) in zip(local.timesSeconds, local.coherence) {
                rows.append(row(["time", "", "", "", n(local.frequencyHz), n(time), n(value), "", "", "", "", "", ""]))
            }
        }
        return rows
    }

    /// A readable table of the band coherences; unavailable bands show "–" and their reason below.
    static func table(_ analysis: CoherenceAnalysis) -> String {
        let short = ReportNumber.short
        let w = analysis.spectrum.options
        var title = "\(analysis.first.source) [\(analysis.first.channelName)] vs \(analysis.second.source) [\(analysis.second.channelName)]: "
            + "preset \(analysis.bands.bandSet.name), \(short(analysis.analysedSeconds)) s at \(short(analysis.sampleRateHz)) Hz, "
            + "\(short(w.fminHz))–\(short(w.fmaxHz)) Hz"
        if let test = analysis.surrogateTest?.options {
            title += "; \(test.count) \(test.kind.rawValue) surrogate pairs (seed \(test.seed)), \(test.test.rawValue) test at \(short(test.level))"
        }
        var rows = [["band", "range Hz", "coherence", "phase rad", "threshold", "excess", "significant", "valid"]]
        var notes: [String] = []
        for b in analysis.bands.bands {
            rows.append([b.band.name, "\(short(b.band.lowHz))–\(short(b.band.highHz))", short(b.coherence), short(b.phaseDifference),
                         short(b.threshold), short(b.excess), b.isSignificant.map { $0 ? "yes" : "no" } ?? "–", short(b.validFraction)])
            if let reason = b.reason { notes.append("  \(b.band.name): \(reason)") }
        }
        return ([title] + TextTable.align(rows) + notes).joined(separator: "\n")
    }
}
