import LDFCore

/// Statistics of one channel over one interval. Values are nil with a reason when they cannot be
/// computed (no valid sample, no reference, ...).
public struct EpochChannelStatistics: Sendable, Equatable {
    public var interval: EpochInterval
    public var channel: String
    public var unit: String
    /// Samples in the interval, and the share of them that are valid (finite), 0-1.
    public var sampleCount: Int
    public var validShare: Double?
    public var mean: Double?
    public var median: Double?
    /// Sample standard deviation (n - 1); nil for fewer than 2 valid samples.
    public var standardDeviation: Double?
    public var minimum: Double?
    public var maximum: Double?
    /// Cutaneous vascular conductance, mean / mean arterial pressure (unit/mmHg), perfusion
    /// channels only, when a pressure is given.
    public var cvc: Double?
    /// Change of the mean from the reference interval's mean: absolute (unit) and in %.
    public var changeFromReference: Double?
    public var percentChangeFromReference: Double?
    /// Why values are nil, per field name ("mean", "cvc", "change", ...).
    public var reasons: [String: String]
}

/// Settings of an epoch analysis.
public struct EpochOptions: Sendable, Equatable {
    /// Mean arterial pressure for CVC, mmHg; nil for none.
    public var meanArterialPressureMmHg: Double?
    /// Name of the interval changes are measured from; nil for none.
    public var referenceName: String?

    public init(meanArterialPressureMmHg: Double? = nil, referenceName: String? = nil) {
        self.meanArterialPressureMmHg = meanArterialPressureMmHg
        self.referenceName = referenceName
    }
}

/// Per interval and channel statistics of a recording (the basis of most protocols: baseline,
/// drug, heating, loading, recovery):
/// the samples whose time on the file's axis is in [start, end).
public struct EpochReport: Sendable {
    public var source: String
    public var intervals: [EpochInterval]
    /// In interval order, then channel order.
    public var rows: [EpochChannelStatistics]
    public var diagnostics: [Diagnostic]
    public var options: EpochOptions
    public var timeOriginSeconds: Double

    /// Analyses every channel of `recording` over the intervals of `source`. Throws when the
    /// intervals cannot be made (see `EpochSource.intervals(in:)`), or when the reference names
    /// no interval (or more than one).
    public init(recording: Recording, source: EpochSource, options: EpochOptions = EpochOptions()) throws {
        let (intervals, notes) = try source.intervals(in: recording)
        self.source = recording.provenance.source
        self.intervals = intervals
        self.options = options
        timeOriginSeconds = recording.timeOriginSeconds
        diagnostics = notes
        if let name = options.referenceName {
            let matches = intervals.filter { $0.name == name }
            guard matches.count == 1 else {
                let names = intervals.map(\.name).joined(separator: ", ")
                throw LDFError("\(parameter: "reference") \(name)", matches.isEmpty ? "no interval is named '\(name)' (intervals: \(names))"
                               : "\(matches.count) intervals are named '\(name)'", fix: "name one interval, e.g. \(parameter: "reference") \(intervals[0].name)")
            }
        }
        let rate = recording.sampleRateHz
        func samples(_ interval: EpochInterval, _ channel: Channel) -> ArraySlice<Double> {
            let lo = max(0, Int((recording.offset(fromFileTime: interval.startSeconds) * rate - 1e-9).rounded(.up)))
            let hi = min(channel.values.count, Int((recording.offset(fromFileTime: interval.endSeconds) * rate - 1e-9).rounded(.up)))
            return lo < hi ? channel.values[lo..<hi] : []
        }
        var rows: [EpochChannelStatistics] = []
        for interval in intervals {
            for channel in recording.channels {
                rows.append(Self.statistics(Array(samples(interval, channel)), interval: interval, channel: channel, options: options))
            }
        }
        if let name = options.referenceName {
            for i in rows.indices {
                guard let reference = rows.first(where: { $0.interval.name == name && $0.channel == rows[i].channel }) else { continue }
                guard let mean = rows[i].mean else { rows[i].reasons["change"] = rows[i].reasons["mean"]; continue }
                guard let base = reference.mean else {
                    rows[i].reasons["change"] = "the reference interval '\(name)' has no valid samples"
                    continue
                }
                rows[i].changeFromReference = mean - base
                if base != 0 { rows[i].percentChangeFromReference = 100 * (mean - base) / abs(base) }
                else { rows[i].reasons["percent_change"] = "the reference mean is 0" }
            }
        }
        self.rows = rows
    }

    static func statistics(_ values: [Double], interval: EpochInterval, channel: Channel, options: EpochOptions) -> EpochChannelStatistics {
        let stats = SummaryStatistics(values)
        var row = EpochChannelStatistics(interval: interval, channel: channel.name, unit: channel.unit, sampleCount: values.count,
                                         validShare: values.isEmpty ? nil : Double(stats.count) / Double(values.count),
                                         reasons: [:])
        guard stats.count > 0 else {
            row.reasons["mean"] = values.isEmpty ? "the interval holds no sample" : "no valid sample in the interval (all \(values.count) missing)"
            return row
        }
        row.mean = stats.mean
        row.median = stats.median
        row.minimum = stats.minimum
        row.maximum = stats.maximum
        if stats.count >= 2 { row.standardDeviation = stats.standardDeviation } else { row.reasons["sd"] = "only one valid sample" }
        if channel.kind == .perfusion {
            if let map = options.meanArterialPressureMmHg { row.cvc = stats.mean / map } else { row.reasons["cvc"] = "no mean arterial pressure given" }
        } else {
            row.reasons["cvc"] = "not a perfusion channel"
        }
        return row
    }
}
