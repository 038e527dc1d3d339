import LDFCore

/// Every choice of the harmonic finder (`ldf harmonics`), validated before any file is read.
///
/// Defaults are PyMODAlib's `harmonicfinder` (Sheppard, Stefanovska & McClintock 2011): scale
/// ratio 1.05, time resolution 0.1 s, 10 AAFT surrogates, 24 phase bins; the frequency range
/// (which PyMODAlib leaves to the caller) defaults to the Stefanovska band set's edges,
/// 0.0095–2 Hz. Methods: docs/METHODS.md §19.
public struct HarmonicFinderSettings: Sendable, Equatable {
    /// Lowest frequency, Hz (the largest wavelet scale is 1 / fmin; the grid ends one scale
    /// step beyond it, as PyMODAlib's does).
    public var fminHz: Double
    /// Highest frequency, Hz (the smallest scale is 1 / fmax); nil: 2 Hz, lowered to the Nyquist
    /// frequency.
    public var fmaxHz: Double?
    /// Ratio of neighbouring wavelet scales (PyMODAlib's `sigma`, 1.05: scales 5 % apart).
    public var scaleRatio: Double
    /// Spacing of the times the phases are taken at, seconds (PyMODAlib's `time_resolution`);
    /// it must be a whole number of samples and divide one second.
    public var timeResolutionSeconds: Double
    /// Equal-population bins per phase in the mutual information (PyMODAlib's 24).
    public var bins: Int
    /// AAFT surrogates (0: none, no significance).
    public var surrogateCount: Int
    /// Seed of the surrogates (surrogate k uses stream k).
    public var seed: UInt64

    public static let defaultFminHz = 0.0095
    public static let defaultFmaxHz = 2.0
    /// Accepted scale ratios: above 1, at most 2 (an octave per step).
    public static let scaleRatioRange = 1.001...2.0
    public static let binRange = 2...256
    public static let surrogateRange = 0...10_000

    public init(fminHz: Double = Self.defaultFminHz, fmaxHz: Double? = nil, scaleRatio: Double = 1.05, timeResolutionSeconds: Double = 0.1,
                bins: Int = 24, surrogateCount: Int = 10, seed: UInt64 = 1) {
        self.fminHz = fminHz
        self.fmaxHz = fmaxHz
        self.scaleRatio = scaleRatio
        self.timeResolutionSeconds = timeResolutionSeconds
        self.bins = bins
        self.surrogateCount = surrogateCount
        self.seed = seed
    }

    /// Checks what can be checked without a recording; errors name the parameter.
    public func validate() throws {
        guard fminHz > 0, fminHz.isFinite else {
            throw LDFError("\(parameter: "fmin")", "\(MessageNumber.short(fminHz)) Hz must be positive", fix: "e.g. \(parameter: "fmin") 0.0095")
        }
        if let fmaxHz {
            guard fmaxHz.isFinite, fmaxHz > fminHz else {
                throw LDFError("\(parameter: "fmax")", "\(MessageNumber.short(fmaxHz)) Hz must be above fmin \(MessageNumber.short(fminHz)) Hz", fix: "raise \(parameter: "fmax") or lower \(parameter: "fmin")")
            }
        } else if fminHz >= Self.defaultFmaxHz {
            throw LDFError("\(parameter: "fmin")", "\(MessageNumber.short(fminHz)) Hz is not below the default fmax \(MessageNumber.short(Self.defaultFmaxHz)) Hz", fix: "give \(parameter: "fmax") above it")
        }
        guard Self.scaleRatioRange.contains(scaleRatio) else {
            throw LDFError("\(parameter: "scaleRatio")", "\(MessageNumber.short(scaleRatio)) must be from \(Self.scaleRatioRange.lowerBound) to 2", fix: "use PyMODAlib's 1.05")
        }
        guard timeResolutionSeconds > 0, timeResolutionSeconds <= 10 else {
            throw LDFError("\(parameter: "timeResolution")", "\(MessageNumber.short(timeResolutionSeconds)) s must be above 0 and at most 10 s", fix: "use PyMODAlib's 0.1")
        }
        guard Self.binRange.contains(bins) else {
            throw LDFError("\(parameter: "bins")", "\(bins) must be from 2 to 256", fix: "use PyMODAlib's 24")
        }
        guard Self.surrogateRange.contains(surrogateCount) else {
            throw LDFError("\(parameter: "surrogates")", "\(surrogateCount) must be from 0 to 10000", fix: "use PyMODAlib's 10, or more for a finer percentile")
        }
    }

    /// The highest frequency for a recording sampled at `sampleRateHz`: the given one (which
    /// must not exceed the Nyquist frequency) or the default lowered to it.
    /// - Throws: `LDFError` naming fmax when it exceeds the Nyquist frequency or the range is empty.
    public func resolvedFmaxHz(sampleRateHz: Double) throws -> Double {
        let nyquist = sampleRateHz / 2
        if let fmaxHz, fmaxHz > nyquist {
            throw LDFError("\(parameter: "fmax")", "\(MessageNumber.short(fmaxHz)) Hz is above the Nyquist frequency \(MessageNumber.short(nyquist)) Hz of a \(MessageNumber.short(sampleRateHz)) Hz recording",
                           fix: "use \(parameter: "fmax") \(MessageNumber.short(nyquist)) or lower")
        }
        let high = fmaxHz ?? min(Self.defaultFmaxHz, nyquist)
        guard high > fminHz else {
            throw LDFError("\(parameter: "fmin")", "\(MessageNumber.short(fminHz)) Hz is not below fmax \(MessageNumber.short(high)) Hz (the Nyquist frequency of a \(MessageNumber.short(sampleRateHz)) Hz recording)",
                           fix: "lower \(parameter: "fmin")")
        }
        return high
    }
}
