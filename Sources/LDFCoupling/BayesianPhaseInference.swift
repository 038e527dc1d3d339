import Foundation
import LDFCore
import LDFSpectral

/// Dynamical Bayesian inference of two coupled phase oscillators (Stankovski, Duggento, McClintock
/// & Stefanovska 2012, Phys. Rev. Lett. 109, 024101; Duggento et al. 2012), as MODA's `bayes_main`
/// and `bayesPhs` compute it.
///
/// Model: dphi_i/dt = sum_k c_ik p_k(phi1, phi2) + sqrt(E) xi(t) (`PhaseBasis`). The phases are
/// cut into windows of `windowSamples` every `stepSamples`; in each window the posterior of the
/// 2K parameters (mean c, concentration matrix Xi) and the noise matrix E are found by iterating
///   E = h / N sum (dphi/dt - c p)(dphi/dt - c p)^T,
///   Xi = Xi_prior + h (E^-1 kron p p^T),
///   c = Xi^-1 [Xi_prior c_prior + h (p E^-1 dphi/dt - v / 2)]
/// (midpoint phases, forward-difference derivatives, v the derivatives of the base functions)
/// until sum((c_old - c)^2 / c^2) < 1e-5 (at most 500 loops). The next window's prior keeps c and
/// widens the covariance by diffusion: Xi_prior = (Xi^-1 + diag((w pr)^2 Xi^-1_ii))^-1, with w
/// the window in seconds and pr the propagation constant. The first prior is flat (Xi = 0).
///
/// Methods: docs/METHODS.md §10.
public struct BayesianPhaseInference: Sendable, Equatable {
    /// Fourier order of the base functions (MODA's `bn`, default 2).
    public var order: Int
    /// Window and step in samples (MODA: window = 10 x the longest period, step = window).
    public var windowSamples: Int
    public var stepSamples: Int
    /// Sampling interval h in seconds.
    public var sampleIntervalSeconds: Double
    /// Propagation constant (MODA's `pr`, default 0.2).
    public var propagationConstant: Double
    /// Convergence tolerance and loop cap of each window (MODA: 1e-5 and 500).
    public static let tolerance = 1e-5
    public static let maximumLoops = 500

    public init(order: Int, windowSamples: Int, stepSamples: Int, sampleIntervalSeconds: Double, propagationConstant: Double) {
        self.order = order
        self.windowSamples = windowSamples
        self.stepSamples = stepSamples
        self.sampleIntervalSeconds = sampleIntervalSeconds
        self.propagationConstant = propagationConstant
    }

    /// Base functions per oscillator, K.
    public var basisCount: Int { PhaseBasis(order: order).count }

    /// One window's posterior: the 2K parameters (first oscillator's K, then the second's, in
    /// `PhaseBasis` order) and the noise matrix E (row-major 2 x 2).
    public struct Window: Sendable, Equatable {
        /// Centre of the window in seconds from the first sample (MODA's `tm`).
        public var centreSeconds: Double
        public var parameters: [Double]
        public var noise: [Double]
        /// Loops until convergence; `maximumLoops` when it did not converge.
        public var loops: Int
    }

    /// The windows' posteriors for `phase1`, `phase2` (radians; unwrapped first, as MODA does,
    /// when the first phase never exceeds 2 pi + 0.1).
    /// - Throws: `LDFError` when the phases are shorter than one window or a window's noise or
    ///   concentration matrix is singular (e.g. identical or constant phases).
    public func infer(_ phase1: [Double], _ phase2: [Double]) throws -> [Window] {
        precondition(phase1.count == phase2.count, "the two phases must have one value per sample")
        guard windowSamples <= phase1.count else {
            throw LDFError("\(parameter: "window")", "the window of \(windowSamples) samples is longer than the \(phase1.count) samples analysed",
                           fix: "use a shorter \(parameter: "window") or a longer recording")
        }
        var ph1 = phase1, ph2 = phase2
        if (ph1.max() ?? 0) < 2 * Double.pi + 0.1 {
            ph1 = SurrogateGenerator.unwrap(ph1)
            ph2 = SurrogateGenerator.unwrap(ph2)
        }
        let k = basisCount, m = 2 * k
        var prior = [Double](repeating: 0, count: m)
        var concentration = SquareMatrix.zeros(m)
        let diffusion = Double(windowSamples) * sampleIntervalSeconds * propagationConstant
        var windows: [Window] = []
        let h = sampleIntervalSeconds
        var start = 0, index = 0
        while start + windowSamples <= ph1.count {
            let statistics = WindowStatistics(ph1[start..<(start + windowSamples)], ph2[start..<(start + windowSamples)],
                                              basis: PhaseBasis(order: order), h: h)
            let posterior = try statistics.posterior(prior: prior, concentration: concentration, h: h)
            windows.append(Window(centreSeconds: (Double(windowSamples) / 2 + Double(index * stepSamples)) * h,
                                  parameters: posterior.mean, noise: posterior.noise, loops: posterior.loops))
            // Propagation: same mean, covariance widened by the diffusion.
            guard let covariance = posterior.concentration.inverse() else { throw Self.singular(windows.count) }
            var widened = covariance
            for i in 0..<m { widened[i, i] += diffusion * diffusion * covariance[i, i] }
            guard let next = widened.inverse() else { throw Self.singular(windows.count) }
            prior = posterior.mean
            concentration = next
            index += 1
            start = index * stepSamples
        }
        return windows
    }

    static func singular(_ window: Int) -> LDFError {
        LDFError("coupling", "window \(window) gave a singular matrix: the phases carry no information there (constant, identical or too few samples)",
                 fix: "check the bands and channels, or use a longer \(parameter: "window")")
    }
}
