extension AutoMutualInformation {
    /// I(1), I(2), ... of one signal with each sample's bin index computed once per range instead
    /// of once per lag: x = s[0 ..< N - lag] is binned over the range of that prefix and
    /// y = s[lag ..< N] over the range of that suffix; both ranges shrink only at the lags where an
    /// extreme leaves them, so the indices are recomputed only there and reused (shifted) otherwise.
    ///
    /// Exactly `information(_:lag:bins:)` for finite values: the minimum and maximum of a set do
    /// not depend on the order they are folded in (only the sign of a zero may, and neither the
    /// edges k x step + min nor v - min change with it), and the same range gives the same bins.
    struct LaggedBins {
        let values: [Double]
        let bins: Int
        /// Minimum and maximum of values[0 ..< k + 1] (prefix) and of values[k ..< N] (suffix) at index k.
        private let prefixLow: [Double], prefixHigh: [Double]
        private let suffixLow: [Double], suffixHigh: [Double]
        private var x: CachedIndices, y: CachedIndices

        /// - Precondition: every value finite.
        init(_ values: [Double], bins: Int) {
            self.values = values
            self.bins = bins
            let n = values.count
            var low = [Double](repeating: 0, count: n), high = low
            var lo = Double.infinity, hi = -Double.infinity
            for k in 0..<n {
                lo = min(lo, values[k]); hi = max(hi, values[k])
                low[k] = lo; high[k] = hi
            }
            prefixLow = low
            prefixHigh = high
            lo = .infinity; hi = -.infinity
            for k in stride(from: n - 1, through: 0, by: -1) {
                lo = min(lo, values[k]); hi = max(hi, values[k])
                low[k] = lo; high[k] = hi
            }
            suffixLow = low
            suffixHigh = high
            x = CachedIndices(count: n)
            y = CachedIndices(count: n)
        }

        /// I(lag) in bits, for lags taken in increasing order.
        mutating func information(lag: Int) -> Double {
            let n = values.count - lag
            precondition(lag >= 1 && n >= 1, "lag out of range")
            x.update(Binning(low: prefixLow[n - 1], high: prefixHigh[n - 1], bins: bins), values, samples: 0..<n)
            y.update(Binning(low: suffixLow[lag], high: suffixHigh[lag], bins: bins), values, samples: lag..<values.count)
            var joint = [Int](repeating: 0, count: bins * bins)
            x.indices.withUnsafeBufferPointer { xi in
                y.indices.withUnsafeBufferPointer { yi in
                    joint.withUnsafeMutableBufferPointer { counts in
                        for i in 0..<n { counts[xi[i] * bins + yi[lag + i]] += 1 }
                    }
                }
            }
            // The marginal counts are the joint table's row and column sums (exact integers).
            var px = [Int](repeating: 0, count: bins), py = [Int](repeating: 0, count: bins)
            for a in 0..<bins {
                for b in 0..<bins {
                    px[a] += joint[a * bins + b]
                    py[b] += joint[a * bins + b]
                }
            }
            return entropy(px, n) + entropy(py, n) - entropy(joint, n)
        }
    }

    /// Bin indices of the samples binned last, valid for any later lag whose samples are a subset
    /// of those and whose binning is the same.
    private struct CachedIndices {
        var binning: Binning?
        var indices: [Int]

        init(count: Int) {
            binning = nil
            indices = [Int](repeating: 0, count: count)
        }

        /// Recomputes the indices of `samples` when `binning` differs from the cached one.
        mutating func update(_ binning: Binning, _ values: [Double], samples: Range<Int>) {
            guard binning != self.binning else { return }
            self.binning = binning
            indices.withUnsafeMutableBufferPointer { out in
                for k in samples { out[k] = binning.index(values[k]) }
            }
        }
    }
}
