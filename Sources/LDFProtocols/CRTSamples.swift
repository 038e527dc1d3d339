import LDFCore

/// The samples a capillary-refill analysis fits: one channel at the file's own time stamps
/// (camera frames may come at irregular times; they are never resampled), with the file's events,
/// all on the file's time axis (s). Missing samples (non-finite, masked, device sentinels) are left out.
public struct CRTSamples: Sendable {
    public var source: String
    public var channel: String
    public var unit: String
    /// Strictly increasing, s, on the file's axis.
    public var times: [Double]
    public var values: [Double]
    /// Events on the file's axis.
    public var events: [Event]
    /// Whether the stamps are the file's own uneven ones (true) or a uniform grid.
    public var irregular: Bool

    public init(source: String, channel: String, unit: String, times: [Double], values: [Double], events: [Event], irregular: Bool) {
        precondition(times.count == values.count, "times and values differ in length")
        self.source = source
        self.channel = channel
        self.unit = unit
        self.times = times
        self.values = values
        self.events = events
        self.irregular = irregular
    }

    /// The analysed channel of a uniform recording, on its grid.
    public init(recording: Recording) {
        let channel = recording.perfusion
        var times: [Double] = [], values: [Double] = []
        for (i, v) in channel.values.enumerated() where v.isFinite {
            times.append(recording.fileTime(recording.time(ofSample: i)))
            values.append(v)
        }
        self.init(source: recording.provenance.source, channel: channel.name, unit: channel.unit, times: times, values: values,
                  events: recording.events.map { $0.shifted(by: recording.timeOriginSeconds) }, irregular: false)
    }

    /// The analysed channel of `recording` at the raw stamps of the `table` it was assembled from,
    /// when the assembly had to interpolate uneven stamps onto a grid; the grid otherwise (it then
    /// holds the file's own samples). Raw values that are non-finite or in `sentinels` are left out.
    public init(table: SampleTable, recording: Recording, sentinels: [Double] = AssemblyOptions.defaultSentinels) {
        let index = recording.perfusionChannelIndex
        guard recording.provenance.resampled, let times = table.times, index < table.columns.count,
              table.columns.allSatisfy({ $0.sampleRateHz == nil }), table.columns[index].name == recording.perfusion.name else {
            self.init(recording: recording)
            return
        }
        var kept: [Double] = [], values: [Double] = []
        for (t, v) in zip(times, table.columns[index].values) where v.isFinite && !sentinels.contains(v) {
            kept.append(t)
            values.append(v)
        }
        self.init(source: recording.provenance.source, channel: recording.perfusion.name, unit: recording.perfusion.unit,
                  times: kept, values: values, events: recording.events.map { $0.shifted(by: recording.timeOriginSeconds) }, irregular: true)
    }

    /// Index of the first sample at or after `time` (count when none).
    func firstIndex(atOrAfter time: Double) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Median interval between stamps, s.
    var medianIntervalSeconds: Double {
        guard times.count > 1 else { return .nan }
        return Statistics.median(zip(times.dropFirst(), times).map { $0 - $1 })
    }
}
