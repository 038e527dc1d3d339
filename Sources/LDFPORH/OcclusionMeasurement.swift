import LDFCore

/// Measures the PORH parameters of one occlusion (definitions in `PORHParameterKey.summary` and
/// docs/METHODS.md §7.3). Means skip missing samples; areas are the mean of the integrand over the valid
/// samples times the window length (so a gap does not shrink them).
///
/// - Rest flux: mean of raw flux over [start - rest window, start), never before `restFrom`
///   (the previous occlusion's return to rest). With `restFrom` nil (a later occlusion with no
///   clean baseline before it: the previous recovery did not return to rest, or returned too
///   late) the first occlusion's rest (`firstRest`) is used instead, and the result says so.
/// - Biological zero: mean of raw flux over the last `biologicalZeroWindowSeconds` of the
///   occlusion (at most half of it).
/// - Peak: maximum of smoothed flux over [release, release + peak search), cut at `recoveryEnd`
///   (the next occlusion's start or the recording's end); null when it sits at the end of the
///   search (still rising) or does not exceed rest flux. Its time is where a fitted peak shape
///   (the top of the rise, then the recovery transient) turns (`peakShapeTime`).
/// - Post-occlusive plateau (`end_level` of the recovery times): mean of raw flux over the last
///   `plateauWindowSeconds` before `recoveryEnd`, after the peak; null unless steady (its two halves
///   differ by less than 5% of peak - plateau).
/// - Recovery times T75/T50/T25: from the peak to end level E + {75, 50, 25}% of the fall, E the
///   plateau, or rest flux when there is no steady plateau (short recoveries; noted); from the
///   recovery fit when it describes the recovery, else from the smoothed flux's first crossings
///   (`OcclusionMeasurement+RecoveryTimes.swift`).
/// - Return to rest: first time after the peak that flux smoothed over `returnSmoothingSeconds`
///   reaches rest flux, refined by a line fitted to the raw flux within half that window.
/// - Repayment area uses smoothed flux (the positive part would rectify noise); debt area raw flux.
struct OcclusionMeasurement {
    let flux: [Double]
    let smooth: [Double]
    let rateHz: Double
    let timing: OcclusionTiming
    let restFrom: Double?
    /// Rest flux and window of the first occlusion, for later ones without a clean baseline.
    let firstRest: (mean: Double, window: TimeWindow)?
    let recoveryEnd: Double
    let options: PORHOptions
    /// File time of the first sample, for times in messages.
    let timeOrigin: Double

    /// Steadiness rule of the plateau, as a fraction of peak - plateau.
    static let plateauSteadiness = 0.05

    func sample(_ t: Double) -> Int { min(flux.count, max(0, Int((t * rateHz).rounded(.up)))) }
    private func seconds(_ x: Double) -> String { "\(OcclusionDetector.rounded(x)) s" }
    /// A time from the first sample as shown: on the file's axis.
    func at(_ t: Double) -> String { seconds(t + timeOrigin) }

    /// First time at or after sample `from` (before `to`) where `series` is at or below `level`,
    /// refined by a straight line fitted to the raw flux within `refineSeconds` of that crossing
    /// (the time the line reaches `level`, kept within the fitted stretch): a first crossing of a
    /// noisy curve comes early, the line through the neighbourhood does not.
    private func firstFall(of series: [Double], to level: Double, from: Int, to end: Int, refineSeconds: Double) -> Double? {
        guard from < end, let i = (from..<end).first(where: { series[$0].isFinite && series[$0] <= level }) else { return nil }
        let crossing = i == from ? Double(i) / rateHz : OcclusionDetector.crossing(series, before: i, level: level, rate: rateHz)
        let lo = max(from, sample(crossing - refineSeconds)), hi = min(end, sample(crossing + refineSeconds))
        var n = 0.0, st = 0.0, sy = 0.0, stt = 0.0, sty = 0.0
        for k in lo..<max(lo, hi) where flux[k].isFinite {
            let t = Double(k) / rateHz - crossing
            n += 1; st += t; sy += flux[k]; stt += t * t; sty += t * flux[k]
        }
        let denominator = n * stt - st * st
        guard n >= 3, denominator > 0 else { return crossing }
        let slope = (n * sty - st * sy) / denominator
        let intercept = (sy - slope * st) / n
        guard slope < 0 else { return crossing }
        let offset = (level - intercept) / slope
        return crossing + min(max(offset, Double(lo) / rateHz - crossing), Double(hi) / rateHz - crossing)
    }

    func measure(index: Int) -> PORHOcclusionResult {
        let tO = timing.startSeconds, tR = timing.releaseSeconds
        var values: [PORHParameterKey: PORHParameter] = [:]
        var notes: [Diagnostic] = []
        func set(_ key: PORHParameterKey, _ value: Double, otherwise reason: @autoclosure () -> String) {
            values[key] = .checked(key, value, otherwise: reason())
        }
        func missing(_ keys: [PORHParameterKey], _ reason: String) {
            for key in keys where values[key] == nil { values[key] = PORHParameter(key, missing: reason) }
        }

        // Rest flux: before this occlusion, or the first occlusion's when there is no clean baseline.
        var restWindow = TimeWindow(startSeconds: max(tO - options.restWindowSeconds, restFrom ?? 0, 0), endSeconds: tO)
        let rest = MovingMean.windowMean(flux, rateHz: rateHz, from: restWindow.startSeconds, to: tO)
        let minimumRest = min(10, options.restWindowSeconds)
        var rf = Double.nan
        var restReference = RestReference.beforeThisOcclusion
        if restFrom == nil, let first = firstRest {
            rf = first.mean
            restWindow = first.window
            restReference = .beforeFirstOcclusion
            notes.append(.info("rest_from_first_occlusion", "rest flux taken from the rest before the first occlusion "
                               + "(from \(at(first.window.startSeconds)) to \(at(first.window.endSeconds))): the previous recovery did not "
                               + "return to rest flux long enough before this occlusion, so there is no clean baseline"))
        } else if Double(rest.count) / rateHz >= minimumRest {
            rf = rest.mean
            if restWindow.durationSeconds < options.restWindowSeconds - 1e-9 {
                notes.append(.warning("rest_window_shortened", "rest flux measured over \(seconds(restWindow.durationSeconds)) "
                                      + "instead of \(seconds(options.restWindowSeconds)) (the recording or the previous recovery leaves no more)"))
            }
        }
        let restReason = "only \(seconds(Double(rest.count) / rateHz)) of valid flux before the occlusion "
            + "(at least \(seconds(minimumRest)) needed)"

        // Biological zero and occlusion minimum.
        let bzLength = min(options.biologicalZeroWindowSeconds, timing.durationSeconds / 2)
        if bzLength < options.biologicalZeroWindowSeconds {
            notes.append(.info("bz_window_shortened", "biological zero measured over the last \(seconds(bzLength)) "
                               + "(half of the occlusion) instead of \(seconds(options.biologicalZeroWindowSeconds))"))
        }
        let bzWindow = TimeWindow(startSeconds: tR - bzLength, endSeconds: tR)
        let bzMean = MovingMean.windowMean(flux, rateHz: rateHz, from: bzWindow.startSeconds, to: tR)
        let bz = Double(bzMean.count) >= 0.5 * bzLength * rateHz ? bzMean.mean : .nan
        let bzReason = "fewer than half of the samples in the biological-zero window are valid"
        let occlusionSmooth = smooth[sample(tO)..<sample(tR)].filter(\.isFinite)
        let occlusionMinimum = occlusionSmooth.min() ?? .nan

        // Debt area.
        let occlusionMean = MovingMean.windowMean(flux, rateHz: rateHz, from: tO, to: tR)
        let debt = Double(occlusionMean.count) >= 0.5 * timing.durationSeconds * rateHz
            ? (rf - occlusionMean.mean) * timing.durationSeconds : .nan

        // Peak.
        let searchEnd = min(tR + options.peakSearchSeconds, recoveryEnd)
        let peakSearch = TimeWindow(startSeconds: tR, endSeconds: searchEnd)
        var peakIndex: Int?
        for i in sample(tR)..<max(sample(tR), sample(searchEnd)) where smooth[i].isFinite && (peakIndex == nil || smooth[i] > smooth[peakIndex!]) {
            peakIndex = i
        }
        var peakReason: String?
        let edgeSamples = MovingMean.halfWidth(seconds: options.smoothingSeconds, rateHz: rateHz) + 1
        if let p = peakIndex, rf.isFinite, smooth[p] <= rf {
            peakReason = "no hyperaemic peak: the highest smoothed flux after release (\(OcclusionDetector.rounded(smooth[p]))) "
                + "does not exceed rest flux (\(OcclusionDetector.rounded(rf)))"
        } else if let p = peakIndex, p >= sample(searchEnd) - edgeSamples {
            peakReason = searchEnd < tR + options.peakSearchSeconds
                ? "no clear peak: smoothed flux is still rising when the recording ends (or the next occlusion starts) at \(at(searchEnd))"
                : "no clear peak: smoothed flux is still rising \(seconds(options.peakSearchSeconds)) after release (raise \(parameter: "peakSearch"))"
        } else if peakIndex == nil {
            peakReason = "no valid flux after release"
        }
        let peak = peakReason == nil ? peakIndex : nil
        let pf = peak.map { smooth[$0] } ?? .nan
        let peakTime = peak.map { peakShapeTime($0, base: rf) } ?? .nan

        // Post-occlusive plateau.
        var plateau = Double.nan
        var plateauWindow: TimeWindow?
        var plateauReason = "no peak to recover from"
        if peak != nil {
            let window = TimeWindow(startSeconds: max(recoveryEnd - options.plateauWindowSeconds, peakTime), endSeconds: recoveryEnd)
            let first = MovingMean.windowMean(flux, rateHz: rateHz, from: window.startSeconds, to: window.startSeconds + window.durationSeconds / 2)
            let second = MovingMean.windowMean(flux, rateHz: rateHz, from: window.startSeconds + window.durationSeconds / 2, to: window.endSeconds)
            let whole = MovingMean.windowMean(flux, rateHz: rateHz, from: window.startSeconds, to: window.endSeconds)
            plateauWindow = window
            if window.durationSeconds < options.plateauWindowSeconds / 2 || first.count == 0 || second.count == 0 {
                plateauReason = "the recovery after the peak lasts only \(seconds(recoveryEnd - peakTime)); "
                    + "the plateau window needs \(seconds(options.plateauWindowSeconds))"
            } else if abs(first.mean - second.mean) > Self.plateauSteadiness * (pf - whole.mean) {
                plateauReason = "flux is not yet steady at the end of the recovery (\(OcclusionDetector.rounded(first.mean)) then "
                    + "\(OcclusionDetector.rounded(second.mean)) over the plateau window ending at \(at(recoveryEnd)))"
            } else {
                plateau = whole.mean
            }
        }

        // Recovery times, return to rest, repayment.
        let recoveryKeys: [(PORHParameterKey, Double)] = [(.t75, 0.75), (.t50, 0.5), (.t25, 0.25)]
        var endLevel = plateau
        if peak != nil, !plateau.isFinite, rf.isFinite, rf < pf {
            endLevel = rf
            notes.append(.info("recovery_end_level_rest", "T75/T50/T25 use rest flux (\(OcclusionDetector.rounded(rf))) as the end level: "
                               + plateauReason))
        }
        var recovery: RecoveryTimes?
        if let p = peak, endLevel.isFinite {
            let times = recoveryTimes(peakIndex: p, peakTime: peakTime, peakFlux: pf, endLevel: endLevel)
            for (key, fraction) in recoveryKeys {
                switch times.time(fraction) {
                case .success(let t): set(key, t, otherwise: "")
                case .failure(let reason): missing([key], reason.message)
                }
            }
            recovery = times
        }
        var returnTime: Double?
        if let p = peak, rf.isFinite {
            let slow = MovingMean.centred(flux, halfWidth: MovingMean.halfWidth(seconds: options.returnSmoothingSeconds, rateHz: rateHz))
            returnTime = firstFall(of: slow, to: rf, from: p, to: sample(recoveryEnd), refineSeconds: options.returnSmoothingSeconds / 2)
            if let back = returnTime {
                set(.hyperaemiaDuration, back - tR, otherwise: "")
                var sum = 0.0, count = 0
                for i in sample(tR)..<sample(back) where smooth[i].isFinite { sum += max(smooth[i] - rf, 0); count += 1 }
                set(.repaymentArea, count > 0 ? sum / Double(count) * (back - tR) : .nan, otherwise: "no valid flux between release and return")
            } else {
                missing([.hyperaemiaDuration, .repaymentArea],
                        "smoothed flux had not returned to rest flux (\(OcclusionDetector.rounded(rf))) by \(at(recoveryEnd))")
            }
        }

        // Levels, with the biological zero subtracted on request.
        let offset = options.subtractBiologicalZero ? bz : 0
        let offsetReason = "the biological zero could not be measured, so it cannot be subtracted"
        let subtractFailed = options.subtractBiologicalZero && !bz.isFinite
        func level(_ key: PORHParameterKey, _ value: Double, otherwise reason: String) {
            if value.isFinite && subtractFailed { missing([key], offsetReason) } else { set(key, value - offset, otherwise: reason) }
        }
        level(.restFlux, rf, otherwise: restReason)
        set(.biologicalZero, bz, otherwise: bzReason)
        level(.occlusionMinimum, occlusionMinimum, otherwise: "no valid smoothed flux during the occlusion")
        level(.peakFlux, pf, otherwise: peakReason ?? "")
        set(.peakTime, peakTime, otherwise: peakReason ?? "")
        set(.timeToPeak, peakTime - tR, otherwise: peakReason ?? "")
        let rfLevel = rf - offset, pfLevel = pf - offset
        if rfLevel.isFinite && rfLevel <= 0 {
            missing([.peakRestRatio, .percentIncrease, .restPercentOfPeak], "rest flux \(OcclusionDetector.rounded(rfLevel)) is not positive (instrument offset?)")
        }
        let ratioReason = peakReason ?? (subtractFailed ? offsetReason : restReason)
        set(.peakRestRatio, pfLevel / rfLevel, otherwise: ratioReason)
        set(.percentIncrease, 100 * (pfLevel - rfLevel) / rfLevel, otherwise: ratioReason)
        set(.restPercentOfPeak, 100 * rfLevel / pfLevel, otherwise: ratioReason)
        if rf.isFinite, bz.isFinite, rf - bz <= 0 {
            missing([.bzCorrectedRatio], "rest flux does not exceed the biological zero")
        }
        set(.bzCorrectedRatio, (pf - bz) / (rf - bz), otherwise: peakReason ?? (rf.isFinite ? bzReason : restReason))
        level(.plateauFlux, plateau, otherwise: plateauReason)
        missing(recoveryKeys.map(\.0), peakReason ?? plateauReason)
        missing([.hyperaemiaDuration, .repaymentArea], peakReason ?? restReason)
        set(.debtArea, debt, otherwise: rf.isFinite ? "fewer than half of the occlusion's samples are valid" : restReason)
        let repayment = values[.repaymentArea]?.value ?? .nan
        if debt.isFinite, debt <= 0 { missing([.repaymentDebtRatio], "the debt area is not positive") }
        set(.repaymentDebtRatio, repayment / debt, otherwise: values[.repaymentArea]?.reason ?? values[.debtArea]?.reason ?? "")

        // Cutaneous vascular conductance.
        if let map = options.meanArterialPressureMmHg {
            set(.cvcRest, rfLevel / map, otherwise: subtractFailed ? offsetReason : restReason)
            set(.cvcPeak, pfLevel / map, otherwise: peakReason ?? offsetReason)
        } else {
            missing([.cvcRest, .cvcPeak, .percentCVCMaxRest, .percentCVCMaxPeak], "no mean arterial pressure given (\(parameter: "map") MMHG)")
        }
        if let cvcMax = options.maximumCVC {
            set(.percentCVCMaxRest, 100 * (values[.cvcRest]?.value ?? .nan) / cvcMax, otherwise: values[.cvcRest]?.reason ?? "")
            set(.percentCVCMaxPeak, 100 * (values[.cvcPeak]?.value ?? .nan) / cvcMax, otherwise: values[.cvcPeak]?.reason ?? "")
        } else {
            missing([.percentCVCMaxRest, .percentCVCMaxPeak], "no maximal CVC given (\(parameter: "cvcMax") FLUX/MMHG, e.g. the CVC at 43-44 °C local heating)")
        }

        // Transient fit from the peak.
        var fit: StretchedExponentialFit?
        if let p = peak {
            fit = transientFit(fromSample: p, origin: Double(p) / rateHz)
            if let f = fit {
                set(.fitA, f.a, otherwise: "the transient fit did not reach finite values")
                set(.fitB, f.b, otherwise: "the transient fit did not reach finite values")
                set(.fitC, f.c, otherwise: "the transient fit did not reach finite values")
                if subtractFailed { missing([.fitD], offsetReason) } else { set(.fitD, f.d - offset, otherwise: "the transient fit did not reach finite values") }
                set(.fitRSquared, f.rSquared, otherwise: "the recovery is flat (no variance to explain)")
            }
        }
        missing([.fitA, .fitB, .fitC, .fitD, .fitRSquared], peakReason ?? "too few valid samples after the peak to fit the transient")

        let windows = PORHWindows(rest: rf.isFinite ? restWindow : nil, biologicalZero: bz.isFinite ? bzWindow : nil,
                                  peakSearch: peakSearch, plateau: plateau.isFinite ? plateauWindow : nil,
                                  recovery: TimeWindow(startSeconds: tR, endSeconds: recoveryEnd), returnSeconds: returnTime)
        var result = PORHOcclusionResult(index: index, timing: timing, parameters: PORHParameterKey.allCases.map { values[$0]! },
                                         transientFit: fit, windows: windows, diagnostics: notes)
        result.restReference = restReference
        result.recoveryTimesMethod = recovery?.method
        result.recoveryFitRSquared = recovery?.rSquaredBeyondNoise
        return result
    }

    /// Fits the transient to the recovery's block means (`recoveryBlocks`) from sample `first`, times
    /// in seconds from `origin`; with `fixedAsymptote` the end level is held.
    func transientFit(fromSample first: Int, origin: Double, fixedAsymptote: Double? = nil) -> StretchedExponentialFit? {
        guard let blocks = recoveryBlocks(fromSample: first, origin: origin) else { return nil }
        return StretchedExponentialFit.fit(times: blocks.times, values: blocks.means, fixedAsymptote: fixedAsymptote)
    }

    /// Flux block means (at most 4 per second) from sample `first` to the end of the recovery, with
    /// their centre times in seconds from `origin`; nil when the recovery has no samples after `first`.
    func recoveryBlocks(fromSample first: Int, origin: Double) -> (times: [Double], means: [Double])? {
        let block = max(1, Int(rateHz / 4))
        let end = sample(recoveryEnd)
        guard end > first else { return nil }
        let means = MovingMean.blocks(Array(flux[first..<end]), length: block)
        let shift = Double(first) / rateHz - origin
        let times = means.indices.map { k in (Double(k * block) + Double(block - 1) / 2) / rateHz + shift }
        return (times, means)
    }
}
