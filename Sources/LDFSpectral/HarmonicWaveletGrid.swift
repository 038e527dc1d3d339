import Foundation
import LDFCore
import Numerics

/// The wavelet scales, kernels and time grid of the harmonic finder: PyMODAlib's
/// `modbasicwavelet_flow_cmplx4` (Sheppard's MATLAB original), set up once per signal length.
///
/// Scales s_z = s_min * ratio^z, z = 0 ... floor(ln(s_max / s_min) / ln ratio) + 1, with
/// s_min = 1 / fmax and s_max = 1 / fmin (the grid ends one step beyond fmin, as the reference's
/// does); frequency 1 / s. The kernel at scale s is the plain Morlet of centre frequency 1 / s,
/// ψ(u) = s^-1/2 e^{-2πiu/s} e^{-u²/2s²}, sampled at u = -K/fs ... K/fs (exclusive), where K
/// is where the Gaussian falls below 0.001 rounded up to whole seconds; the transform is the
/// zero-padded linear convolution of the signal with ψ, taken every `stride` samples
/// (the time resolution) at t = 0, Δ, 2Δ ... floor(duration) s. Times closer than the margin M
/// (where the Gaussian falls below 0.1, whole seconds) to either end are left out. All
/// thresholds are computed with the reference's own arithmetic (its `arange` grids and
/// rounding), so grid, kernel lengths and margins agree exactly. Methods: docs/METHODS.md §19.
public struct HarmonicWaveletGrid: Sendable {
    /// One scale's kernel and the columns (times) where its phase is defined and used.
    struct Kernel: Sendable {
        var scaleSeconds: Double
        /// Half-width K of the kernel in samples (a multiple of the sampling rate).
        var halfWidth: Int
        /// Left-out margin M at each end, samples (a multiple of the sampling rate).
        var marginSamples: Int
        /// Kernel samples ψ(u_j), j = 0 ..< count.
        var taps: [Complex<Double>]
        /// Columns holding a transform value.
        var valid: Range<Int>
        /// Columns whose phases enter the mutual information when this scale is the slower of a pair.
        var window: Range<Int>
    }

    public let sampleRateHz: Double
    public let sampleCount: Int
    public let timeResolutionSeconds: Double
    /// Samples between neighbouring times.
    public let stride: Int
    /// Number of times on the grid, floor(duration) / resolution + 1.
    public let timeCount: Int
    let kernels: [Kernel]
    /// Padded convolution length, a multiple of `stride`, at least samples + longest kernel - 1.
    let fftLength: Int

    /// Wavelet scales, seconds, ascending.
    public var scalesSeconds: [Double] { kernels.map(\.scaleSeconds) }
    /// Frequencies 1 / scale, Hz, descending (the reference's order).
    public var frequenciesHz: [Double] { kernels.map { 1 / $0.scaleSeconds } }
    /// Margin left out at each end per frequency, seconds.
    public var marginsSeconds: [Double] { kernels.map { Double($0.marginSamples) / sampleRateHz } }

    /// The grid for `sampleCount` samples at `sampleRateHz` between `fminHz` and `fmaxHz`.
    /// - Throws: `LDFError` when the time resolution is not a whole number of samples dividing
    ///   one second, or the signal is too short for the lowest frequency.
    public init(sampleCount: Int, sampleRateHz: Double, fminHz: Double, fmaxHz: Double, settings: HarmonicFinderSettings) throws {
        let fs = sampleRateHz, resolution = settings.timeResolutionSeconds
        let samplesPerStep = fs * resolution
        let stride = Int(samplesPerStep.rounded())
        guard stride >= 1, Double(stride) == samplesPerStep, Int(fs) % stride == 0, Double(Int(fs)) == fs else {
            throw LDFError("\(parameter: "timeResolution")",
                           "\(resolution) s at \(fs) Hz is \(samplesPerStep) samples; the harmonic finder needs a whole number of samples per step that divides one second (and a whole-number rate)",
                           fix: "use e.g. \(parameter: "timeResolution") \(MessageNumber.short(1 / fs.rounded())), or resample with \(parameter: "rate")")
        }
        let wholeSeconds = Int((Double(sampleCount) / fs).rounded(.down))
        self.sampleRateHz = fs
        self.sampleCount = sampleCount
        timeResolutionSeconds = resolution
        self.stride = stride
        timeCount = Int(Double(wholeSeconds) / resolution + 1)
        let scaleMin = 1 / fmaxHz, scaleMax = 1 / fminHz, ratio = settings.scaleRatio
        let steps = Int((log(scaleMax / scaleMin) / log(ratio)).rounded(.down))
        var kernels: [Kernel] = []
        for z in 0...(steps + 1) {
            let scale = scaleMin * pow(ratio, Double(z))
            let kernel = try Self.kernel(scale: scale, rate: fs, wholeSeconds: wholeSeconds, stride: stride, timeCount: timeCount)
            let needed = Self.neededSeconds(kernel, rate: fs, bins: settings.bins, resolution: resolution)
            guard Double(kernel.marginSamples) <= 0.5 * fs * Double(wholeSeconds), Double(kernel.window.count) * resolution >= needed.window else {
                let duration = Double(sampleCount) / fs
                throw LDFError("signal", "\(MessageNumber.short(duration)) s is too short for \(MessageNumber.short(1 / scale)) Hz, the harmonic finder's lowest frequency for fmin \(MessageNumber.short(fminHz)) Hz: it leaves out \(MessageNumber.short(Double(kernel.marginSamples) / fs)) s at each end and needs \(MessageNumber.short(needed.window)) s between (\(MessageNumber.short(needed.total)) s in all)",
                               fix: "use a recording of at least \(MessageNumber.short(needed.total)) s, or raise \(parameter: "fmin") to about \(MessageNumber.short(Self.suggestedFmin(duration: duration)))")
            }
            kernels.append(kernel)
        }
        self.kernels = kernels
        let longest = kernels.map(\.taps.count).max() ?? 1
        let minimum = sampleCount + longest - 1
        fftLength = stride * FFTLength.fast(atLeast: (minimum + stride - 1) / stride)
    }

    /// Seconds the analysed stretch must span for `kernel`: its two margins and a window of at
    /// least one period and `bins` times.
    static func neededSeconds(_ kernel: Kernel, rate: Double, bins: Int, resolution: Double) -> (window: Double, total: Double) {
        let window = max(kernel.scaleSeconds, Double(bins) * resolution)
        return (window, 2 * Double(kernel.marginSamples) / rate + window + 1)
    }

    /// The lowest fmin a recording of `duration` s allows, roughly (margins 2.15 / f, one period between).
    static func suggestedFmin(duration: Double) -> Double {
        (2 * 2.15 + 1) / max(duration - 3, 1) * 1.05
    }

    /// One scale's kernel, half-width, margin and columns, with the reference's arithmetic.
    static func kernel(scale s: Double, rate fs: Double, wholeSeconds: Int, stride: Int, timeCount: Int) throws -> Kernel {
        let amplitude = pow(s, -0.5)
        let dt = 1 / fs
        var widthTime = 0.0, marginTime = 0.0
        var i = 0
        while true {
            let t = Double(i) * dt
            guard t <= 5000 else {
                throw LDFError("\(parameter: "fmin")", "scale \(s) s is beyond the harmonic finder's 5000 s kernel search", fix: "raise \(parameter: "fmin") to 0.001 Hz or more")
            }
            let value = amplitude * exp(-(t * t) / (2 * (s * s)))
            if marginTime == 0 && value < 0.1 * amplitude { marginTime = t }
            if value < 0.001 * amplitude { widthTime = t; break }
            i += 1
        }
        let halfWidth = Int(roundedUpToSeconds(widthTime * fs, rate: fs))
        let margin = Int(roundedUpToSeconds(marginTime * fs, rate: fs))
        let taps = Self.taps(scale: s, halfWidth: halfWidth, rate: fs, amplitude: amplitude)
        let columns = validColumns(halfWidth: halfWidth, margin: margin, rate: fs, wholeSeconds: wholeSeconds, stride: stride, timeCount: timeCount)
        let missing = timeCount - columns.count, edge = (missing + 1) / 2
        let window = edge < timeCount - edge ? edge..<(timeCount - edge) : columns.lowerBound..<columns.lowerBound
        precondition(window.isEmpty || (columns.lowerBound <= window.lowerBound && window.upperBound <= columns.upperBound),
                     "harmonic finder window \(window) outside the valid columns \(columns)")
        return Kernel(scaleSeconds: s, halfWidth: halfWidth, marginSamples: margin, taps: taps, valid: columns, window: window)
    }

    /// A sample count rounded up to whole seconds unless it already is a multiple of the rate
    /// (the reference's `if mod(x, fs) != 0: x = fs * ceil(x / fs)`).
    static func roundedUpToSeconds(_ samples: Double, rate fs: Double) -> Double {
        samples.truncatingRemainder(dividingBy: fs) != 0 ? (fs * (samples / fs).rounded(.up)).rounded(.down) : samples
    }

    /// ψ at u = -K/fs ... K/fs (exclusive), on NumPy's `arange` grid (start + j × (second − start)).
    static func taps(scale s: Double, halfWidth: Int, rate fs: Double, amplitude: Double) -> [Complex<Double>] {
        let start = -Double(halfWidth) / fs, stop = Double(halfWidth) / fs, step = 1 / fs
        let count = Int(((stop - start) / step).rounded(.up))
        let second = start + step, delta = second - start
        return (0..<count).map { j in
            let u = j == 0 ? start : (j == 1 ? second : start + Double(j) * delta)
            let theta = -2 * Double.pi * u / s
            let gaussian = exp(-(u * u) / (2 * (s * s)))
            return Complex(amplitude * cos(theta) * gaussian, amplitude * sin(theta) * gaussian)
        }
    }

    /// Columns with a value: the reference takes the convolution every `stride` samples from
    /// K + M to K − M + floor(duration) fs, placed after floor(M / stride) empty columns, the row cut
    /// or padded to `timeCount`.
    static func validColumns(halfWidth: Int, margin: Int, rate fs: Double, wholeSeconds: Int, stride: Int, timeCount: Int) -> Range<Int> {
        let first = halfWidth + margin
        let end = halfWidth - margin + Int(Double(wholeSeconds) * fs) + 1
        let count = max(0, (end - first + stride - 1) / stride)
        let lead = margin / stride // floor(M / (fs Δ)); fs Δ = stride exactly (checked in init)
        let lower = min(lead, timeCount)
        return lower..<min(lead + count, timeCount)
    }

}

/// FFT lengths with small prime factors only, which FFTW transforms fastest.
enum FFTLength {
    /// The smallest 2^a 3^b 5^c 7^d at least `n`.
    static func fast(atLeast n: Int) -> Int {
        var best = Int.max
        var p2 = 1
        while p2 < 2 * max(n, 1) {
            var p3 = p2
            while p3 < 2 * max(n, 1) {
                var p5 = p3
                while p5 < 2 * max(n, 1) {
                    var p7 = p5
                    while p7 < 2 * max(n, 1) {
                        if p7 >= n { best = min(best, p7) }
                        p7 *= 7
                    }
                    p5 *= 5
                }
                p3 *= 3
            }
            p2 *= 2
        }
        return best
    }
}
