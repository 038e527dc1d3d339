/// The least-squares corner of two joined straight lines, y = m + a min(0, t - c) + b max(0, t - c)
/// (docs/METHODS.md §22.2): the end of the desaturation and the start of the reoxygenation of a
/// vascular occlusion test. A moving mean would move the minimum of such a V towards its
/// shallower side (by w/2 (a - b)/(a + b) for a window w); the fit does not.
///
/// Corners are tried every 0.1 s (or every sample when samples are closer), so the corner is
/// found to 0.1 s even at 0.5 Hz.
struct CornerFit: Sendable, Equatable {
    /// Seconds from the first sample.
    var cornerSeconds: Double
    /// Level at the corner.
    var level: Double
    /// Slopes before and after the corner, per second.
    var slopeBefore: Double
    var slopeAfter: Double

    /// Fits the finite samples of `y` (at `rateHz`) from `before` seconds before sample `around`
    /// to `after` seconds after it; nil with fewer than 3 finite samples on either side.
    init?(_ y: [Double], rate rateHz: Double, around: Int, before: Double, after: Double) {
        let lo = max(0, around - Int((before * rateHz).rounded())), hi = min(y.count, around + Int((after * rateHz).rounded()) + 1)
        let points = (lo..<hi).compactMap { i in y[i].isFinite ? (t: Double(i) / rateHz, y: y[i]) : nil }
        guard points.count >= 6 else { return nil }
        let step = min(0.1, 1 / rateHz)
        var best: (sse: Double, fit: CornerFit)?
        var c = points[2].t
        while c <= points[points.count - 3].t {
            if let fit = Self.fit(points, corner: c), best == nil || fit.sse < best!.sse { best = fit }
            c += step
        }
        guard let best else { return nil }
        self = best.fit
    }

    private init(cornerSeconds: Double, level: Double, slopeBefore: Double, slopeAfter: Double) {
        self.cornerSeconds = cornerSeconds
        self.level = level
        self.slopeBefore = slopeBefore
        self.slopeAfter = slopeAfter
    }

    /// The least-squares lines joined at `corner`, with their sum of squared residuals.
    private static func fit(_ points: [(t: Double, y: Double)], corner: Double) -> (sse: Double, fit: CornerFit)? {
        // Normal equations of the basis (1, u = min(0, t - c), v = max(0, t - c)); u v = 0.
        var n = 0.0, su = 0.0, sv = 0.0, suu = 0.0, svv = 0.0, sy = 0.0, suy = 0.0, svy = 0.0, syy = 0.0
        for p in points {
            let u = min(0, p.t - corner), v = max(0, p.t - corner)
            n += 1; su += u; sv += v; suu += u * u; svv += v * v
            sy += p.y; suy += u * p.y; svy += v * p.y; syy += p.y * p.y
        }
        // Solve [[n, su, sv], [su, suu, 0], [sv, 0, svv]] (m, a, b) = (sy, suy, svy) by eliminating a and b.
        guard suu > 0, svv > 0 else { return nil }
        let denominator = n - su * su / suu - sv * sv / svv
        guard denominator > 0 else { return nil }
        let m = (sy - su * suy / suu - sv * svy / svv) / denominator
        let a = (suy - su * m) / suu, b = (svy - sv * m) / svv
        let sse = syy - m * sy - a * suy - b * svy
        return (sse, CornerFit(cornerSeconds: corner, level: m, slopeBefore: a, slopeAfter: b))
    }
}
