import LDFCore
import LDFPORH

/// The levels and times of one heating response once the onset and maximum step are known
/// (docs/METHODS.md §18.3). Times in seconds from the first sample.
struct HeatingMeasurement {
    let flux: [Double]
    let smooth: [Double]
    let rateHz: Double
    let duration: Double
    let options: HeatingOptions
    let onset: Double
    let maximumStep: Double?
    let probe: ProbeTemperature?
    let recording: Recording

    /// Share of a side's fall (or rise) that the vertex fit's window spans.
    static let vertexSpan = 0.5
    /// Least rise of the plateau above baseline, as a share of baseline, below which a warning
    /// says the skin did not respond (local heating raises flux several-fold).
    static let leastResponse = 0.25
    /// Least stretch of recording before the onset that gives a baseline, s.
    static let shortestBaselineSeconds = 10.0

    init(recording: Recording, options: HeatingOptions, onset: Double, maximumStep: Double?, probe: ProbeTemperature?) {
        self.recording = recording
        flux = recording.perfusion.values
        rateHz = recording.sampleRateHz
        duration = recording.durationSeconds
        smooth = MovingMean.centred(flux, halfWidth: MovingMean.halfWidth(seconds: options.smoothingSeconds, rateHz: rateHz))
        self.options = options
        self.onset = onset
        self.maximumStep = maximumStep
        self.probe = probe
    }

    func index(_ t: Double) -> Int { min(flux.count, max(0, Int((t * rateHz).rounded(.up)))) }

    func mean(_ w: TimeWindow) -> Double? {
        let v = flux[index(w.startSeconds)..<index(w.endSeconds)].filter(\.isFinite)
        return v.isEmpty ? nil : v.reduce(0, +) / Double(v.count)
    }

    func medianTemperature(_ w: TimeWindow?) -> Double? {
        guard let w, let probe else { return nil }
        let v = probe.celsius[index(w.startSeconds)..<index(w.endSeconds)].filter(\.isFinite).sorted()
        return v.isEmpty ? nil : v[v.count / 2]
    }

    func measure() -> HeatingResult {
        var diagnostics: [Diagnostic] = []
        let baseline = baselineLevel(&diagnostics)
        let firstEnd = maximumStep ?? duration
        let plateau = lateWindow(length: options.plateauWindowSeconds, end: firstEnd, after: onset, name: "plateau", parameter: "plateauWindow")
        let maximum: (flux: ProtocolMeasure, window: TimeWindow?) = maximumStep.map {
            lateWindow(length: options.maximumWindowSeconds, end: duration, after: $0, name: "maximum", parameter: "maximumWindow")
        } ?? (.missing("no maximum step (43-44 °C) in the recording"), nil)
        let response = InitialResponse.measure(self, baseline: baseline.flux.value,
                                       end: plateau.window?.startSeconds ?? firstEnd, diagnostics: &diagnostics)
        let raw: [(HeatingLevelKey, ProtocolMeasure, TimeWindow?)] = [
            (.baseline, baseline.flux, baseline.window), (.initialPeak, response.peak, nil), (.nadir, response.nadir, nil),
            (.plateau, plateau.flux, plateau.window), (.maximum, maximum.flux, maximum.window),
        ]
        if let b = baseline.flux.value, let p = plateau.flux.value, p < (1 + Self.leastResponse) * b {
            diagnostics.append(.warning("no_response", "the plateau (\(MessageNumber.short(p))) is less than \(MessageNumber.short(Self.leastResponse * 100))% "
                                        + "above the baseline (\(MessageNumber.short(b))): the skin did not respond to heating, or the onset is wrong"))
        }
        let reference = cvcReference(maximum: maximum.flux)
        let levels = raw.map { key, level, window in
            HeatingLevel(key: key, flux: level, cvc: cvc(level), percentCVCMax: percent(level, reference: reference.value, reason: reference.reason), window: window)
        }
        return HeatingResult(
            source: recording.provenance.source, channel: recording.perfusion.name, fluxUnit: recording.perfusion.unit,
            sampleRateHz: rateHz, timeOriginSeconds: 0, onset: HeatingTime(seconds: onset, source: .user, detail: ""), maximumStep: nil,
            temperatureChannel: probe?.channel, setPointC: medianTemperature(plateau.window), maximumSetPointC: medianTemperature(maximum.window),
            biphasic: response.biphasic, levels: levels, initialPeakTime: response.peakTime, nadirTime: response.nadirTime,
            cvcMaxSource: reference.source, options: options, diagnostics: diagnostics)
    }

    /// Mean over the baseline window before the onset (shortened when the recording starts later).
    func baselineLevel(_ diagnostics: inout [Diagnostic]) -> (flux: ProtocolMeasure, window: TimeWindow?) {
        let start = max(0, onset - options.baselineWindowSeconds)
        guard onset - start >= Self.shortestBaselineSeconds else {
            return (.missing("only \(MessageNumber.short(onset)) s of recording before the onset (at least \(MessageNumber.short(Self.shortestBaselineSeconds)) s needed)"), nil)
        }
        if onset - start < options.baselineWindowSeconds {
            diagnostics.append(.info("short_baseline", "baseline window shortened to the \(MessageNumber.short(onset - start)) s before the onset"))
        }
        let window = TimeWindow(startSeconds: start, endSeconds: onset)
        return (ProtocolMeasure(mean(window), reason: "no valid samples in the baseline window"), window)
    }

    /// Mean over the `length` seconds before `end`, when they lie after `after`.
    func lateWindow(length: Double, end: Double, after: Double, name: String, parameter: String) -> (flux: ProtocolMeasure, window: TimeWindow?) {
        guard end - length >= after else {
            return (.missing("the \(name) stage lasts \(MessageNumber.short(end - after)) s, shorter than the \(MessageNumber.short(length)) s window (\(ParameterSpelling.spell(parameter)))"), nil)
        }
        let window = TimeWindow(startSeconds: end - length, endSeconds: end)
        return (ProtocolMeasure(mean(window), reason: "no valid samples in the \(name) window"), window)
    }

    /// CVC = level / MAP.
    func cvc(_ level: ProtocolMeasure) -> ProtocolMeasure {
        guard let map = options.meanArterialPressureMmHg else { return .missing("no mean arterial pressure (\(ParameterSpelling.spell("map")))") }
        return level.map { $0 / map }
    }

    /// The maximal CVC %CVCmax refers to: given, else the maximum step's (as flux: with one MAP
    /// the pressure cancels), with where it came from.
    func cvcReference(maximum: ProtocolMeasure) -> (value: Double?, reason: String?, source: String?) {
        if let given = options.maximumCVC, let map = options.meanArterialPressureMmHg { return (given * map, nil, "cvc_max") }
        if let m = maximum.value { return (m, nil, "maximum_step") }
        return (nil, "no maximal CVC: \(maximum.reason ?? "no maximum") and no \(ParameterSpelling.spell("cvcMax"))", nil)
    }

    func percent(_ level: ProtocolMeasure, reference: Double?, reason: String?) -> ProtocolMeasure {
        guard let reference, reference > 0 else { return .missing(reason ?? "no maximal CVC") }
        return level.map { 100 * $0 / reference }
    }
}
