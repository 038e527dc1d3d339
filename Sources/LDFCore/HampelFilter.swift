/// Settings of the Hampel artifact filter (docs/METHODS.md §4.2).
public struct HampelOptions: Sendable, Equatable, Codable {
    /// Length of the centred moving window in seconds (default 20 s). The half-width is
    /// `round(windowSeconds * rate / 2)` samples on each side, so the window holds `2k + 1` samples;
    /// near the ends it shrinks to the samples that exist.
    public var windowSeconds: Double
    /// A sample is an outlier when |x - median| > threshold * 1.4826 * MAD (default 5 scaled MADs).
    public var threshold: Double
    /// Samples on each side of an outlier that are replaced with it (default 3), because a
    /// movement artifact rarely ends exactly where the detector stops flagging it.
    public var widenSamples: Int

    /// The scale that makes the MAD a consistent estimator of a normal standard deviation.
    public static let madScale = 1.4826

    public init(windowSeconds: Double = 20, threshold: Double = 5, widenSamples: Int = 3) {
        self.windowSeconds = windowSeconds
        self.threshold = threshold
        self.widenSamples = widenSamples
    }

    /// Checks the settings; errors name the CLI option.
    public func validate() throws {
        guard windowSeconds > 0, windowSeconds.isFinite else {
            throw LDFError("\(parameter: "hampelWindow")", "window \(windowSeconds) s must be positive", fix: "e.g. \(parameter: "hampelWindow") 20")
        }
        guard threshold >= 0, threshold.isFinite else {
            throw LDFError("\(parameter: "hampelThreshold")", "threshold \(threshold) scaled MADs must be zero or positive",
                           fix: "e.g. \(parameter: "hampelThreshold") 5")
        }
        guard widenSamples >= 0 else {
            throw LDFError("\(parameter: "hampelWiden")", "\(widenSamples) samples must be zero or positive", fix: "e.g. \(parameter: "hampelWiden") 3")
        }
    }

    /// Half-width of the window in samples at `sampleRateHz` (at least 1).
    public func halfWidth(sampleRateHz: Double) -> Int {
        max(1, Int((windowSeconds * sampleRateHz / 2).rounded()))
    }
}

/// What the Hampel filter did: the cleaned series and how much of it was replaced.
public struct HampelResult: Sendable, Equatable {
    /// The series with replaced samples linearly interpolated; NaN samples stay NaN.
    public var values: [Double]
    /// Indices of the samples that were replaced (outliers and their widening), ascending.
    public var replacedIndices: [Int]
    /// Samples flagged as outliers before widening.
    public var outlierCount: Int
    /// Finite samples in the input (the denominator of `replacedPercent`).
    public var finiteCount: Int
    public var options: HampelOptions

    /// Samples replaced, including the widening.
    public var replacedCount: Int { replacedIndices.count }
    /// Percentage (0...100) of the finite samples that were replaced.
    public var replacedPercent: Double { finiteCount == 0 ? 0 : 100 * Double(replacedCount) / Double(finiteCount) }
}

/// Hampel filter: a centred moving median with a MAD threshold; flagged samples, widened by
/// `widenSamples` on each side, are replaced by linear interpolation between the nearest kept
/// samples (held constant at the ends of the series or next to a gap).
///
/// NaN samples are skipped by the window statistics and left untouched. Where a window's MAD is
/// zero (many equal values, e.g. coarsely quantised flux) any sample differing from the median is
/// flagged, as in the textbook rule and MATLAB's `hampel`. The window is kept
/// sorted and updated by binary insertion and removal (one shift of at most the window length per
/// sample); the MAD is the median of two sorted distance sequences, found by binary search, so a
/// 3.5-million-sample series with an 800-sample window costs well under a second in release builds.
///
/// Source: Hampel 1974 (J Am Stat Assoc 69:383); used for LDF by the Linköping group.
public struct HampelFilter: Sendable {
    public let options: HampelOptions

    public init(options: HampelOptions = HampelOptions()) throws {
        try options.validate()
        self.options = options
    }

    /// Filters `values` sampled at `sampleRateHz`.
    public func apply(_ values: [Double], sampleRateHz: Double) -> HampelResult {
        precondition(sampleRateHz > 0 && sampleRateHz.isFinite, "sample rate must be positive")
        let n = values.count
        let k = options.halfWidth(sampleRateHz: sampleRateHz)
        let limitScale = options.threshold * HampelOptions.madScale
        var outliers: [Int] = []
        var window = SortedWindow(capacity: 2 * k + 1)
        // Prime the window with samples 0...k-1; each step adds i + k and drops i - k - 1.
        for j in 0..<min(k, n) where values[j].isFinite { window.insert(values[j]) }
        for i in 0..<n {
            let incoming = i + k < n ? values[i + k] : Double.nan
            let outgoing = i - k - 1 >= 0 ? values[i - k - 1] : Double.nan
            switch (incoming.isFinite, outgoing.isFinite) {
            case (true, true): window.replace(outgoing, with: incoming)
            case (true, false): window.insert(incoming)
            case (false, true): window.remove(outgoing)
            case (false, false): break
            }
            let x = values[i]
            guard x.isFinite, window.count > 0 else { continue }
            let median = window.median
            if abs(x - median) > limitScale * window.medianAbsoluteDeviation(around: median) {
                outliers.append(i)
            }
        }
        return replace(values, outliers: outliers)
    }

    /// Widens the outliers, then interpolates across every run of replaced samples.
    private func replace(_ values: [Double], outliers: [Int]) -> HampelResult {
        let n = values.count
        var marked = [Bool](repeating: false, count: n)
        let w = options.widenSamples
        for i in outliers {
            for j in max(0, i - w)...min(n - 1, i + w) where values[j].isFinite { marked[j] = true }
        }
        var cleaned = values
        var replaced: [Int] = []
        var i = 0
        while i < n {
            guard marked[i] else { i += 1; continue }
            var end = i
            while end + 1 < n && marked[end + 1] { end += 1 }
            let left = i > 0 && values[i - 1].isFinite ? values[i - 1] : nil
            let right = end + 1 < n && values[end + 1].isFinite ? values[end + 1] : nil
            if left != nil || right != nil {
                for j in i...end {
                    switch (left, right) {
                    case let (l?, r?):
                        let t = Double(j - i + 1) / Double(end - i + 2)
                        cleaned[j] = l + t * (r - l)
                    case let (l?, nil): cleaned[j] = l
                    case let (nil, r?): cleaned[j] = r
                    case (nil, nil): break
                    }
                    replaced.append(j)
                }
            }
            i = end + 1
        }
        let finite = values.reduce(0) { $0 + ($1.isFinite ? 1 : 0) }
        return HampelResult(values: cleaned, replacedIndices: replaced, outlierCount: outliers.count,
                            finiteCount: finite, options: options)
    }
}

/// A window of finite values kept in ascending order.
struct SortedWindow {
    private(set) var sorted: [Double]
    private(set) var count = 0

    init(capacity: Int) { sorted = [Double](repeating: 0, count: max(capacity, 1)) }

    /// First index whose value is not below `value`.
    private func lowerBound(_ value: Double) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func insert(_ value: Double) {
        precondition(count < sorted.count, "sorted window overflow")
        let p = lowerBound(value), n = count
        sorted.withUnsafeMutableBufferPointer { b in
            let base = b.baseAddress!
            (base + p + 1).update(from: base + p, count: n - p) // overlapping move (memmove)
            base[p] = value
        }
        count += 1
    }

    mutating func remove(_ value: Double) {
        let p = lowerBound(value)
        precondition(p < count && sorted[p] == value, "value to remove is not in the window")
        let n = count
        sorted.withUnsafeMutableBufferPointer { b in
            let base = b.baseAddress!
            (base + p).update(from: base + p + 1, count: n - 1 - p)
        }
        count -= 1
    }

    /// Removes `old` and inserts `new` with one shift of the values between them.
    mutating func replace(_ old: Double, with new: Double) {
        let p = lowerBound(old)
        precondition(p < count && sorted[p] == old, "value to replace is not in the window")
        var q = lowerBound(new)
        sorted.withUnsafeMutableBufferPointer { b in
            let base = b.baseAddress!
            if q > p {
                q -= 1
                (base + p).update(from: base + p + 1, count: q - p)
            } else {
                (base + q + 1).update(from: base + q, count: p - q)
            }
            base[q] = new
        }
    }

    /// Median (mean of the two middle values for an even count); the window must not be empty.
    var median: Double {
        count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
    }

    /// Median of |x - center| over the window: the distances below and above `center` form two
    /// ascending sequences, and their merged order statistics are found by binary search.
    func medianAbsoluteDeviation(around center: Double) -> Double {
        let split = lowerBound(center)
        let nLeft = split, nRight = count - split
        // left(j): j-th smallest distance among values below center; right(j): among the others.
        func left(_ j: Int) -> Double { center - sorted[split - 1 - j] }
        func right(_ j: Int) -> Double { sorted[split + j] - center }
        func kth(_ k: Int) -> Double {
            var lo = max(0, k + 1 - nRight), hi = min(k + 1, nLeft)
            while lo < hi {
                let i = (lo + hi) / 2
                let j = k + 1 - i
                if j > 0 && left(i) < right(j - 1) { lo = i + 1 } else { hi = i }
            }
            let i = lo, j = k + 1 - lo
            return max(i > 0 ? left(i - 1) : -.infinity, j > 0 ? right(j - 1) : -.infinity)
        }
        return count % 2 == 1 ? kth(count / 2) : (kth(count / 2 - 1) + kth(count / 2)) / 2
    }
}
