import LDFCore

/// The perfusion samples a spectral analysis receives: a gap-free stretch of the recording,
/// optionally cleaned by the Hampel filter, with notes on what was done.
///
/// Gap rule: spectral estimates need an uninterrupted, uniformly sampled signal, and NaN must never
/// reach an FFT. Short runs of missing samples are bridged when the recording is assembled
/// (`--max-bridge`); when NaN runs remain, the longest gap-free stretch is analysed (the first one
/// on a tie) and a `gap` diagnostic says which part and how much of the recording was left out.
/// Analysing the pieces separately and averaging is not done: pieces shorter than the lowest band's
/// cycles would bias the low bands.
///
/// Methods: docs/METHODS.md §4.1.
public struct BandAnalysisInput: Sendable {
    /// Finite perfusion samples, in the channel's unit.
    public var values: [Double]
    public var sampleRateHz: Double
    /// Where the stretch starts in the recording, seconds from the first sample.
    public var startSeconds: Double
    /// The recording's first sample on its own time axis (`Recording.timeOriginSeconds`), so
    /// `timeOriginSeconds + startSeconds` is the stretch's start as users read it.
    public var timeOriginSeconds: Double
    /// What the Hampel filter did, when it was applied.
    public var hampel: HampelResult?
    /// Gap and Hampel notes.
    public var diagnostics: [Diagnostic]

    /// Length of the stretch in seconds (`values.count / sampleRateHz`).
    public var durationSeconds: Double { Double(values.count) / sampleRateHz }

    /// Fewest samples analysed (the wavelet transform needs 16; Welch a few segments' worth).
    public static let minimumSampleCount = 16

    /// Selects the stretch of `recording`'s perfusion channel and applies `hampel` to it.
    /// - Throws: `LDFError` naming the file when the channel has no usable stretch or is constant.
    public init(recording: Recording, hampel: HampelOptions? = nil) throws {
        let source = recording.provenance.source
        let channel = recording.perfusion
        let all = channel.values
        guard let run = Self.longestFiniteRun(all) else {
            throw LDFError(source, "the perfusion channel '\(channel.name)' has no valid sample",
                           fix: "check the export, or pick another channel with \(parameter: "channel")")
        }
        let rate = recording.sampleRateHz
        guard run.count >= Self.minimumSampleCount else {
            throw LDFError(source, "the longest stretch without gaps has \(run.count) samples (at least \(Self.minimumSampleCount) are needed)",
                           fix: "bridge longer gaps with \(parameter: "maxBridge") SECONDS or export a longer recording")
        }
        var diagnostics: [Diagnostic] = []
        if run.count < all.count {
            let start = recording.fileTime(Double(run.lowerBound) / rate), end = recording.fileTime(Double(run.upperBound) / rate)
            let share = 100 * Double(run.count) / Double(all.count)
            diagnostics.append(.warning("gap",
                "the recording has gaps (\(all.count - run.count) samples outside the analysed stretch); analysing the longest "
                + "gap-free stretch \(MessageNumber.short(start))–\(MessageNumber.short(end)) s "
                + "(\(MessageNumber.short(share))% of the recording); bridge gaps with \(parameter: "maxBridge") to use more"))
        }
        var values = Array(all[run])
        guard let low = values.min(), let high = values.max(), low < high else {
            throw LDFError(source, "the perfusion channel '\(channel.name)' is constant (\(values[0]) \(channel.unit)) over the analysed stretch; there is no oscillation to analyse",
                           fix: "check that \(parameter: "channel") names the flux channel and that the probe was recording")
        }
        var hampelResult: HampelResult?
        if let hampel {
            let result = try HampelFilter(options: hampel).apply(values, sampleRateHz: rate)
            values = result.values
            hampelResult = result
            diagnostics.append(.info("hampel",
                "Hampel filter (\(MessageNumber.short(hampel.windowSeconds)) s window, \(MessageNumber.short(hampel.threshold)) scaled MADs, "
                + "widened by \(hampel.widenSamples) samples) replaced \(result.replacedCount) samples "
                + "(\(MessageNumber.short(result.replacedPercent))%)"))
        }
        self.values = values
        self.sampleRateHz = rate
        self.startSeconds = Double(run.lowerBound) / rate
        self.timeOriginSeconds = recording.timeOriginSeconds
        self.hampel = hampelResult
        self.diagnostics = diagnostics
    }

    /// The longest run of finite values (the first on a tie), or nil when there is none.
    static func longestFiniteRun(_ values: [Double]) -> Range<Int>? {
        var best: Range<Int>?
        var start: Int?
        for i in 0...values.count {
            let finite = i < values.count && values[i].isFinite
            if finite, start == nil { start = i }
            if !finite, let s = start {
                if best == nil || i - s > best!.count { best = s..<i }
                start = nil
            }
        }
        return best
    }
}
