import Foundation
import LDFCore

/// One side of a coherence pair: a channel of a recording with where it came from.
public struct CoherenceSignal: Sendable {
    /// The recording's source path ("-" for standard input).
    public var source: String
    public var channelName: String
    /// The channel's unit as the file names it ("" when it gives none).
    public var unit: String
    /// Samples in the channel's unit; NaN where masked.
    public var values: [Double]
    public var sampleRateHz: Double
    /// Wall-clock time of the first sample, when the file says it (used to align the pair).
    public var startDate: Date?

    public init(source: String, channelName: String, unit: String = "", values: [Double], sampleRateHz: Double, startDate: Date? = nil) {
        self.source = source
        self.channelName = channelName
        self.unit = unit
        self.values = values
        self.sampleRateHz = sampleRateHz
        self.startDate = startDate
    }

    /// Channel `channelIndex` of `recording` (default: its perfusion channel).
    public init(recording: Recording, channelIndex: Int? = nil) {
        let channel = recording.channels[channelIndex ?? recording.perfusionChannelIndex]
        self.init(source: recording.provenance.source, channelName: channel.name, unit: channel.unit, values: channel.values,
                  sampleRateHz: recording.sampleRateHz, startDate: recording.startDate)
    }

    /// "source [channel]", naming a side in notes.
    public var label: String { "\(source) [\(channelName)]" }

    var durationSeconds: Double { Double(values.count) / sampleRateHz }
}

/// Two signals on one uniform time grid, ready for the coherence analysis.
///
/// Rules: the pair is analysed at the lower of the two sampling rates (the faster signal is
/// linearly interpolated onto it); when both files give a start time the signals are aligned on
/// the wall clock, otherwise at their first samples; only the time both cover is analysed, and
/// within it the longest stretch where both are gap-free. Each of these steps, when it changes
/// anything, leaves a diagnostic.
///
/// Methods: docs/METHODS.md §8.1.
public struct CoherencePairInput: Sendable {
    public var first: [Double]
    public var second: [Double]
    public var sampleRateHz: Double
    /// Start of the analysed stretch in seconds from the first signal's first sample.
    public var startSeconds: Double
    public var diagnostics: [Diagnostic]

    /// Fewest common samples analysed.
    public static let minimumSampleCount = 16

    public var durationSeconds: Double { Double(first.count) / sampleRateHz }

    /// Aligns `a` and `b`; `hampel`, when given, cleans each signal after alignment.
    /// - Throws: `LDFError` naming the file when the signals do not overlap in time, have too
    ///   short a common gap-free stretch, or one of them is constant there.
    public init(_ a: CoherenceSignal, _ b: CoherenceSignal, hampel: HampelOptions? = nil) throws {
        var notes: [Diagnostic] = []
        let rate = min(a.sampleRateHz, b.sampleRateHz)
        if abs(a.sampleRateHz - b.sampleRateHz) > 1e-9 * rate {
            let faster = a.sampleRateHz > b.sampleRateHz ? a : b
            notes.append(.warning("resampled",
                "\(faster.label) is sampled at \(MessageNumber.short(faster.sampleRateHz)) Hz and the other signal at \(MessageNumber.short(rate)) Hz: it was resampled to \(MessageNumber.short(rate)) Hz by linear interpolation"))
        }
        var offset = 0.0 // start of b in a's time
        if let startA = a.startDate, let startB = b.startDate {
            offset = startB.timeIntervalSince(startA)
        } else if abs(a.durationSeconds - b.durationSeconds) > 0.5 / rate {
            notes.append(.info("aligned_at_start", "no start times in the files: the signals were aligned at their first samples"))
        }
        let start = max(0, offset), end = min(a.durationSeconds, offset + b.durationSeconds)
        let count = Int(((end - start) * rate + 1e-6).rounded(.down))
        guard count >= Self.minimumSampleCount else {
            let what = end <= start ? "do not overlap in time" : "overlap for only \(MessageNumber.short(max(0, end - start))) s"
            throw LDFError("\(a.source), \(b.source)",
                           "the two signals \(what) (first: 0–\(MessageNumber.short(a.durationSeconds)) s, second: \(MessageNumber.short(offset))–\(MessageNumber.short(offset + b.durationSeconds)) s on the first one's clock)",
                           fix: "give two recordings made at the same time, or two channels of one file with \(parameter: "channels")")
        }
        let tolerance = 0.5 / rate
        if start > tolerance || -offset > tolerance || a.durationSeconds - end > tolerance || offset + b.durationSeconds - end > tolerance {
            notes.append(.warning("cut_to_overlap",
                "the signals cover different times (first \(MessageNumber.short(a.durationSeconds)) s, second \(MessageNumber.short(b.durationSeconds)) s): only their overlap \(MessageNumber.short(start))–\(MessageNumber.short(end)) s of the first signal's time is analysed"))
        }
        var x = Self.resample(a, rate: rate, from: start, count: count)
        var y = Self.resample(b, rate: rate, from: start - offset, count: count)
        let both = x.indices.map { x[$0].isFinite && y[$0].isFinite ? 0.0 : .nan }
        guard let run = BandAnalysisInput.longestFiniteRun(both), run.count >= Self.minimumSampleCount else {
            throw LDFError("\(a.source), \(b.source)", "the signals have no common gap-free stretch of \(Self.minimumSampleCount) samples",
                           fix: "bridge gaps with \(parameter: "maxBridge") SECONDS or check the channels")
        }
        if run.count < count {
            notes.append(.warning("gap",
                "gaps in either signal: analysing the longest stretch where both are gap-free, \(MessageNumber.short(start + Double(run.lowerBound) / rate))–\(MessageNumber.short(start + Double(run.upperBound) / rate)) s (\(MessageNumber.short(100 * Double(run.count) / Double(count)))% of the overlap)"))
        }
        x = Array(x[run])
        y = Array(y[run])
        for (values, signal) in [(x, a), (y, b)] {
            guard let low = values.min(), let high = values.max(), low < high else {
                throw LDFError(signal.source, "the channel '\(signal.channelName)' is constant (\(values[0])) over the analysed stretch: it has no phase, so its coherence is undefined",
                               fix: "check that the channel is the flux channel and that the probe was recording")
            }
        }
        if let hampel {
            for (index, label) in [a.label, b.label].enumerated() {
                let result = try HampelFilter(options: hampel).apply(index == 0 ? x : y, sampleRateHz: rate)
                if index == 0 { x = result.values } else { y = result.values }
                notes.append(.info("hampel", "\(label): Hampel filter replaced \(result.replacedCount) samples (\(MessageNumber.short(result.replacedPercent))%)"))
            }
        }
        first = x
        second = y
        sampleRateHz = rate
        startSeconds = start + Double(run.lowerBound) / rate
        diagnostics = notes
    }

    /// `count` samples of `signal` at `rate` from `start` seconds (its own clock), by linear
    /// interpolation; exact copies where the grids coincide; NaN next to a NaN sample.
    static func resample(_ signal: CoherenceSignal, rate: Double, from start: Double, count: Int) -> [Double] {
        let values = signal.values
        return (0..<count).map { j in
            let position = (start + Double(j) / rate) * signal.sampleRateHz
            let nearest = position.rounded()
            if abs(position - nearest) < 1e-6 {
                let i = Int(nearest)
                return values.indices.contains(i) ? values[i] : .nan
            }
            let i = Int(position.rounded(.down))
            guard i >= 0, i + 1 < values.count else { return .nan }
            let w = position - Double(i)
            return values[i] + w * (values[i + 1] - values[i])
        }
    }
}
