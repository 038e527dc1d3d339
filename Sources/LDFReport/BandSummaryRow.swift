import LDFSpectral

/// One band of one channel: the record every band output shares (`ldf bands`, `ldf stream`
/// windows, `ldf study` `bands.csv` and `reperfusion_bands.csv`). Definitions of the values are
/// on `BandSummary`; amplitudes are in the channel's flux unit, powers in its square, frequencies
/// in Hz, fractions and ratios dimensionless. A value that cannot be computed is null and
/// `reason` says why.
public struct BandSummaryRow: Codable, Sendable, Equatable {
    /// The analysed channel's name.
    public var channel: String
    /// Unit of the perfusion signal, e.g. "PU" (empty when the file does not say).
    public var fluxUnit: String
    public var band: String
    public var lowHz: Double
    public var highHz: Double
    @Nullable public var amplitude: Double? = nil
    @Nullable public var power: Double? = nil
    /// Wavelet ratios to the whole range's mean (null for Welch).
    @Nullable public var amplitudeRatioToMean: Double? = nil
    @Nullable public var powerRatioToMean: Double? = nil
    /// Both methods: ratio of medians.
    @Nullable public var powerRatioToMedian: Double? = nil
    /// Welch shares of the whole range's total (null for wavelet).
    @Nullable public var powerShare: Double? = nil
    @Nullable public var rmsRatioToTotal: Double? = nil
    @Nullable public var validFraction: Double? = nil
    @Nullable public var peakHz: Double? = nil
    @Nullable public var peakAmplitude: Double? = nil
    @Nullable public var pixelAmplitude: Double? = nil
    @Nullable public var pixelPower: Double? = nil
    public var frequencyCount: Int
    /// Why the values are null, when they are.
    @Nullable public var reason: String? = nil

    public init(_ s: BandSummary, channel: String, fluxUnit: String) {
        self.channel = channel
        self.fluxUnit = fluxUnit
        band = s.band.name
        lowHz = s.band.lowHz
        highHz = s.band.highHz
        amplitude = s.amplitude
        power = s.power
        amplitudeRatioToMean = s.amplitudeRatioToMean
        powerRatioToMean = s.powerRatioToMean
        powerRatioToMedian = s.powerRatioToMedian
        powerShare = s.powerShare
        rmsRatioToTotal = s.rmsRatioToTotal
        validFraction = s.validFraction
        peakHz = s.peakHz
        peakAmplitude = s.peakAmplitude
        pixelAmplitude = s.pixelAmplitude
        pixelPower = s.pixelPower
        frequencyCount = s.frequencyCount
        reason = s.reason
    }

    /// The empty band of a row that has none (a stream window that could not be analysed): no
    /// band name and every value missing (CSV only; its edges are not finite).
    public init(noBandOf channel: String, fluxUnit: String) {
        self.channel = channel
        self.fluxUnit = fluxUnit
        band = ""
        lowHz = .nan
        highHz = .nan
        frequencyCount = 0
    }

    /// The unit of every column that has one (the `units` map of JSON records).
    public static func units(fluxUnit: String) -> [String: String] {
        let flux = fluxUnit.isEmpty ? "signal unit" : fluxUnit
        return [
            "low_hz": "Hz", "high_hz": "Hz", "peak_hz": "Hz",
            "amplitude": flux, "peak_amplitude": flux, "pixel_amplitude": flux,
            "power": "\(flux)^2", "pixel_power": "\(flux)^2",
            "amplitude_ratio_to_mean": "1", "power_ratio_to_mean": "1", "power_ratio_to_median": "1", "power_share": "1",
            "rms_ratio_to_total": "1", "valid_fraction": "1",
        ]
    }

    /// Whether the band's values were computed.
    public var isAvailable: Bool { reason == nil }

    /// The aligned text table of a recording's bands (units in the header) with `method`'s relative
    /// values (wavelet: amp/mean, power/mean; Welch: rms/total, power share; both: power/median);
    /// unavailable bands show "–" and their reason on a line below the table.
    public static func textTable(_ rows: [BandSummaryRow], method: SpectralMethod) -> [String] {
        let flux = rows.first.map { $0.fluxUnit.isEmpty ? "" : " " + $0.fluxUnit } ?? ""
        let squared = flux.isEmpty ? "" : flux + "^2"
        let wavelet = method == .wavelet
        var table = TextTable(header: ["band", "range Hz", "amplitude" + flux, "power" + squared,
                                       wavelet ? "amp/mean" : "rms/total", wavelet ? "power/mean" : "power share",
                                       "power/median", "valid", "peak Hz"])
        for r in rows {
            table.append([r.band, "\(ReportNumber.short(r.lowHz))–\(ReportNumber.short(r.highHz))", ReportNumber.short(r.amplitude),
                          ReportNumber.short(r.power), ReportNumber.short(wavelet ? r.amplitudeRatioToMean : r.rmsRatioToTotal),
                          ReportNumber.short(wavelet ? r.powerRatioToMean : r.powerShare),
                          ReportNumber.short(r.powerRatioToMedian), ReportNumber.short(r.validFraction), ReportNumber.short(r.peakHz)])
        }
        return table.lines + rows.compactMap { r in r.reason.map { "  \(r.band): \($0)" } }
    }
}
