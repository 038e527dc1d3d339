/// Data-quality flags of one window, so a monitor can tell a trustworthy record from a doubtful one.
///
/// Methods: docs/METHODS.md §13.
public struct WindowQuality: Sendable, Equatable {
    /// Samples of the window that are NaN (gaps longer than the bridge limit).
    public var gapSamples: Int
    /// Samples that were bridged by interpolation (masked values or missing time stamps).
    public var bridgedSamples: Int
    /// Samples at the device's over-range sentinel (+5000) before masking.
    public var saturatedSamples: Int
    /// Share (0...1) of valid samples the artifact detector (a Hampel filter) would replace:
    /// outliers and their widened neighbours.
    public var artifactFraction: Double
    /// Window length in samples.
    public var samples: Int

    public var gapFraction: Double { samples == 0 ? 0 : Double(gapSamples) / Double(samples) }
    public var gap: Bool { gapSamples > 0 }
    public var saturation: Bool { saturatedSamples > 0 }

    /// Whether the artifact share exceeds `threshold`.
    public func artifact(threshold: Double) -> Bool { artifactFraction > threshold }
}
