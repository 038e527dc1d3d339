import LDFCore
import LDFSpectral

/// PORH analysis of a recording (docs/METHODS.md §7): times every occlusion (`OcclusionDetector`), then
/// measures each one (`OcclusionMeasurement`). Parameters that cannot be computed are null with a
/// reason; nothing is guessed. Times given (`PORHOptions.occlusions`) and returned are on the
/// recording's own axis (`Recording.fileTime`).
public enum PORHAnalysis {
    /// Analyses every occlusion in `recording`. Throws `LDFError` for invalid options, when no
    /// occlusion is found, or when the recording ends during the only occlusion.
    public static func analyze(_ recording: Recording, options: PORHOptions = PORHOptions()) throws -> PORHRecordingResult {
        try analyzed(recording, options: options).result
    }

    /// `analyze` and the annotated trace of the recording, made from the analysis' own filtered
    /// and smoothed flux (not filtered and smoothed a second time).
    public static func analyzeWithTrace(_ recording: Recording, options: PORHOptions = PORHOptions()) throws
        -> (result: PORHRecordingResult, trace: PORHTrace) {
        let (result, analysed, flux, smooth) = try analyzed(recording, options: options)
        return (result, PORHTrace(recording: analysed, flux: flux, smoothedFlux: smooth, result: result))
    }

    /// The analysis with the recording as analysed (common grid, artifact filter), its flux and
    /// the smoothed flux.
    static func analyzed(_ recording: Recording, options: PORHOptions) throws
        -> (result: PORHRecordingResult, recording: Recording, flux: [Double], smooth: [Double]) {
        try options.validate()
        // Cuff pressure or markers stored at another rate are put on the flux grid (and noted).
        let (recording, filterNotes) = try filtered(recording.resampledToCommonGrid(for: "PORH"), options: options)
        let search = try OcclusionDetector.find(in: recording, options: options)
        let flux = recording.perfusion.values
        let smooth = smoothed(flux, rateHz: recording.sampleRateHz, options: options)
        var diagnostics = filterNotes + search.diagnostics
        if !recording.provenance.gaps.isEmpty {
            let missing = recording.provenance.gaps.reduce(0) { $0 + $1.durationSeconds }
            diagnostics.append(.info("gaps", "\(recording.provenance.gaps.count) gaps (\(OcclusionDetector.rounded(missing)) s) "
                                     + "are skipped in every mean and area"))
        }
        var results: [PORHOcclusionResult] = []
        var restFrom: Double? = 0
        var firstRest: (mean: Double, window: TimeWindow)?
        for (k, timing) in search.timings.enumerated() {
            let recoveryEnd = k + 1 < search.timings.count ? search.timings[k + 1].startSeconds : recording.durationSeconds
            let measurement = OcclusionMeasurement(flux: flux, smooth: smooth, rateHz: recording.sampleRateHz, timing: timing,
                                                   restFrom: restFrom, firstRest: firstRest, recoveryEnd: recoveryEnd,
                                                   options: options, timeOrigin: recording.timeOriginSeconds)
            var result = measurement.measure(index: k + 1)
            if k == 0, let rf = result[.restFlux].value, let window = result.windows.rest {
                firstRest = (rf + (options.subtractBiologicalZero ? result[.biologicalZero].value ?? 0 : 0), window)
            }
            let expected = options.expectedOcclusionSeconds
            if abs(timing.durationSeconds - expected) > 0.5 * expected {
                result.diagnostics.append(.info("unusual_occlusion_length",
                                                "occlusion \(k + 1) lasts \(OcclusionDetector.rounded(timing.durationSeconds)) s; "
                                                + "\(expected) s is usual at the \(options.site.displayName) site"))
            }
            if let bands = options.reperfusionBands {
                addReperfusionFlowmotion(to: &result, flux: flux, recording: recording, bands: bands,
                                         rule: options.reperfusionValidity)
            }
            results.append(result)
            restFrom = cleanBaselineStart(after: result, nextStart: recoveryEnd, options: options)
        }
        let result = PORHRecordingResult(source: recording.provenance.source, sampleRateHz: recording.sampleRateHz,
                                         fluxUnit: recording.perfusion.unit, fluxChannel: recording.perfusion.name,
                                         occlusions: results.map { $0.shifted(by: recording.timeOriginSeconds) },
                                         diagnostics: diagnostics, options: options, timeOriginSeconds: recording.timeOriginSeconds)
        return (result, recording, flux, smooth)
    }

    /// Where the next occlusion's rest window may start: the return to rest flux after `result`,
    /// when at least half the rest window (and 10 s) of clean baseline follows it before
    /// `nextStart`; nil otherwise (no clean baseline: the first occlusion's rest is used).
    static func cleanBaselineStart(after result: PORHOcclusionResult, nextStart: Double, options: PORHOptions) -> Double? {
        guard let back = result.windows.returnSeconds else { return nil }
        return nextStart - back >= max(10, options.restWindowSeconds / 2) ? back : nil
    }

    /// Analyses the flowmotion of the reperfusion segment, or says why it cannot.
    static func addReperfusionFlowmotion(to result: inout PORHOcclusionResult, flux: [Double], recording: Recording, bands: BandSet,
                                         rule: BandValidityRule) {
        guard let fit = result.transientFit, let peak = result[.peakTime].value else {
            result.reperfusionFlowmotionReason = "no transient fit: \(result[.fitA].reason ?? "no peak")"
            return
        }
        do {
            let segment = TimeWindow(startSeconds: peak, endSeconds: result.windows.recovery.endSeconds)
            result.reperfusionFlowmotion = try ReperfusionFlowmotion(flux: flux, rateHz: recording.sampleRateHz,
                                                                     source: recording.provenance.source, fit: fit,
                                                                     peakSeconds: peak, segment: segment, bandSet: bands, rule: rule)
        } catch let error as LDFError {
            result.reperfusionFlowmotionReason = error.message
        } catch {
            result.reperfusionFlowmotionReason = "\(error)"
        }
    }

    /// `recording` with its flux passed through the options' artifact filter (unchanged without
    /// one), and a note of how much was replaced.
    static func filtered(_ recording: Recording, options: PORHOptions) throws -> (Recording, [Diagnostic]) {
        guard let hampel = options.artifactFilter else { return (recording, []) }
        let (filtered, note) = try recording.perfusionFiltered(hampel)
        return (filtered, [note])
    }

    /// The flux smoothed with the options' centred moving mean (NaN-aware).
    static func smoothed(_ flux: [Double], rateHz: Double, options: PORHOptions) -> [Double] {
        MovingMean.centred(flux, halfWidth: MovingMean.halfWidth(seconds: options.smoothingSeconds, rateHz: rateHz))
    }
}
