/// NaN-aware running means used for smoothing and for coarse detection series.
public enum MovingMean {
    /// Centred moving mean over `2 halfWidth + 1` samples: the mean of the finite samples in the
    /// window (shrunk at the ends), NaN when fewer than half of the window's samples are finite.
    public static func centred(_ x: [Double], halfWidth: Int) -> [Double] {
        let n = x.count
        guard n > 0 else { return [] }
        var sum = [Double](repeating: 0, count: n + 1)
        var count = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            let finite = x[i].isFinite
            sum[i + 1] = sum[i] + (finite ? x[i] : 0)
            count[i + 1] = count[i] + (finite ? 1 : 0)
        }
        return (0..<n).map { i in
            let lo = max(0, i - halfWidth), hi = min(n, i + halfWidth + 1)
            let c = count[hi] - count[lo]
            return 2 * c >= hi - lo && c > 0 ? (sum[hi] - sum[lo]) / Double(c) : .nan
        }
    }

    /// Half-width in samples of a centred window of `seconds` at `rateHz` (at least 0).
    public static func halfWidth(seconds: Double, rateHz: Double) -> Int {
        max(0, Int((seconds * rateHz / 2).rounded()))
    }

    /// Means of consecutive blocks of `length` samples (the last block may be shorter); NaN when
    /// fewer than half of a block's samples are finite.
    static func blocks(_ x: [Double], length: Int) -> [Double] {
        precondition(length > 0, "block length must be positive")
        return stride(from: 0, to: x.count, by: length).map { start in
            let block = x[start..<min(x.count, start + length)]
            var s = 0.0, c = 0
            for v in block where v.isFinite { s += v; c += 1 }
            return 2 * c >= block.count && c > 0 ? s / Double(c) : .nan
        }
    }

    /// Mean of the finite samples of `x` in the time window [from, to) seconds at `rateHz`, with the
    /// count of finite samples used.
    static func windowMean(_ x: [Double], rateHz: Double, from: Double, to: Double) -> (mean: Double, count: Int) {
        let lo = max(0, Int((from * rateHz).rounded(.up)))
        let hi = min(x.count, Int((to * rateHz).rounded(.up)))
        guard hi > lo else { return (.nan, 0) }
        var s = 0.0, c = 0
        for v in x[lo..<hi] where v.isFinite { s += v; c += 1 }
        return (c > 0 ? s / Double(c) : .nan, c)
    }
}
