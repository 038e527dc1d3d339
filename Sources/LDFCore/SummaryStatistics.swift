import RealModule

/// Summary of the finite values of a series (NaN samples are skipped).
public struct SummaryStatistics: Sendable, Equatable, Codable {
    /// Number of finite values.
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n - 1 denominator); NaN for fewer than 2 values.
    public var standardDeviation: Double
    public var minimum: Double
    public var maximum: Double
    public var median: Double

    /// NaN fields when there is no finite value. O(n): the median by selection
    /// (`Statistics.median(selecting:)`), not a sort.
    public init(_ values: [Double]) {
        var finite = values.filter { $0.isFinite }
        count = finite.count
        guard !finite.isEmpty else {
            mean = .nan; standardDeviation = .nan; minimum = .nan; maximum = .nan; median = .nan
            return
        }
        mean = finite.reduce(0, +) / Double(finite.count)
        let m = mean
        let ss = finite.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        standardDeviation = finite.count > 1 ? (ss / Double(finite.count - 1)).squareRoot() : .nan
        var lowest = finite[0], highest = finite[0]
        for x in finite {
            lowest = Swift.min(lowest, x)
            highest = Swift.max(highest, x)
        }
        minimum = lowest
        maximum = highest
        median = Statistics.median(selecting: &finite)
    }
}

/// Small numeric helpers used across modules.
public enum Statistics {
    /// Median of an already sorted, non-empty array (mean of the two middle values for even counts).
    public static func median(sorted: [Double]) -> Double {
        precondition(!sorted.isEmpty, "median of an empty array")
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// Median of the finite values (by selection); NaN if there are none.
    public static func median(_ values: [Double]) -> Double {
        var copy = values
        return median(selecting: &copy)
    }

    /// Mean of the finite values; NaN if there are none.
    public static func mean(_ values: some Collection<Double>) -> Double {
        var sum = 0.0, n = 0
        for v in values where v.isFinite { sum += v; n += 1 }
        return n == 0 ? .nan : sum / Double(n)
    }
}
