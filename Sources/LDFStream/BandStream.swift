import DequeModule
import LDFCore
import LDFSpectral

/// The band analysis of one window of a stream.
public struct StreamWindowResult: Sendable {
    /// 0-based count of windows analysed so far.
    public var index: Int
    /// Start and end of the window in seconds from the stream's first sample (end = time of the
    /// last sample + one interval).
    public var startSeconds: Double
    public var endSeconds: Double
    /// The same analysis `ldf bands` gives for this stretch; nil when the window could not be
    /// analysed (then `error` says why).
    public var analysis: BandAnalysis?
    public var error: String?
    public var quality: WindowQuality
    /// Mean, median and sample SD of the window's perfusion (finite samples only), in the
    /// channel's unit.
    public var perfusion: SummaryStatistics
    /// Whether this is the record flushed at the end of input (it may cover less than a window).
    public var isFinal: Bool
}

/// Sliding-window band analysis with memory bounded by the window: feed uniform grid samples
/// (from `StreamingGrid`), get a result every hop once the window is full, and a final one at the
/// end of input.
///
/// Methods: docs/METHODS.md §13.
public struct BandStream: Sendable {
    public let sampleRateHz: Double
    /// Settings after dropping bands too short for the window.
    public let settings: StreamWindowSettings
    /// One warning per band dropped because the window is too short for it.
    public let droppedBands: [Diagnostic]
    public let windowSamples: Int
    public let hopSamples: Int
    /// Name and unit of the analysed channel (carried into each window's recording).
    public let channelName: String
    public let channelUnit: String

    private var values: Deque<Double> = []
    private var flags: Deque<GridSampleFlags> = []
    /// Per sample of the window: whether the artifact detector would replace it. Each sample is
    /// judged once, when the window holding it is analysed, with the samples up to then.
    private var artifacts: Deque<Bool> = []
    private var total = 0
    private var sinceLast = 0
    private var windowsDone = 0
    private let detector: HampelFilter

    public init(sampleRateHz: Double, settings: StreamWindowSettings, channelName: String = "flux", channelUnit: String = "PU") throws {
        let resolved = try settings.resolved(sampleRateHz: sampleRateHz)
        self.sampleRateHz = sampleRateHz
        self.settings = resolved.settings
        self.droppedBands = resolved.dropped
        self.windowSamples = Int((settings.windowSeconds * sampleRateHz).rounded())
        self.hopSamples = max(1, Int((settings.hopSeconds * sampleRateHz).rounded()))
        self.channelName = channelName
        self.channelUnit = channelUnit
        self.detector = try HampelFilter(options: settings.artifactDetector)
        values.reserveCapacity(windowSamples)
        flags.reserveCapacity(windowSamples)
    }

    /// Adds grid samples; returns the windows completed by them (usually none or one), analysed.
    public mutating func append(_ newValues: [Double], flags newFlags: [GridSampleFlags]) -> [StreamWindowResult] {
        takeWindows(newValues, flags: newFlags).map { $0.run() }
    }

    /// Adds grid samples; returns the windows completed by them, to be analysed (`run`) on any
    /// thread: each window's result is the same whenever and wherever it runs.
    public mutating func takeWindows(_ newValues: [Double], flags newFlags: [GridSampleFlags]) -> [StreamWindowJob] {
        precondition(newValues.count == newFlags.count, "one flag per sample")
        var results: [StreamWindowJob] = []
        for (value, flag) in zip(newValues, newFlags) {
            if values.count == windowSamples {
                values.removeFirst()
                flags.removeFirst()
                if !artifacts.isEmpty { artifacts.removeFirst() }
            }
            values.append(value)
            flags.append(flag)
            total += 1
            sinceLast += 1
            if values.count == windowSamples && (windowsDone == 0 || sinceLast >= hopSamples) {
                results.append(takeWindow(isFinal: false))
            }
        }
        return results
    }

    /// Passes over `count` grid samples of a gap longer than the window: the window empties and
    /// fills again after it; times keep counting, so later windows stay on the stream's time base.
    public mutating func skip(_ count: Int) {
        values.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        artifacts.removeAll(keepingCapacity: true)
        total += count
        sinceLast = 0
    }

    /// At the end of input: the window ending at the last sample when samples arrived since the
    /// last record (shorter than a window if the stream was), else nil.
    public mutating func finish() -> StreamWindowResult? {
        finishWindow()?.run()
    }

    /// `finish`, the window not yet analysed.
    public mutating func finishWindow() -> StreamWindowJob? {
        guard !values.isEmpty, sinceLast > 0 || windowsDone == 0 else { return nil }
        return takeWindow(isFinal: true)
    }

    /// Samples received so far.
    public var sampleCount: Int { total }

    /// The window's samples and everything about them that depends on the stream so far (times,
    /// counts, the artifact detector's verdicts when the analysis runs no Hampel filter).
    private mutating func takeWindow(isFinal: Bool) -> StreamWindowJob {
        let window = Array(values)
        let end = Double(total) / sampleRateHz
        let start = end - Double(window.count) / sampleRateHz
        var quality = WindowQuality(gapSamples: 0, bridgedSamples: 0, saturatedSamples: 0, artifactFraction: 0, samples: window.count)
        for (v, f) in zip(window, flags) {
            if v.isNaN { quality.gapSamples += 1 }
            if f.contains(.bridged) { quality.bridgedSamples += 1 }
            if f.contains(.overRange) { quality.saturatedSamples += 1 }
        }
        var detected: Double?
        if settings.analysis.hampel == nil {
            judgeArtifacts(in: window)
            detected = StreamWindowJob.flaggedFraction(window, artifacts)
        }
        let job = StreamWindowJob(index: windowsDone, startSeconds: start, endSeconds: end, values: window, quality: quality,
                                  detectedArtifactFraction: detected, isFinal: isFinal, sampleRateHz: sampleRateHz,
                                  settings: settings, detector: detector, channelName: channelName, channelUnit: channelUnit)
        windowsDone += 1
        sinceLast = 0
        return job
    }

    /// Runs the artifact detector over the samples not judged yet (with half a detector window of
    /// already-judged samples before them as context), so each sample costs one detector step
    /// whatever the window/hop ratio. A sample's verdict uses the samples up to the window's end.
    private mutating func judgeArtifacts(in window: [Double]) {
        let pending = window.count - artifacts.count
        guard pending > 0 else { return }
        let context = min(artifacts.count, settings.artifactDetector.halfWidth(sampleRateHz: sampleRateHz))
        let segment = Array(window[(window.count - pending - context)...])
        var verdict = [Bool](repeating: false, count: segment.count)
        for i in detector.apply(segment, sampleRateHz: sampleRateHz).replacedIndices { verdict[i] = true }
        artifacts.append(contentsOf: verdict[context...])
    }
}
