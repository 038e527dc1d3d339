import Foundation

/// What a `WaveletTransform` multiplies the signal's spectrum by, row by row: a mother wavelet
/// stretched to each frequency (wt.m), or MODA's Gaussian window shifted to it (wft.m).
public enum TransformKernel: Sendable, Equatable {
    case wavelet(MotherWavelet)
    case window(GaussianWindow)

    /// The kernel the options ask for.
    init(_ options: WaveletOptions) {
        switch options.transform {
        case .wavelet: self = .wavelet(MotherWavelet(kind: options.wavelet, f0: options.f0))
        case .wft: self = .window(GaussianWindow(f0: options.f0))
        }
    }

    /// The row's weight at signal frequency `nu` Hz for the row analysing `frequency` Hz:
    /// psi_hat(ompeak nu / f) for a wavelet (zero at nu <= 0), g_hat(2 pi (f - nu)) for the window.
    func weight(frequencyHz frequency: Double, atHz nu: Double) -> Double {
        switch self {
        case .wavelet(let wavelet): return nu > 0 ? wavelet.fourierTransform(wavelet.peakAngularFrequency * nu / frequency) : 0
        case .window(let window): return window.fourierTransform(2 * Double.pi * (frequency - nu))
        }
    }

    /// Signal frequencies (Hz) outside which the row at `frequency` weighs less than `level`.
    func support(frequencyHz frequency: Double, level: Double) -> ClosedRange<Double> {
        switch self {
        case .wavelet(let wavelet):
            let xi = wavelet.negligibleOutside(level: level)
            return (xi.lowerBound * frequency / wavelet.peakAngularFrequency)...(xi.upperBound * frequency / wavelet.peakAngularFrequency)
        case .window(let window):
            let reach = window.negligibleBeyondHz(level: level)
            return (frequency - reach)...(frequency + reach)
        }
    }

    /// MODA's t2h - t1h, the half-support span that weights predictive padding: in wavelet time
    /// units for a wavelet (as PyMODAlib's wt port), in seconds for the window (wft.m).
    var timeHalfSpan: Double {
        switch self {
        case .wavelet(let wavelet): return wavelet.timeHalfSupport.upperBound - wavelet.timeHalfSupport.lowerBound
        case .window(let window): return window.timeHalfSupport.upperBound - window.timeHalfSupport.lowerBound
        }
    }

    /// The shortest signal (s) with any coefficient inside MODA's cone at `frequency` Hz:
    /// (t2e - t1e) ompeak / (2 pi f) for a wavelet, t2e - t1e for the window.
    func shortestCoveredSeconds(frequencyHz frequency: Double) -> Double {
        switch self {
        case .wavelet(let wavelet):
            return (wavelet.timeSupport.upperBound - wavelet.timeSupport.lowerBound) * wavelet.peakAngularFrequency / (2 * Double.pi * frequency)
        case .window(let window):
            return window.timeSupport.upperBound - window.timeSupport.lowerBound
        }
    }
}
