import Foundation

/// Turns what a reader parsed into a uniform `Recording` (SCIENCE.md §1):
/// 1. checks the time stamps (finite, strictly increasing) and measures the sample rate;
/// 2. masks non-finite values and device sentinels (perfusion channels only);
/// 3. places the samples on a uniform grid, linearly interpolating uneven time stamps and time
///    gaps up to `maxBridgeSeconds`;
/// 4. bridges masked runs up to `maxBridgeSeconds` by linear interpolation and reports longer ones
///    (and runs at either end) as gaps, left NaN.
/// Every step is counted in the recording's `Provenance`.
public enum RecordingAssembler {
    /// Offsets smaller than this fraction of the sampling interval count as "on the grid".
    static let onGridTolerance = 0.01

    public static func assemble(_ table: SampleTable, options: AssemblyOptions = AssemblyOptions()) throws -> Recording {
        try options.validate()
        let source = table.source
        guard !table.columns.isEmpty else {
            throw LDFError(source, "no numeric data column found",
                           fix: "check the delimiter and header, or force a reader with --reader")
        }
        if table.columns.contains(where: { $0.sampleRateHz != nil }) { return try assembleMultiRate(table, options: options) }
        let rows = table.rowCount
        guard rows > 0 else {
            throw LDFError(source, "no data rows (the file is empty or holds only a header)",
                           fix: "export the recording with its samples")
        }
        guard rows >= 2 else {
            throw LDFError(source, "only a single sample; a recording needs at least 2",
                           fix: "check that the whole recording was exported")
        }
        let names = table.columns.map(\.name)
        let perfusionIndex: Int
        if let selector = options.channel {
            perfusionIndex = try selector.resolve(in: names, source: source)
        } else {
            perfusionIndex = table.columns.firstIndex { ChannelKind.guess(name: $0.name, unit: $0.unit) == .perfusion } ?? 0
        }

        var provenance = Provenance(source: source, reader: table.reader)
        provenance.notes = table.notes
        provenance.nominalSampleRateHz = options.rateHz ?? table.declaredRateHz

        // 1. Time base.
        let rate: Double
        var origin = 0.0
        if let times = table.times {
            try checkMonotonic(times, table: table)
            let measured = 1 / estimateInterval(times)
            provenance.measuredSampleRateHz = measured
            rate = options.rateHz ?? table.declaredRateHz ?? nominalRate(measured)
            origin = times[0]
        } else {
            guard let r = options.rateHz ?? table.declaredRateHz else {
                throw LDFError(source, "the file has no time column and no sample rate",
                               fix: "give the rate with --rate HZ (e.g. --rate 32)")
            }
            rate = r
        }

        // 2-4. Channels.
        let maxBridgeSamples = Int((options.maxBridgeSeconds * rate).rounded(.down))
        var channels: [Channel] = []
        channels.reserveCapacity(table.columns.count)
        for (c, column) in table.columns.enumerated() {
            let isPerfusion = c == perfusionIndex
            var raw = column.values
            var masked = 0
            for i in raw.indices {
                let v = raw[i]
                if !v.isFinite {
                    masked += 1
                    raw[i] = .nan
                } else if isPerfusion, options.sentinels.contains(v) {
                    masked += 1
                    provenance.sentinelCounts[v, default: 0] += 1
                    raw[i] = .nan
                }
            }
            var values: [Double]
            if let times = table.times {
                let gridded = placeOnGrid(raw, times: times, rate: rate, maxBridgeSamples: maxBridgeSamples)
                values = gridded.values
                if isPerfusion {
                    provenance.resampledGaps = gridded.filledGridPoints
                    provenance.resampled = gridded.interpolated
                }
            } else {
                values = raw
            }
            let bridged = bridgeShortRuns(&values, maxRun: maxBridgeSamples, rate: rate)
            if isPerfusion {
                provenance.maskedSamples = masked
                provenance.interpolatedSamples = bridged.interpolated
                provenance.gaps = bridged.gaps
            }
            channels.append(Channel(name: column.name, unit: column.unit,
                                    kind: isPerfusion ? .perfusion : nil, values: values))
        }
        let perfusion = channels[perfusionIndex]
        guard perfusion.values.contains(where: { $0.isFinite }) else {
            throw LDFError(source, "channel '\(perfusion.name)' has no valid samples (all missing or device sentinels)",
                           fix: "check the probe, or pick another channel with --channel")
        }
        // Other channels may also have been guessed as perfusion; only the chosen one keeps the kind.
        for i in channels.indices where i != perfusionIndex && channels[i].kind == .perfusion {
            channels[i].kind = .other
        }
        let events = table.events.map { $0.shifted(by: -origin) }
        return Recording(channels: channels, sampleRateHz: rate, startDate: table.startDate, events: events,
                         provenance: provenance, perfusionChannelIndex: perfusionIndex,
                         timeOriginSeconds: origin, metadata: table.metadata)
    }

    static func checkMonotonic(_ times: [Double], table: SampleTable) throws {
        for i in times.indices {
            guard times[i].isFinite else {
                throw LDFError(table.location(ofRow: i), "the time stamp is missing or not a number",
                               fix: "repair or delete the row")
            }
            if i > 0 && times[i] <= times[i - 1] {
                let what = times[i] == times[i - 1] ? "repeats the previous time" : "goes backwards from the previous row"
                throw LDFError(table.location(ofRow: i),
                               "time \(format(times[i])) s \(what) (\(format(times[i - 1])) s); times must increase",
                               fix: "remove duplicated rows or sort the file by time")
            }
        }
    }

    /// The rate measured from increasing time stamps (at least 2) and the uniform grid rate chosen
    /// from it (`nominalRate`), in Hz. Used for files and for the first lines of a stream.
    public static func rates(forTimes times: [Double]) -> (measuredHz: Double, gridHz: Double) {
        precondition(times.count >= 2, "a rate needs at least two time stamps")
        let measured = 1 / estimateInterval(times)
        return (measured, nominalRate(measured))
    }

    /// The sampling interval implied by the time stamps, robust to jitter and gaps: a first
    /// guess p0 is the median difference (from at most ~10,000 evenly spread pairs); each
    /// difference then counts as round(diff / p0) grid steps, and the interval is the whole span
    /// over the total steps, so jitter averages out over the recording and gaps do not bias it.
    static func estimateInterval(_ times: [Double]) -> Double {
        let pairs = times.count - 1
        let stride = max(1, pairs / 10_000)
        var diffs: [Double] = []
        diffs.reserveCapacity(pairs / stride + 1)
        var i = 1
        while i < times.count {
            diffs.append(times[i] - times[i - 1])
            i += stride
        }
        diffs.sort()
        let guess = diffs[diffs.count / 2]
        var steps = 0.0
        for k in 1..<times.count { steps += max(1, ((times[k] - times[k - 1]) / guess).rounded()) }
        return (times[times.count - 1] - times[0]) / steps
    }

    /// The grid rate for a measured rate: the nearest whole number of Hz when the measurement is
    /// within 0.01 % of it (device rates are whole numbers; jittered stamps measure a hair off),
    /// else the measurement itself. Provenance keeps the measured value.
    static func nominalRate(_ measured: Double) -> Double {
        let whole = measured.rounded()
        return whole >= 1 && abs(measured - whole) <= 1e-4 * whole ? whole : measured
    }

    struct Gridded {
        var values: [Double]
        /// Grid points inside a time gap (missing rows) that were filled by interpolation.
        var filledGridPoints: Int
        /// Whether any value had to be interpolated between off-grid time stamps.
        var interpolated: Bool
    }

    /// Linear interpolation of `values` at `times` onto `times[0] + k / rate`.
    static func placeOnGrid(_ values: [Double], times: [Double], rate: Double, maxBridgeSamples: Int) -> Gridded {
        let period = 1 / rate
        let t0 = times[0]
        let count = Int(((times[times.count - 1] - t0) * rate).rounded()) + 1
        let tolerance = onGridTolerance * period
        // Fast path: already uniform.
        if count == times.count {
            var uniform = true
            for i in times.indices where abs(times[i] - (t0 + Double(i) * period)) > tolerance {
                uniform = false
                break
            }
            if uniform { return Gridded(values: values, filledGridPoints: 0, interpolated: false) }
        }
        var out = [Double](repeating: .nan, count: count)
        var filled = 0
        var interpolated = false
        var j = 0
        let last = times.count - 1
        for k in 0..<count {
            let t = t0 + Double(k) * period
            while j < last - 1 && times[j + 1] <= t { j += 1 }
            let ta = times[j], tb = times[min(j + 1, last)]
            if abs(ta - t) <= tolerance { out[k] = values[j]; continue }
            if abs(tb - t) <= tolerance { out[k] = values[min(j + 1, last)]; continue }
            let span = tb - ta
            let missing = Int((span * rate).rounded()) - 1
            // A time gap: grid points more than half an interval from any sample have no sample
            // of their own (jittered neighbours of the gap still do).
            if missing >= 1 && min(t - ta, tb - t) > 0.5 * period {
                if missing > maxBridgeSamples { continue }
                filled += 1
            }
            interpolated = true
            let w = (t - ta) / span
            out[k] = values[j] + w * (values[min(j + 1, last)] - values[j])
        }
        return Gridded(values: out, filledGridPoints: filled, interpolated: interpolated)
    }

    /// Linearly bridges NaN runs of at most `maxRun` samples that have valid samples on both sides;
    /// returns how many samples were filled and the runs left as gaps.
    static func bridgeShortRuns(_ values: inout [Double], maxRun: Int, rate: Double) -> (interpolated: Int, gaps: [Gap]) {
        var interpolated = 0
        var gaps: [Gap] = []
        var i = 0
        let n = values.count
        while i < n {
            guard values[i].isNaN else { i += 1; continue }
            var end = i
            while end < n && values[end].isNaN { end += 1 }
            let length = end - i
            if i > 0 && end < n && length <= maxRun {
                let a = values[i - 1], b = values[end]
                for k in i..<end {
                    values[k] = a + (b - a) * Double(k - i + 1) / Double(length + 1)
                }
                interpolated += length
            } else {
                gaps.append(Gap(startSeconds: Double(i) / rate, endSeconds: Double(end) / rate))
            }
            i = end
        }
        return (interpolated, gaps)
    }

    static func format(_ x: Double) -> String { String(format: "%.6g", x) }
}
