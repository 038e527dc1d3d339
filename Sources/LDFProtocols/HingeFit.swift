/// The least-squares corner of a level followed by a straight rise (docs/METHODS.md §18.2):
/// y = b + r max(0, t - t0), fitted over every candidate t0 on the samples' own times, with
/// suffix sums so the whole search is linear in the number of samples.
struct HingeFit: Sendable, Equatable {
    /// The corner, seconds from the first sample.
    var cornerSeconds: Double
    /// The level before the corner.
    var level: Double
    /// The slope after it, per second.
    var slopePerSecond: Double

    /// Fits samples `y` at `rateHz` over index range `range` (non-finite samples skipped); nil
    /// with fewer than 4 finite samples on either side of every corner.
    init?(_ y: [Double], rateHz: Double, range: Range<Int>) {
        let points = range.compactMap { i in y[i].isFinite ? (t: Double(i) / rateHz, y: y[i]) : nil }
        let n = points.count
        guard n >= 8 else { return nil }
        // Suffix sums over j >= k of t, t², y, t y.
        var st = [Double](repeating: 0, count: n + 1), stt = st, sy = st, sty = st
        for k in stride(from: n - 1, through: 0, by: -1) {
            let p = points[k]
            st[k] = st[k + 1] + p.t
            stt[k] = stt[k + 1] + p.t * p.t
            sy[k] = sy[k + 1] + p.y
            sty[k] = sty[k + 1] + p.t * p.y
        }
        let total = Double(n), sumY = sy[0]
        var best: (sse: Double, k: Int, b: Double, r: Double)?
        for k in 4..<(n - 3) {
            let t0 = points[k].t, m = Double(n - k)
            let sh = st[k] - m * t0
            let shh = stt[k] - 2 * t0 * st[k] + m * t0 * t0
            let shy = sty[k] - t0 * sy[k]
            let det = total * shh - sh * sh
            guard det > 0 else { continue }
            let b = (sumY * shh - sh * shy) / det
            let r = (total * shy - sh * sumY) / det
            // SSE up to the constant Σy²: -(b Σy + r Σhy) at the least-squares solution.
            let sse = -(b * sumY + r * shy)
            if best == nil || sse < best!.sse { best = (sse, k, b, r) }
        }
        guard let best else { return nil }
        cornerSeconds = points[best.k].t
        level = best.b
        slopePerSecond = best.r
    }
}
