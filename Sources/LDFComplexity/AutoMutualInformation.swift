import Foundation

/// Auto-mutual information I(lag) of a signal with itself `lag` samples later (Fraser & Swinney
/// 1986, Phys Rev A 33:1134), from equal-width histograms: x = s[0 ..< N - lag] and
/// y = s[lag ..< N] are each binned into `bins` equal bins over their own range (the last bin
/// closed, as NumPy's `histogram`), and I = H(x) + H(y) - H(x, y) in bits. This is NeuroKit2's
/// `mutual_information(method="shannon")` (after nolitsa); NeuroKit2's default for the delay
/// ("varoquaux") instead smooths the joint histogram and normalises it.
///
/// The embedding lag of an oversampled signal such as LDF is the first local minimum of I: the
/// first lag whose information is below the previous lag's and not above the next one's.
/// See docs/METHODS.md §16.
public struct AutoMutualInformation: Sendable, Equatable {
    /// I(1), I(2), ... up to the lag searched, in bits (index 0 is lag 1).
    public var information: [Double]
    /// The first local minimum, in samples; nil when none was found up to the largest lag.
    public var firstMinimum: Int?
    public var bins: Int

    /// Lags searched: 1 ... `maximumLag`; the search stops one lag after the first minimum.
    public init(_ values: [Double], bins: Int, maximumLag: Int) {
        precondition(bins >= 2, "mutual information needs at least 2 bins")
        self.bins = bins
        let largest = min(maximumLag, values.count - 2)
        var information: [Double] = []
        var minimum: Int?
        // Finite values take the cached bin indices (the same numbers, a fraction of the work).
        var lagged = values.allSatisfy(\.isFinite) ? LaggedBins(values, bins: bins) : nil
        var lag = 1
        while lag <= largest {
            information.append(lagged?.information(lag: lag) ?? Self.information(values, lag: lag, bins: bins))
            let n = information.count
            if n >= 3, information[n - 2] < information[n - 3], information[n - 2] <= information[n - 1] {
                minimum = lag - 1
                break
            }
            lag += 1
        }
        self.information = information
        firstMinimum = minimum
    }

    /// I(lag) in bits.
    public static func information(_ values: [Double], lag: Int, bins: Int) -> Double {
        let n = values.count - lag
        precondition(lag >= 1 && n >= 1, "lag out of range")
        return values.withUnsafeBufferPointer { v in
            let x = UnsafeBufferPointer(rebasing: v[0..<n]), y = UnsafeBufferPointer(rebasing: v[lag..<(lag + n)])
            var joint = [Int](repeating: 0, count: bins * bins)
            var px = [Int](repeating: 0, count: bins), py = [Int](repeating: 0, count: bins)
            let binX = Binning(x, bins: bins), binY = Binning(y, bins: bins)
            for i in 0..<n {
                let a = binX.index(x[i]), b = binY.index(y[i])
                px[a] += 1
                py[b] += 1
                joint[a * bins + b] += 1
            }
            return entropy(px, n) + entropy(py, n) - entropy(joint, n)
        }
    }

    /// Shannon entropy in bits of counts summing to `total`.
    static func entropy(_ counts: [Int], _ total: Int) -> Double {
        let t = Double(total)
        var h = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / t
            h -= p * log2(p)
        }
        return h
    }

    /// Equal-width bins over [min, max] with NumPy's edges (`linspace`: k x step + min, the last
    /// edge the maximum) and its rule: a value on an edge belongs to the bin above it, the maximum
    /// to the last bin.
    struct Binning: Equatable {
        let low: Double, step: Double, high: Double, bins: Int
        init(_ values: UnsafeBufferPointer<Double>, bins: Int) {
            var lo = Double.infinity, hi = -Double.infinity
            for v in values { lo = min(lo, v); hi = max(hi, v) }
            self.init(low: lo, high: hi, bins: bins)
        }
        /// The bins over [lo, hi], the values' minimum and maximum (a unit range around a constant).
        init(low lo: Double, high hi: Double, bins: Int) {
            var lo = lo, hi = hi
            if lo == hi { lo -= 0.5; hi += 0.5 }
            low = lo
            high = hi
            step = (hi - lo) / Double(bins)
            self.bins = bins
        }
        func edge(_ k: Int) -> Double { k == bins ? high : Double(k) * step + low }
        func index(_ v: Double) -> Int {
            var i = min(bins - 1, max(0, Int((v - low) / step)))
            if v < edge(i) { i -= 1 } else if i < bins - 1 && v >= edge(i + 1) { i += 1 }
            return i
        }
    }
}
