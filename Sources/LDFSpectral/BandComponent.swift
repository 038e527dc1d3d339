import LDFCore

/// How a band's oscillation is extracted, as in MODA's filtering window.
public enum ComponentMethod: String, Sendable, Codable, CaseIterable {
    /// Ridge extraction (ecurve) and direct reconstruction (rectfr) from the band's wavelet or
    /// windowed Fourier transform (`RidgeCurve`, `RidgeReconstruction`).
    case ridge
    /// Zero-phase Butterworth band-pass at MODA's `loop_butter` order (`MODABandPass`), amplitude
    /// and phase from the Hilbert transform.
    case butterworth
}

/// The dominant oscillation of one band over time: instantaneous frequency, amplitude, phase and
/// the reconstructed (or filtered) component at every sample.
public struct BandComponent: Sendable, Equatable {
    public var band: Band
    public var method: ComponentMethod
    public var sampleRateHz: Double
    /// Instantaneous frequency in Hz. Ridge: rectfr's direct estimate; Butterworth: the derivative
    /// of the unwrapped Hilbert phase (central differences) / 2 pi.
    public var frequencyHz: [Double]
    /// Amplitude in the signal's unit (a cosine of amplitude a reads a).
    public var amplitude: [Double]
    /// Phase in radians, wrapped to [0, 2 pi) (as MODA saves it).
    public var phase: [Double]
    /// The component a cos(phi) (ridge), or the band-passed signal (Butterworth), in the signal's unit.
    public var reconstruction: [Double]
    /// Ridge method: scheme II iterations and whether the path converged; nil for Butterworth.
    public var ridgeIterations: Int?
    public var ridgeConverged: Bool?
    /// Ridge method: frequencies of the band's transform; Butterworth: nil.
    public var transformFrequencyCount: Int?
    /// Butterworth: the prototype order used (the filter's order is twice it); ridge: nil.
    public var filterOrder: Int?

    /// Mean and SD of the instantaneous frequency and amplitude over every sample (the whole
    /// analysed stretch, as MODA's filtering window, which computes its transforms without cutting
    /// the edges).
    public var frequencySummary: SummaryStatistics { SummaryStatistics(frequencyHz) }
    public var amplitudeSummary: SummaryStatistics { SummaryStatistics(amplitude) }
}

/// A band's result: its component, or why it has none.
public enum BandComponentOutcome: Sendable, Equatable {
    case extracted(BandComponent)
    case unavailable(Band, reason: String)

    public var band: Band {
        switch self {
        case .extracted(let component): return component.band
        case .unavailable(let band, _): return band
        }
    }
}
