/// An ordinary least-squares straight line y = intercept + slope t over a window of samples, with
/// its coefficient of determination. The sums are taken about the means, so times far from zero
/// (a file axis in hours) lose no precision.
///
/// The same estimator as `scipy.stats.linregress` (slope, intercept, r²); checked against it in
/// Tests/Fixtures/vot.
public struct LinearFit: Sendable, Codable, Equatable {
    /// Units of y per second.
    public var slope: Double
    /// y at t = 0 (the times' own origin).
    public var intercept: Double
    /// r² = Sxy² / (Sxx Syy); nil when y is constant (no variance to explain).
    public var rSquared: Double?
    /// Finite samples used.
    public var count: Int
    /// First and last time used, seconds.
    public var startSeconds: Double
    public var endSeconds: Double

    /// The fit of the finite pairs of `times` (s) and `values`; nil with fewer than
    /// `minimumCount` finite pairs (at least 3) or when all times are equal.
    public init?(times: [Double], values: [Double], minimumCount: Int = 3) {
        precondition(times.count == values.count, "times and values differ in length")
        let pairs = zip(times, values).filter { $0.0.isFinite && $0.1.isFinite }
        guard pairs.count >= max(3, minimumCount) else { return nil }
        let n = Double(pairs.count)
        let meanT = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (t, y) in pairs {
            let dt = t - meanT, dy = y - meanY
            sxx += dt * dt
            sxy += dt * dy
            syy += dy * dy
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanT
        rSquared = syy > 0 ? min(1, sxy * sxy / (sxx * syy)) : nil
        count = pairs.count
        startSeconds = pairs.first!.0
        endSeconds = pairs.last!.0
    }

    /// The line's value at `t` seconds.
    public func value(at t: Double) -> Double { intercept + slope * t }

    /// Where the line reaches `level`; nil for a flat line.
    public func time(atLevel level: Double) -> Double? { slope != 0 ? (level - intercept) / slope : nil }
}
