import Foundation
import Synchronization

/// A MODA mother wavelet in the frequency domain with the support parameters MODA derives from it
/// (wt.m's `parcalc`; Iatsenko, McClintock & Stefanovska 2015, Appendix E;
/// docs/METHODS.md §3.1).
///
/// - `peakAngularFrequency` (MODA's `ompeak`): where |psi_hat| peaks (2*pi*f0 for the Morlet, 1 for
///   the log-normal). A row analysing frequency f samples psi_hat at xi = ompeak * nu / f, nu in Hz.
/// - Frequency supports: the xi where the cumulative integral of psi_hat over log(xi) reaches
///   `tolerance / 2` and `1 - tolerance / 2` (eps-support), and 1/4 and 3/4 (half support, which
///   sets the automatic number of voices).
/// - Time supports: the same quantiles of the cumulative integral of the time-domain wavelet
///   demodulated by exp(-i ompeak t); for the Morlet they are the normal quantiles +-2.5758 (eps)
///   and +-0.6745 (half). They set the cone of influence and the predictive-padding weights.
///
/// The Morlet's time supports are computed to about 1e-13 (erfc plus a Simpson correction), so
/// MODA's cone lengths ceil(|t1e| fs ompeak / (2 pi f)) come out identical; the log-normal's come
/// from a fine inverse FFT of psi_hat (about 1e-6, as MODA itself does numerically). Frequency
/// supports are trapezoid quantiles over log(xi) (about 1e-8).
public struct MotherWavelet: Sendable, Equatable {
    public let kind: WaveletKind
    /// Resolution parameter f0 (> 0).
    public let f0: Double
    /// MODA's `ompeak` (rad per unit scale).
    public let peakAngularFrequency: Double
    /// eps-support in xi (MODA's xi1e, xi2e) and half support (xi1h, xi2h).
    public let frequencySupport: ClosedRange<Double>
    public let frequencyHalfSupport: ClosedRange<Double>
    /// eps-support in wavelet time (MODA's t1e, t2e; multiply by ompeak / (2 pi f) for seconds).
    public let timeSupport: ClosedRange<Double>
    /// Half support in wavelet time (MODA's t1h, t2h).
    public let timeHalfSupport: ClosedRange<Double>
    /// The relative tolerance eps (MODA's RelTol, default 0.01).
    public let tolerance: Double

    /// Derives every parameter for `kind` and `f0` at relative tolerance `tolerance` (MODA: 0.01).
    public init(kind: WaveletKind, f0: Double, tolerance: Double = 0.01) {
        precondition(f0 > 0 && f0.isFinite, "f0 must be positive")
        let key = CacheKey(kind: kind, f0: f0, tolerance: tolerance)
        if let known = Self.cache.withLock({ $0[key] }) {
            self = known
            return
        }
        self.kind = kind
        self.f0 = f0
        self.tolerance = tolerance
        switch kind {
        case .morlet: peakAngularFrequency = 2 * Double.pi * f0
        case .lognormal: peakAngularFrequency = 1
        }
        let psi = Self.evaluator(kind: kind, f0: f0)
        // Frequency domain: cumulative integral over u = log(xi).
        let center = log(peakAngularFrequency)
        let halfWidth: Double
        switch kind {
        case .morlet: halfWidth = 40 / peakAngularFrequency + 12 / peakAngularFrequency.squareRoot()
        case .lognormal: halfWidth = 12 / (2 * Double.pi * f0)
        }
        let frequencyQuantiles = Self.quantiles(count: 100_001, from: center - halfWidth, to: center + halfWidth,
                                                levels: [tolerance / 2, 0.25, 0.75, 1 - tolerance / 2]) { u in
            psi(exp(u))
        }
        frequencySupport = exp(frequencyQuantiles[0])...exp(frequencyQuantiles[3])
        frequencyHalfSupport = exp(frequencyQuantiles[1])...exp(frequencyQuantiles[2])
        // Time domain: the demodulated wavelet g(t) = (1/2pi) int psi_hat(xi) e^{i (xi - ompeak) t} dxi.
        // Its cumulative integral is computed from a fine inverse DFT of psi_hat around ompeak.
        let levels = [tolerance / 2, 0.25, 0.75, 1 - tolerance / 2]
        let timeQuantiles = kind == .morlet
            ? levels.map { Self.morletTimeQuantile(w0: 2 * Double.pi * f0, level: $0) }
            : Self.timeQuantiles(psi: psi, peak: peakAngularFrequency,
                                 width: frequencySupport.upperBound - frequencySupport.lowerBound, levels: levels)
        timeSupport = timeQuantiles[0]...timeQuantiles[3]
        timeHalfSupport = timeQuantiles[1]...timeQuantiles[2]
        let made = self
        Self.cache.withLock { $0[key] = made }
    }

    private struct CacheKey: Hashable {
        var kind: WaveletKind
        var f0: Double
        var tolerance: Double
    }

    /// Parameters already derived in this process (deriving them takes milliseconds).
    private static let cache = Mutex<[CacheKey: MotherWavelet]>([:])

    /// psi_hat(xi), the wavelet's Fourier transform (unit peak).
    public func fourierTransform(_ xi: Double) -> Double {
        switch kind {
        case .morlet:
            return Self.morletTransform(w0: peakAngularFrequency, xi: xi)
        case .lognormal:
            guard xi > 0 else { return 0 }
            let q = 2 * Double.pi * f0, l = log(xi)
            return exp(-0.5 * q * q * l * l)
        }
    }

    /// MODA's reconstruction constant C = (1/2) int_0^inf psi_hat(xi) / xi dxi (wt.m's `wp.C`), which
    /// turns the integral of W over log-frequency into the component (direct reconstruction,
    /// `RidgeReconstruction`): sqrt(pi / 2) / (2 pi f0) for the log-normal (wt.m's closed form), a
    /// trapezoid integral over u = log(xi) for the Morlet (about 1e-10).
    public var reconstructionConstant: Double {
        switch kind {
        case .lognormal:
            return (Double.pi / 2).squareRoot() / (2 * Double.pi * f0)
        case .morlet:
            let centre = log(peakAngularFrequency), halfWidth = 40 / peakAngularFrequency + 12 / peakAngularFrequency.squareRoot()
            let count = 200_001, step = 2 * halfWidth / Double(count - 1)
            var sum = 0.0
            for n in 0..<count {
                let weight = n == 0 || n == count - 1 ? 0.5 : 1
                sum += weight * fourierTransform(exp(centre - halfWidth + Double(n) * step))
            }
            return 0.5 * sum * step
        }
    }

    /// MODA's D (wt.m's `wp.D`) for the direct frequency estimate from W's moments: C exp(1 / (2 q^2)),
    /// q = 2 pi f0, for the log-normal; nil for the Morlet (wt.m sets D = Inf, and the frequency then
    /// comes from the phase velocity of W).
    public var frequencyConstant: Double? {
        switch kind {
        case .lognormal:
            let q = 2 * Double.pi * f0
            return reconstructionConstant * exp(1 / (2 * q * q))
        case .morlet:
            return nil
        }
    }

    /// MODA's automatic voices per octave: ceil(10 * ln 2 / ln(xi2h / xi1h)), so one voice is a
    /// tenth of the log-frequency band holding half the wavelet (31 for the Morlet with f0 = 1).
    public var automaticVoices: Int {
        Int((10 * log(2.0) / log(frequencyHalfSupport.upperBound / frequencyHalfSupport.lowerBound)).rounded(.up))
    }

    /// The xi range outside which psi_hat stays below `level` times its peak (closed forms:
    /// w0 +- sqrt(2 ln(1/level)) for the Morlet, exp(+-sqrt(2 ln(1/level)) / q) for the log-normal).
    public func negligibleOutside(level: Double) -> ClosedRange<Double> {
        let reach = (2 * log(1 / level)).squareRoot()
        switch kind {
        case .morlet: return (peakAngularFrequency - reach)...(peakAngularFrequency + reach)
        case .lognormal:
            let q = 2 * Double.pi * f0
            return exp(-reach / q)...exp(reach / q)
        }
    }

    /// MODA's Morlet psi_hat(xi) = exp(-(w0 - xi)^2 / 2) - exp(-(w0^2 + xi^2) / 2), with two shortcuts
    /// that give the same bits for w0, xi > 0 and skip one or both exponentials (most of a row's
    /// samples lie far from the peak):
    /// - an exponent below -746 underflows to exactly 0 (the smallest subnormal is e^-744.4), and
    ///   the second exponent is never larger than the first when w0 xi >= 0;
    /// - the second term is the first times e^{-w0 xi}; above w0 xi = 40 that ratio (4e-18) is
    ///   below half an ulp (2^-53), so the difference rounds to the first term.
    @inline(__always)
    static func morletTransform(w0: Double, xi: Double) -> Double {
        let exponent = -0.5 * (w0 - xi) * (w0 - xi)
        if exponent < -746 && xi > 0 { return 0 }
        let peakTerm = exp(exponent)
        if w0 * xi > 40 { return peakTerm }
        return peakTerm - exp(-0.5 * (w0 * w0 + xi * xi))
    }

    static func evaluator(kind: WaveletKind, f0: Double) -> @Sendable (Double) -> Double {
        switch kind {
        case .morlet:
            let w0 = 2 * Double.pi * f0
            return { xi in morletTransform(w0: w0, xi: xi) }
        case .lognormal:
            let q = 2 * Double.pi * f0
            return { xi in
                guard xi > 0 else { return 0 }
                let l = log(xi)
                return exp(-0.5 * q * q * l * l)
            }
        }
    }

    /// Where the normalised cumulative trapezoid integral of `f` on a uniform grid crosses `levels`
    /// (ascending), by linear interpolation.
    private static func quantiles(count: Int, from lower: Double, to upper: Double, levels: [Double],
                                  _ f: (Double) -> Double) -> [Double] {
        let step = (upper - lower) / Double(count - 1)
        var cumulative = [Double](repeating: 0, count: count)
        var previous = f(lower)
        for n in 1..<count {
            let value = f(lower + Double(n) * step)
            cumulative[n] = cumulative[n - 1] + 0.5 * (previous + value) * step
            previous = value
        }
        let total = cumulative[count - 1]
        return levels.map { level in
            let target = level * total
            var n = 1
            while n < count - 1 && cumulative[n] < target { n += 1 }
            let a = cumulative[n - 1], b = cumulative[n]
            let fraction = b > a ? (target - a) / (b - a) : 0
            return lower + (Double(n - 1) + fraction) * step
        }
    }

    /// The time quantile of MODA's Morlet to about 1e-13: the x where |T(x)| = (1 - level) |Q|,
    /// T(x) = int_x^inf g, g(u) = phi(u) (1 - e^{-w0^2/2} e^{i w0 u}) the demodulated wavelet
    /// (phi = standard normal density), Q = T(-inf) = 1 - e^{-w0^2} (MODA's `sqeps` definition).
    /// T(x) = erfc(x / sqrt 2) / 2 - e^{-w0^2/2} int_x^inf e^{i w0 u} phi(u) du, the small second
    /// integral by composite Simpson.
    static func morletTimeQuantile(w0: Double, level: Double) -> Double {
        let damping = exp(-0.5 * w0 * w0)
        let total = 1 - damping * damping
        func tail(_ x: Double) -> Double {
            let upper = max(x, 0) + 40
            let intervals = 4000
            let h = (upper - x) / Double(intervals)
            var re = 0.0, im = 0.0
            for k in 0...intervals {
                let u = x + Double(k) * h
                let weight = (k == 0 || k == intervals) ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
                let density = exp(-0.5 * u * u) / (2 * Double.pi).squareRoot()
                re += weight * density * cos(w0 * u)
                im += weight * density * sin(w0 * u)
            }
            re *= h / 3
            im *= h / 3
            let real = 0.5 * erfc(x / 2.0.squareRoot()) - damping * re
            let imaginary = -damping * im
            return (real * real + imaginary * imaginary).squareRoot() / total
        }
        // |T| decreases from 1 to 0. Start from the normal quantile (erfc alone, by bisection), then
        // secant steps on the full |T| (a handful of Simpson evaluations).
        let target = 1 - level
        var low = -40.0, high = 40.0
        for _ in 0..<200 where high - low > 1e-15 * max(1, abs(low)) {
            let middle = 0.5 * (low + high)
            if 0.5 * erfc(middle / 2.0.squareRoot()) / total > target { low = middle } else { high = middle }
        }
        var x0 = 0.5 * (low + high), x1 = x0 + 1e-7
        var f0 = tail(x0) - target, f1 = tail(x1) - target
        for _ in 0..<20 where f1 != f0 && abs(x1 - x0) > 1e-15 {
            let next = x1 - f1 * (x1 - x0) / (f1 - f0)
            x0 = x1; f0 = f1
            x1 = next; f1 = tail(x1) - target
        }
        return x1
    }

    /// Quantiles of |cumulative integral| of the demodulated time-domain wavelet (MODA's CS/ICS).
    private static func timeQuantiles(psi: (Double) -> Double, peak: Double, width: Double,
                                      levels: [Double]) -> [Double] {
        // Sample psi_hat(peak + delta) on delta in [-span, span); g(t) on t_n = n * dt.
        // span = 64 widths gives dt = pi / span (about 0.01 for the Morlet, f0 = 1).
        let points = 1 << 16
        let span = 64 * width
        let dxi = 2 * span / Double(points)
        let fft = ComplexFFT(count: points)
        let input = ComplexBuffer(count: points), output = ComplexBuffer(count: points)
        for k in 0..<points {
            // Index k holds delta = k * dxi for k < points/2 and (k - points) * dxi above (DFT order).
            let delta = Double(k < points / 2 ? k : k - points) * dxi
            input[k] = .init(psi(peak + delta), 0)
        }
        fft.backward(input, output)
        // g(t_n) = (dxi / 2pi) * sum psi_hat(peak + delta_k) e^{i delta_k t_n}, t_n = 2 pi n / (points dxi).
        let dt = 2 * Double.pi / (Double(points) * dxi)
        var times = [Double](), values = [(Double, Double)]()
        times.reserveCapacity(points)
        values.reserveCapacity(points)
        for m in 0..<points {
            let n = m - points / 2
            let index = n < 0 ? n + points : n
            let g = output[index]
            times.append(Double(n) * dt)
            values.append((g.real * dxi / (2 * Double.pi), g.imaginary * dxi / (2 * Double.pi)))
        }
        // Cumulative (rectangle rule at cell edges, as MODA) from the left; its total is psi_hat(peak).
        var re = 0.0, im = 0.0
        var cumulative = [Double](repeating: 0, count: points + 1)
        var partial = [(Double, Double)](repeating: (0, 0), count: points + 1)
        for n in 0..<points {
            re += values[n].0 * dt
            im += values[n].1 * dt
            partial[n + 1] = (re, im)
        }
        let total = (re, im)
        let totalMagnitude = (total.0 * total.0 + total.1 * total.1).squareRoot()
        for n in 0...points {
            cumulative[n] = ((partial[n].0 * partial[n].0 + partial[n].1 * partial[n].1).squareRoot()) / totalMagnitude
        }
        // Right-hand cumulative |total - partial| / |total| for the upper quantiles.
        var reverse = [Double](repeating: 0, count: points + 1)
        for n in 0...points {
            let r = total.0 - partial[n].0, i = total.1 - partial[n].1
            reverse[n] = (r * r + i * i).squareRoot() / totalMagnitude
        }
        let edges = (0...points).map { Double($0 - points / 2) * dt - dt / 2 }
        return levels.map { level in
            if level <= 0.5 {
                var n = 0
                while n < points && !(cumulative[n] < level && cumulative[n + 1] >= level) { n += 1 }
                guard n < points else { return edges[0] }
                let a = cumulative[n] - level, b = cumulative[n + 1] - level
                return edges[n] - a * (edges[n + 1] - edges[n]) / (b - a)
            } else {
                let target = 1 - level
                var n = points - 1
                while n >= 0 && !(reverse[n] >= target && reverse[n + 1] < target) { n -= 1 }
                guard n >= 0 else { return edges[points] }
                let a = reverse[n] - target, b = reverse[n + 1] - target
                return edges[n] - a * (edges[n + 1] - edges[n]) / (b - a)
            }
        }
    }
}
