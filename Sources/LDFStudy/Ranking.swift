import Foundation

/// Average ranks of a sample (ties share the mean of the ranks they span, as scipy's
/// `rankdata(method="average")`), with the sizes of the tie groups for variance corrections.
public struct Ranking: Sendable, Equatable {
    /// 1-based average rank of each value, in input order.
    public var ranks: [Double]
    /// Size of every group of equal values with more than one member.
    public var tieGroupSizes: [Int]

    /// Ranks `values` (all finite; the callers drop NaN first).
    public init(_ values: [Double]) {
        precondition(values.allSatisfy(\.isFinite), "Ranking needs finite values")
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var ties: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Positions start..<end hold equal values: ranks start+1 ... end, mean (start + 1 + end) / 2.
            let rank = Double(start + 1 + end) / 2
            for k in start..<end { ranks[order[k]] = rank }
            if end - start > 1 { ties.append(end - start) }
            start = end
        }
        self.ranks = ranks
        self.tieGroupSizes = ties
    }

    /// Whether any two values were equal.
    public var hasTies: Bool { !tieGroupSizes.isEmpty }

    /// Sum over tie groups of t^3 - t (the usual tie-correction term).
    public var tieTerm: Double { tieGroupSizes.reduce(0) { $0 + pow(Double($1), 3) - Double($1) } }
}

/// The standard normal distribution's upper tail, for asymptotic p-values.
enum StandardNormal {
    /// P(Z >= z) = erfc(z / sqrt 2) / 2, accurate in the far tail (no 1 - cdf cancellation).
    static func survival(_ z: Double) -> Double { erfc(z / 2.0.squareRoot()) / 2 }
}
