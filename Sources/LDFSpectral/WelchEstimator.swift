import LDFCore
import RealModule

/// Settings of a Welch power-spectrum estimate (`--method welch`).
///
/// The estimate matches `scipy.signal.welch(x, fs, window="hann", nperseg, noverlap,
/// detrend="constant", return_onesided=True, scaling="density", average="mean")`.
public struct WelchOptions: Sendable, Equatable, Codable {
    /// Segment length in seconds; nil chooses `defaultSegmentSeconds(lowestHz:)`.
    public var segmentSeconds: Double?
    /// Fraction of a segment shared with the next one (default 0.5, scipy's default).
    public var overlapFraction: Double

    public init(segmentSeconds: Double? = nil, overlapFraction: Double = 0.5) {
        self.segmentSeconds = segmentSeconds
        self.overlapFraction = overlapFraction
    }

    /// Default segment length for LDF: 5 cycles of the lowest analysed frequency, 5 / fmin seconds
    /// (1000 s for 0.005 Hz). The bin spacing fmin / 5 then puts about 4–5 bins into the lowest
    /// Stefanovska band (0.005–0.0095 Hz), and a 30-minute recording still gives 2 overlapping
    /// segments. Shorter recordings use one segment of their whole length (a periodogram), which
    /// the band analysis reports as a diagnostic.
    public static func defaultSegmentSeconds(lowestHz: Double) -> Double { 5 / lowestHz }

    public func validate() throws {
        if let s = segmentSeconds, !(s > 0 && s.isFinite) {
            throw LDFError("\(parameter: "welchSegment")", "segment \(s) s must be positive", fix: "e.g. \(parameter: "welchSegment") 600")
        }
        guard overlapFraction >= 0, overlapFraction < 1 else {
            throw LDFError("\(parameter: "welchOverlap")", "overlap \(overlapFraction) must be at least 0 and below 1",
                           fix: "e.g. \(parameter: "welchOverlap") 0.5")
        }
    }

    /// Segment length in samples at `sampleRateHz`, at most `sampleCount` (at least 2).
    public func segmentLength(sampleRateHz: Double, sampleCount: Int, lowestHz: Double) -> Int {
        let seconds = segmentSeconds ?? Self.defaultSegmentSeconds(lowestHz: lowestHz)
        return max(2, min(sampleCount, Int((seconds * sampleRateHz).rounded())))
    }

    /// Overlap in samples for a segment of `segmentLength` samples (scipy: nperseg // 2 for 0.5).
    public func overlapLength(segmentLength: Int) -> Int {
        min(segmentLength - 1, Int((overlapFraction * Double(segmentLength)).rounded(.down)))
    }
}

/// Welch's averaged periodogram with a periodic Hann window, set up once for one segment length
/// (FFT plan, window, scale) and reusable from many threads.
///
/// Each segment (step `segmentLength - overlapLength`, trailing samples that do not fill a
/// segment are dropped, as in scipy) has its mean removed, is multiplied by the window and
/// transformed; |X_k|^2 is scaled by 1 / (fs * sum w^2), doubled for the one-sided spectrum
/// (except DC and, for even lengths, Nyquist) and averaged over segments. The result is a density
/// in unit^2/Hz whose sum times the bin spacing is the variance of the windowed segments.
///
/// Methods: docs/METHODS.md §5.2.
public struct WelchEstimator: Sendable {
    public let segmentLength: Int
    public let overlapLength: Int
    public let sampleRateHz: Double
    private let window: [Double]
    private let windowPowerSum: Double
    private let fft: RealFFT

    public init(segmentLength: Int, overlapLength: Int, sampleRateHz: Double) {
        precondition(segmentLength >= 2, "a Welch segment needs at least 2 samples")
        precondition(overlapLength >= 0 && overlapLength < segmentLength, "overlap must be in 0..<segmentLength")
        precondition(sampleRateHz > 0 && sampleRateHz.isFinite, "sample rate must be positive")
        self.segmentLength = segmentLength
        self.overlapLength = overlapLength
        self.sampleRateHz = sampleRateHz
        // scipy.signal.get_window("hann", N) is periodic: 0.5 - 0.5 cos(2 pi n / N).
        window = (0..<segmentLength).map { 0.5 - 0.5 * Double.cos(2 * .pi * Double($0) / Double(segmentLength)) }
        windowPowerSum = window.reduce(0) { $0 + $1 * $1 }
        fft = RealFFT(count: segmentLength)
    }

    /// Segments that fit in `sampleCount` samples.
    public func segmentCount(sampleCount: Int) -> Int {
        sampleCount < segmentLength ? 0 : (sampleCount - segmentLength) / (segmentLength - overlapLength) + 1
    }

    /// The one-sided power spectral density of `values` (all finite, at least one segment long).
    public func estimate(_ values: [Double]) -> WelchSpectrum {
        let segments = segmentCount(sampleCount: values.count)
        precondition(segments > 0, "Welch needs at least \(segmentLength) samples, got \(values.count)")
        precondition(values.allSatisfy(\.isFinite), "Welch input must be finite (select a gap-free stretch first)")
        let n = segmentLength, step = segmentLength - overlapLength
        let input = RealBuffer(count: n)
        let output = ComplexBuffer(count: fft.binCount)
        var accumulated = [Double](repeating: 0, count: fft.binCount)
        for s in 0..<segments {
            let start = s * step
            var sum = 0.0
            for i in 0..<n { sum += values[start + i] }
            let mean = sum / Double(n)
            for i in 0..<n { input[i] = (values[start + i] - mean) * window[i] }
            fft.forward(input, output)
            for k in 0..<fft.binCount { accumulated[k] += output[k].lengthSquared }
        }
        let scale = 1 / (sampleRateHz * windowPowerSum * Double(segments))
        var density = accumulated.map { $0 * scale }
        let lastDoubled = n.isMultiple(of: 2) ? fft.binCount - 1 : fft.binCount
        for k in 1..<lastDoubled { density[k] *= 2 }
        let frequencies = (0..<fft.binCount).map { Double($0) * sampleRateHz / Double(n) }
        return WelchSpectrum(frequenciesHz: frequencies, density: density, sampleRateHz: sampleRateHz,
                             segmentLength: n, overlapLength: overlapLength, segmentCount: segments)
    }
}
