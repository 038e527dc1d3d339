import LDFCore
import LDFStream

/// Data quality of one `ldf stream` window (JSON `quality`; the same columns in CSV rows).
public struct StreamWindowQuality: Codable, Sendable, Equatable {
    public var gap: Bool
    public var gapFraction: Double
    /// Whether more than the flag fraction of samples are artifacts.
    public var artifact: Bool
    public var artifactFraction: Double
    public var saturation: Bool
    public var saturatedSamples: Int
    /// Missing samples bridged by interpolation.
    public var bridgedSamples: Int
    public var samples: Int

    public init(_ q: WindowQuality, artifactThreshold: Double) {
        gap = q.gap
        gapFraction = q.gapFraction
        artifact = q.artifact(threshold: artifactThreshold)
        artifactFraction = q.artifactFraction
        saturation = q.saturation
        saturatedSamples = q.saturatedSamples
        bridgedSamples = q.bridgedSamples
        samples = q.samples
    }
}

/// Mean, median and sample SD of a window's perfusion (finite samples), in the channel's flux unit.
public struct StreamWindowPerfusion: Codable, Sendable, Equatable {
    @Nullable public var perfusionMean: Double? = nil
    @Nullable public var perfusionMedian: Double? = nil
    @Nullable public var perfusionSd: Double? = nil

    public init(_ s: SummaryStatistics) {
        perfusionMean = s.mean
        perfusionMedian = s.median
        perfusionSd = s.standardDeviation
    }

    public static func units(fluxUnit: String) -> [String: String] {
        let flux = fluxUnit.isEmpty ? "signal unit" : fluxUnit
        return ["perfusion_mean": flux, "perfusion_median": flux, "perfusion_sd": flux, "t_start_s": "s", "t_end_s": "s"]
    }
}

/// One row of `ldf stream --format csv`: a window's band, its times on the stream's axis and its
/// quality. A window that could not be analysed has one row with no band and the `error`.
public struct StreamBandRow: Codable, Sendable, Equatable {
    public var tStartS: Double
    public var tEndS: Double
    public var window: Int
    public var final: Bool
    public var perfusion: StreamWindowPerfusion
    public var summary: BandSummaryRow
    public var quality: StreamWindowQuality
    @Nullable public var error: String? = nil

    /// The rows of one window of `channel` (unit `fluxUnit`); times shifted by `timeOriginSeconds`.
    public static func rows(_ result: StreamWindowResult, artifactThreshold: Double, channel: String, fluxUnit: String,
                            timeOriginSeconds: Double) -> [StreamBandRow] {
        let quality = StreamWindowQuality(result.quality, artifactThreshold: artifactThreshold)
        let summaries = result.analysis.map { a in a.report.bands.map { BandSummaryRow($0, channel: channel, fluxUnit: fluxUnit) } }
            ?? [BandSummaryRow(noBandOf: channel, fluxUnit: fluxUnit)]
        return summaries.map {
            StreamBandRow(tStartS: timeOriginSeconds + result.startSeconds, tEndS: timeOriginSeconds + result.endSeconds,
                          window: result.index, final: result.isFinal, perfusion: StreamWindowPerfusion(result.perfusion), summary: $0,
                          quality: quality, error: result.error)
        }
    }
}

/// One `window` record of `ldf stream` JSON Lines.
public struct StreamWindowRecord: Codable, Sendable, Equatable {
    public var type = "window"
    public var index: Int
    public var channel: String
    public var tStartS: Double
    public var tEndS: Double
    public var final: Bool
    public var perfusion: StreamWindowPerfusion
    public var bands: [BandSummaryRow]
    public var units: [String: String]
    public var quality: StreamWindowQuality
    public var diagnostics: [Diagnostic]
    @Nullable public var error: String? = nil

    public init(_ result: StreamWindowResult, artifactThreshold: Double, channel: String, fluxUnit: String, timeOriginSeconds: Double) {
        index = result.index
        self.channel = channel
        tStartS = timeOriginSeconds + result.startSeconds
        tEndS = timeOriginSeconds + result.endSeconds
        final = result.isFinal
        perfusion = StreamWindowPerfusion(result.perfusion)
        bands = result.analysis?.report.bands.map { BandSummaryRow($0, channel: channel, fluxUnit: fluxUnit) } ?? []
        units = BandSummaryRow.units(fluxUnit: fluxUnit).merging(StreamWindowPerfusion.units(fluxUnit: fluxUnit)) { a, _ in a }
        quality = StreamWindowQuality(result.quality, artifactThreshold: artifactThreshold)
        diagnostics = result.analysis?.diagnostics ?? []
        error = result.error
    }
}

extension StreamWindowRecord {
    /// Width of each band column of `textLine`.
    static let bandWidth = 11

    /// The header of `ldf stream --format text`: times, perfusion and each band's amplitude, with
    /// units, in the fixed widths of `textLine`.
    public static func textHeader(bands: [String], fluxUnit: String) -> String {
        let flux = fluxUnit.isEmpty ? "" : " " + fluxUnit
        return ["window".padded(6), "t_start s".padded(10), "t_end s".padded(10), "channel".padded(10, left: true),
                ("mean" + flux).padded(10), ("median" + flux).padded(10), ("sd" + flux).padded(10)].joined(separator: " ")
            + " | amplitude" + flux + " by band: " + bands.joined(separator: ", ") + "; flags"
    }

    /// One aligned line per window for a terminal: index, times, perfusion mean/median/SD, the
    /// amplitude of each band ("–" when null) and the quality flags.
    public var textLine: String {
        let short = ReportNumber.short
        var flags: [String] = []
        if quality.gap { flags.append("gap") }
        if quality.artifact { flags.append("artifact") }
        if quality.saturation { flags.append("saturation") }
        if final { flags.append("final") }
        if let error { flags.append("error: \(error)") }
        return [String(index).padded(6), short(tStartS).padded(10), short(tEndS).padded(10), channel.padded(10, left: true),
                short(perfusion.perfusionMean).padded(10), short(perfusion.perfusionMedian).padded(10),
                short(perfusion.perfusionSd).padded(10)].joined(separator: " ")
            + " | " + bands.map { short($0.amplitude).padded(Self.bandWidth) }.joined(separator: " ")
            + (flags.isEmpty ? "" : "  " + flags.joined(separator: ", "))
    }
}

extension String {
    /// Padded with spaces to `width` characters: on the left (right-aligned) unless `left`.
    fileprivate func padded(_ width: Int, left: Bool = false) -> String {
        let pad = String(repeating: " ", count: max(0, width - count))
        return left ? self + pad : pad + self
    }
}
