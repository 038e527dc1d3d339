import Foundation

/// Sample entropy (Richman & Moorman 2000, Am J Physiol 278:H2039) with a time-lagged embedding:
/// templates x_i = (x[i], x[i + lag], ..., x[i + (m - 1) lag]) for i = 0 ..< N - m lag (the same
/// templates for lengths m and m + 1, so every m-template can be extended), B the number of pairs
/// i < j whose m-templates lie within `tolerance` in the maximum (Chebyshev) norm, A the number of
/// those pairs whose (m + 1)-templates do, and SampEn = -ln(A / B), in nats. Self-matches are not
/// counted. A distance equal to the tolerance matches (as in NeuroKit2's k-d tree count).
///
/// Undefined (nil, with the reason) when no pair matches at length m + 1 (A = 0, SampEn would be
/// infinite) or at length m.
/// See docs/METHODS.md §16.
public struct SampleEntropy: Sendable, Equatable {
    /// -ln(A / B) in nats, nil when undefined.
    public var value: Double?
    /// Pairs matching at length m + 1 (A) and at length m (B).
    public var extendedMatches: Int
    public var templateMatches: Int
    /// Templates compared, N - m lag.
    public var templateCount: Int
    /// Why `value` is nil.
    public var reason: String?

    /// Fewest templates for a sample entropy worth reporting: 10^m, and at least 100 (Richman &
    /// Moorman suggest 10^m to 20^m points; fewer give a B of a handful of pairs).
    public static func minimumTemplateCount(dimension: Int) -> Int {
        var power = 1
        for _ in 0..<dimension { power *= 10 }
        return max(100, power)
    }

    /// Counts matches in `values` (finite) for embedding `dimension` m >= 1, `lag` >= 1 samples and
    /// the absolute `tolerance` r > 0 (signal units). Worker threads share the search when
    /// `parallel`; the result does not depend on it.
    public init(_ values: [Double], dimension: Int, lag: Int, tolerance: Double, parallel: Bool = true) {
        precondition(dimension >= 1 && lag >= 1 && tolerance > 0, "sample entropy needs m >= 1, lag >= 1, r > 0")
        templateCount = max(0, values.count - dimension * lag)
        let counts = templateCount >= 2
            ? NeighbourCount.pairs(values, dimension: dimension, lag: lag, tolerance: tolerance, templates: templateCount, parallel: parallel)
            : (extended: 0, template: 0)
        extendedMatches = counts.extended
        templateMatches = counts.template
        if templateCount < 2 {
            value = nil
            reason = "\(values.count) samples give fewer than 2 templates of \(dimension + 1) points \(lag) samples apart"
        } else if counts.template == 0 {
            value = nil
            reason = "no two templates of length \(dimension) lie within the tolerance; raise the tolerance"
        } else if counts.extended == 0 {
            value = nil
            reason = "no template pair still matches at length \(dimension + 1) (A = 0, sample entropy infinite); raise the tolerance or use a longer signal"
        } else {
            value = -log(Double(counts.extended) / Double(counts.template))
            reason = nil
        }
    }
}
