import Foundation

/// Multiscale entropy (Costa, Goldberger & Peng 2002, Phys Rev Lett 89:068102; 2005, Phys Rev E
/// 71:021906): the signal coarse-grained at scale s (means of consecutive non-overlapping runs of
/// s samples), the sample entropy of each coarse-grained series with the tolerance fixed from the
/// original signal, and the complexity index, the sum of the curve over scales 1 ... S.
///
/// The embedding lag keeps its duration across scales: at scale s it is max(1, round(lag / s))
/// coarse samples, so a lag chosen for the oversampled original (the first minimum of the
/// auto-mutual information) spans the same time at every scale. With lag 1 this is Costa's and
/// NeuroKit2's MSE (NeuroKit2 drops any delay and always embeds with lag 1).
/// See docs/METHODS.md §16.
public struct MultiscaleEntropy: Sendable, Equatable {
    public struct Scale: Sendable, Equatable {
        /// Coarse-graining factor s (1 = the signal itself).
        public var factor: Int
        /// Embedding lag at this scale, in coarse samples.
        public var lag: Int
        public var entropy: SampleEntropy
    }

    public var scales: [Scale]
    /// Sum of the sample entropies over all scales (nats); nil when any scale is undefined, with
    /// the reason.
    public var complexityIndex: Double?
    public var reason: String?

    /// Scales 1 ... `maximumScale` of `values` (finite) with embedding `dimension`, `lag` (samples at
    /// scale 1) and absolute `tolerance`. Scales whose coarse series has fewer than
    /// `SampleEntropy.minimumTemplateCount` templates are undefined, with the reason.
    public init(_ values: [Double], maximumScale: Int, dimension: Int, lag: Int, tolerance: Double, parallel: Bool = true) {
        self.init(scales: (1...maximumScale).map { factor in
            Self.scale(values, factor: factor, dimension: dimension, lag: lag, tolerance: tolerance, parallel: parallel)
        })
    }

    /// Assembles the curve from scales computed elsewhere (in parallel, say), in scale order.
    public init(scales: [Scale]) {
        self.scales = scales.sorted { $0.factor < $1.factor }
        if let missing = self.scales.first(where: { $0.entropy.value == nil }) {
            complexityIndex = nil
            reason = "scale \(missing.factor) is undefined: \(missing.entropy.reason ?? "no value")"
        } else {
            complexityIndex = self.scales.reduce(0) { $0 + ($1.entropy.value ?? 0) }
            reason = nil
        }
    }

    /// One scale of the curve.
    public static func scale(_ values: [Double], factor: Int, dimension: Int, lag: Int, tolerance: Double, parallel: Bool = true) -> Scale {
        let coarse = coarseGrained(values, factor: factor)
        let scaledLag = Self.lag(lag, atScale: factor)
        var entropy = SampleEntropy(coarse, dimension: dimension, lag: scaledLag, tolerance: tolerance, parallel: parallel)
        let needed = SampleEntropy.minimumTemplateCount(dimension: dimension)
        if entropy.templateCount < needed {
            entropy.value = nil
            entropy.reason = "the series coarse-grained by \(factor) has \(coarse.count) samples, \(entropy.templateCount) templates "
                + "(at least \(needed) are needed for m = \(dimension)); use fewer scales or a longer recording"
        }
        return Scale(factor: factor, lag: scaledLag, entropy: entropy)
    }

    /// The embedding lag at scale `factor` for `lag` samples at scale 1: max(1, round(lag / factor)).
    public static func lag(_ lag: Int, atScale factor: Int) -> Int {
        max(1, Int((Double(lag) / Double(factor)).rounded()))
    }

    /// Means of consecutive non-overlapping runs of `factor` samples (a trailing partial run is
    /// dropped); the signal itself for factor 1.
    public static func coarseGrained(_ values: [Double], factor: Int) -> [Double] {
        precondition(factor >= 1, "scale factor must be at least 1")
        guard factor > 1 else { return values }
        let count = values.count / factor
        return (0..<count).map { j in
            var sum = 0.0
            for k in (j * factor)..<((j + 1) * factor) { sum += values[k] }
            return sum / Double(factor)
        }
    }
}
