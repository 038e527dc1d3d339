import Foundation
import LDFCore
import LDFSpectral

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

/// The pair counts behind sample entropy, by a sorted neighbour search: templates are sorted by
/// their first point, so the partners of a template within the tolerance are the run that follows
/// it in that order until the first point differs by more than r; only those are compared, the
/// other points checked with SIMD lanes (templates of up to 4 points) or a loop. The cost is
/// N log N plus the number of pairs whose first points match, instead of N^2 / 2.
enum NeighbourCount {
    static func pairs(_ values: [Double], dimension m: Int, lag: Int, tolerance r: Double, templates count: Int,
                      parallel: Bool) -> (extended: Int, template: Int) {
        let order = (0..<count).sorted { values[$0] < values[$1] }
        let chunkCount = parallel ? min(count, 256) : 1
        let slots = ResultSlots<(Int, Int)>(count: chunkCount)
        let width = m + 1
        if width <= 4 {
            let points = order.map { i in
                SIMD4<Double>((0..<4).map { k in k < width ? values[i + k * lag] : 0 })
            }
            var bounds = SIMD4<Double>(repeating: .infinity)
            for k in 0..<m { bounds[k] = r }
            let limits = bounds
            ParallelWork.forEach(chunkCount) { chunk in
                slots.set(chunk, countSIMD(points, chunk: chunk, of: chunkCount, extendedLane: m, limits: limits, tolerance: r))
            }
        } else {
            let flat = order.flatMap { i in (0..<width).map { k in values[i + k * lag] } }
            ParallelWork.forEach(chunkCount) { chunk in
                slots.set(chunk, countFlat(flat, width: width, chunk: chunk, of: chunkCount, tolerance: r))
            }
        }
        return slots.values.reduce((0, 0)) { (extended: $0.0 + $1.0, template: $0.1 + $1.1) }
    }

    /// Positions of chunk `chunk` of `chunks`: interleaved strides so every chunk gets dense and
    /// sparse parts of the value range alike.
    private static func positions(_ count: Int, chunk: Int, of chunks: Int) -> StrideTo<Int> {
        stride(from: chunk, to: count, by: chunks)
    }

    private static func countSIMD(_ points: [SIMD4<Double>], chunk: Int, of chunks: Int, extendedLane: Int,
                                  limits: SIMD4<Double>, tolerance r: Double) -> (Int, Int) {
        var extended = 0, template = 0
        points.withUnsafeBufferPointer { p in
            let n = p.count
            for a in positions(n, chunk: chunk, of: chunks) {
                let x = p[a], ceiling = x[0] + r
                var b = a + 1
                while b < n && p[b][0] <= ceiling {
                    let difference = p[b] - x
                    let d = pointwiseMax(difference, -difference)
                    if all(d .<= limits) {
                        template += 1
                        if d[extendedLane] <= r { extended += 1 }
                    }
                    b += 1
                }
            }
        }
        return (extended, template)
    }

    private static func countFlat(_ flat: [Double], width: Int, chunk: Int, of chunks: Int, tolerance r: Double) -> (Int, Int) {
        var extended = 0, template = 0
        let m = width - 1
        flat.withUnsafeBufferPointer { f in
            let n = f.count / width
            for a in positions(n, chunk: chunk, of: chunks) {
                let base = a * width, ceiling = f[base] + r
                var b = a + 1
                while b < n && f[b * width] <= ceiling {
                    let other = b * width
                    var k = 1
                    while k < m && abs(f[other + k] - f[base + k]) <= r { k += 1 }
                    if k == m {
                        template += 1
                        if abs(f[other + m] - f[base + m]) <= r { extended += 1 }
                    }
                    b += 1
                }
            }
        }
        return (extended, template)
    }
}
