/// A stretch of the recording with no usable data, in seconds from the first sample.
public struct Gap: Sendable, Equatable, Codable {
    public var startSeconds: Double
    public var endSeconds: Double
    public var durationSeconds: Double { endSeconds - startSeconds }

    public init(startSeconds: Double, endSeconds: Double) {
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
    }
}

/// What reading did to one channel: masked, out-of-range and bridged samples, sentinels, gaps,
/// and warnings about its values (e.g. mostly negative perfusion). Counts are in grid samples
/// (masking counts are of the file's rows).
public struct ChannelQuality: Sendable, Equatable {
    /// Grid samples inside time gaps that were filled by interpolation.
    public var resampledGaps: Int = 0
    /// Rows masked as invalid (non-finite, `*`, device sentinels, out of range).
    public var maskedSamples: Int = 0
    /// Of those, values outside the channel's plausible range (`RecordingAssembler.outOfRangeFactor`).
    public var outOfRangeSamples: Int = 0
    /// Masked samples bridged by linear interpolation.
    public var interpolatedSamples: Int = 0
    /// Device sentinels seen, by value.
    public var sentinelCounts: [Double: Int] = [:]
    /// Stretches left NaN.
    public var gaps: [Gap] = []
    /// Grid sample ranges with no row in the file, filled by interpolation across a short time
    /// gap (`resampledGaps` counts their samples).
    public var filledRuns: [Range<Int>] = []
    /// Grid sample ranges whose values were masked and bridged by linear interpolation
    /// (`interpolatedSamples` counts their samples).
    public var bridgedRuns: [Range<Int>] = []
    /// Warnings about this channel's values.
    public var diagnostics: [Diagnostic] = []

    public init() {}
}

/// Everything done to the data between the file and the analysis, so results can be trusted and
/// reproduced. Counts are in samples of the uniform grid, and are those of the analysed
/// (perfusion) channel; `channelQuality` holds them for every channel.
public struct Provenance: Sendable, Equatable {
    /// Path of the file, or "-" for standard input.
    public var source: String
    /// Reader that parsed it, e.g. "delimited", "labchart".
    public var reader: String
    /// Sample rate the file declared (LabChart `Interval`, or `--rate`), if any, in Hz.
    public var nominalSampleRateHz: Double?
    /// Sample rate measured from the time stamps (median interval), in Hz; nil without time stamps.
    public var measuredSampleRateHz: Double?
    /// Grid samples that had no sample in the file and were filled by linear interpolation
    /// (single missing samples, small timing gaps).
    public var resampledGaps: Int = 0
    /// Whether time stamps were uneven enough that values were linearly interpolated onto the grid.
    public var resampled: Bool = false
    /// Samples masked as invalid (non-finite, `*`, device sentinels), before interpolation.
    public var maskedSamples: Int = 0
    /// Masked samples that were bridged by linear interpolation (short runs only).
    public var interpolatedSamples: Int = 0
    /// Device sentinel values seen, by value (e.g. -2500 no probe, +5000 over range).
    public var sentinelCounts: [Double: Int] = [:]
    /// Stretches too long to bridge; the samples stay NaN and analyses must skip or split them.
    public var gaps: [Gap] = []
    /// Of `maskedSamples`, values outside the channel's plausible range.
    public var outOfRangeSamples: Int = 0
    /// Other notes, e.g. "2 LabChart blocks joined; 3.25 s between them left as a gap".
    public var notes: [String] = []
    /// Warnings about the file as a whole (a header rate that disagrees with the time column, a
    /// flickering state column, rows with extra cells, event-map labels that never occur).
    public var diagnostics: [Diagnostic] = []
    /// What reading did to each channel, in `Recording.channels` order (empty when unknown).
    public var channelQuality: [ChannelQuality] = []

    public init(source: String, reader: String) {
        self.source = source
        self.reader = reader
    }
}

extension Provenance {
    /// Makes channel `index`'s counts the analysed channel's (`Recording.analysing(channelAt:)`).
    mutating func adopt(channelAt index: Int) {
        guard channelQuality.indices.contains(index) else { return }
        let q = channelQuality[index]
        resampledGaps = q.resampledGaps
        maskedSamples = q.maskedSamples
        outOfRangeSamples = q.outOfRangeSamples
        interpolatedSamples = q.interpolatedSamples
        sentinelCounts = q.sentinelCounts
        gaps = q.gaps
    }
}
