extension OcclusionMeasurement {
    /// Share of the smoothed peak's height above `base` that bounds the top of the rise fitted by
    /// `PeakShapeFit`: the fit starts where smoothed flux last rose through base + this share of
    /// (maximum - base) before the maximum.
    static let peakShapeTopShare = 0.5

    /// Time of the peak, s from the first sample: the meeting point t0 of a `PeakShapeFit` (the top
    /// of the rise as a parabola with its vertex at t0, the recovery transient from t0) fitted to
    /// flux block means (at most 4 per second) from where smoothed flux last rose through
    /// `base` + `peakShapeTopShare` (maximum - `base`) before its maximum at sample `index` (not
    /// before release) to the end of the peak search (release + peak search, cut at the end of the
    /// recovery), so the time depends on the peak alone, not on how long the recovery was recorded
    /// (`ldf stream` measures after a fixed recovery). The smoothed maximum's own time when the fit
    /// fails or puts t0 outside that top (before the start, or after smoothed flux has fallen back
    /// through the same level).
    func peakShapeTime(_ index: Int, base: Double) -> Double {
        let t0 = Double(index) / rateHz
        let top = smooth[index]
        guard base.isFinite, top > base else { return t0 }
        let level = base + Self.peakShapeTopShare * (top - base)
        let releaseSample = Int((timing.releaseSeconds * rateHz).rounded(.up))
        var first = index, last = index
        while first > max(0, releaseSample), smooth[first - 1].isFinite, smooth[first - 1] >= level { first -= 1 }
        while last < smooth.count - 1, !(smooth[last + 1].isFinite && smooth[last + 1] < level) { last += 1 }
        let searchEnd = min(recoveryEnd, timing.releaseSeconds + options.peakSearchSeconds)
        let end = min(flux.count, Int((searchEnd * rateHz).rounded(.up)))
        let block = max(1, Int(rateHz / 4))
        guard end > index else { return t0 }
        let means = MovingMean.blocks(Array(flux[first..<end]), length: block)
        let times = means.indices.map { k in (Double(first + k * block) + Double(block - 1) / 2) / rateHz }
        let after = times.indices.filter { times[$0] >= t0 }
        guard let recovery = StretchedExponentialFit.fit(times: after.map { times[$0] - t0 }, values: after.map { means[$0] }),
              recovery.b.isFinite, recovery.c.isFinite, recovery.d.isFinite else { return t0 }
        let rise = t0 - Double(first) / rateHz
        let start = PeakShapeFit(peakTime: t0, peak: top, curvature: rise > 0 ? (top - level) / (rise * rise) : 1,
                                 b: recovery.b, c: recovery.c, d: recovery.d)
        guard let fit = PeakShapeFit.fit(times: times, values: means, start: start),
              fit.peakTime >= Double(first) / rateHz, fit.peakTime <= Double(last) / rateHz else { return t0 }
        return max(timing.releaseSeconds, fit.peakTime)
    }
}
