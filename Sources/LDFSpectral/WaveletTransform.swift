import Foundation
import LDFCore

/// MODA's continuous wavelet transform (wt.m; PyMODAlib's `wavelet_transform`) set up once for a
/// signal length, sampling rate and options, then applied to any number of signals.
///
/// What MODA computes, and this type reproduces (Iatsenko, McClintock & Stefanovska 2015;
/// docs/METHODS.md §3):
/// - frequencies 2^(k / nv) Hz for every integer k with fmin <= 2^(k / nv) <= fmax, nv = voices per
///   octave (MODA's automatic rule when `options.voices` is nil: 31 for the Morlet with f0 = 1);
/// - preprocessing (on by default): cubic-polynomial detrend, FFT band-pass keeping
///   max(fmin, fs/L) < |f| < fmax;
/// - padding to NL = 2^ceil(log2(L + coib1 + coib2)) samples (cone lengths at the lowest
///   frequency), split between the sides in proportion to the two cone lengths;
/// - W(f, t) = IFFT_NL[ x_hat(nu) * conj(psi_hat(ompeak * nu / f)) ] over positive nu only, so a
///   cosine of amplitude a reads |W| = a / 2 on its ridge (psi_hat has unit peak);
/// - the cone of influence (`ConeOfInfluence`).
///
/// The expensive step is made cheap without changing the result: each row's spectrum is non-zero
/// only on the bins where psi_hat exceeds 1e-10 of its peak (and inside the band-pass), so the row
/// is shifted to baseband and inverse-transformed at a short power-of-two length M >= 2 x that
/// bandwidth, which yields the exact coefficients at every (NL / M)-th time. |W| does not depend on
/// the shift. Memory stays O(NL); the time-frequency matrix is never formed.
///
/// Input signals must be gap-free (no NaN): fill short gaps first (RecordingAssembler bridges
/// them) or analyse the segments between long gaps separately. Immutable and `Sendable`; the
/// per-call buffers are private to each call.
public final class WaveletTransform: Sendable {
    /// Options with `voices` resolved to the value used.
    public let options: WaveletOptions
    /// Samples per signal (L).
    public let sampleCount: Int
    public let sampleRateHz: Double
    public let wavelet: MotherWavelet
    /// Analysed frequencies in Hz, ascending.
    public let frequenciesHz: [Double]
    /// Which coefficients are free of edge effects, under `options.coneRule`.
    public let cone: ConeOfInfluence
    /// MODA's cone (eps = 1 %), which sets the pad lengths whatever `options.coneRule` is.
    public let modaCone: ConeOfInfluence
    /// Padded length NL (a power of two) and the samples added before and after the signal.
    public let paddedCount: Int
    public let padBefore: Int
    public let padAfter: Int
    /// Per-frequency band-limited row plans (first bin, bin count, short inverse-FFT length).
    let rows: [RowPlan]

    struct RowPlan: Sendable {
        /// First positive-frequency bin of the padded spectrum the row uses, and how many.
        var firstBin: Int
        var binCount: Int
        /// Short inverse-FFT length M (power of two, <= NL) for time averages.
        var shortCount: Int
    }

    /// Fewest decimated samples a time average inside the cone runs over (more when the row's
    /// bandwidth asks for a finer grid).
    static let minimumAveragedSamples = 1024

    /// Relative level below which psi_hat is treated as zero when limiting a row to its bins.
    static let negligibleLevel = 1e-10

    /// Sets up the transform for signals of `sampleCount` samples at `sampleRateHz`.
    /// - Throws: `LDFError` naming the parameter when an option or the length is out of range.
    public init(sampleCount: Int, sampleRateHz: Double, options: WaveletOptions) throws {
        try Self.validate(sampleCount: sampleCount, sampleRateHz: sampleRateHz, options: options)
        let wavelet = MotherWavelet(kind: options.wavelet, f0: options.f0)
        let voices = options.voices ?? wavelet.automaticVoices
        let lowest = (Double(voices) * log2(options.fminHz)).rounded(.up)
        let highest = (Double(voices) * log2(options.fmaxHz)).rounded(.down)
        guard lowest <= highest else {
            throw LDFError("fmin/fmax", "no frequency 2^(k/\(voices)) lies in [\(options.fminHz), \(options.fmaxHz)] Hz",
                           fix: "widen the frequency range or use more voices per octave")
        }
        let frequencies = stride(from: lowest, through: highest, by: 1).map { pow(2, $0 / Double(voices)) }
        var resolved = options
        resolved.voices = voices
        self.options = resolved
        self.sampleCount = sampleCount
        self.sampleRateHz = sampleRateHz
        self.wavelet = wavelet
        frequenciesHz = frequencies
        modaCone = ConeOfInfluence(rule: .moda, wavelet: wavelet, frequenciesHz: frequencies,
                                   sampleCount: sampleCount, sampleRateHz: sampleRateHz)
        cone = options.coneRule == .moda ? modaCone
            : ConeOfInfluence(rule: options.coneRule, wavelet: wavelet, frequenciesHz: frequencies,
                              sampleCount: sampleCount, sampleRateHz: sampleRateHz)
        let left = modaCone.leadingInvalid[0], right = modaCone.trailingInvalid[0]
        let padded = Self.nextPowerOfTwo(sampleCount + left + right)
        paddedCount = padded
        let extra = padded - sampleCount
        let before = left + right == 0 ? extra / 2 : Int((Double(extra) * Double(left) / Double(left + right)).rounded(.down))
        padBefore = before
        padAfter = extra - before
        rows = Self.plans(frequencies: frequencies, wavelet: wavelet, options: resolved, sampleCount: sampleCount,
                          sampleRateHz: sampleRateHz, paddedCount: padded, cone: options.coneRule == .moda ? modaCone : cone)
    }

    /// The smallest power of two >= `value` (MODA's 2^nextpow2).
    static func nextPowerOfTwo(_ value: Int) -> Int {
        var result = 1
        while result < value { result <<= 1 }
        return result
    }

    /// The lowest frequency (Hz) with at least one valid coefficient under MODA's cone:
    /// (t2e - t1e) * ompeak / (2 pi) * fs / L (MODA's default fmin).
    public var lowestResolvableFrequencyHz: Double {
        (wavelet.timeSupport.upperBound - wavelet.timeSupport.lowerBound) * wavelet.peakAngularFrequency
            / (2 * Double.pi) * sampleRateHz / Double(sampleCount)
    }

    /// Bins [first, last] inside the preprocessing band-pass (or all positive bins without it).
    var passBand: ClosedRange<Int> {
        let binHz = sampleRateHz / Double(paddedCount)
        let half = paddedCount / 2
        guard options.preprocess else { return 1...half }
        let lowEdge = max(options.fminHz, sampleRateHz / Double(sampleCount))
        let first = Int((lowEdge / binHz).rounded(.down)) + 1
        var last = Int((options.fmaxHz / binHz).rounded(.up)) - 1
        last = min(last, half)
        return first...max(first, last)
    }

    private static func plans(frequencies: [Double], wavelet: MotherWavelet, options: WaveletOptions,
                              sampleCount: Int, sampleRateHz: Double, paddedCount: Int,
                              cone: ConeOfInfluence) -> [RowPlan] {
        frequencies.enumerated().map { index, frequency in
            rowPlan(frequencyHz: frequency, validCount: cone.validCount(index), wavelet: wavelet, options: options,
                    sampleCount: sampleCount, sampleRateHz: sampleRateHz, paddedCount: paddedCount)
        }
    }

    /// The band-limited plan of a row at `frequencyHz` (any frequency, on the grid or not) with
    /// `validCount` samples inside its cone of influence.
    static func rowPlan(frequencyHz frequency: Double, validCount: Int, wavelet: MotherWavelet, options: WaveletOptions,
                        sampleCount: Int, sampleRateHz: Double, paddedCount: Int) -> RowPlan {
        let binHz = sampleRateHz / Double(paddedCount)
        let half = paddedCount / 2
        var lowEdge = 0.0, highEdge = Double.infinity
        if options.preprocess {
            lowEdge = max(options.fminHz, sampleRateHz / Double(sampleCount))
            highEdge = options.fmaxHz
        }
        let support = wavelet.negligibleOutside(level: negligibleLevel)
        // nu = xi * f / ompeak; keep bins with lowEdge < nu < highEdge and nu > 0.
        let lowHz = max(support.lowerBound * frequency / wavelet.peakAngularFrequency, lowEdge)
        let highHz = min(support.upperBound * frequency / wavelet.peakAngularFrequency, highEdge)
        let first = max(1, Int((lowHz / binHz).rounded(.down)) + 1)
        let last = min(half, Int((highHz / binHz).rounded(.up)) - 1)
        let count = max(0, last - first + 1)
        // At least 2x the bandwidth, and at least `minimumAveragedSamples` decimated samples inside
        // the cone: a sampled mean of a fluctuating |W| errs by about (fluctuation) / (samples).
        let valid = max(1, validCount)
        let fromBandwidth = nextPowerOfTwo(max(2 * count, 16))
        let fromCone = nextPowerOfTwo(Int((Double(minimumAveragedSamples) * Double(paddedCount) / Double(valid)).rounded(.up)))
        return RowPlan(firstBin: first, binCount: count, shortCount: min(paddedCount, max(fromBandwidth, fromCone)))
    }
}
