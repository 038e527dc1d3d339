import Foundation
import LDFCore

/// Where a release time came from.
public enum CRTReleaseSource: String, Sendable, Codable {
    case user, events, detected
}

/// A press's release and the segment after it that may be fitted (file axis, s).
public struct CRTRelease: Sendable, Codable, Equatable {
    /// Where the fit starts: the release.
    public var seconds: Double
    public var source: CRTReleaseSource
    /// How it was found, e.g. "event 'Release'" or "end of a 5.2 s press".
    public var detail: String
    /// The segment ends here: the window, the next press or the end of the samples.
    public var segmentEndSeconds: Double
}

/// Finds the releases of a capillary-refill recording (docs/METHODS.md §23.2). Works on the
/// oriented signal y = sign × value, which is high while blanched and falls during refill.
struct CRTReleaseFinder {
    let samples: CRTSamples
    let options: CRTOptions
    /// The oriented signal smoothed by a centred moving mean of `smoothingSeconds`.
    let smoothed: [Double]
    /// Half-way between the smoothed signal's 5th and 95th percentiles; nil for a flat signal.
    let threshold: Double?

    init(samples: CRTSamples, options: CRTOptions) {
        self.samples = samples
        self.options = options
        let oriented = samples.values.map { options.refill.sign * $0 }
        smoothed = Self.movingMean(oriented, times: samples.times, length: options.smoothingSeconds)
        let sorted = smoothed.sorted()
        let low = sorted[Int(0.05 * Double(sorted.count - 1))], high = sorted[Int(0.95 * Double(sorted.count - 1))]
        threshold = high > low ? (low + high) / 2 : nil
    }

    static let releaseWords: Set<String> = ["release", "released", "releasing", "refill", "crt", "lift", "lifted", "unpress"]

    /// The releases: given, else events, else detected; throws when the user asked for a source
    /// that has none.
    func releases() throws -> [CRTRelease] {
        let (first, last) = (samples.times[0], samples.times[samples.times.count - 1])
        if !options.releaseSeconds.isEmpty {
            for t in options.releaseSeconds where !(t >= first && t < last) {
                throw LDFError("\(parameter: "release") \(MessageNumber.short(t))", "is outside the samples (\(MessageNumber.short(first)) to \(MessageNumber.short(last)) s on the file's axis)",
                               fix: "give release times on the file's time axis")
            }
            return withSegments(options.releaseSeconds.map { ($0, CRTReleaseSource.user, "given") })
        }
        let events = samples.events.filter { !Set(EventVocabulary.words($0.label)).isDisjoint(with: Self.releaseWords) }
            .filter { $0.timeSeconds >= first && $0.timeSeconds < last }.sorted { $0.timeSeconds < $1.timeSeconds }
        if options.timing != .detect, !events.isEmpty {
            return withSegments(events.map { ($0.timeSeconds, .events, "event '\($0.label)'") })
        }
        if options.timing == .events {
            throw LDFError(samples.source, "no release event (\(samples.events.isEmpty ? "the file has no events" : "\(samples.events.count) events, none naming a release"))",
                           fix: "mark each release with an event such as 'Release', give \(parameter: "release") SECONDS, or use \(parameter: "timing") detect")
        }
        let detected = presses().map { press in
            (release(ending: press), CRTReleaseSource.detected,
             "end of a \(MessageNumber.short(samples.times[press.upperBound] - samples.times[press.lowerBound])) s press")
        }
        guard !detected.isEmpty else { throw noRelease() }
        return withSegments(detected)
    }

    /// The error when detection finds no press.
    func noRelease() -> LDFError {
        let range = smoothed.max()! - smoothed.min()!
        let seen = threshold == nil ? "the signal is flat"
            : "the signal (range \(MessageNumber.short(range)) \(samples.unit)) never stays past half its range for \(MessageNumber.short(options.minimumPressSeconds)) s and then \(options.refill == .falls ? "falls" : "rises") back"
        return LDFError(samples.source, "no release found: \(seen)",
                        fix: "mark each release with an event such as 'Release', give \(parameter: "release") SECONDS, or check \(parameter: "refill")")
    }

    /// Index ranges (closed) of the runs of the smoothed oriented signal above the threshold that
    /// last at least `minimumPressSeconds` and end before the samples do.
    func presses() -> [ClosedRange<Int>] {
        guard let threshold else { return [] }
        var runs: [ClosedRange<Int>] = []
        var start: Int?
        for i in smoothed.indices {
            if smoothed[i] > threshold {
                if start == nil { start = i }
            } else if let s = start {
                if samples.times[i - 1] - samples.times[s] >= options.minimumPressSeconds { runs.append(s...(i - 1)) }
                start = nil
            }
        }
        return runs
    }

    /// Share of the recording's time (0-1) that the smoothed oriented signal spends past the
    /// threshold, on the blanched side; nil for a flat signal. Skin is blanched only while pressed,
    /// so a share above one half says the presses found are probably the rest between presses: the
    /// refill direction is the other way round.
    func blanchedShare() -> Double? {
        guard let threshold, let first = samples.times.first, let last = samples.times.last, last > first else { return nil }
        var blanched = 0.0
        for i in 0..<(smoothed.count - 1) where smoothed[i] > threshold { blanched += samples.times[i + 1] - samples.times[i] }
        return blanched / (last - first)
    }

    /// The release of a press: the last smoothed sample of the run still at the blanched level
    /// (within `margin` of the run's 90th percentile), moved on by half the smoothing length (a
    /// centred mean starts to fall that much before a sharp release), as the first sample at or
    /// after that time. Noise can only make it later, which leaves the fitted rate unbiased.
    func release(ending press: ClosedRange<Int>) -> Double {
        let run = smoothed[press].sorted()
        let blanched = run[Int(0.9 * Double(run.count - 1))]
        let margin = 4 * smoothedNoiseSD + 0.02 * (blanched - (threshold ?? blanched))
        let last = press.last { smoothed[$0] >= blanched - margin } ?? press.upperBound
        let index = samples.firstIndex(atOrAfter: samples.times[last] + options.smoothingSeconds / 2)
        return samples.times[min(index, samples.times.count - 1)]
    }

    /// SD of the noise in the smoothed signal: the raw noise from the median absolute successive
    /// difference (robust to the presses), over the root of the samples in a smoothing window.
    var smoothedNoiseSD: Double {
        let values = samples.values
        guard values.count > 2 else { return 0 }
        let differences = zip(values.dropFirst(), values).map { abs($0 - $1) }
        let sd = Statistics.median(differences) / (0.6745 * 2.0.squareRoot())
        let perWindow = max(1, options.smoothingSeconds / samples.medianIntervalSeconds)
        return sd / perWindow.squareRoot()
    }

    /// Each release with its segment's end: the window, the next press's start, the next release
    /// or the end of the samples, whichever comes first.
    func withSegments(_ found: [(Double, CRTReleaseSource, String)]) -> [CRTRelease] {
        let pressStarts = presses().map { samples.times[$0.lowerBound] }
        let last = samples.times[samples.times.count - 1]
        return found.enumerated().map { k, item in
            let (t, source, detail) = item
            var end = min(t + options.windowSeconds, last)
            if k + 1 < found.count { end = min(end, found[k + 1].0) }
            if let next = pressStarts.first(where: { $0 > t }) { end = min(end, next) }
            return CRTRelease(seconds: t, source: source, detail: detail, segmentEndSeconds: end)
        }
    }

    /// Centred moving mean over a time length (uneven stamps allowed): each value is the mean of
    /// the samples within ± length/2 of its time.
    static func movingMean(_ values: [Double], times: [Double], length: Double) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        var lo = 0, hi = 0, sum = 0.0
        for i in values.indices {
            while hi < values.count && times[hi] <= times[i] + length / 2 { sum += values[hi]; hi += 1 }
            while times[lo] < times[i] - length / 2 { sum -= values[lo]; lo += 1 }
            out[i] = sum / Double(hi - lo)
        }
        return out
    }
}
