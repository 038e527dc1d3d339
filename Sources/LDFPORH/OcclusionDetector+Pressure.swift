import LDFCore

extension OcclusionDetector {
    /// Hysteresis thresholds as fractions of the channel's own range (5th to 95th percentile):
    /// the cuff counts as inflated above 60% and as released below 40%.
    static let pressureOnFraction = 0.6
    static let pressureOffFraction = 0.4

    /// Times occlusions from the first cuff-pressure channel: threshold with hysteresis relative to
    /// the channel's own low and high levels. Start and release are the 50% crossings of the
    /// inflation and deflation edges. Each inflated stretch must be a plateau (80% of it within 15%
    /// of the range from its median) lasting at least `minimumSeconds`.
    ///
    /// Methods: docs/METHODS.md §7.2.
    static func pressureTimings(in recording: Recording, minimumSeconds: Double) throws -> OcclusionSearch {
        guard let channel = recording.channel(ofKind: .pressure) else {
            throw LDFError(recording.provenance.source, "no cuff-pressure channel (a channel in mmHg or named pressure/cuff)",
                           fix: "use \(parameter: "timing") flux or events, or give \(parameter: "occlusion") START-END")
        }
        let context = "\(recording.provenance.source) channel '\(channel.name)'"
        let rate = recording.sampleRateHz
        let p = MovingMean.centred(channel.values, halfWidth: MovingMean.halfWidth(seconds: 0.25, rateHz: rate))
        let sorted = p.filter(\.isFinite).sorted()
        guard sorted.count > 10 else {
            throw LDFError(context, "the channel has no valid samples", fix: "use \(parameter: "timing") flux or give \(parameter: "occlusion") START-END")
        }
        let low = sorted[sorted.count * 5 / 100], high = sorted[sorted.count * 95 / 100]
        let range = high - low
        guard range > 0 else {
            throw LDFError(context, "the pressure has no plateau: it stays at \(low) \(channel.unit) throughout",
                           fix: "check the channel, or use \(parameter: "timing") flux or \(parameter: "occlusion") START-END")
        }
        let on = low + pressureOnFraction * range, off = low + pressureOffFraction * range, half = low + 0.5 * range
        var runs: [Range<Int>] = []
        var runStart: Int?
        for i in p.indices where p[i].isFinite {
            if runStart == nil, p[i] > on { runStart = i }
            if let s = runStart, p[i] < off { runs.append(s..<i); runStart = nil }
        }
        var trailing: Range<Int>?
        if let s = runStart { trailing = s..<p.count; runs.append(s..<p.count) }
        var notes: [Diagnostic] = []
        var timings: [OcclusionTiming] = []
        var longest = 0.0
        for run in runs {
            var first = run.lowerBound
            while first > 0, p[first - 1].isFinite, p[first - 1] > half { first -= 1 }
            var last = run.upperBound
            while last > run.lowerBound, !(p[last - 1] > half) { last -= 1 }
            let start = crossing(p, before: first, level: half, rate: rate)
            let release = crossing(p, before: last, level: half, rate: rate)
            let duration = release - start
            longest = max(longest, duration)
            let inside = p[run].filter(\.isFinite)
            let median = Statistics.median(inside)
            let steady = Double(inside.count { abs($0 - median) <= 0.15 * range }) / Double(max(1, inside.count))
            guard steady >= 0.8 else {
                notes.append(.warning("pressure_no_plateau",
                                      "cuff pressure from \(rounded(start)) to \(rounded(release)) s has no plateau "
                                      + "(only \(Int(steady * 100))% of it within 15% of the range from its median); ignored"))
                continue
            }
            if run == trailing && duration >= minimumSeconds {
                let message = "the recording ends during the occlusion: the cuff is inflated from \(rounded(start)) s "
                    + "to the end (\(rounded(recording.durationSeconds)) s)"
                if timings.isEmpty {
                    throw LDFError(context, message, fix: "analyse a recording that includes the release and recovery")
                }
                notes.append(.warning("ends_during_occlusion", message))
                continue
            }
            guard duration >= minimumSeconds else {
                notes.append(.warning("short_occlusion", "cuff inflated only \(rounded(duration)) s at \(rounded(start)) s, "
                                      + "shorter than the \(minimumSeconds) s minimum; ignored"))
                continue
            }
            timings.append(OcclusionTiming(startSeconds: start, releaseSeconds: release, source: .pressure,
                                           detail: "cuff pressure '\(channel.name)' crossing \(rounded(half)) \(channel.unit) "
                                           + "(halfway between its levels \(rounded(low)) and \(rounded(high)))"))
        }
        guard !timings.isEmpty else {
            let shown = notes.isEmpty ? "" : " (\(notes.map(\.message).joined(separator: "; ")))"
            throw LDFError(context, "the pressure has no plateau of at least \(minimumSeconds) s: it ranges \(rounded(low))"
                           + "-\(rounded(high)) \(channel.unit), longest inflation \(rounded(longest)) s\(shown)",
                           fix: "check the channel, or use \(parameter: "timing") flux or \(parameter: "occlusion") START-END")
        }
        return OcclusionSearch(timings: timings, diagnostics: notes)
    }

    /// Time in seconds where `x` crosses `level` between samples `index - 1` and `index`
    /// (linear interpolation); the sample time of `index` when the previous sample is missing.
    static func crossing(_ x: [Double], before index: Int, level: Double, rate: Double) -> Double {
        guard index > 0, index < x.count, x[index - 1].isFinite, x[index].isFinite, x[index] != x[index - 1] else {
            return Double(index) / rate
        }
        let fraction = (level - x[index - 1]) / (x[index] - x[index - 1])
        return (Double(index - 1) + min(max(fraction, 0), 1)) / rate
    }

    /// A value rounded to two decimals for messages.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
