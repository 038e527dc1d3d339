import Foundation
import LDFCore
import LDFReport
import LDFSpectral

// The output of `ldf bispectrum` as Codable records (snake_case keys through JSONOutput, NaN as
// null): one place for the JSON, the tidy CSV and the table.

/// The whole output of `ldf bispectrum --format json`.
struct BispectrumReport: Encodable {
    var toolkit = ToolkitStamp()
    var parameters: BispectrumParameters
    var first: SignalRecord
    var second: SignalRecord?
    var sampleRateHz: Double
    var startS: Double
    var analysedS: Double
    var fminHz: Double
    var fmaxHz: Double
    var voices: Int?
    var diagnostics: [DiagnosticRecord]
    var undefinedPairs: UndefinedPairs
    var bispectra: [KindRecord]
    var biphase: [BiphaseRecord]
    var iaaft: IterationRecord?

    init(settings: BispectrumSettings, analysis a: BispectrumAnalysis) {
        parameters = BispectrumParameters(settings: settings)
        first = SignalRecord(a.first)
        second = a.second.map(SignalRecord.init)
        sampleRateHz = a.sampleRateHz
        startS = a.startSeconds
        analysedS = a.analysedSeconds
        fminHz = a.options.fminHz
        fmaxHz = a.options.fmaxHz
        voices = a.options.voices
        diagnostics = a.diagnostics.map(DiagnosticRecord.init)
        undefinedPairs = UndefinedPairs(sumAboveFmax: a.undefined.sumAboveGrid, noGridFrequencyBetween: a.undefined.noFrequencyBetween,
                                        outsideCone: a.undefined.outsideCone)
        bispectra = a.grids.map { KindRecord(grid: $0, thresholds: a.surrogateTest?.thresholds[$0.kind]) }
        biphase = a.biphase.map(BiphaseRecord.init)
        iaaft = a.surrogateTest.flatMap { IterationRecord(iterations: $0.iterations, unconverged: $0.unconvergedCount) }
    }

    struct BispectrumParameters: Encodable {
        var spectral: SpectralParametersRecord
        var kinds: [String]?
        var biphasePairs: [[Double]]
        var surrogates: SurrogateParametersRecord?
        init(settings: BispectrumSettings) {
            spectral = SpectralParametersRecord(settings.spectral)
            kinds = settings.kinds?.map(\.rawValue)
            biphasePairs = settings.biphasePairs.map { [$0.f1Hz, $0.f2Hz] }
            surrogates = settings.surrogates.map(SurrogateParametersRecord.init)
        }
        enum CodingKeys: String, CodingKey { case kinds, biphasePairs, surrogates }
        func encode(to encoder: Encoder) throws {
            try spectral.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kinds, forKey: .kinds)
            try c.encode(biphasePairs, forKey: .biphasePairs)
            try c.encode(surrogates, forKey: .surrogates)
        }
    }

    struct UndefinedPairs: Encodable {
        var sumAboveFmax: Int
        var noGridFrequencyBetween: Int
        var outsideCone: Int
    }
}

struct SignalRecord: Encodable {
    var source: String
    var channel: String
    init(_ identity: CoherenceSignal.Identity) {
        source = identity.source
        channel = identity.channelName
    }
}

struct DiagnosticRecord: Encodable {
    var severity: String
    var code: String
    var message: String
    init(_ d: Diagnostic) {
        severity = d.severity.rawValue
        code = d.code
        message = d.message
    }
}

struct IterationRecord: Encodable {
    var meanIterations: Double
    var maxIterations: Int
    var unconverged: Int
    init?(iterations: [Int], unconverged: Int) {
        guard let max = iterations.max() else { return nil }
        meanIterations = Double(iterations.reduce(0, +)) / Double(iterations.count)
        maxIterations = max
        self.unconverged = unconverged
    }
}

/// One bispectrum kind: its defined cells (f1 <= f2 for auto-bispectra).
struct KindRecord: Encodable {
    var kind: String
    /// What is averaged, in words.
    var definition: String
    var unit = "signal unit cubed (MODA's wavelet normalisation)"
    var cells: [CellRecord]

    init(grid: BispectrumGrid, thresholds: [Double]?) {
        kind = grid.kind.rawValue
        let names = grid.kind.rawValue.map { "x\($0)" }
        definition = "mean over t of W[\(names[0])](f1) W[\(names[1])](f2) conj(W[\(names[2])](f1 + f2))"
        let f = grid.frequenciesHz, n = f.count
        cells = (0..<(n * n)).compactMap { cell in
            let amplitude = grid.amplitude[cell]
            guard !amplitude.isNaN else { return nil }
            let threshold = thresholds.flatMap { finiteOrNil($0[cell]) }
            return CellRecord(f1Hz: f[cell / n], f2Hz: f[cell % n], sumHz: f[cell / n] + f[cell % n], amplitude: amplitude,
                              biphaseRad: finiteOrNil(grid.phase[cell]), threshold: threshold,
                              excess: threshold.map { amplitude - $0 }, significant: threshold.map { amplitude > $0 })
        }
    }
}

struct CellRecord: Encodable {
    var f1Hz: Double
    var f2Hz: Double
    var sumHz: Double
    var amplitude: Double
    var biphaseRad: Double?
    var threshold: Double?
    var excess: Double?
    var significant: Bool?

    enum CodingKeys: String, CodingKey { case f1Hz = "f1_hz", f2Hz = "f2_hz", sumHz, amplitude, biphaseRad, threshold, excess, significant }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(f1Hz, forKey: .f1Hz)
        try c.encode(f2Hz, forKey: .f2Hz)
        try c.encode(sumHz, forKey: .sumHz)
        try c.encode(amplitude, forKey: .amplitude)
        try c.encode(biphaseRad, forKey: .biphaseRad)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(excess, forKey: .excess)
        try c.encode(significant, forKey: .significant)
    }
}

/// Biamplitude and biphase of one kind and pair over time.
struct BiphaseRecord: Encodable {
    var kind: String
    var f1Hz: Double
    var f2Hz: Double
    var timeS: [Double]
    var biamplitude: [Double]
    var biphaseRad: [Double]
    var reason: String?

    init(_ s: BiphaseSeries) {
        kind = s.kind.rawValue
        f1Hz = s.pair.f1Hz
        f2Hz = s.pair.f2Hz
        timeS = s.timesSeconds
        biamplitude = s.biamplitude
        biphaseRad = s.biphase
        reason = s.reason
    }

    enum CodingKeys: String, CodingKey { case kind, f1Hz = "f1_hz", f2Hz = "f2_hz", timeS, biamplitude, biphaseRad, reason }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(f1Hz, forKey: .f1Hz)
        try c.encode(f2Hz, forKey: .f2Hz)
        try c.encode(timeS, forKey: .timeS)
        try c.encode(biamplitude, forKey: .biamplitude)
        try c.encode(biphaseRad, forKey: .biphaseRad)
        try c.encode(reason, forKey: .reason)
    }
}

extension BispectrumReport {
    /// Tidy CSV columns: one row per kind and defined cell (scope "bispectrum") and, with
    /// --biphase, per kind, pair and time (scope "biphase").
    static let csvColumns = ["first", "second", "scope", "kind", "f1_hz", "f2_hz", "sum_hz", "time_s", "amplitude", "biphase_rad",
                             "threshold", "excess", "significant", "wavelet", "f0", "voices", "fmin_hz", "fmax_hz", "padding", "cone",
                             "surrogate_type", "surrogates", "seed", "significance", "analysed_s", "sample_rate_hz"]

    var csvRows: [String] {
        let n: (Double?) -> String = ReportNumber.exact
        let w = parameters.spectral, test = parameters.surrogates
        let tail = [w.wavelet, n(w.f0), voices.map(String.init) ?? "", n(fminHz), n(fmaxHz), w.padding, w.cone,
                    test?.type ?? "", test.map { String($0.count) } ?? "", test.map { String($0.seed) } ?? "", n(test?.significance),
                    n(analysedS), n(sampleRateHz)]
        let head = [first, second].map { $0.map { "\($0.source):\($0.channel)" } ?? "" }
        func row(_ fields: [String]) -> String { (head + fields + tail).map(CSVWriter.field).joined(separator: ",") }
        var rows: [String] = []
        for kind in bispectra {
            for c in kind.cells {
                rows.append(row(["bispectrum", kind.kind, n(c.f1Hz), n(c.f2Hz), n(c.sumHz), "", n(c.amplitude), n(c.biphaseRad),
                                 n(c.threshold), n(c.excess), c.significant.map(String.init) ?? ""]))
            }
        }
        for s in biphase {
            for (t, (a, p)) in zip(s.timeS, zip(s.biamplitude, s.biphaseRad)) {
                rows.append(row(["biphase", s.kind, n(s.f1Hz), n(s.f2Hz), n(s.f1Hz + s.f2Hz), n(t), n(a), n(p), "", "", ""]))
            }
        }
        return rows
    }

    /// A readable summary: per kind the strongest cells; per biphase series its spread.
    var table: String {
        let short = ReportNumber.short
        var title = "\(first.source) [\(first.channel)]" + (second.map { " vs \($0.source) [\($0.channel)]" } ?? "")
            + ": wavelet bispectrum, \(short(analysedS)) s at \(short(sampleRateHz)) Hz, \(short(fminHz))–\(short(fmaxHz)) Hz"
        if let test = parameters.surrogates {
            title += "; \(test.count) \(test.type) surrogates (seed \(test.seed)), \(test.test) test at \(short(test.significance))"
        }
        var lines = [title]
        for kind in bispectra {
            let significant = kind.cells.filter { $0.significant == true }.count
            lines.append("bispectrum \(kind.kind): \(kind.cells.count) frequency pairs"
                         + (parameters.surrogates == nil ? "" : ", \(significant) significant") + "; strongest:")
            var rows = [["f1 Hz", "f2 Hz", "f1+f2 Hz", "|B|", "biphase rad", "threshold", "significant"]]
            for c in kind.cells.sorted(by: { $0.amplitude > $1.amplitude }).prefix(5) {
                rows.append([short(c.f1Hz), short(c.f2Hz), short(c.sumHz), short(c.amplitude), short(c.biphaseRad), short(c.threshold),
                             c.significant.map { $0 ? "yes" : "no" } ?? "–"])
            }
            lines += TextTable.align(rows).map { "  " + $0 }
        }
        for s in biphase {
            if let reason = s.reason {
                lines.append("biphase \(s.kind) at \(short(s.f1Hz)), \(short(s.f2Hz)) Hz: \(reason)")
                continue
            }
            let sines = s.biphaseRad.map(sin).reduce(0, +), cosines = s.biphaseRad.map(cos).reduce(0, +)
            let locking = (sines * sines + cosines * cosines).squareRoot() / Double(max(1, s.biphaseRad.count))
            lines.append("biphase \(s.kind) at \(short(s.f1Hz)), \(short(s.f2Hz)) Hz: \(s.timeS.count) times, mean biamplitude "
                         + "\(short(s.biamplitude.reduce(0, +) / Double(max(1, s.biamplitude.count)))), biphase locking \(short(locking)) (1 = constant)")
        }
        return lines.joined(separator: "\n")
    }
}
