/// Placing rows on the uniform grid and bridging short runs of missing samples.
///
/// Methods: docs/METHODS.md §1.4.
extension RecordingAssembler {
    struct Gridded {
        var values: [Double]
        /// Grid points inside a time gap (missing rows) that were filled by interpolation.
        var filledGridPoints: Int
        /// Those grid points, as ranges of grid indices.
        var filledRuns: [Range<Int>]
        /// Whether any value had to be interpolated between off-grid time stamps.
        var interpolated: Bool
    }

    /// Linear interpolation of `values` at `times` onto `times[0] + k / rate`.
    static func placeOnGrid(_ values: [Double], times: [Double], rate: Double, maxBridgeSamples: Int) -> Gridded {
        let period = 1 / rate
        let t0 = times[0]
        let count = Int(((times[times.count - 1] - t0) * rate).rounded()) + 1
        let tolerance = onGridTolerance * period
        // Fast path: already uniform.
        if count == times.count {
            var uniform = true
            for i in times.indices where abs(times[i] - (t0 + Double(i) * period)) > tolerance {
                uniform = false
                break
            }
            if uniform { return Gridded(values: values, filledGridPoints: 0, filledRuns: [], interpolated: false) }
        }
        var out = [Double](repeating: .nan, count: count)
        var filled = 0
        var filledRuns: [Range<Int>] = []
        var interpolated = false
        var j = 0
        let last = times.count - 1
        for k in 0..<count {
            let t = t0 + Double(k) * period
            while j < last - 1 && times[j + 1] <= t { j += 1 }
            let ta = times[j], tb = times[min(j + 1, last)]
            if abs(ta - t) <= tolerance { out[k] = values[j]; continue }
            if abs(tb - t) <= tolerance { out[k] = values[min(j + 1, last)]; continue }
            let span = tb - ta
            let missing = Int((span * rate).rounded()) - 1
            // A time gap: grid points more than half an interval from any sample have no sample
            // of their own (jittered neighbours of the gap still do).
            if missing >= 1 && min(t - ta, tb - t) > 0.5 * period {
                if missing > maxBridgeSamples { continue }
                filled += 1
                Self.extend(&filledRuns, with: k)
            }
            interpolated = true
            let w = (t - ta) / span
            out[k] = values[j] + w * (values[min(j + 1, last)] - values[j])
        }
        return Gridded(values: out, filledGridPoints: filled, filledRuns: filledRuns, interpolated: interpolated)
    }

    /// Appends grid index `k` to `runs`, joining it to the last run when it follows that run.
    static func extend(_ runs: inout [Range<Int>], with k: Int) {
        if let last = runs.last, last.upperBound == k {
            runs[runs.count - 1] = last.lowerBound..<(k + 1)
        } else {
            runs.append(k..<(k + 1))
        }
    }

    /// Linearly bridges NaN runs of at most `maxRun` samples that have valid samples on both sides;
    /// returns how many samples were filled, the bridged runs (grid indices) and the runs left as gaps.
    static func bridgeShortRuns(_ values: inout [Double], maxRun: Int, rate: Double) -> (interpolated: Int, bridged: [Range<Int>], gaps: [Gap]) {
        var interpolated = 0
        var bridged: [Range<Int>] = []
        var gaps: [Gap] = []
        var i = 0
        let n = values.count
        while i < n {
            guard values[i].isNaN else { i += 1; continue }
            var end = i
            while end < n && values[end].isNaN { end += 1 }
            let length = end - i
            if i > 0 && end < n && length <= maxRun {
                let a = values[i - 1], b = values[end]
                for k in i..<end {
                    values[k] = a + (b - a) * Double(k - i + 1) / Double(length + 1)
                }
                interpolated += length
                bridged.append(i..<end)
            } else {
                gaps.append(Gap(startSeconds: Double(i) / rate, endSeconds: Double(end) / rate))
            }
            i = end
        }
        return (interpolated, bridged, gaps)
    }
}
