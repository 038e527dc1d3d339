import Foundation
import LDFCore
import LDFSpectral

/// The `ldf info` report for one recording (JSON keys in snake case; times in s on the file's
/// axis, rates in Hz, channel statistics in each channel's `unit`; missing values null).
public struct RecordingInfo: Codable, Sendable {
    public struct ChannelInfo: Codable, Sendable {
        public var name: String
        public var unit: String
        public var kind: String
        /// Whether this is the analysed channel (the default, or the first `--channel` names).
        public var perfusion: Bool
        public var isDefault: Bool
        /// The channel's own rate: the recording's, or its own when the file stores it at another.
        public var sampleRateHz: Double
        public var validSamples: Int
        @Nullable public var maskedSamples: Int? = nil
        @Nullable public var outOfRangeSamples: Int? = nil
        @Nullable public var mean: Double? = nil
        @Nullable public var sd: Double? = nil
        @Nullable public var min: Double? = nil
        @Nullable public var max: Double? = nil
        @Nullable public var median: Double? = nil

        enum CodingKeys: String, CodingKey {
            case name, unit, kind, perfusion, mean, sd, min, max, median
            case isDefault = "default", validSamples = "valid_samples", maskedSamples = "masked_samples"
            case outOfRangeSamples = "out_of_range_samples", sampleRateHz = "sample_rate_hz"
        }
    }

    /// An event on the file's time axis; `end_s` for interval events (state-column runs).
    public struct EventInfo: Codable, Sendable {
        public var timeS: Double
        @Nullable public var endS: Double? = nil
        public var label: String
        public var kind: String
        enum CodingKeys: String, CodingKey { case timeS = "time_s", endS = "end_s"; case label, kind }
    }

    public struct GapInfo: Codable, Sendable {
        public var startS: Double
        public var endS: Double
        public var durationS: Double
        enum CodingKeys: String, CodingKey { case startS = "start_s", endS = "end_s", durationS = "duration_s" }
    }

    /// A band as `ldf bands` would treat it with the default analysis settings and the given
    /// validity rule (`BandAnalysisSettings.bandAvailability`).
    public struct BandInfo: Codable, Sendable {
        public var name: String
        public var lowHz: Double
        public var highHz: Double
        /// Recording length needed for 5 cycles of the lower edge, seconds.
        public var secondsNeeded: Double
        /// Cycles of the lower edge in the analysed (longest gap-free) stretch.
        @Nullable public var cycles: Double? = nil
        /// Share of the band's coefficients inside the cone of influence.
        @Nullable public var validFraction: Double? = nil
        /// Whether `ldf bands` reports the band's values.
        public var resolvable: Bool
        /// Why its values would be null.
        @Nullable public var reason: String? = nil
        /// Under --allow-short-bands: the shortfall it is computed despite.
        @Nullable public var caution: String? = nil
        enum CodingKeys: String, CodingKey {
            case name, resolvable, cycles, reason, caution
            case lowHz = "low_hz", highHz = "high_hz", secondsNeeded = "seconds_needed", validFraction = "valid_fraction"
        }

        /// Every band of `preset` for `recording` under `rule`; when the recording cannot be
        /// analysed at all, every band unresolvable with that reason.
        static func list(_ preset: BandPreset, recording: Recording, rule: BandValidityRule) -> [BandInfo] {
            let settings = BandAnalysisSettings(bandSet: preset.bandSet, minimumValidFraction: rule.minimumValidFraction,
                                                allowsShortBands: rule.allowsShortBands)
            let needed = { (band: Band) in band.secondsForCycles(BandValidityRule.minimumCycles) }
            do {
                return try settings.bandAvailability(recording: recording).map {
                    BandInfo(name: $0.band.name, lowHz: $0.band.lowHz, highHz: $0.band.highHz, secondsNeeded: needed($0.band),
                             cycles: $0.cycles, validFraction: $0.validFraction, resolvable: $0.isAvailable, reason: $0.reason,
                             caution: $0.isAvailable ? $0.shortfall?.message : nil)
                }
            } catch {
                let reason = (error as? LDFError)?.message ?? "\(error)"
                return preset.bands.map {
                    BandInfo(name: $0.name, lowHz: $0.lowHz, highHz: $0.highHz, secondsNeeded: needed($0), resolvable: false, reason: reason)
                }
            }
        }
    }

    public var toolkit = ToolkitStamp()
    public var source: String
    public var reader: String
    public var durationS: Double
    public var sampleRateHz: Double
    @Nullable public var nominalSampleRateHz: Double? = nil
    @Nullable public var measuredSampleRateHz: Double? = nil
    public var samples: Int
    /// The first sample's time on the file's own axis, seconds.
    public var timeOriginS: Double
    /// The first sample's clock time as written (local, no zone), when the file gives it.
    @Nullable public var startTime: String? = nil
    public var metadata: [MetadataEntry]
    public var channels: [ChannelInfo]
    public var diagnostics: [Diagnostic]
    public var events: [EventInfo]
    public var resampled: Bool
    public var resampledGaps: Int
    public var maskedSamples: Int
    public var outOfRangeSamples: Int
    public var interpolatedSamples: Int
    public var sentinels: [String: Int]
    public var gaps: [GapInfo]
    public var notes: [String]
    /// Per preset, its bands and whether the length resolves them.
    public var bands: [String: [BandInfo]]
    /// The unit of every numeric field ("channel unit": each channel's own `unit`).
    public var units: [String: String] = [
        "duration_s": "s", "sample_rate_hz": "Hz", "nominal_sample_rate_hz": "Hz", "measured_sample_rate_hz": "Hz", "time_origin_s": "s",
        "time_s": "s", "start_s": "s", "end_s": "s", "low_hz": "Hz", "high_hz": "Hz", "seconds_needed": "s",
        "cycles": ReportUnit.dimensionless, "valid_fraction": ReportUnit.dimensionless, "mean": "channel unit", "sd": "channel unit",
        "min": "channel unit", "max": "channel unit", "median": "channel unit",
    ]

    enum CodingKeys: String, CodingKey {
        case toolkit, source, reader, samples, channels, events, resampled, sentinels, gaps, notes, bands, metadata, diagnostics, units
        case durationS = "duration_s", sampleRateHz = "sample_rate_hz", timeOriginS = "time_origin_s"
        case outOfRangeSamples = "out_of_range_samples"
        case nominalSampleRateHz = "nominal_sample_rate_hz", measuredSampleRateHz = "measured_sample_rate_hz"
        case startTime = "start_time", resampledGaps = "resampled_gaps", maskedSamples = "masked_samples"
        case interpolatedSamples = "interpolated_samples"
    }

    /// The report of `recording`; its band listing applies the validity `rule`.
    public init(_ recording: Recording, rule: BandValidityRule = BandValidityRule()) {
        let p = recording.provenance
        source = p.source
        reader = p.reader
        durationS = recording.durationSeconds
        sampleRateHz = recording.sampleRateHz
        nominalSampleRateHz = p.nominalSampleRateHz
        measuredSampleRateHz = p.measuredSampleRateHz
        samples = recording.sampleCount
        timeOriginS = recording.timeOriginSeconds
        startTime = recording.clockStart?.text
        metadata = recording.metadata
        channels = recording.allChannels.enumerated().map { index, entry in
            let channel = entry.channel
            let s = SummaryStatistics(channel.values)
            let quality = p.channelQuality.indices.contains(index) ? p.channelQuality[index] : nil
            return ChannelInfo(name: channel.name, unit: channel.unit, kind: channel.kind.rawValue,
                               perfusion: index == recording.perfusionChannelIndex, isDefault: index == recording.perfusionChannelIndex,
                               sampleRateHz: entry.sampleRateHz, validSamples: s.count, maskedSamples: quality?.maskedSamples,
                               outOfRangeSamples: quality?.outOfRangeSamples,
                               mean: s.mean, sd: s.standardDeviation,
                               min: s.minimum, max: s.maximum, median: s.median)
        }
        diagnostics = p.diagnostics + p.channelQuality.flatMap(\.diagnostics)
        events = recording.events.map {
            EventInfo(timeS: recording.fileTime($0.timeSeconds), endS: $0.endSeconds.map(recording.fileTime), label: $0.label, kind: $0.kind.rawValue)
        }
        resampled = p.resampled
        resampledGaps = p.resampledGaps
        maskedSamples = p.maskedSamples
        outOfRangeSamples = p.outOfRangeSamples
        interpolatedSamples = p.interpolatedSamples
        sentinels = Dictionary(uniqueKeysWithValues: p.sentinelCounts.map { (ReportNumber.precise($0.key), $0.value) })
        gaps = p.gaps.map { GapInfo(startS: recording.fileTime($0.startSeconds), endS: recording.fileTime($0.endSeconds), durationS: $0.durationSeconds) }
        notes = p.notes
        var bands: [String: [BandInfo]] = [:]
        for preset in BandPreset.allCases { bands[preset.rawValue] = BandInfo.list(preset, recording: recording, rule: rule) }
        self.bands = bands
    }

    /// Human-readable description.
    public var text: String {
        var lines: [String] = []
        lines.append("\(source) (\(reader) reader)")
        lines.append("  duration     \(fmt(durationS)) s (\(fmtDuration(durationS))), \(samples) samples, from t = \(fmt(timeOriginS)) s")
        var rateLine = "  sample rate  \(fmt(sampleRateHz)) Hz"
        if let m = measuredSampleRateHz { rateLine += ", measured \(fmt(m)) Hz" }
        if let n = nominalSampleRateHz { rateLine += ", declared \(fmt(n)) Hz" }
        lines.append(rateLine)
        if let startTime { lines.append("  start        \(startTime) (local time as written)") }
        for entry in metadata { lines.append("  metadata     \(entry.key.isEmpty ? "" : entry.key + ": ")\(entry.value)") }
        let perfusionChannels = channels.filter { $0.kind == ChannelKind.perfusion.rawValue }
        if perfusionChannels.count > 1 {
            lines.append("  perfusion    \(perfusionChannels.count) channels: " + perfusionChannels.map { $0.name + ($0.isDefault ? " (default)" : "") }.joined(separator: ", ")
                         + "; analyse several with \(parameter: "channel") all or \(parameter: "channel") 1,2")
        }
        lines.append("  channels     (* analysed by default)")
        for c in channels {
            let stats = [("mean", c.mean), ("sd", c.sd), ("min", c.min), ("max", c.max)]
                .map { "\($0.0) \($0.1.map(fmt) ?? "–")" }.joined(separator: ", ")
            let rate = c.sampleRateHz == sampleRateHz ? "" : " at \(fmt(c.sampleRateHz)) Hz"
            lines.append("    \(c.perfusion ? "*" : " ") \(c.name) [\(c.unit.isEmpty ? "no unit" : c.unit)] \(c.kind)\(rate): \(stats)")
        }
        lines.append("  events       \(events.isEmpty ? "none" : "\(events.count)")")
        for e in events.prefix(20) {
            lines.append("    \(fmt(e.timeS))\(e.endS.map { "–" + fmt($0) } ?? "") s  \(e.label) (\(e.kind))")
        }
        if events.count > 20 { lines.append("    … \(events.count - 20) more") }
        lines.append("  data quality masked \(maskedSamples)\(outOfRangeSamples > 0 ? " (\(outOfRangeSamples) out of range)" : ""), interpolated \(interpolatedSamples), "
                     + "resampled gaps \(resampledGaps)\(resampled ? ", uneven time stamps resampled" : "")")
        if !sentinels.isEmpty {
            lines.append("  sentinels    " + sentinels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        }
        lines.append("  gaps         \(gaps.isEmpty ? "none" : "\(gaps.count), \(fmt(gaps.map(\.durationS).reduce(0, +))) s in all")")
        for g in gaps.prefix(10) { lines.append("    \(fmt(g.startS))–\(fmt(g.endS)) s") }
        for note in notes { lines.append("  note         \(note)") }
        for d in diagnostics { lines.append("  warning      \(d.message)") }
        lines.append("  bands resolvable (as ldf bands: ≥ 5 cycles of the lower edge and the \(parameter: "minValid") share in the cone; ✗ null, ! short but computed):")
        for preset in BandPreset.allCases {
            let list = (bands[preset.rawValue] ?? []).map { "\($0.name)\($0.resolvable ? ($0.caution == nil ? "" : " !") : " ✗")" }.joined(separator: ", ")
            lines.append("    \(preset.rawValue): \(list)")
        }
        return lines.joined(separator: "\n")
    }
}

private func fmt(_ x: Double) -> String { ReportNumber.precise(x) }

private func fmtDuration(_ seconds: Double) -> String {
    guard seconds.isFinite, abs(seconds) < 1e15 else { return "–" }
    let s = Int(seconds.rounded())
    // Hours by interpolation: a C "%d" is 32 bits and would wrap for spans of 2^31 s and more.
    return "\(s / 3600):" + String(format: "%02d:%02d", Int32((s / 60) % 60), Int32(s % 60))
}
