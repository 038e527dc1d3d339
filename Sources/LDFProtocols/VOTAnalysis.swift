import LDFCore
import LDFPORH

/// NIRS vascular occlusion test analysis of a recording's analysed channel, a tissue saturation
/// (StO2, TSI, SmO2) in % (docs/METHODS.md §22): times every occlusion (`VOTTiming`), then
/// measures baseline, desaturation and reoxygenation slopes, minimum, reperfusion times, maximum,
/// overshoot, areas and recovery (`VOTMeasurement`). Values that cannot be computed are missing
/// with a reason.
public enum VOTAnalysis {
    /// Analyses `recording`'s analysed channel. Throws `LDFError` for invalid options, a channel
    /// that is not a saturation in % (values outside 0-100), and when no occlusion is found.
    public static func analyze(_ recording: Recording, options: VOTOptions = VOTOptions()) throws -> VOTResult {
        try options.validate()
        let recording = recording.resampledToCommonGrid(for: "the vascular occlusion test")
        var diagnostics = try checkSaturation(recording)
        let search = try VOTTiming.find(in: recording, options: options)
        diagnostics += search.diagnostics
        let measurement = VOTMeasurement(values: recording.perfusion.values, rateHz: recording.sampleRateHz, options: options)
        let timings = search.timings
        var occlusions: [VOTOcclusionResult] = []
        for (k, timing) in timings.enumerated() {
            let previous = k > 0 ? timings[k - 1].releaseSeconds : nil
            let next = k + 1 < timings.count ? timings[k + 1].startSeconds : nil
            occlusions.append(measurement.measure(timing, index: k + 1, previousRelease: previous, nextStart: next)
                .onFileAxis(recording.timeOriginSeconds))
        }
        let channel = recording.perfusion
        return VOTResult(source: recording.provenance.source, channel: channel.name, unit: channel.unit,
                         sampleRateHz: recording.sampleRateHz, timeOriginSeconds: recording.timeOriginSeconds,
                         occlusions: occlusions, options: options, diagnostics: diagnostics)
    }

    /// Refuses a channel with values outside 0-100 % (not a saturation in %), and warns when its
    /// unit is written and is not %.
    static func checkSaturation(_ recording: Recording) throws -> [Diagnostic] {
        let channel = recording.perfusion
        let finite = channel.values.filter(\.isFinite)
        let outside = finite.count { $0 < 0 || $0 > 100 }
        if outside > 0 {
            throw LDFError("\(recording.provenance.source) channel '\(channel.name)'",
                           "is not a tissue saturation in %: \(outside) of \(finite.count) values lie outside 0-100 % "
                           + "(it ranges \(MessageNumber.short(finite.min()!)) to \(MessageNumber.short(finite.max()!)) \(channel.unit))",
                           fix: "pick the StO2/TSI/SmO2 channel with \(parameter: "channel") (channels: "
                           + recording.channels.map { "'\($0.name)'" }.joined(separator: ", ") + ")")
        }
        let unit = channel.unit.trimmingCharacters(in: .whitespaces)
        guard unit.isEmpty || unit == "%" else {
            return [.warning("saturation_unit", "channel '\(channel.name)' is in '\(unit)', not %; read as a saturation in % since its values lie in 0-100")]
        }
        return []
    }
}

extension VOTOcclusionResult {
    /// The result with its file-axis times (timing, windows) moved by `origin`.
    func onFileAxis(_ origin: Double) -> VOTOcclusionResult {
        func moved(_ w: TimeWindow?) -> TimeWindow? { w.map { TimeWindow(startSeconds: $0.startSeconds + origin, endSeconds: $0.endSeconds + origin) } }
        var copy = self
        copy.timing.startSeconds += origin
        copy.timing.releaseSeconds += origin
        copy.baselineWindow = moved(baselineWindow)
        copy.desaturation.window = moved(desaturation.window)
        copy.reoxygenation.window = moved(reoxygenation.window)
        copy.recoveryWindow = moved(recoveryWindow)!
        return copy
    }
}
