/// What one grid sample of a channel is, after reading (docs/METHODS.md §1.6): a sample of the
/// file, a grid point filled across a short time gap, a masked value bridged by interpolation, or
/// a sample left missing (NaN) in a gap.
public enum SampleFlag: String, Sendable, CaseIterable, Codable {
    /// A sample of the file, placed on the grid (interpolated between uneven time stamps when
    /// `Provenance.resampled`).
    case measured
    /// A grid point with no row in the file, filled by linear interpolation across a time gap of
    /// at most `--max-bridge` (`ChannelQuality.filledRuns`).
    case filled
    /// A value masked as invalid (non-finite, device sentinel, out of range) and bridged by linear
    /// interpolation (`ChannelQuality.bridgedRuns`).
    case bridged
    /// No value: masked or missing for longer than `--max-bridge`, or at either end; NaN.
    case gap

    /// What each flag means, for output legends.
    public var meaning: String {
        switch self {
        case .measured: return "a sample of the file on the uniform grid"
        case .filled: return "no sample in the file at this time; linearly interpolated across a time gap of at most max_bridge_s"
        case .bridged: return "the file's value was masked (non-finite, device sentinel or out of range) and linearly interpolated"
        case .gap: return "no value: masked or missing for longer than max_bridge_s, or at either end"
        }
    }
}

extension Recording {
    /// The flag of every sample in `range` of channel `index` (`channels` order): `gap` where the
    /// value is NaN, else `filled` or `bridged` inside the runs the reading recorded, else
    /// `measured`. A channel without reading records (one kept at its own rate and resampled to
    /// the grid) is flagged from its values alone.
    public func sampleFlags(channelAt index: Int, in range: Range<Int>) -> [SampleFlag] {
        precondition(channels.indices.contains(index), "channel index out of range")
        precondition(range.lowerBound >= 0 && range.upperBound <= sampleCount, "sample range out of bounds")
        var flags = [SampleFlag](repeating: .measured, count: range.count)
        if provenance.channelQuality.indices.contains(index) {
            let quality = provenance.channelQuality[index]
            for (runs, flag) in [(quality.filledRuns, SampleFlag.filled), (quality.bridgedRuns, .bridged)] {
                for run in runs where run.overlaps(range) {
                    for k in run.clamped(to: range) { flags[k - range.lowerBound] = flag }
                }
            }
        }
        let values = channels[index].values
        for k in range where values[k].isNaN { flags[k - range.lowerBound] = .gap }
        return flags
    }
}
