import Foundation

/// The settings repeated on every row of `ldf bispectrum --format csv`.
public struct BispectrumSettingsColumns: Codable, Sendable, Equatable {
    public var wavelet: WaveletSettingsColumns
    public var surrogates: SurrogateColumns
    public var analysedS: Double
    public var sampleRateHz: Double
}

/// One row of the tidy `ldf bispectrum --format csv`: a kind's defined cell (`scope`
/// "bispectrum") or, with --biphase, a kind, pair and time ("biphase"); sides as "source:channel" with their units (`PairColumns`).
/// Units as in `BispectrumOutputRecord.units`.
public struct BispectrumRow: Codable, Sendable, Equatable {
    public var pair: PairColumns
    public var scope: String
    public var kind: String
    public var f1Hz: Double
    public var f2Hz: Double
    public var sumHz: Double
    @Nullable public var timeS: Double? = nil
    @Nullable public var amplitude: Double? = nil
    @Nullable public var biphaseRad: Double? = nil
    @Nullable public var threshold: Double? = nil
    @Nullable public var excess: Double? = nil
    @Nullable public var significant: Bool? = nil
    public var settings: BispectrumSettingsColumns
}

extension BispectrumOutputRecord {
    /// Every CSV row: the cells of each kind, then the biphase series.
    public var rows: [BispectrumRow] {
        let p = parameters.first, test = parameters.second.surrogates
        let settings = BispectrumSettingsColumns(wavelet: WaveletSettingsColumns(p, voices: voices, fminHz: fminHz, fmaxHz: fmaxHz),
                                                 surrogates: SurrogateColumns(test), analysedS: analysedS, sampleRateHz: sampleRateHz)
        let pair = PairColumns(first, second)
        let cells = bispectra.flatMap { kind in
            kind.cells.map { c in
                BispectrumRow(pair: pair, scope: "bispectrum", kind: kind.kind, f1Hz: c.f1Hz, f2Hz: c.f2Hz, sumHz: c.sumHz,
                              amplitude: c.amplitude, biphaseRad: c.biphaseRad, threshold: c.threshold, excess: c.excess,
                              significant: c.significant, settings: settings)
            }
        }
        let series = biphase.flatMap { s in
            s.timeS.indices.map { i in
                BispectrumRow(pair: pair, scope: "biphase", kind: s.kind, f1Hz: s.f1Hz, f2Hz: s.f2Hz, sumHz: s.f1Hz + s.f2Hz,
                              timeS: s.timeS[i], amplitude: s.biamplitude[i], biphaseRad: s.biphaseRad[i], settings: settings)
            }
        }
        return cells + series
    }

    /// A readable summary: per kind the strongest cells (units in the header); per biphase series
    /// its mean biamplitude and phase locking.
    public var textLines: [String] {
        let short = ReportNumber.short, test = parameters.second.surrogates
        var title = "\(first.source) [\(first.channel)]" + (second.map { " vs \($0.source) [\($0.channel)]" } ?? "")
            + ": wavelet bispectrum, \(short(analysedS)) s at \(short(sampleRateHz)) Hz, \(short(fminHz))–\(short(fmaxHz)) Hz"
        if let test {
            title += "; \(test.count) \(test.type) surrogates (seed \(test.seed)), \(test.test) test at \(short(test.significance))"
        }
        var lines = [title]
        for kind in bispectra {
            let significant = kind.cells.filter { $0.significant == true }.count
            lines.append("bispectrum \(kind.kind): \(kind.cells.count) frequency pairs"
                         + (test == nil ? "" : ", \(significant) significant") + "; strongest:")
            var table = TextTable(header: ["f1 Hz", "f2 Hz", "f1+f2 Hz", "|B| unit^3", "biphase rad", "threshold", "significant"])
            for c in kind.cells.sorted(by: { $0.amplitude > $1.amplitude }).prefix(5) {
                table.append([short(c.f1Hz), short(c.f2Hz), short(c.sumHz), short(c.amplitude), short(c.biphaseRad), short(c.threshold),
                              c.significant.map { $0 ? "yes" : "no" } ?? "–"])
            }
            lines += table.lines.map { "  " + $0 }
        }
        for s in biphase { lines.append(Self.biphaseLine(s)) }
        return lines
    }

    static func biphaseLine(_ s: BiphaseRecord) -> String {
        let short = ReportNumber.short
        let head = "biphase \(s.kind) at \(short(s.f1Hz)), \(short(s.f2Hz)) Hz: "
        if let reason = s.reason { return head + reason }
        let phases = s.biphaseRad.compactMap { $0 }, amplitudes = s.biamplitude.compactMap { $0 }
        let sines = phases.map(sin).reduce(0, +), cosines = phases.map(cos).reduce(0, +)
        let locking = (sines * sines + cosines * cosines).squareRoot() / Double(max(1, phases.count))
        return head + "\(s.timeS.count) times, mean biamplitude \(short(amplitudes.reduce(0, +) / Double(max(1, amplitudes.count)))) unit^3, "
            + "biphase locking \(short(locking)) (1 = constant)"
    }
}
