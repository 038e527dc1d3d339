import LDFCore

/// Every choice of a band analysis (`ldf bands`, `ldf spectrum`), validated before any file is read.
public struct BandAnalysisSettings: Sendable, Equatable {
    public var bandSet: BandSet
    public var method: SpectralMethod
    /// Wavelet, f0, voices, preprocessing, padding and cone rule. Its `fminHz`/`fmaxHz` are
    /// replaced per recording by `frequencyRange(sampleRateHz:)`.
    public var wavelet: WaveletOptions
    /// Lowest and highest analysed frequency in Hz as the user gave them; nil takes the band
    /// set's lowest and highest edges (the upper one lowered to the recording's Nyquist frequency).
    public var fminHz: Double?
    public var fmaxHz: Double?
    /// Average over coefficients outside the cone of influence too (wavelet only; default false).
    public var includeEdges: Bool
    public var welch: WelchOptions
    /// Hampel filter applied before the analysis; nil for none (the default).
    public var hampel: HampelOptions?
    /// Least share (0...1) of a band's coefficients inside the cone of influence for its values to
    /// be reported (`BandValidityRule`; default 0.2).
    public var minimumValidFraction: Double
    /// Compute bands that fall short of the validity rule anyway, with a caution (default false).
    public var allowsShortBands: Bool

    public init(bandSet: BandSet, method: SpectralMethod = .wavelet, wavelet: WaveletOptions? = nil,
                fminHz: Double? = nil, fmaxHz: Double? = nil, includeEdges: Bool = false,
                welch: WelchOptions = WelchOptions(), hampel: HampelOptions? = nil,
                minimumValidFraction: Double = BandValidityRule.defaultMinimumValidFraction, allowsShortBands: Bool = false) {
        self.bandSet = bandSet
        self.method = method
        self.wavelet = wavelet ?? WaveletOptions(fminHz: bandSet.lowestHz, fmaxHz: bandSet.highestHz)
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        self.includeEdges = includeEdges
        self.welch = welch
        self.hampel = hampel
        self.minimumValidFraction = minimumValidFraction
        self.allowsShortBands = allowsShortBands
    }

    /// The validity rule every band summary of this analysis applies.
    public var validityRule: BandValidityRule {
        BandValidityRule(minimumValidFraction: minimumValidFraction, allowsShortBands: allowsShortBands)
    }

    /// Checks what can be checked without a recording; errors name the CLI option.
    public func validate() throws {
        if let f = fminHz, !(f > 0 && f.isFinite) {
            throw LDFError("\(parameter: "fmin")", "\(f) Hz must be positive", fix: "e.g. \(parameter: "fmin") 0.005, or omit it to start at the lowest band edge")
        }
        if let f = fmaxHz, !(f > 0 && f.isFinite) {
            throw LDFError("\(parameter: "fmax")", "\(f) Hz must be positive", fix: "e.g. \(parameter: "fmax") 2, or omit it to end at the highest band edge")
        }
        let low = fminHz ?? bandSet.lowestHz, high = fmaxHz ?? bandSet.highestHz
        guard low < high else {
            throw LDFError("\(parameter: "fmin")/\(parameter: "fmax")", "fmin \(low) Hz must be below fmax \(high) Hz",
                           fix: "swap them or widen the range, e.g. \(parameter: "fmin") 0.005 \(parameter: "fmax") 2")
        }
        guard wavelet.f0 > 0, wavelet.f0.isFinite else {
            if wavelet.transform == .wft {
                throw LDFError("\(parameter: "f0")", "window resolution \(wavelet.f0) s must be positive", fix: "omit \(parameter: "f0") for MODA's default 1 / fmin")
            }
            throw LDFError("\(parameter: "f0")", "wavelet resolution \(wavelet.f0) must be positive", fix: "use the default \(parameter: "f0") 1")
        }
        if wavelet.transform == .wft {
            guard wavelet.voices == nil else {
                throw LDFError("\(parameter: "voices")", "voices per octave apply to the wavelet transform; the WFT uses MODA's automatic linear frequency step",
                               fix: "omit \(parameter: "voices") with \(parameter: "transform") wft")
            }
            guard wavelet.coneRule == .moda else {
                throw LDFError("\(parameter: "cone")", "the \(wavelet.coneRule.rawValue) rule is defined for the Morlet wavelet; the WFT's cone is MODA's",
                               fix: "omit \(parameter: "cone") with \(parameter: "transform") wft")
            }
        }
        if let v = wavelet.voices, v < 1 {
            throw LDFError("\(parameter: "voices")", "\(v) voices per octave; at least 1 is needed", fix: "omit \(parameter: "voices") for MODA's automatic choice")
        }
        try welch.validate()
        try hampel?.validate()
        try validityRule.validate()
    }

    /// The analysed range for a recording sampled at `sampleRateHz`, with a diagnostic when the
    /// band set's upper edge had to be lowered to the Nyquist frequency.
    /// - Throws: `LDFError` when a given fmax exceeds the Nyquist frequency or the range is empty.
    public func frequencyRange(sampleRateHz: Double, source: String) throws -> (low: Double, high: Double, notes: [Diagnostic]) {
        let nyquist = sampleRateHz / 2
        var notes: [Diagnostic] = []
        var high = fmaxHz ?? bandSet.highestHz
        if high > nyquist {
            guard fmaxHz == nil else {
                throw LDFError("\(parameter: "fmax")", "\(high) Hz is above the Nyquist frequency \(nyquist) Hz of \(source) (sampled at \(sampleRateHz) Hz)",
                               fix: "use \(parameter: "fmax") \(nyquist) or lower")
            }
            high = nyquist
            notes.append(.warning("nyquist",
                "\(source) is sampled at \(MessageNumber.short(sampleRateHz)) Hz: the analysis stops at its Nyquist frequency "
                + "\(MessageNumber.short(nyquist)) Hz, below the band set's upper edge \(MessageNumber.short(bandSet.highestHz)) Hz"))
        }
        let low = fminHz ?? bandSet.lowestHz
        guard low < high else {
            throw LDFError(fminHz == nil ? source : "\(parameter: "fmin")", "fmin \(low) Hz is not below the highest analysable frequency \(high) Hz",
                           fix: "use a lower \(parameter: "fmin") or a recording sampled faster")
        }
        return (low, high, notes)
    }
}
