import LDFCore

/// n, mean, SD, median and quartiles of a group of values (`summary.csv`). Quartiles use linear
/// interpolation between order statistics (Hyndman & Fan type 7: numpy's and pandas' default, R's
/// `quantile` default), so pandas' `describe()` gives the same numbers.
///
/// Methods: docs/METHODS.md §12.4.
public struct GroupStatistics: Sendable, Equatable {
    public var count: Int
    public var mean: Double?
    /// Sample SD (n - 1); nil for fewer than 2 values.
    public var standardDeviation: Double?
    public var median: Double?
    public var firstQuartile: Double?
    public var thirdQuartile: Double?
    public var interquartileRange: Double? {
        guard let q1 = firstQuartile, let q3 = thirdQuartile else { return nil }
        return q3 - q1
    }

    /// Statistics of the finite values.
    public init(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        count = sorted.count
        guard !sorted.isEmpty else { return }
        let s = SummaryStatistics(sorted)
        mean = s.mean
        standardDeviation = sorted.count > 1 ? s.standardDeviation : nil
        median = Self.quantile(sorted, 0.5)
        firstQuartile = Self.quantile(sorted, 0.25)
        thirdQuartile = Self.quantile(sorted, 0.75)
    }

    /// The q-quantile of sorted non-empty values, type 7: h = (n - 1) q, interpolate between
    /// floor(h) and ceil(h).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(q), "quantile needs values and 0 <= q <= 1")
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
