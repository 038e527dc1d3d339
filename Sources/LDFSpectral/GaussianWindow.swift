import Foundation

/// MODA's Gaussian window for the windowed Fourier transform (wft.m, `Window = 'Gaussian'`;
/// Iatsenko, Stefanovska & McClintock 2015, Appendix E):
/// g(t) = exp(-t^2 / (2 f0^2)) / (sqrt(2 pi) f0) in time, g_hat(xi) = exp(-f0^2 xi^2 / 2) in
/// angular frequency (unit peak), so f0 is the window's standard deviation in seconds.
///
/// The supports MODA derives numerically (`parcalc`/`sqeps`) are normal quantiles here:
/// - eps-support in time, [t1e, t2e] = +-z(eps / 2) f0 (+-2.5758 f0 for eps = 1 %), sets the cone
///   of influence: ceil(|t1e| fs) samples at each end, the same at every frequency;
/// - half support in time, [t1h, t2h] = +-z(1/4) f0 (+-0.6745 f0), weights the predictive padding;
/// - half support in angular frequency, [xi1h, xi2h] = +-z(1/4) / f0, sets the automatic step.
public struct GaussianWindow: Sendable, Equatable {
    /// Resolution parameter f0 in seconds (> 0; MODA's default is 1 / fmin).
    public let f0: Double
    /// The relative tolerance eps (MODA's RelTol, default 0.01).
    public let tolerance: Double
    /// eps-support and half support in time, seconds.
    public let timeSupport: ClosedRange<Double>
    public let timeHalfSupport: ClosedRange<Double>
    /// Half support in angular frequency, rad/s (MODA's xi1h, xi2h).
    public let frequencyHalfSupport: ClosedRange<Double>

    public init(f0: Double, tolerance: Double = 0.01) {
        precondition(f0 > 0 && f0.isFinite, "f0 must be positive")
        self.f0 = f0
        self.tolerance = tolerance
        let eps = Self.standardNormalQuantile(tolerance / 2), half = Self.standardNormalQuantile(0.25)
        timeSupport = (eps * f0)...(-eps * f0)
        timeHalfSupport = (half * f0)...(-half * f0)
        frequencyHalfSupport = (half / f0)...(-half / f0)
    }

    /// g_hat(xi) = exp(-f0^2 xi^2 / 2), xi in rad/s.
    public func fourierTransform(_ xi: Double) -> Double { exp(-0.5 * f0 * f0 * xi * xi) }

    /// MODA's automatic frequency step ('auto' = 'auto-10'): (xi2h - xi1h) / (2 pi 10) Hz, rounded
    /// down to one significant digit, computed with wft.m's own operations so the grid matches.
    public var automaticFrequencyStepHz: Double {
        let exact = (frequencyHalfSupport.upperBound - frequencyHalfSupport.lowerBound) / (2 * Double.pi * 10)
        let decade = pow(10, log10(exact).rounded(.down))
        return (exact / decade).rounded(.down) * decade
    }

    /// Half-width in Hz outside which g_hat(2 pi (f - nu)) stays below `level` times its peak:
    /// sqrt(2 ln(1 / level)) / (2 pi f0).
    public func negligibleBeyondHz(level: Double) -> Double {
        (2 * log(1 / level)).squareRoot() / (2 * Double.pi * f0)
    }

    /// The standard normal quantile z(p) for 0 < p < 1, by bisection on erfc to full precision.
    static func standardNormalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "probability must lie in (0, 1)")
        var low = -40.0, high = 40.0
        for _ in 0..<200 where high - low > 1e-15 * max(1, abs(low)) {
            let middle = 0.5 * (low + high)
            if 0.5 * erfc(-middle / 2.0.squareRoot()) < p { low = middle } else { high = middle }
        }
        return 0.5 * (low + high)
    }
}
