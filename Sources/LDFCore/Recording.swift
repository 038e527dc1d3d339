import Foundation

/// A uniformly sampled recording: channels sharing one time base, events and provenance.
///
/// Sample `i` is at `Double(i) / sampleRateHz` seconds from the first sample. Masked samples are
/// NaN and listed in `provenance.gaps` when they were too long to bridge.
public struct Recording: Sendable {
    public var channels: [Channel]
    /// Uniform sample rate in Hz.
    public var sampleRateHz: Double
    /// Wall-clock time of the first sample, when the file gives a date and time (local time
    /// stored as if UTC; `clockStart` holds the same reading, and a time of day without a date).
    public var startDate: Date?
    /// The first sample's clock time as written (local, no zone), when the file says it.
    public var clockStart: ClockStart?
    /// Events sorted by time, in seconds from the first sample.
    public var events: [Event]
    public var provenance: Provenance
    /// Index into `channels` of the channel analysed as perfusion.
    public var perfusionChannelIndex: Int
    /// Time of sample 0 on the recording's own axis, in seconds: the file's time column as written
    /// (it may be negative, e.g. t = 0 at the first loading, or 2101 s), or 0 when the file has no
    /// time column. Analyses work in seconds from the first sample (`time(ofSample:)`, event and
    /// gap times); every time shown to a user is `fileTime(_:)` of those, and every time a user
    /// gives is converted back with `offset(fromFileTime:)`.
    public var timeOriginSeconds: Double
    /// Every key–value pair of the file's header block, in file order (e.g. "Sample rate" = "32 Hz").
    public var metadata: [MetadataEntry]
    /// Channels the file stores at a rate other than the common grid, kept at their own rate
    /// (`resampledToCommonGrid(for:)` puts them on the grid when an analysis needs it).
    public var nativeChannels: [NativeRateChannel] = []

    public init(channels: [Channel], sampleRateHz: Double, startDate: Date? = nil, events: [Event] = [],
                provenance: Provenance, perfusionChannelIndex: Int = 0, timeOriginSeconds: Double = 0,
                metadata: [MetadataEntry] = [], clockStart: ClockStart? = nil) {
        precondition(!channels.isEmpty, "a recording needs at least one channel")
        precondition(sampleRateHz > 0 && sampleRateHz.isFinite, "sample rate must be positive")
        precondition(channels.allSatisfy { $0.values.count == channels[0].values.count },
                     "all channels of a recording share one time base")
        precondition(channels.indices.contains(perfusionChannelIndex), "perfusion channel index out of range")
        self.channels = channels
        self.sampleRateHz = sampleRateHz
        self.startDate = startDate ?? clockStart?.date
        self.clockStart = clockStart ?? startDate.map(ClockStart.init(date:))
        self.events = events.sorted { $0.timeSeconds < $1.timeSeconds }
        self.provenance = provenance
        self.perfusionChannelIndex = perfusionChannelIndex
        self.timeOriginSeconds = timeOriginSeconds
        self.metadata = metadata
    }

    /// Number of samples per channel.
    public var sampleCount: Int { channels[0].values.count }
    /// Sampling interval in seconds.
    public var samplingIntervalSeconds: Double { 1 / sampleRateHz }
    /// Duration in seconds, `sampleCount / sampleRateHz` (each sample covers one interval).
    public var durationSeconds: Double { Double(sampleCount) / sampleRateHz }
    /// The channel analysed as perfusion.
    public var perfusion: Channel { channels[perfusionChannelIndex] }

    /// Time in seconds of sample `index`, from the first sample.
    public func time(ofSample index: Int) -> Double { Double(index) / sampleRateHz }

    /// A time in seconds from the first sample, on the recording's own axis (what users read).
    public func fileTime(_ secondsFromFirstSample: Double) -> Double { secondsFromFirstSample + timeOriginSeconds }

    /// A time on the recording's own axis (what users write), in seconds from the first sample.
    public func offset(fromFileTime fileTimeSeconds: Double) -> Double { fileTimeSeconds - timeOriginSeconds }

    /// The first channel of a kind, if any (e.g. `.pressure` for a cuff channel).
    public func channel(ofKind kind: ChannelKind) -> Channel? { channels.first { $0.kind == kind } }

    /// Samples `range` of every channel, with events and gaps shifted to the new origin.
    public func slice(_ range: Range<Int>) -> Recording {
        precondition(range.lowerBound >= 0 && range.upperBound <= sampleCount && !range.isEmpty, "slice out of range")
        let offset = time(ofSample: range.lowerBound)
        let end = time(ofSample: range.upperBound)
        var copy = self
        copy.channels = channels.map { ch in
            var c = ch
            c.values = Array(ch.values[range])
            return c
        }
        copy.events = events.filter { $0.timeSeconds >= offset && $0.timeSeconds < end }
            .map { $0.shifted(by: -offset) }
        func clip(_ gaps: [Gap]) -> [Gap] {
            gaps.compactMap { gap in
                let s = max(gap.startSeconds, offset), e = min(gap.endSeconds, end)
                return s < e ? Gap(startSeconds: s - offset, endSeconds: e - offset) : nil
            }
        }
        func clip(_ runs: [Range<Int>]) -> [Range<Int>] {
            runs.compactMap { run in
                let clipped = run.clamped(to: range)
                return clipped.isEmpty ? nil : (clipped.lowerBound - range.lowerBound)..<(clipped.upperBound - range.lowerBound)
            }
        }
        copy.provenance.gaps = clip(provenance.gaps)
        for i in copy.provenance.channelQuality.indices {
            let quality = provenance.channelQuality[i]
            copy.provenance.channelQuality[i].gaps = clip(quality.gaps)
            copy.provenance.channelQuality[i].filledRuns = clip(quality.filledRuns)
            copy.provenance.channelQuality[i].bridgedRuns = clip(quality.bridgedRuns)
        }
        copy.nativeChannels = nativeChannels.map { $0.sliced(fromSeconds: offset, toSeconds: end) }
        if let startDate { copy.startDate = startDate.addingTimeInterval(offset) }
        copy.clockStart = clockStart?.adding(offset)
        copy.timeOriginSeconds = timeOriginSeconds + offset
        return copy
    }
}
