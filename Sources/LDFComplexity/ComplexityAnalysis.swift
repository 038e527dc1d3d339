import Foundation
import LDFCore
import LDFSpectral

/// Sample entropy, multiscale entropy, DFA and MFDFA of a recording's perfusion channel, overall
/// and per band (the band-pass filtered signal of each band).
///
/// Gaps: entropy and fluctuation measures need an uninterrupted series (a gap joined over would
/// be a jump no template or window should straddle), so each gap-free stretch is analysed as its
/// own segment and reported as such; stretches too short for the embedding are listed with the
/// reason. Work is spread over the cores: band filters, then lags, then every (signal, scale) and
/// every signal's DFA as separate items, the largest first (docs/METHODS.md §16).
public struct ComplexityAnalysis: Sendable {
    public var source: String
    public var channel: String
    public var unit: String
    public var sampleRateHz: Double
    /// The file's time of the first sample (`Recording.timeOriginSeconds`).
    public var timeOriginSeconds: Double
    public var settings: ComplexitySettings
    public var segments: [ComplexitySegment]
    public var diagnostics: [Diagnostic]

    /// - Throws: `LDFError` for invalid settings, or a channel with no valid sample.
    public init(recording: Recording, settings: ComplexitySettings) throws {
        try settings.validate()
        let channel = recording.perfusion
        source = recording.provenance.source
        self.channel = channel.name
        unit = channel.unit
        sampleRateHz = recording.sampleRateHz
        timeOriginSeconds = recording.timeOriginSeconds
        self.settings = settings
        let runs = Self.finiteRuns(channel.values)
        guard !runs.isEmpty else {
            throw LDFError(source, "the perfusion channel '\(channel.name)' has no valid sample", fix: "check the export, or pick another channel")
        }
        let rate = recording.sampleRateHz
        var diagnostics: [Diagnostic] = []
        if runs.count > 1 {
            let text = { (s: Double) in String(format: "%g", recording.fileTime(s)) }
            let gaps = zip(runs, runs.dropFirst()).map { "\(text(Double($0.upperBound) / rate))–\(text(Double($1.lowerBound) / rate)) s" }
            diagnostics.append(.warning("gap", "the recording has \(gaps.count) gap\(gaps.count == 1 ? "" : "s") (\(gaps.prefix(5).joined(separator: ", "))"
                + "\(gaps.count > 5 ? ", ..." : "")); each of the \(runs.count) gap-free segments is analysed on its own; bridge short gaps with the reader's bridging option to join them"))
        }
        let needed = SampleEntropy.minimumTemplateCount(dimension: settings.dimension) + settings.dimension * (settings.lag ?? 1)
        segments = runs.enumerated().map { i, run in
            let values = Array(channel.values[run])
            let start = Double(run.lowerBound) / rate, end = Double(run.upperBound) / rate
            guard values.count >= needed else {
                return ComplexitySegment(index: i + 1, startSeconds: start, endSeconds: end, sampleCount: values.count, signals: [],
                                         reason: "\(values.count) samples, too few for the embedding (at least \(needed) for m = \(settings.dimension))")
            }
            return ComplexitySegment(index: i + 1, startSeconds: start, endSeconds: end, sampleCount: values.count,
                                     signals: Self.analyse(values, sampleRateHz: rate, settings: settings), reason: nil)
        }
        self.diagnostics = diagnostics
    }

    /// Runs of finite samples, in order.
    static func finiteRuns(_ values: [Double]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0...values.count {
            let finite = i < values.count && values[i].isFinite
            if finite, start == nil { start = i }
            if !finite, let s = start { runs.append(s..<i); start = nil }
        }
        return runs
    }

    /// Every measure of one segment's signal and of its bands.
    static func analyse(_ values: [Double], sampleRateHz rate: Double, settings: ComplexitySettings) -> [SignalComplexity] {
        let bands = settings.bands?.bands ?? []
        let prepared = ResultSlots<PreparedSignal>(count: bands.count + 1)
        ParallelWork.forEach(bands.count + 1) { i in
            prepared.set(i, i == 0 ? PreparedSignal(overall: values, rate: rate, settings: settings)
                                   : PreparedSignal(band: bands[i - 1], of: values, rate: rate, settings: settings))
        }
        let signals = prepared.values
        let jobs = signals.indices.flatMap { s in
            signals[s].ready ? (1...settings.maximumScale).map { Job.scale(signal: s, factor: $0) } + [.fluctuation(signal: s)] : []
        }.sorted { $0.cost(signals) > $1.cost(signals) }
        let outcomes = ResultSlots<JobOutcome>(count: jobs.count)
        ParallelWork.forEach(jobs.count) { j in outcomes.set(j, jobs[j].run(signals, rate: rate, settings: settings)) }
        return signals.indices.map { s in signals[s].result(outcomes.values.filter { $0.signal == s }, settings: settings) }
    }
}

/// A signal ready for the measures: filtered, with its tolerance and lag, or the reason it is not.
struct PreparedSignal: Sendable {
    var name: String
    var band: Band?
    var values: [Double]
    /// Samples of the segment the signal comes from.
    var sampleCount: Int
    var filterOrder: Int?
    var standardDeviation: Double?
    var tolerance: Double?
    var lag: EmbeddingLag?
    var reason: String?

    var ready: Bool { reason == nil && tolerance != nil && lag?.samples != nil }

    init(overall values: [Double], rate: Double, settings: ComplexitySettings) {
        name = "overall"
        self.values = values
        sampleCount = values.count
        prepare(rate: rate, settings: settings)
    }

    init(band: Band, of values: [Double], rate: Double, settings: ComplexitySettings) {
        name = band.name
        self.band = band
        self.values = []
        sampleCount = values.count
        let duration = Double(values.count) / rate
        if band.highHz >= rate / 2 {
            reason = "the band reaches \(String(format: "%g", band.highHz)) Hz, at or above the Nyquist frequency \(String(format: "%g", rate / 2)) Hz"
            return
        }
        if band.secondsForCycles(settings.minimumBandCycles) > duration {
            reason = "the segment lasts \(String(format: "%.4g", duration)) s, fewer than \(String(format: "%g", settings.minimumBandCycles)) cycles of "
                + "\(String(format: "%g", band.lowHz)) Hz (\(String(format: "%.4g", band.secondsForCycles(settings.minimumBandCycles))) s)"
            return
        }
        do {
            let filtered = try MODABandPass(values, lowHz: band.lowHz, highHz: band.highHz, sampleRateHz: rate)
            self.values = filtered.values
            filterOrder = filtered.order
            prepare(rate: rate, settings: settings)
        } catch let error as LDFError {
            reason = "band-pass filter: \(error.message)"
        } catch {
            reason = "band-pass filter: \(error)"
        }
    }

    /// Standard deviation, tolerance and lag.
    private mutating func prepare(rate: Double, settings: ComplexitySettings) {
        let sd = SummaryStatistics(values).standardDeviation
        guard sd.isFinite, sd > 0 else { reason = "the signal is constant; there is nothing to measure"; return }
        standardDeviation = sd
        tolerance = settings.toleranceSD * sd
        if let given = settings.lag {
            lag = EmbeddingLag(samples: given, method: .given, mutualInformation: nil, reason: nil)
        } else {
            let longest = settings.maximumLagSeconds.map { Int(($0 * rate).rounded(.down)) } ?? values.count / 10
            let ami = AutoMutualInformation(values, bins: settings.mutualInformationBins, maximumLag: max(2, longest))
            let searched = ami.information.count
            lag = EmbeddingLag(samples: ami.firstMinimum, method: .mutualInformation, mutualInformation: ami,
                               reason: ami.firstMinimum == nil
                                   ? "the auto-mutual information has no minimum up to \(searched) samples (\(String(format: "%g", Double(searched) / rate)) s); give the lag or a longer search"
                                   : nil)
        }
    }

    func result(_ outcomes: [JobOutcome], settings: ComplexitySettings) -> SignalComplexity {
        guard ready else {
            var skipped = SignalComplexity.skipped(name, band: band, sampleCount: sampleCount, reason: reason)
            skipped.filterOrder = filterOrder
            skipped.standardDeviation = standardDeviation
            skipped.tolerance = tolerance
            skipped.lag = lag
            return skipped
        }
        let scales = outcomes.compactMap(\.scale)
        let multiscale = MultiscaleEntropy(scales: scales)
        let fluctuation = outcomes.first { $0.dfa != nil }
        return SignalComplexity(name: name, band: band, filterOrder: filterOrder, sampleCount: sampleCount, standardDeviation: standardDeviation,
                                tolerance: tolerance, lag: lag, sampleEntropy: multiscale.scales.first?.entropy,
                                multiscale: settings.maximumScale > 1 ? multiscale : nil, dfa: fluctuation?.dfa ?? [], mfdfa: fluctuation?.mfdfa, reason: nil)
    }
}

/// One item of parallel work: a scale of one signal's multiscale curve, or its DFA and MFDFA.
enum Job: Sendable {
    case scale(signal: Int, factor: Int)
    case fluctuation(signal: Int)

    /// Rough cost for ordering: pair comparisons of a scale, one pass per window size for DFA.
    func cost(_ signals: [PreparedSignal]) -> Double {
        switch self {
        case .scale(let s, let factor): let n = Double(signals[s].values.count) / Double(factor); return n * n / 8
        case .fluctuation(let s): return Double(signals[s].values.count) * 40
        }
    }

    func run(_ signals: [PreparedSignal], rate: Double, settings: ComplexitySettings) -> JobOutcome {
        switch self {
        case .scale(let s, let factor):
            let signal = signals[s]
            let scale = MultiscaleEntropy.scale(signal.values, factor: factor, dimension: settings.dimension, lag: signal.lag!.samples!,
                                                tolerance: signal.tolerance!, parallel: factor == 1)
            return JobOutcome(signal: s, scale: scale, dfa: nil, mfdfa: nil)
        case .fluctuation(let s):
            let scaling = FluctuationScaling(signals[s].values, sampleRateHz: rate)
            return JobOutcome(signal: s, scale: nil, dfa: settings.dfaRanges.map { scaling.dfa($0, count: settings.scalesPerRange) },
                              mfdfa: scaling.mfdfa(settings.mfdfaRange, count: settings.scalesPerRange, q: settings.q))
        }
    }
}

struct JobOutcome: Sendable {
    var signal: Int
    var scale: MultiscaleEntropy.Scale?
    var dfa: [DFAResult]?
    var mfdfa: MFDFAResult?
}
