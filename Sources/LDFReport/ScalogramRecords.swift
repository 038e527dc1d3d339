import LDFSpectral

/// One cell of `ldf spectrum --scalogram PATH.csv` (tidy, for plotting with a pivot): a time
/// (s from the start of the analysed stretch) and frequency (Hz), the wavelet amplitude in the
/// channel's `flux_unit` (empty when not finite) and whether the cell lies inside the cone of
/// influence (docs/METHODS.md, "Cone of influence").
public struct ScalogramRow: Codable, Sendable, Equatable {
    public var channel: String
    public var fluxUnit: String
    public var timeS: Double
    public var frequencyHz: Double
    @Nullable public var amplitude: Double?
    public var inCone: Bool

    /// Every cell of `scalogram`, time by time, each time's frequencies from low to high.
    public static func rows(_ scalogram: BandScalogram, channel: String, fluxUnit: String) -> [ScalogramRow] {
        let grid = scalogram.scalogram
        return grid.timesSeconds.enumerated().flatMap { t, time in
            grid.frequenciesHz.enumerated().map { f, frequency in
                ScalogramRow(channel: channel, fluxUnit: fluxUnit, timeS: time, frequencyHz: frequency, amplitude: grid.amplitude[f][t],
                             inCone: scalogram.isInsideCone(frequencyIndex: f, timeIndex: t))
            }
        }
    }
}

/// `ldf spectrum --scalogram PATH.json`: the decimated scalogram as a grid, with its cone of
/// influence (per frequency, the first and last time inside it; null where the cone holds no
/// coefficient). Times in s from the start of the analysed stretch (`start_s` on the file's
/// axis), frequencies in Hz, amplitudes in `unit` (the channel's flux unit).
public struct ScalogramRecord: Codable, Sendable, Equatable, ReportUnits {
    public struct ConeRecord: Codable, Sendable, Equatable {
        public var startS: [Double?]
        public var endS: [Double?]
    }

    public var toolkit = ToolkitStamp()
    public var source: String
    public var channel: String
    public var unit: String
    public var startS: Double
    public var timeS: [Double]
    public var frequencyHz: [Double]
    /// One row per frequency, one column per time; null where not finite.
    public var amplitude: [[Double?]]
    public var cone: ConeRecord
    /// Unit of every numeric field.
    public var units: [String: String]

    public init(_ scalogram: BandScalogram, source: String, channel: String, unit: String) {
        self.source = source
        self.channel = channel
        self.unit = unit
        units = Self.units(fluxUnit: unit)
        startS = scalogram.startSeconds
        timeS = scalogram.scalogram.timesSeconds
        frequencyHz = scalogram.scalogram.frequenciesHz
        amplitude = scalogram.scalogram.amplitude.map { $0.map { $0.isFinite ? $0 : nil } }
        cone = ConeRecord(startS: scalogram.coneStartSeconds, endS: scalogram.coneEndSeconds)
    }

    public static func units(fluxUnit: String) -> [String: String] {
        ["start_s": "s", "time_s": "s", "frequency_hz": "Hz", "amplitude": ReportUnit.flux(fluxUnit), "cone.start_s": "s", "cone.end_s": "s"]
    }
}
