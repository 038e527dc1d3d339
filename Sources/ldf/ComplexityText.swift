import Foundation
import LDFComplexity
import LDFReport

/// The tidy CSV (one row per measure) and the text table of `ldf complexity`.
extension ComplexityReport {
    static let csvColumns = ["source", "channel", "unit", "segment", "segment_start_s", "segment_end_s", "signal", "band_low_hz", "band_high_hz",
                             "filter_order", "measure", "scale", "range", "range_low_s", "range_high_s", "q", "value", "value_unit", "reason",
                             "samples", "sample_rate_hz", "dimension", "tolerance_sd", "tolerance", "lag_samples", "lag_s", "lag_method"]

    /// One measure's cells from "measure" to "reason".
    private struct Cells {
        var measure: String
        var scale = "", range = "", low = "", high = "", q = ""
        var value: Double?
        var valueText: String?
        var unit: String
        var reason: String?
    }

    var csvRows: [String] {
        let n: (Double?) -> String = ReportNumber.exact, p = parameters
        var rows: [String] = []
        for r in recordings where r.error == nil {
            for seg in r.segments {
                let head = [r.source, r.channel ?? "", r.unit ?? "", String(seg.segment), n(seg.startS), n(seg.endS)]
                func emit(_ s: SignalRecord?, _ c: Cells) {
                    let signalCells = [s?.signal ?? "", n(s?.bandLowHz), n(s?.bandHighHz), s?.filterOrder.map(String.init) ?? ""]
                    let tail = [s.map { String($0.samples) } ?? String(seg.samples), n(r.sampleRateHz), String(p.dimension), n(p.toleranceSd),
                                n(s?.tolerance), s?.lagSamples.map(String.init) ?? "", n(s?.lagS), s?.lagMethod ?? ""]
                    rows.append((head + signalCells + [c.measure, c.scale, c.range, c.low, c.high, c.q, c.valueText ?? n(c.value), c.unit, c.reason ?? ""] + tail)
                        .map(CSVWriter.field).joined(separator: ","))
                }
                if seg.signals.isEmpty { emit(nil, Cells(measure: "segment", unit: "", reason: seg.reason)) }
                for s in seg.signals {
                    if let reason = s.reason { emit(s, Cells(measure: "signal", unit: "", reason: reason)); continue }
                    emit(s, Cells(measure: "lag", valueText: s.lagSamples.map(String.init) ?? "", unit: "samples", reason: s.lagReason))
                    if let e = s.sampleEntropy { emit(s, Cells(measure: "sample_entropy", scale: "1", value: e.value, unit: "nats", reason: e.reason)) }
                    if let m = s.multiscale {
                        for e in m.scales { emit(s, Cells(measure: "multiscale_entropy", scale: String(e.scale), value: e.value, unit: "nats", reason: e.reason)) }
                        emit(s, Cells(measure: "complexity_index", scale: "1-\(m.scales.count)", value: m.complexityIndex, unit: "nats", reason: m.reason))
                    }
                    for d in s.dfa {
                        emit(s, Cells(measure: "dfa_alpha", range: d.range, low: n(d.lowS), high: n(d.highS), value: d.alpha, unit: "1", reason: d.reason))
                    }
                    if let m = s.mfdfa {
                        let cells = { (measure: String) in Cells(measure: measure, range: m.range, low: n(m.lowS), high: n(m.highS), unit: "1") }
                        if m.h.isEmpty {
                            var c = cells("mfdfa_width"); c.reason = m.reason; emit(s, c)
                        } else {
                            for (q, h) in zip(m.q, m.h) { var c = cells("mfdfa_h"); c.q = n(q); c.value = h; emit(s, c) }
                            var c = cells("mfdfa_width"); c.value = m.width; c.reason = m.reason; emit(s, c)
                        }
                    }
                }
            }
        }
        return rows
    }

    var table: String {
        let short = ReportNumber.short, p = parameters
        var blocks: [String] = []
        for r in recordings where r.error == nil {
            for seg in r.segments {
                var lines = ["\(r.source) [\(r.channel ?? "")], segment \(seg.segment) \(short(seg.startS))–\(short(seg.endS)) s (\(seg.samples) samples at \(short(r.sampleRateHz)) Hz): "
                             + "m = \(p.dimension), r = \(short(p.toleranceSd)) SD, lag \(p.lag), scales 1–\(p.maxScale)"]
                if let reason = seg.reason { lines.append("  not analysed: \(reason)"); blocks.append(lines.joined(separator: "\n")); continue }
                var header = ["signal", "lag", "lag s", "SampEn", "MSE index"]
                header += parameters.dfaRanges.map { "alpha \($0.name)" } + ["MF width"]
                var rows = [header]
                var notes: [String] = []
                for s in seg.signals {
                    let alphas = parameters.dfaRanges.map { range in short(s.dfa.first { $0.range == range.name }?.alpha) }
                    rows.append([s.signal, s.lagSamples.map(String.init) ?? "–", short(s.lagS), short(s.sampleEntropy?.value), short(s.multiscale?.complexityIndex)]
                                + alphas + [short(s.mfdfa?.width)])
                    let reasons = [s.reason, s.lagReason, s.sampleEntropy?.reason, s.multiscale?.reason] + s.dfa.map(\.reason) + [s.mfdfa?.reason]
                    let unique = reasons.compactMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    if !unique.isEmpty { notes.append("  \(s.signal): " + unique.joined(separator: "; ")) }
                }
                lines += TextTable.align(rows).map { "  " + $0 }
                if !notes.isEmpty { lines.append("null values:"); lines += notes }
                blocks.append(lines.joined(separator: "\n"))
            }
        }
        return blocks.joined(separator: "\n\n")
    }
}
