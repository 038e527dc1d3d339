import LDFCore

/// How a spectrum was estimated.
public enum SpectralMethod: String, Sendable, Codable, CaseIterable {
    /// Time-averaged MODA wavelet spectrum (the field's standard; docs/METHODS.md §3).
    case wavelet
    /// Welch's averaged periodogram (`WelchEstimator`).
    case welch
}

/// The summary of one frequency band (docs/METHODS.md §5). Values that cannot be computed are nil,
/// with `reason` saying why; nothing is ever made up.
///
/// The two methods' relative values are different quantities and carry different names
/// (docs/METHODS.md §5.3): the wavelet's are ratios to the whole range's mean (`...RatioToMean`;
/// over a preset they sum to about 7), Welch's are shares of the whole range's total
/// (`powerShare`; they sum to 1). The other method's fields are nil.
///
/// Wavelet method (`TimeAveragedSpectrum`): `amplitude` and `power` are the means over the band's
/// grid frequencies of the time-averaged |W| and |W|^2 (frequencies with no valid coefficient are
/// skipped); `amplitudeRatioToMean` and `powerRatioToMean` divide them by the same mean over every
/// analysed frequency (fmin to fmax); `powerRatioToMedian` divides the median of the band's
/// per-frequency power by the median over every analysed frequency; the peak is the grid frequency
/// with the largest amplitude; `validFraction` is the share of the band's coefficients inside the
/// cone of influence.
///
/// Welch method (`WelchSpectrum`): `power` is the integral of the density over the band (sum of
/// density * df over bins with low <= f < high), unit^2; `amplitude` is its square root, the band's
/// RMS amplitude; `powerShare` divides the power by the total power over fmin to fmax and
/// `rmsRatioToTotal` the RMS by the total RMS (the square root of the share);
/// `powerRatioToMedian` uses the medians of the density; the peak is the bin with the largest
/// density and `peakAmplitude` is that bin's RMS amplitude sqrt(density * df); `validFraction` is 1
/// (Welch has no cone of influence; the analysed stretch is gap-free).
public struct BandSummary: Sendable, Equatable {
    public var band: Band
    /// The band set's name (a preset's name or "custom").
    public var presetName: String
    /// Unit of the signal (wavelet: mean |W|; Welch: RMS).
    public var amplitude: Double?
    /// Unit squared (wavelet: mean |W|^2; Welch: integrated density).
    public var power: Double?
    /// Wavelet: band amplitude / mean amplitude over fmin–fmax (nil for Welch).
    public var amplitudeRatioToMean: Double?
    /// Wavelet: band power / mean power over fmin–fmax (nil for Welch).
    public var powerRatioToMean: Double?
    /// Both methods: median power (density) in the band / median over fmin–fmax.
    public var powerRatioToMedian: Double?
    /// Welch: band power / total power over fmin–fmax, a share summing to 1 (nil for wavelet).
    public var powerShare: Double?
    /// Welch: band RMS / total RMS over fmin–fmax, the square root of `powerShare` (nil for wavelet).
    public var rmsRatioToTotal: Double?
    /// 0...1; nil when the band holds no analysed frequency.
    public var validFraction: Double?
    /// Frequency in Hz of the band's largest amplitude (wavelet) or density (Welch).
    public var peakHz: Double?
    public var peakAmplitude: Double?
    /// Wavelet only (nil for Welch): the Linköping time–frequency pixel average, the mean |W| and
    /// |W|^2 over every coefficient of the band inside the cone of influence, so frequencies with
    /// more valid coefficients weigh more (equal to `amplitude`/`power` when edges are included).
    public var pixelAmplitude: Double?
    public var pixelPower: Double?
    /// Analysed frequencies (wavelet grid points or Welch bins) inside the band.
    public var frequencyCount: Int
    /// Why the values are nil, when they are.
    public var reason: String?

    /// A band whose values cannot be computed, with the reason.
    public init(unavailable band: Band, presetName: String, frequencyCount: Int, validFraction: Double?, reason: String) {
        self.band = band
        self.presetName = presetName
        self.frequencyCount = frequencyCount
        self.validFraction = validFraction
        self.reason = reason
    }

    public init(band: Band, presetName: String, amplitude: Double, power: Double, amplitudeRatioToMean: Double? = nil,
                powerRatioToMean: Double? = nil, powerRatioToMedian: Double?, powerShare: Double? = nil, rmsRatioToTotal: Double? = nil,
                validFraction: Double, peakHz: Double, peakAmplitude: Double, frequencyCount: Int) {
        self.band = band
        self.presetName = presetName
        self.amplitude = amplitude
        self.power = power
        self.amplitudeRatioToMean = amplitudeRatioToMean
        self.powerRatioToMean = powerRatioToMean
        self.powerRatioToMedian = powerRatioToMedian
        self.powerShare = powerShare
        self.rmsRatioToTotal = rmsRatioToTotal
        self.validFraction = validFraction
        self.peakHz = peakHz
        self.peakAmplitude = peakAmplitude
        self.frequencyCount = frequencyCount
    }

    /// Whether the band's values were computed.
    public var isAvailable: Bool { reason == nil }
}

/// `a / b`, or nil when the ratio is not a finite number (zero or missing reference).
func ratio(_ a: Double, _ b: Double) -> Double? {
    let r = a / b
    return r.isFinite && b != 0 ? r : nil
}
