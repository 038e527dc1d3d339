import LDFCore
import LDFPORH

/// Measures the read-outs of each occlusion of a vascular occlusion test on one saturation channel
/// (docs/METHODS.md §22.3). Times are seconds from the first sample here; `VOTAnalysis` moves
/// them to the file's axis.
struct VOTMeasurement {
    /// The desaturation line is fitted between these fractions of the fall from baseline to the
    /// minimum (10-90 %): the first seconds after inflation (a delay, curvature) and the approach to
    /// a floor are left out, the straight middle kept.
    static let desaturationFractions = (upper: 0.1, lower: 0.9)
    /// Fewest samples for a slope.
    static let minimumSlopeSamples = 5
    /// The baseline needs at least this much signal, s.
    static let minimumBaselineSeconds = 5.0
    /// StO2 counts as back at baseline after its maximum within this fraction of the overshoot
    /// (as the 95 % reperfusion time counts 95 % of the way up): a curve that creeps back, or a
    /// level that has drifted a little, still returns.
    static let returnFraction = 0.05

    let x: [Double]
    let smoothed: [Double]
    let rate: Double
    let options: VOTOptions

    init(values: [Double], rateHz: Double, options: VOTOptions) {
        x = values
        rate = rateHz
        self.options = options
        smoothed = MovingMean.centred(values, halfWidth: MovingMean.halfWidth(seconds: options.smoothingSeconds, rateHz: rateHz))
    }

    var endSeconds: Double { Double(x.count) / rate }
    func index(_ t: Double) -> Int { min(x.count, max(0, Int((t * rate).rounded(.up)))) }
    func time(_ i: Int) -> Double { Double(i) / rate }

    /// The read-outs of occlusion `timing`; `previousRelease` and `nextStart` bound its windows.
    func measure(_ timing: OcclusionTiming, index number: Int, previousRelease: Double?, nextStart: Double?) -> VOTOcclusionResult {
        let start = timing.startSeconds, release = timing.releaseSeconds
        let recoveryEnd = min(release + options.recoveryWindowSeconds, nextStart ?? .infinity, endSeconds)
        var notes: [Diagnostic] = []
        let (baseline, baselineWindow) = measureBaseline(before: start, after: previousRelease.map { $0 + options.recoveryWindowSeconds })
        let minimumRange = index(start)..<index(min(release + options.reoxygenationWindowSeconds, recoveryEnd))
        let lowest = minimumRange.filter { smoothed[$0].isFinite }.min { smoothed[$0] < smoothed[$1] }
        let minimum = ProtocolMeasure(lowest.map { smoothed[$0] }, reason: "no valid samples during the occlusion")
        var result = VOTOcclusionResult(
            index: number, timing: timing, baseline: baseline, baselineWindow: baselineWindow,
            desaturation: .missing("no baseline"), minimum: minimum,
            minimumTime: ProtocolMeasure(lowest.map { time($0) - release }, reason: "no minimum"),
            reoxygenation: reoxygenation(after: release, until: recoveryEnd),
            timeTo50: .missing("no baseline"), timeTo95: .missing("no baseline"), timeToBaseline: .missing("no baseline"),
            maximum: .missing("no samples after the release"), maximumTime: .missing("no samples after the release"),
            overshoot: .missing("no baseline"), ischaemicArea: .missing("no baseline"), recoveryArea: .missing("no baseline"),
            recoveryTime: .missing("no baseline"),
            recoveryWindow: TimeWindow(startSeconds: release, endSeconds: recoveryEnd), diagnostics: [])
        measureMaximum(&result, from: release, to: recoveryEnd)
        guard let b = baseline.value, let low = lowest else { return result }
        result.desaturation = desaturation(level: b, during: index(start)..<index(release))
        if let r2 = result.desaturation.rSquared, r2 < 0.95 {
            notes.append(.warning("desaturation_not_linear", "occlusion \(number): the desaturation line explains only r² = \(MessageNumber.short(r2)) "
                                  + "of the fall (VOT studies ask for r² > 0.95)"))
        }
        result.ischaemicArea = ProtocolMeasure(Self.area(x, rate: rate, range: index(start)..<min(x.count, index(release) + 1)) { b - $0 })
        let recovery = index(release)..<index(recoveryEnd)
        let shown = "within the \(MessageNumber.short(recoveryEnd - release)) s recovery window"
        for (fraction, key) in [(0.5, \VOTOcclusionResult.timeTo50), (0.95, \.timeTo95), (1.0, \.timeToBaseline)] {
            let level = smoothed[low] + fraction * (b - smoothed[low])
            let t = upCrossing(level, in: max(low, recovery.lowerBound)..<recovery.upperBound)
            result[keyPath: key] = ProtocolMeasure(t.map { $0 - release },
                                                  reason: "StO2 does not recover \(Int(fraction * 100)) % of the way to baseline \(shown)")
        }
        if let top = result.maximum.value {
            result.overshoot = ProtocolMeasure(top - b)
            measureReturn(&result, baseline: b, release: release, recovery: recovery, shown: shown)
        }
        result.diagnostics = notes
        return result
    }

    /// Mean StO2 over the baseline window before `start`, not reaching back past `limit`.
    func measureBaseline(before start: Double, after limit: Double?) -> (ProtocolMeasure, TimeWindow?) {
        let from = max(0, start - options.baselineWindowSeconds, limit ?? 0)
        let values = (index(from)..<index(start)).map { x[$0] }.filter(\.isFinite)
        guard start - from >= Self.minimumBaselineSeconds, !values.isEmpty else {
            return (.missing("only \(MessageNumber.short(max(0, start - from))) s of signal before the occlusion (at least "
                             + "\(MessageNumber.short(Self.minimumBaselineSeconds)) s needed)"), nil)
        }
        return (ProtocolMeasure(values.reduce(0, +) / Double(values.count)), TimeWindow(startSeconds: from, endSeconds: start))
    }

    /// The desaturation line over 10-90 % of the fall from `level` to the occlusion's minimum, %/min.
    func desaturation(level: Double, during range: Range<Int>) -> VOTSlope {
        guard let low = range.filter({ smoothed[$0].isFinite }).min(by: { smoothed[$0] < smoothed[$1] }), level > smoothed[low] else {
            return .missing("StO2 does not fall below the baseline during the occlusion")
        }
        guard let fit = Self.desaturationFit(x, smoothed: smoothed, rate: rate, level: level, minimumIndex: low, from: range.lowerBound) else {
            return .missing("the occlusion is too short for a slope fit: fewer than \(Self.minimumSlopeSamples) samples between "
                            + "10 and 90 % of the fall")
        }
        return VOTSlope(slope: ProtocolMeasure(fit.slope * 60), rSquared: fit.rSquared, count: fit.count,
                        window: TimeWindow(startSeconds: fit.startSeconds, endSeconds: fit.endSeconds))
    }

    /// The regression of the raw samples between the last crossings, before `minimumIndex`, of
    /// 10 % and 90 % of the fall from `level` to the smoothed minimum; nil with too few samples.
    static func desaturationFit(_ x: [Double], smoothed s: [Double], rate: Double, level: Double, minimumIndex: Int, from: Int) -> LinearFit? {
        let fall = level - s[minimumIndex]
        let upper = level - desaturationFractions.upper * fall, lower = level - desaturationFractions.lower * fall
        var end = minimumIndex
        while end > from, !(s[end] >= lower) { end -= 1 }
        var begin = end
        while begin > from, !(s[begin - 1] >= upper) { begin -= 1 }
        let range = begin..<(end + 1)
        return LinearFit(times: range.map { Double($0) / rate }, values: range.map { x[$0] }, minimumCount: minimumSlopeSamples)
    }

    /// The reoxygenation line over the reoxygenation window after `release`, %/s.
    func reoxygenation(after release: Double, until end: Double) -> VOTSlope {
        let windowEnd = release + options.reoxygenationWindowSeconds
        guard windowEnd <= end + 0.5 / rate else {
            return .missing("only \(MessageNumber.short(end - release)) s of signal after the release, shorter than the "
                            + "\(MessageNumber.short(options.reoxygenationWindowSeconds)) s reoxygenation window")
        }
        let range = index(release)..<min(x.count, index(windowEnd + 0.5 / rate))
        guard let fit = LinearFit(times: range.map(time), values: range.map { x[$0] }) else {
            return .missing("fewer than 3 samples in the \(MessageNumber.short(options.reoxygenationWindowSeconds)) s after the release")
        }
        return VOTSlope(slope: ProtocolMeasure(fit.slope), rSquared: fit.rSquared, count: fit.count,
                        window: TimeWindow(startSeconds: fit.startSeconds, endSeconds: fit.endSeconds))
    }

    /// The highest smoothed StO2 from `release` to `end`, and its time from the release.
    func measureMaximum(_ result: inout VOTOcclusionResult, from release: Double, to end: Double) {
        guard let top = (index(release)..<index(end)).filter({ smoothed[$0].isFinite }).max(by: { smoothed[$0] < smoothed[$1] }) else { return }
        result.maximum = ProtocolMeasure(smoothed[top])
        result.maximumTime = ProtocolMeasure(time(top) - release)
    }

    /// The return to baseline (within `returnFraction` of the overshoot) after the maximum, and
    /// the area above baseline up to it.
    func measureReturn(_ result: inout VOTOcclusionResult, baseline b: Double, release: Double, recovery: Range<Int>, shown: String) {
        guard let overshoot = result.overshoot.value, overshoot > 0, let peak = result.maximumTime.value else {
            result.recoveryTime = .missing("StO2 does not rise above baseline \(shown)")
            result.recoveryArea = ProtocolMeasure(0)
            return
        }
        let top = index(release + peak)
        let back = downCrossing(b + Self.returnFraction * overshoot, in: top..<recovery.upperBound)
        result.recoveryTime = ProtocolMeasure(back.map { $0 - release },
                                             reason: "StO2 stays above baseline (+5 % of the overshoot) to the end of the recovery window")
        let areaEnd = back.map { min(recovery.upperBound, index($0)) } ?? recovery.upperBound
        result.recoveryArea = ProtocolMeasure(Self.area(smoothed, rate: rate, range: recovery.lowerBound..<min(x.count, areaEnd + 1)) { max(0, $0 - b) })
    }

    /// Time where smoothed StO2 first reaches `level` from below in `range`, linearly interpolated.
    func upCrossing(_ level: Double, in range: Range<Int>) -> Double? {
        for k in range where smoothed[k] >= level {
            guard k > range.lowerBound, smoothed[k - 1].isFinite, smoothed[k] != smoothed[k - 1] else { return time(k) }
            return (Double(k - 1) + (level - smoothed[k - 1]) / (smoothed[k] - smoothed[k - 1])) / rate
        }
        return nil
    }

    /// Time where smoothed StO2 first falls to `level` in `range`, linearly interpolated.
    func downCrossing(_ level: Double, in range: Range<Int>) -> Double? {
        for k in range where smoothed[k] <= level {
            guard k > range.lowerBound, smoothed[k - 1].isFinite, smoothed[k] != smoothed[k - 1] else { return time(k) }
            return (Double(k - 1) + (smoothed[k - 1] - level) / (smoothed[k - 1] - smoothed[k])) / rate
        }
        return nil
    }

    /// Trapezoidal ∫ integrand(y) dt over `range`, skipping intervals with a missing end, %·s.
    static func area(_ y: [Double], rate: Double, range: Range<Int>, _ integrand: (Double) -> Double) -> Double? {
        guard range.count >= 2 else { return nil }
        var total = 0.0
        for k in range.dropFirst() where y[k].isFinite && y[k - 1].isFinite {
            total += (integrand(y[k]) + integrand(y[k - 1])) / 2 / rate
        }
        return total
    }
}
