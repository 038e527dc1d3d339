import LDFCore

/// NaN-aware windowed medians of short series (detection series of 0.5 s or 0.1 s blocks).
enum RunningMedian {
    /// Median of the finite values of `x[range]` (clamped to `x`), or NaN when fewer than
    /// `minimumCount` are finite.
    static func median(_ x: [Double], _ range: Range<Int>, minimumCount: Int = 1) -> Double {
        let lo = max(0, range.lowerBound), hi = min(x.count, range.upperBound)
        guard lo < hi else { return .nan }
        let finite = x[lo..<hi].filter(\.isFinite).sorted()
        return finite.count >= max(1, minimumCount) ? Statistics.median(sorted: finite) : .nan
    }

    /// Centred running median over `2 halfWidth + 1` values (shrunk at the ends); NaN where fewer
    /// than half of the window is finite. Removes sub-window spikes and dips and keeps edges.
    static func centred(_ x: [Double], halfWidth: Int) -> [Double] {
        x.indices.map { i in
            let range = (i - halfWidth)..<(i + halfWidth + 1)
            let width = min(x.count, range.upperBound) - max(0, range.lowerBound)
            return median(x, range, minimumCount: (width + 1) / 2)
        }
    }
}
