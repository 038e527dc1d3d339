import Foundation

/// Masking values that cannot be samples: non-finite cells, device sentinels, values outside a
/// channel's plausible range; and the warning for perfusion that reads mostly negative.
///
/// Methods: docs/METHODS.md §1.3.
extension RecordingAssembler {
    /// A value further than this many times the channel's typical magnitude from its median is
    /// out of range (four decades: a laser Doppler channel spans at most about three, from the
    /// biological zero to the largest hyperaemic peaks). The typical magnitude is the larger of
    /// |median| and the 99th percentile of |value - median|, so it is relative to each channel and
    /// device, never a fixed PU threshold; a channel whose values are all equal is not judged.
    public static let outOfRangeFactor = 1e4

    /// The channel's values with non-finite cells, `sentinels` and out-of-range values set to NaN,
    /// counted in `quality`.
    static func mask(_ column: SampleTable.Column, table: SampleTable, sentinels: [Double], quality: inout ChannelQuality) -> [Double] {
        var raw = column.values
        // Judged from the cells as read (a few sentinels among ~20,000 values barely move the
        // 99th percentile), so one pass masks everything.
        let range = plausibleRange(raw) ?? -Double.infinity...Double.infinity
        var first: Int?
        for i in raw.indices {
            let v = raw[i]
            if !v.isFinite {
                quality.maskedSamples += 1
                raw[i] = .nan
            } else if !sentinels.isEmpty && sentinels.contains(v) {
                quality.maskedSamples += 1
                quality.sentinelCounts[v, default: 0] += 1
                raw[i] = .nan
            } else if !range.contains(v) {
                if first == nil { first = i }
                quality.outOfRangeSamples += 1
                quality.maskedSamples += 1
                raw[i] = .nan
            }
        }
        if let first {
            quality.diagnostics.append(.warning("out_of_range",
                "channel '\(column.name)': \(quality.outOfRangeSamples) value(s) outside its plausible range "
                + "\(MessageNumber.precise(range.lowerBound)) to \(MessageNumber.precise(range.upperBound)) were masked (first at \(table.location(ofRow: first)): "
                + "\(MessageNumber.precise(column.values[first])))"))
        }
        return raw
    }

    /// The median ± `outOfRangeFactor` × the typical magnitude, from at most ~20,000 evenly spread
    /// finite values; nil when the channel is constant (nothing to judge against).
    static func plausibleRange(_ values: [Double]) -> ClosedRange<Double>? {
        let stride = max(1, values.count / 20_000)
        var sample: [Double] = []
        sample.reserveCapacity(values.count / stride + 1)
        var i = 0
        while i < values.count {
            if values[i].isFinite { sample.append(values[i]) }
            i += stride
        }
        guard sample.count >= 2 else { return nil }
        let median = sample.withUnsafeMutableBufferPointer { Statistics.select($0.count / 2, in: $0) }
        var deviations = sample.map { abs($0 - median) }
        let p99 = deviations.withUnsafeMutableBufferPointer { Statistics.select(Int(Double($0.count - 1) * 0.99), in: $0) }
        let scale = max(p99, abs(median))
        guard scale > 0, scale.isFinite else { return nil }
        let half = outOfRangeFactor * scale
        return (median - half)...(median + half)
    }

    /// A warning when most valid values of a perfusion channel are negative: flux cannot be, so
    /// the instrument's zero is offset (e.g. a probe on bone reading about -10 PU).
    static func negativePerfusionWarning(_ values: [Double], column: SampleTable.Column) -> Diagnostic? {
        var finite = 0, negative = 0
        for v in values where v.isFinite {
            finite += 1
            if v < 0 { negative += 1 }
        }
        guard finite > 0, 2 * negative > finite else { return nil }
        let median = SummaryStatistics(values).median
        return .warning("negative_perfusion",
            "perfusion channel '\(column.name)' reads mostly negative values (\(MessageNumber.precise(100 * Double(negative) / Double(finite))) % below 0, "
            + "median \(MessageNumber.precise(median))\(column.unit.isEmpty ? "" : " " + column.unit)): flux cannot be negative, so the instrument's zero "
            + "is offset (a probe on bone or off the skin?); check the probe and its zero before comparing levels")
    }
}
