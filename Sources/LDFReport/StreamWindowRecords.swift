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

/// One row of `ldf stream --format csv`: a window's band, its times on the stream's axis and its
/// quality. A window that could not be analysed has one row with no band and the `error`.
public struct StreamBandRow: Codable, Sendable, Equatable {
    public var tStartS: Double
    public var tEndS: Double
    public var window: Int
    public var final: Bool
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
                          window: result.index, final: result.isFinal, summary: $0, quality: quality, error: result.error)
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
        bands = result.analysis?.report.bands.map { BandSummaryRow($0, channel: channel, fluxUnit: fluxUnit) } ?? []
        units = BandSummaryRow.units(fluxUnit: fluxUnit).merging(["t_start_s": "s", "t_end_s": "s"]) { a, _ in a }
        quality = StreamWindowQuality(result.quality, artifactThreshold: artifactThreshold)
        diagnostics = result.analysis?.diagnostics ?? []
        error = result.error
    }
}
