import Foundation

/// Turns what a reader parsed into a uniform `Recording` (docs/METHODS.md §1):
/// 1. checks the time stamps (finite, strictly increasing), measures the sample rate, and checks
///    it against the declared one and the accepted range (`timeBase`);
/// 2. masks non-finite values, device sentinels (perfusion channels only) and values outside a
///    channel's plausible range (`mask`);
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
                           fix: "check the delimiter and header, or force a reader with \(parameter: "reader")")
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
        try GridSizeGuard.check(table, options: options)
        let selection = try selectChannels(table, options: options)
        let perfusionIndex = selection.analysed

        var provenance = Provenance(source: source, reader: table.reader)
        provenance.notes = table.notes + selection.notes
        provenance.diagnostics = table.warnings
        provenance.nominalSampleRateHz = options.rateHz ?? table.declaredRateHz

        // 1. Time base.
        let base = try timeBase(table, options: options, provenance: &provenance)
        let rate = base.rateHz

        // 2-4. Channels.
        let maxBridgeSamples = Int(Swift.min((options.maxBridgeSeconds * rate).rounded(.down), 1e15))
        var channels: [Channel] = []
        channels.reserveCapacity(table.columns.count)
        for (c, column) in table.columns.enumerated() {
            let isPerfusion = selection.perfusionCandidates.contains(c)
            var quality = ChannelQuality()
            var raw = mask(column, table: table, sentinels: isPerfusion ? options.sentinels : [], quality: &quality)
            if isPerfusion, let warning = negativePerfusionWarning(raw, column: column) { quality.diagnostics.append(warning) }
            var values: [Double]
            if let times = table.times {
                var gridded = placeOnGrid(raw, times: times, rate: rate, maxBridgeSamples: maxBridgeSamples)
                // Moved out, not shared: bridging below then edits the only copy in place.
                values = []
                swap(&values, &gridded.values)
                quality.resampledGaps = gridded.filledGridPoints
                quality.filledRuns = gridded.filledRuns
                if c == perfusionIndex { provenance.resampled = gridded.interpolated }
            } else {
                values = raw
            }
            raw = []
            let bridged = bridgeShortRuns(&values, maxRun: maxBridgeSamples, rate: rate)
            quality.interpolatedSamples = bridged.interpolated
            quality.bridgedRuns = bridged.bridged
            quality.gaps = bridged.gaps
            provenance.channelQuality.append(quality)
            let unit = column.unit.isEmpty ? ChannelKind.unit(fromName: column.name) ?? "" : column.unit
            channels.append(Channel(name: column.name, unit: unit, kind: c == perfusionIndex ? .perfusion : nil, values: values))
        }
        provenance.adopt(channelAt: perfusionIndex)
        let perfusion = channels[perfusionIndex]
        guard perfusion.values.contains(where: { $0.isFinite }) else {
            throw LDFError(source, "channel '\(perfusion.name)' has no valid samples (all missing or device sentinels)",
                           fix: "check the probe, or pick another channel with \(parameter: "channel")")
        }
        // A column that looks like a time axis is never a perfusion channel by default.
        for i in channels.indices where i != perfusionIndex && channels[i].kind == .perfusion
            && (table.columns[i].looksLikeTime || !selection.perfusionCandidates.contains(i)) {
            channels[i].kind = .other
        }
        var events = table.events.map { $0.shifted(by: -base.origin) }
        if let map = options.eventMap {
            let mapped = map.apply(to: events)
            events = mapped.events
            for label in mapped.unusedLabels {
                let seen = Array(Set(table.events.map(\.label))).sorted().prefix(8)
                provenance.diagnostics.append(.warning("event_map_unused",
                    "\(parameter: "eventMap") label '\(label)' matches no event of the file (its labels: \(seen.isEmpty ? "none" : seen.joined(separator: ", ")))"))
            }
        }
        return Recording(channels: channels, sampleRateHz: rate, startDate: table.startDate, events: events,
                         provenance: provenance, perfusionChannelIndex: perfusionIndex,
                         timeOriginSeconds: base.origin, metadata: table.metadata, clockStart: table.clockStart)
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
                               "time \(MessageNumber.precise(times[i])) s \(what) (\(MessageNumber.precise(times[i - 1])) s); times must increase",
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

}
