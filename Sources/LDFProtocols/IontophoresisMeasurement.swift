import LDFCore
import LDFPORH

/// The rest and per-dose read-outs of one channel once the pulses are known (docs/METHODS.md
/// §21.3). Times in seconds from the first sample; sample i covers [i/rate, (i+1)/rate).
struct IontophoresisMeasurement {
    let flux: [Double]
    let smooth: [Double]
    let rateHz: Double
    let duration: Double
    let options: IontophoresisOptions
    let doses: [Dose]

    init(flux: [Double], rateHz: Double, options: IontophoresisOptions, doses: [Dose]) {
        self.flux = flux
        self.rateHz = rateHz
        duration = Double(flux.count) / rateHz
        smooth = MovingMean.centred(flux, halfWidth: MovingMean.halfWidth(seconds: options.smoothingSeconds, rateHz: rateHz))
        self.options = options
        self.doses = doses
    }

    /// First sample at or after `t`.
    func index(_ t: Double) -> Int { min(flux.count, max(0, Int((t * rateHz - 1e-9).rounded(.up)))) }

    func time(_ i: Int) -> Double { Double(i) / rateHz }

    func finite(_ values: [Double], _ w: TimeWindow) -> [Double] {
        values[index(w.startSeconds)..<index(w.endSeconds)].filter(\.isFinite)
    }

    func mean(_ w: TimeWindow) -> Double? {
        let v = finite(flux, w)
        return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
    }

    /// The rest window: `restWindowSeconds` before the first pulse, shortened to the recording.
    var restWindow: TimeWindow {
        let first = doses[0].startSeconds
        return TimeWindow(startSeconds: max(0, first - options.restWindowSeconds), endSeconds: first)
    }

    /// Mean of the raw flux and SD of the smoothed flux over the rest window.
    func rest() -> (mean: ProtocolMeasure, sd: ProtocolMeasure) {
        let v = finite(smooth, restWindow)
        guard let m = mean(restWindow), v.count > 1 else {
            return (.missing("no valid samples in the rest window"), .missing("no valid samples in the rest window"))
        }
        let sm = v.reduce(0, +) / Double(v.count)
        let sd = (v.reduce(0) { $0 + ($1 - sm) * ($1 - sm) } / Double(v.count - 1)).squareRoot()
        return (ProtocolMeasure(m), ProtocolMeasure(sd))
    }

    /// The interval of dose `i`: to the next pulse start; the last to its stop plus the median
    /// earlier gap (60 s with one pulse), cut at the end of the recording.
    func interval(_ i: Int) -> TimeWindow {
        let dose = doses[i]
        if i + 1 < doses.count { return TimeWindow(startSeconds: dose.startSeconds, endSeconds: doses[i + 1].startSeconds) }
        let gaps = doses.indices.dropLast().map { doses[$0 + 1].startSeconds - doses[$0].stopSeconds }.sorted()
        let gap = gaps.isEmpty ? IontophoresisOptions.defaultGapSeconds : gaps[gaps.count / 2]
        return TimeWindow(startSeconds: dose.startSeconds, endSeconds: min(duration, dose.stopSeconds + gap))
    }

    /// Every dose's read-outs, in order.
    func measure(diagnostics: inout [Diagnostic]) -> (rest: ProtocolMeasure, sd: ProtocolMeasure, doses: [DoseResponse]) {
        let (rest, sd) = rest()
        var responses: [DoseResponse] = []
        var cumulative: Double? = 0
        for i in doses.indices {
            cumulative = cumulative.flatMap { c in doses[i].chargeMillicoulombs.map { c + $0 } }
            let previous = responses.last?.plateau.value.map { ProtocolMeasure($0) }
            let response = measureDose(i, rest: rest, sd: sd, reference: previous ?? rest, cumulative: cumulative, diagnostics: &diagnostics)
            responses.append(response)
        }
        return (rest, sd, responses)
    }

    func measureDose(_ i: Int, rest: ProtocolMeasure, sd: ProtocolMeasure, reference: ProtocolMeasure,
                     cumulative: Double?, diagnostics: inout [Diagnostic]) -> DoseResponse {
        let dose = doses[i]
        let interval = interval(i)
        let plateau = plateau(i, interval: interval, diagnostics: &diagnostics)
        let maximum = extreme(in: interval)
        let k = options.thresholdSD
        let recoveryEnd = i + 1 < doses.count ? interval.endSeconds : duration
        let unknownCharge = "charge unknown for a pulse up to this one (give charges in \(ParameterSpelling.spell("pulses")) or \(ParameterSpelling.spell("current")))"
        return DoseResponse(
            index: i + 1, dose: dose, cumulativeCharge: ProtocolMeasure(cumulative, reason: unknownCharge), interval: interval,
            plateau: plateau.level, plateauWindow: plateau.window,
            change: combine(plateau.level, rest) { $0 - $1 }, percentChange: combine(plateau.level, rest) { 100 * ($0 - $1) / $1 },
            maximum: maximum.level, maximumTime: maximum.time.map { $0 - dose.startSeconds },
            reference: reference,
            responseTime: crossing(from: dose.startSeconds, to: interval.endSeconds, threshold: combine(reference, sd) { $0 + k * $1 },
                                   rising: true, what: "the reference + \(MessageNumber.short(k)) SD")
                .map { $0 - dose.startSeconds },
            halfRiseTime: halfRise(dose, interval: interval, reference: reference, plateau: plateau.level),
            recoveryTime: recovery(after: maximum.time, to: recoveryEnd, threshold: combine(rest, sd) { $0 + k * $1 }).map { $0 - dose.startSeconds },
            deliveryArea: area(TimeWindow(startSeconds: dose.startSeconds, endSeconds: dose.stopSeconds), rest: rest),
            intervalArea: area(interval, rest: rest))
    }

    /// Mean over the last `plateauWindowSeconds` of the current-free part of the interval (all
    /// of it, with a note, when that part is shorter).
    func plateau(_ i: Int, interval: TimeWindow, diagnostics: inout [Diagnostic]) -> (level: ProtocolMeasure, window: TimeWindow?) {
        let stop = doses[i].stopSeconds
        guard interval.endSeconds > stop else {
            return (.missing("no current-free time after pulse \(i + 1) before the next pulse or the end"), nil)
        }
        let start = max(stop, interval.endSeconds - options.plateauWindowSeconds)
        if interval.endSeconds - start < options.plateauWindowSeconds {
            diagnostics.append(.info("short_plateau", "dose \(i + 1): the plateau window is the \(MessageNumber.short(interval.endSeconds - start)) s after the pulse, "
                                     + "shorter than \(ParameterSpelling.spell("plateauWindow")) \(MessageNumber.short(options.plateauWindowSeconds)) s"))
        }
        let window = TimeWindow(startSeconds: start, endSeconds: interval.endSeconds)
        return (ProtocolMeasure(mean(window), reason: "no valid samples in the plateau window"), window)
    }

    /// The maximum of the smoothed flux over `w` and its time.
    func extreme(in w: TimeWindow) -> (level: ProtocolMeasure, time: ProtocolMeasure) {
        var best: Int?
        for j in index(w.startSeconds)..<index(w.endSeconds) where smooth[j].isFinite && (best.map { smooth[j] > smooth[$0] } ?? true) { best = j }
        guard let best else { return (.missing("no valid samples in the interval"), .missing("no valid samples in the interval")) }
        return (ProtocolMeasure(smooth[best]), ProtocolMeasure(time(best)))
    }

    /// The first time in [from, to) the smoothed flux is beyond `threshold` (above when `rising`)
    /// and stays so for the sustain time (samples past `to` count toward it).
    func crossing(from: Double, to: Double, threshold: ProtocolMeasure, rising: Bool, what: String) -> ProtocolMeasure {
        guard let level = threshold.value else { return .missing(threshold.reason ?? "no threshold") }
        let hold = max(1, Int((options.sustainSeconds * rateHz).rounded()))
        let beyond = { (j: Int) in self.smooth[j].isFinite && (rising ? self.smooth[j] > level : self.smooth[j] <= level) }
        var run = 0
        for j in index(from)..<smooth.count {
            run = beyond(j) ? run + 1 : 0
            if run == hold, j - hold + 1 < index(to) { return ProtocolMeasure(time(j - hold + 1)) }
            if run == 0, j >= index(to) { break }
        }
        return .missing("the smoothed flux does not stay \(rising ? "above" : "below") \(what) (\(MessageNumber.short(level))) for "
                        + "\(MessageNumber.short(options.sustainSeconds)) s within the interval")
    }

    /// Back within k SD of rest after the maximum.
    func recovery(after maximum: ProtocolMeasure, to end: Double, threshold: ProtocolMeasure) -> ProtocolMeasure {
        guard let t = maximum.value else { return .missing(maximum.reason ?? "no maximum") }
        return crossing(from: t, to: end, threshold: threshold, rising: false, what: "rest + \(MessageNumber.short(options.thresholdSD)) SD")
    }

    /// The first time from the pulse start the smoothed flux reaches reference + (plateau -
    /// reference)/2, linearly interpolated between samples.
    func halfRise(_ dose: Dose, interval: TimeWindow, reference: ProtocolMeasure, plateau: ProtocolMeasure) -> ProtocolMeasure {
        guard let r = reference.value, let p = plateau.value else { return .missing(plateau.reason ?? reference.reason ?? "no plateau") }
        guard p > r else { return .missing("the plateau (\(MessageNumber.short(p))) is not above the level before the pulse (\(MessageNumber.short(r)))") }
        let half = (r + p) / 2
        let first = index(dose.startSeconds), last = index(interval.endSeconds)
        for j in first..<last where smooth[j].isFinite && smooth[j] >= half {
            guard j > first, smooth[j - 1].isFinite, smooth[j - 1] < half else { return ProtocolMeasure(time(j) - dose.startSeconds) }
            let fraction = (half - smooth[j - 1]) / (smooth[j] - smooth[j - 1])
            return ProtocolMeasure(time(j - 1) + fraction / rateHz - dose.startSeconds)
        }
        return .missing("the smoothed flux does not reach halfway to the plateau within the interval")
    }

    /// ∫ (flux - rest) dt over `w` by the rectangle rule; missing samples count as rest.
    func area(_ w: TimeWindow, rest: ProtocolMeasure) -> ProtocolMeasure {
        guard let r = rest.value else { return .missing(rest.reason ?? "no rest level") }
        return ProtocolMeasure(finite(flux, w).reduce(0) { $0 + ($1 - r) } / rateHz)
    }

    func combine(_ a: ProtocolMeasure, _ b: ProtocolMeasure, _ f: (Double, Double) -> Double) -> ProtocolMeasure {
        guard let x = a.value else { return a }
        guard let y = b.value else { return b }
        return ProtocolMeasure(f(x, y))
    }
}
