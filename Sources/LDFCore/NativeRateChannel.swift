/// A channel kept at the rate the file stores it at, because that rate differs from the
/// recording's common grid (the perfusion channel's rate): a 1 Hz skin temperature beside 32 Hz
/// flux in an EDF file, a cuff pressure at a quarter of the AcqKnowledge base rate, a WFDB signal
/// with more samples per frame.
///
/// Sample `i` is at `Double(i) / sampleRateHz` seconds from the recording's first sample. Nothing
/// is resampled until an analysis asks for a common grid (`Recording.resampledToCommonGrid`),
/// which then says so in the provenance.
public struct NativeRateChannel: Sendable, Equatable {
    public var channel: Channel
    /// The channel's own rate in Hz.
    public var sampleRateHz: Double

    public init(channel: Channel, sampleRateHz: Double) {
        precondition(sampleRateHz > 0 && sampleRateHz.isFinite, "a channel's rate must be positive")
        self.channel = channel
        self.sampleRateHz = sampleRateHz
    }

    /// Duration in seconds, `count / rate` (each sample covers one interval).
    public var durationSeconds: Double { Double(channel.values.count) / sampleRateHz }

    /// The samples from `startSeconds` (inclusive) to `endSeconds` (exclusive), re-based so that
    /// the first kept sample is at `startSeconds` rounded up to this channel's grid.
    public func sliced(fromSeconds startSeconds: Double, toSeconds endSeconds: Double) -> NativeRateChannel {
        let n = channel.values.count
        let first = min(n, max(0, Int((startSeconds * sampleRateHz).rounded(.up))))
        let last = min(n, max(first, Int((endSeconds * sampleRateHz).rounded(.up))))
        var copy = self
        copy.channel.values = Array(channel.values[first..<last])
        return copy
    }

    /// The channel's value at `seconds` from the first sample by linear interpolation between its
    /// two neighbouring samples; the last sample holds for one interval; NaN outside, or when a
    /// neighbour is NaN.
    @inline(__always)
    func value(atSeconds seconds: Double) -> Double {
        let values = channel.values
        let position = seconds * sampleRateHz
        guard position >= 0, position < Double(values.count) else { return .nan }
        let lower = Int(position)
        guard lower + 1 < values.count else { return values[lower] }
        let w = position - Double(lower)
        return w == 0 ? values[lower] : values[lower] + w * (values[lower + 1] - values[lower])
    }
}
