import LDFSpectral

/// The wavelet settings repeated on every row of the tidy coherence and bispectrum CSVs.
public struct WaveletSettingsColumns: Codable, Sendable, Equatable {
    public var wavelet: String
    public var f0: Double
    @Nullable public var voices: Int? = nil
    public var fminHz: Double
    public var fmaxHz: Double
    public var padding: String
    public var cone: String

    public init(_ w: WaveletOptions) {
        wavelet = w.wavelet.rawValue
        f0 = w.f0
        voices = w.voices
        fminHz = w.fminHz
        fmaxHz = w.fmaxHz
        padding = w.padding.rawValue
        cone = w.coneRule.rawValue
    }

    /// The columns of a recorded analysis: its spectral parameters and resolved range.
    public init(_ p: SpectralParametersRecord, voices: Int?, fminHz: Double, fmaxHz: Double) {
        wavelet = p.wavelet
        f0 = p.f0
        self.voices = voices
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        padding = p.padding
        cone = p.cone
    }
}

/// The surrogate test repeated on every row of the tidy coherence and bispectrum CSVs (empty
/// without a test).
public struct SurrogateColumns: Codable, Sendable, Equatable {
    @Nullable public var surrogateType: String? = nil
    @Nullable public var surrogates: Int? = nil
    @Nullable public var seed: UInt64? = nil
    @Nullable public var significance: Double? = nil

    public init(_ test: SurrogateOptions?) {
        surrogateType = test?.kind.rawValue
        surrogates = test?.count
        seed = test?.seed
        significance = test?.level
    }

    public init(_ test: SurrogateParametersRecord?) {
        surrogateType = test?.type
        surrogates = test?.count
        seed = test?.seed
        significance = test?.significance
    }
}
