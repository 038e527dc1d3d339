import LDFCore

/// The wavelet family (MODA, Iatsenko et al. 2015).
public enum WaveletKind: String, Sendable, Codable, CaseIterable {
    /// MODA's Morlet: psi_hat(xi) = exp(-(w0 - xi)^2 / 2) - exp(-(w0^2 + xi^2) / 2), w0 = 2*pi*f0.
    case morlet
    /// MODA's log-normal wavelet (MODA's own default).
    case lognormal
}

/// Which time-frequency transform (MODA's TFA window: wavelet or windowed Fourier transform).
public enum TransformKind: String, Sendable, Codable, CaseIterable {
    /// The continuous wavelet transform (wt.m): log-spaced frequencies, a cone that narrows with frequency.
    case wavelet
    /// The windowed Fourier transform with MODA's Gaussian window (wft.m): linearly spaced
    /// frequencies at the automatic step, the same time resolution and cone at every frequency.
    case wft
}

/// How the signal is extended beyond its ends before the FFT (MODA's `Padding`).
public enum Padding: String, Sendable, Codable, CaseIterable {
    case zero, symmetric, periodic
    /// MODA's forecast extension (the default, as in MODA).
    case predictive
}

/// Which coefficients near the edges count as invalid.
public enum ConeOfInfluenceRule: String, Sendable, Codable, CaseIterable {
    /// MODA: the wavelet's support holding all but eps = 1% of it must lie inside the signal.
    case moda
    /// Torrence & Compo e-folding rule: valid at least 6*sqrt(2)/(2*pi*f) s from an edge (Hultman).
    case torrenceCompo = "torrence-compo"
}

/// Every parameter of a wavelet transform; recorded in outputs.
public struct WaveletOptions: Sendable, Equatable, Codable {
    /// Wavelet (default) or windowed Fourier transform.
    public var transform: TransformKind
    /// The mother wavelet (wavelet transform only; the WFT's window is MODA's Gaussian).
    public var wavelet: WaveletKind
    /// Resolution parameter f0: for the wavelet dimensionless (default 1; w0 = 2*pi*f0 for the
    /// Morlet); for the WFT the Gaussian window's standard deviation in seconds (MODA's default
    /// 1 / fmin, `defaultWindowF0(fminHz:)`).
    public var f0: Double
    /// Voices per octave; nil chooses MODA's automatic value (31 for Morlet f0 = 1). Wavelet only:
    /// the WFT's frequency step is MODA's automatic one (`GaussianWindow.automaticFrequencyStepHz`).
    public var voices: Int?
    /// Lowest and highest analysed frequency in Hz.
    public var fminHz: Double
    public var fmaxHz: Double
    /// MODA preprocessing: cubic-polynomial detrend, then FFT band-pass to [fmin, fmax].
    public var preprocess: Bool
    public var padding: Padding
    public var coneRule: ConeOfInfluenceRule

    public init(transform: TransformKind = .wavelet, wavelet: WaveletKind = .morlet, f0: Double = 1, voices: Int? = nil,
                fminHz: Double, fmaxHz: Double, preprocess: Bool = true,
                padding: Padding = .predictive, coneRule: ConeOfInfluenceRule = .moda) {
        self.transform = transform
        self.wavelet = wavelet
        self.f0 = f0
        self.voices = voices
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        self.preprocess = preprocess
        self.padding = padding
        self.coneRule = coneRule
    }
}

extension WaveletOptions {
    /// MODA's window resolution when none is given (wft.m with f0 blank: fr = 1, f0 = fr / fmin), in seconds.
    public static func defaultWindowF0(fminHz: Double) -> Double { 1 / fminHz }

    /// The name of the kernel for outputs: the wavelet's name, or "gaussian" for the WFT's window.
    public var kernelName: String { transform == .wft ? "gaussian" : wavelet.rawValue }
}
