import LDFCore

/// Every choice of a coherence analysis (`ldf coherence`), validated before any file is read.
public struct CoherenceSettings: Sendable, Equatable {
    /// Band set, wavelet options, frequency range, cone (edges) and Hampel filter, exactly as for
    /// `ldf bands` (the method must be the wavelet).
    public var spectral: BandAnalysisSettings
    /// Window of the time-localised coherence in cycles of each frequency (default 10, MODA's).
    public var windowCycles: Double
    /// Whether to compute the time-localised coherence (default false).
    public var timeLocalised: Bool
    /// The surrogate test; nil for none (the default).
    public var surrogates: SurrogateOptions?

    public init(spectral: BandAnalysisSettings, windowCycles: Double = 10, timeLocalised: Bool = false,
                surrogates: SurrogateOptions? = nil) {
        self.spectral = spectral
        self.windowCycles = windowCycles
        self.timeLocalised = timeLocalised
        self.surrogates = surrogates
    }

    /// Checks what can be checked without a recording; errors name the CLI option.
    public func validate() throws {
        guard spectral.method == .wavelet else {
            throw LDFError("\(parameter: "method")", "phase coherence needs the complex wavelet transform; '\(spectral.method.rawValue)' has no phase per time",
                           fix: "omit \(parameter: "method") (wavelet is the default)")
        }
        guard spectral.wavelet.transform == .wavelet else {
            throw LDFError("\(parameter: "transform")", "MODA's wavelet phase coherence (wphcoh) uses the wavelet transform, not the windowed Fourier transform", fix: "omit \(parameter: "transform") (wavelet is the default)")
        }
        try spectral.validate()
        guard windowCycles.isFinite && windowCycles > 0 else {
            throw LDFError("\(parameter: "windowCycles")", "\(windowCycles) cycles must be positive", fix: "use the default 10 cycles (MODA's)")
        }
        try surrogates?.validate()
    }
}
