import LDFCore
import LDFPORH

/// Finds vascular occlusions on a tissue saturation channel alone (docs/METHODS.md §22.2): a
/// sustained fall of several % followed by a fast rise. Works on the channel's own levels, in
/// % points, at any rate from 0.5 Hz (Moxy) to 10 Hz and more:
///
/// 1. Rises: on a 5 s centred moving mean s, the stretches where s climbs at least `riseAmount`
///    (4 % points) within `riseLagSeconds` (10 s), i.e. 0.4 %/s or faster (reoxygenation runs at
///    1-5 %/s, Bezemer 2009); stretches closer than the lag are one rise.
/// 2. For each rise, the minimum m of s just before it, and the level L before the fall: the
///    median of s over the 60 s before the corner of a level-then-straight-fall fit (`HingeFit`)
///    on the stretch since the previous occlusion.
/// 3. A candidate is an occlusion when the fall D = L - m is at least `minimumFall` (5 % points)
///    and the time from onset to release is at least the minimum occlusion; otherwise the reason
///    is kept and reported.
/// 4. Onset: the desaturation line (`VOTMeasurement.desaturationFit`, regression over 10-90 % of
///    the fall) meets L. Release: the corner of a continuous falling-then-rising two-line fit
///    (`CornerFit`) over the 30 s before and `riseLagSeconds` after the minimum.
public enum VOTOcclusionDetector {
    static let smoothingSeconds = 5.0
    static let riseLagSeconds = 10.0
    /// % points within `riseLagSeconds`.
    static let riseAmount = 4.0
    /// % points from the level before to the minimum.
    static let minimumFall = 5.0
    static let levelSeconds = 60.0

    /// Every occlusion the saturation channel shows, in time order. Throws when there is none,
    /// saying what was looked for and what the channel showed.
    public static func find(in recording: Recording, minimumSeconds: Double) throws -> OcclusionSearch {
        let x = recording.perfusion.values, rate = recording.sampleRateHz
        let s = MovingMean.centred(x, halfWidth: MovingMean.halfWidth(seconds: smoothingSeconds, rateHz: rate))
        let lag = max(1, Int((riseLagSeconds * rate).rounded()))
        var timings: [OcclusionTiming] = []
        var rejected: [String] = []
        var searchFrom = 0
        for rise in rises(s, lag: lag) where rise.lowerBound >= searchFrom {
            switch candidate(x, smoothed: s, rate: rate, rise: rise, lag: lag, from: searchFrom, minimumSeconds: minimumSeconds) {
            case .accepted(let timing):
                timings.append(timing)
                searchFrom = min(x.count, Int((timing.releaseSeconds * rate).rounded()) + lag)
            case .rejected(let reason):
                rejected.append(reason)
            }
        }
        guard !timings.isEmpty else { throw noOcclusion(recording, smoothed: s, lag: lag, rejected: rejected) }
        let notes = rejected.map { Diagnostic.info("signal_candidate_rejected", "not an occlusion: \($0)") }
        return OcclusionSearch(timings: timings, diagnostics: notes)
    }

    enum Candidate {
        case accepted(OcclusionTiming)
        case rejected(String)
    }

    /// Index ranges where s[i + lag] - s[i] >= `riseAmount`, merged when closer than `lag`.
    static func rises(_ s: [Double], lag: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for i in 0..<max(0, s.count - lag) {
            let rising = s[i + lag] - s[i] >= riseAmount
            if rising, start == nil { start = i }
            if !rising, let a = start {
                if let last = runs.last, a - last.upperBound < lag { runs[runs.count - 1] = last.lowerBound..<i } else { runs.append(a..<i) }
                start = nil
            }
        }
        if let a = start { runs.append(a..<max(a + 1, s.count - lag)) }
        return runs
    }

    /// Judges the fall before one rise.
    static func candidate(_ x: [Double], smoothed s: [Double], rate: Double, rise: Range<Int>, lag: Int, from: Int,
                          minimumSeconds: Double) -> Candidate {
        let at = short(Double(rise.lowerBound) / rate)
        let window = rise.lowerBound..<min(s.count, rise.lowerBound + lag)
        guard let minimum = window.filter({ s[$0].isFinite }).min(by: { s[$0] < s[$1] }), minimum - from > lag,
              let hinge = HingeFit(s, rateHz: rate, range: from..<minimum) else {
            return .rejected("the rise at \(at) s has too little signal before it")
        }
        let corner = Int((hinge.cornerSeconds * rate).rounded())
        let before = (max(from, corner - Int(levelSeconds * rate))..<max(corner, from + 1)).map { s[$0] }.filter(\.isFinite)
        guard !before.isEmpty else { return .rejected("the rise at \(at) s has no level before its fall") }
        let level = Statistics.median(before), low = s[minimum]
        guard level - low >= minimumFall else {
            return .rejected("the rise at \(at) s follows a fall of only \(short(level - low)) % points (at least \(short(minimumFall)) needed)")
        }
        guard let fall = VOTMeasurement.desaturationFit(x, smoothed: s, rate: rate, level: level, minimumIndex: minimum, from: from),
              let onset = fall.time(atLevel: level) else {
            return .rejected("the fall before the rise at \(at) s has too few samples for a line")
        }
        let release = CornerFit(x, rate: rate, around: minimum, before: 30, after: riseLagSeconds)?.cornerSeconds ?? Double(minimum) / rate
        guard release - onset >= minimumSeconds else {
            return .rejected("the fall from \(short(onset)) s to the rise at \(short(release)) s lasts \(short(release - onset)) s, "
                             + "shorter than the \(short(minimumSeconds)) s minimum occlusion")
        }
        let detail = "saturation falls \(short(level - low)) % points from \(short(level)) % at \(short(fall.slope * 60)) %/min, then rises"
        return .accepted(OcclusionTiming(startSeconds: max(Double(from) / rate, onset), releaseSeconds: release, source: .flux, detail: detail))
    }

    /// The error when no occlusion is found: what was looked for and what the channel showed.
    static func noOcclusion(_ recording: Recording, smoothed s: [Double], lag: Int, rejected: [String]) -> LDFError {
        let finite = s.filter(\.isFinite)
        let channel = "channel '\(recording.perfusion.name)'"
        var shown = finite.isEmpty ? "no valid samples"
            : "values from \(short(finite.min()!)) to \(short(finite.max()!)) %, its largest rise \(short(largestRise(s, lag: lag))) % points in \(short(riseLagSeconds)) s"
        if !rejected.isEmpty { shown += "; " + rejected.prefix(3).joined(separator: "; ") }
        return LDFError("\(recording.provenance.source) \(channel)",
                        "no occlusion found: looked for a sustained fall of at least \(short(minimumFall)) % points followed by a rise of "
                        + "\(short(riseAmount)) % points within \(short(riseLagSeconds)) s; the channel showed \(shown)",
                        fix: "give the occlusion with \(parameter: "occlusion") START-END, mark it with events, or pick the StO2 channel with \(parameter: "channel")")
    }

    static func largestRise(_ s: [Double], lag: Int) -> Double {
        var best = 0.0
        for i in 0..<max(0, s.count - lag) where s[i].isFinite && s[i + lag].isFinite { best = max(best, s[i + lag] - s[i]) }
        return best
    }

    static func short(_ value: Double) -> String { MessageNumber.short(value) }
}
