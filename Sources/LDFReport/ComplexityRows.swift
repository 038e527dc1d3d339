/// One row of the tidy `ldf complexity --format csv`: one measure of one signal (the whole
/// channel or a band) of one gap-free segment, with its `value_unit` and the settings that made
/// it. Times in s on the file's axis, tolerance in `flux_unit`.
public struct ComplexityRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var segment: Int
    public var segmentStartS: Double
    public var segmentEndS: Double
    public var signal = ""
    @Nullable public var bandLowHz: Double? = nil
    @Nullable public var bandHighHz: Double? = nil
    @Nullable public var filterOrder: Int? = nil
    public var measure: String
    /// A scale factor, or "1-N" for the complexity index.
    public var scale = ""
    public var range = ""
    @Nullable public var rangeLowS: Double? = nil
    @Nullable public var rangeHighS: Double? = nil
    @Nullable public var q: Double? = nil
    @Nullable public var value: Double? = nil
    public var valueUnit = ""
    @Nullable public var reason: String? = nil
    public var samples: Int
    @Nullable public var sampleRateHz: Double? = nil
    public var dimension: Int
    public var toleranceSd: Double
    @Nullable public var tolerance: Double? = nil
    @Nullable public var lagSamples: Int? = nil
    @Nullable public var lagS: Double? = nil
    @Nullable public var lagMethod: String? = nil
}

extension ComplexityOutputRecord {
    /// Every CSV row: per recording, segment and signal its lag, sample entropy, multiscale
    /// entropies and index, DFA alphas and MFDFA h(q) and width; a segment or signal that was
    /// not analysed has one row with the reason.
    public var rows: [ComplexityRow] {
        var rows: [ComplexityRow] = []
        for r in recordings where r.error == nil {
            for seg in r.segments {
                func row(_ s: SignalRecord?, _ measure: String, unit: String = "", reason: String? = nil) -> ComplexityRow {
                    ComplexityRow(source: r.source, channel: r.channel ?? "", fluxUnit: r.unit ?? "", segment: seg.segment,
                                  segmentStartS: seg.startS, segmentEndS: seg.endS, signal: s?.signal ?? "", bandLowHz: s?.bandLowHz,
                                  bandHighHz: s?.bandHighHz, filterOrder: s?.filterOrder, measure: measure, valueUnit: unit, reason: reason,
                                  samples: s?.samples ?? seg.samples, sampleRateHz: r.sampleRateHz, dimension: parameters.dimension,
                                  toleranceSd: parameters.toleranceSd, tolerance: s?.tolerance, lagSamples: s?.lagSamples, lagS: s?.lagS,
                                  lagMethod: s?.lagMethod)
                }
                if seg.signals.isEmpty { rows.append(row(nil, "segment", reason: seg.reason)) }
                for s in seg.signals {
                    if let reason = s.reason { rows.append(row(s, "signal", reason: reason)); continue }
                    rows += Self.measureRows(s) { row(s, $0, unit: $1) }
                }
            }
        }
        return rows
    }

    /// The measure rows of an analysed signal; `blank` gives a row of a measure and unit.
    static func measureRows(_ s: SignalRecord, blank: (String, String) -> ComplexityRow) -> [ComplexityRow] {
        var rows: [ComplexityRow] = []
        var lag = blank("lag", "samples")
        lag.value = s.lagSamples.map(Double.init)
        lag.reason = s.lagReason
        rows.append(lag)
        if let e = s.sampleEntropy {
            var r = blank("sample_entropy", "nats")
            r.scale = "1"; r.value = e.value; r.reason = e.reason
            rows.append(r)
        }
        if let m = s.multiscale {
            for e in m.scales {
                var r = blank("multiscale_entropy", "nats")
                r.scale = String(e.scale); r.value = e.value; r.reason = e.reason
                rows.append(r)
            }
            var r = blank("complexity_index", "nats")
            r.scale = "1-\(m.scales.count)"; r.value = m.complexityIndex; r.reason = m.reason
            rows.append(r)
        }
        for d in s.dfa {
            var r = blank("dfa_alpha", "1")
            r.range = d.range; r.rangeLowS = d.lowS; r.rangeHighS = d.highS; r.value = d.alpha; r.reason = d.reason
            rows.append(r)
        }
        if let m = s.mfdfa {
            func mf(_ measure: String) -> ComplexityRow {
                var r = blank(measure, "1")
                r.range = m.range; r.rangeLowS = m.lowS; r.rangeHighS = m.highS
                return r
            }
            for (q, h) in zip(m.q, m.h) {
                var r = mf("mfdfa_h")
                r.q = q; r.value = h
                rows.append(r)
            }
            var width = mf("mfdfa_width")
            width.value = m.h.isEmpty ? nil : m.width
            width.reason = m.reason
            rows.append(width)
        }
        return rows
    }

    /// The readable table: per recording and segment one line per signal with its lag, sample
    /// entropy (nats), complexity index, DFA alphas and MFDFA width, and the reasons of nulls.
    public var textBlocks: [String] {
        let short = ReportNumber.short, p = parameters
        var blocks: [String] = []
        for r in recordings where r.error == nil {
            for seg in r.segments {
                var lines = ["\(r.source) [\(r.channel ?? "")], segment \(seg.segment) \(short(seg.startS))–\(short(seg.endS)) s (\(seg.samples) samples at \(short(r.sampleRateHz)) Hz): "
                             + "m = \(p.dimension), r = \(short(p.toleranceSd)) SD, lag \(p.lag), scales 1–\(p.maxScale)"]
                if let reason = seg.reason { lines.append("  not analysed: \(reason)"); blocks.append(lines.joined(separator: "\n")); continue }
                var table = TextTable(header: ["signal", "lag", "lag s", "SampEn nats", "MSE index nats"] + p.dfaRanges.map { "alpha \($0.name)" } + ["MF width"])
                var notes: [String] = []
                for s in seg.signals {
                    let alphas = p.dfaRanges.map { range in short(s.dfa.first { $0.range == range.name }?.alpha) }
                    table.append([s.signal, s.lagSamples.map(String.init) ?? "–", short(s.lagS), short(s.sampleEntropy?.value), short(s.multiscale?.complexityIndex)]
                                 + alphas + [short(s.mfdfa?.width)])
                    let reasons = [s.reason, s.lagReason, s.sampleEntropy?.reason, s.multiscale?.reason] + s.dfa.map(\.reason) + [s.mfdfa?.reason]
                    let unique = reasons.compactMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    if !unique.isEmpty { notes.append("  \(s.signal): " + unique.joined(separator: "; ")) }
                }
                lines += table.lines.map { "  " + $0 }
                if !notes.isEmpty { lines.append("null values:"); lines += notes }
                blocks.append(lines.joined(separator: "\n"))
            }
        }
        return blocks
    }
}
