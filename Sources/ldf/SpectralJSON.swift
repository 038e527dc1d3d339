import LDFCore
import LDFSpectral

/// nil for a missing, NaN or infinite value.
func jsonNumber(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

extension BandAnalysis {
    /// Voices per octave the wavelet transform used (nil for Welch).
    var resolvedVoices: Int? {
        if case .wavelet(let spectrum) = spectrum { return spectrum.options.voices }
        return nil
    }
}
