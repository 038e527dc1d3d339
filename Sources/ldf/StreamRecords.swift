import Foundation
import LDFCore
import LDFReport
import LDFPORH
import LDFSpectral
import LDFStream

// Records of `ldf stream`: JSON Lines (one object per line, `type` first in meaning: header,
// window, porh_interim, porh, end) or CSV (one row per window and band).

/// The first record: who made the stream and with which parameters.
struct StreamHeaderJSON: Encodable {
    var settings: StreamWindowSettings
    var sampleRateHz: Double
    var rateSource: String
    var channel: String
    var unit: String
    var dropped: [Diagnostic]
    var notes: [String]
    var maxBridgeSeconds: Double
    var porh: Bool
    /// Every analysed channel (`--channel all`, `1,3`); windows name theirs.
    var channels: [String]
    /// The first line's time stamp (0 without time stamps): window times are on this axis.
    var timeOriginSeconds: Double
    /// The first stamp's clock reading, when the time column is a clock or Excel time.
    var clockStart: String?

    enum Keys: String, CodingKey {
        case type, toolkit, parameters, droppedBands = "dropped_bands", notes, channels
        case timeOriginS = "time_origin_s", startTime = "start_time"
    }
    enum ParameterKeys: String, CodingKey {
        case spectral, windowS = "window_s", hopS = "hop_s", shortBands = "short_bands", sampleRateHz = "sample_rate_hz"
        case rateSource = "rate_source", channel, unit, maxBridgeS = "max_bridge_s"
        case artifactFlagFraction = "artifact_flag_fraction", artifactHampelWindowS = "artifact_hampel_window_s"
        case artifactHampelThreshold = "artifact_hampel_threshold_mads", porh
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode("header", forKey: .type)
        try c.encode(ToolkitStamp(), forKey: .toolkit)
        var p = c.nestedContainer(keyedBy: ParameterKeys.self, forKey: .parameters)
        try p.encode(SpectralParametersRecord(settings.analysis), forKey: .spectral)
        try p.encode(settings.windowSeconds, forKey: .windowS)
        try p.encode(settings.hopSeconds, forKey: .hopS)
        try p.encode(settings.shortBands.rawValue, forKey: .shortBands)
        try p.encode(sampleRateHz, forKey: .sampleRateHz)
        try p.encode(rateSource, forKey: .rateSource)
        try p.encode(channel, forKey: .channel)
        try p.encode(unit, forKey: .unit)
        try p.encode(maxBridgeSeconds, forKey: .maxBridgeS)
        try p.encode(settings.artifactFlagFraction, forKey: .artifactFlagFraction)
        try p.encode(settings.artifactDetector.windowSeconds, forKey: .artifactHampelWindowS)
        try p.encode(settings.artifactDetector.threshold, forKey: .artifactHampelThreshold)
        try p.encode(porh, forKey: .porh)
        try c.encode(dropped, forKey: .droppedBands)
        try c.encode(notes, forKey: .notes)
        try c.encode(channels, forKey: .channels)
        try c.encode(timeOriginSeconds, forKey: .timeOriginS)
        try c.encode(clockStart, forKey: .startTime)
    }
}

/// The last record: what the whole stream held.
struct StreamEndJSON: Encodable {
    var samples: Int
    var lines: Int
    var malformedLines: Int
    var maskedSamples: Int
    var interpolatedSamples: Int
    var resampledGaps: Int
    var gaps: [Gap]
    var windows: Int
    var stoppedBy: String
    var timeOriginSeconds: Double
    /// Counts of every analysed channel (the top-level counts are the first channel's).
    var channels: [ChannelCounts]

    struct ChannelCounts {
        var name: String
        var grid: StreamingGrid
    }

    enum Keys: String, CodingKey {
        case type, samples, lines, malformedLines = "malformed_lines", maskedSamples = "masked_samples"
        case interpolatedSamples = "interpolated_samples", resampledGaps = "resampled_gaps", gaps, windows
        case stoppedBy = "stopped_by", channels
    }
    enum GapKeys: String, CodingKey { case startS = "start_s", endS = "end_s" }
    enum ChannelKeys: String, CodingKey {
        case channel, maskedSamples = "masked_samples", interpolatedSamples = "interpolated_samples", resampledGaps = "resampled_gaps", gaps
    }

    func encodeGaps(_ gaps: [Gap], into list: inout UnkeyedEncodingContainer) throws {
        for gap in gaps {
            var g = list.nestedContainer(keyedBy: GapKeys.self)
            try g.encode(timeOriginSeconds + gap.startSeconds, forKey: .startS)
            try g.encode(timeOriginSeconds + gap.endSeconds, forKey: .endS)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode("end", forKey: .type)
        try c.encode(samples, forKey: .samples)
        try c.encode(lines, forKey: .lines)
        try c.encode(malformedLines, forKey: .malformedLines)
        try c.encode(maskedSamples, forKey: .maskedSamples)
        try c.encode(interpolatedSamples, forKey: .interpolatedSamples)
        try c.encode(resampledGaps, forKey: .resampledGaps)
        var list = c.nestedUnkeyedContainer(forKey: .gaps)
        try encodeGaps(gaps, into: &list)
        try c.encode(windows, forKey: .windows)
        try c.encode(stoppedBy, forKey: .stoppedBy)
        var perChannel = c.nestedUnkeyedContainer(forKey: .channels)
        for channel in channels {
            var e = perChannel.nestedContainer(keyedBy: ChannelKeys.self)
            try e.encode(channel.name, forKey: .channel)
            try e.encode(channel.grid.maskedSamples, forKey: .maskedSamples)
            try e.encode(channel.grid.interpolatedSamples, forKey: .interpolatedSamples)
            try e.encode(channel.grid.resampledGaps, forKey: .resampledGaps)
            var g = e.nestedUnkeyedContainer(forKey: .gaps)
            try encodeGaps(channel.grid.gaps, into: &g)
        }
    }
}

/// The one-line text of a PORH update of `ldf stream --porh` (standard error for CSV output,
/// standard output for text); the JSON Lines record is `StreamPORHLine`.
struct StreamPORHText {
    var update: OnlinePORH.Update
    init(_ update: OnlinePORH.Update) { self.update = update }

    /// One line for standard error when the output is CSV.
    var summary: String {
        switch update {
        case .interim(let timing, let peak, let peakTime, _):
            return "PORH: occlusion \(timing.startSeconds)-\(timing.releaseSeconds) s, peak so far \(peak) at \(peakTime) s"
        case .final(let o, _):
            let pf = o[.peakFlux].value.map { String($0) } ?? "null"
            let rf = o[.restFlux].value.map { String($0) } ?? "null"
            return "PORH: occlusion \(o.timing.startSeconds)-\(o.timing.releaseSeconds) s (\(o.timing.source.rawValue)): rest \(rf), peak \(pf)"
        case .failed(let timing, let reason):
            return "PORH: occlusion \(timing.startSeconds)-\(timing.releaseSeconds) s not measured: \(reason)"
        }
    }
}
