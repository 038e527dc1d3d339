import LDFPORH

/// The readable report of `ldf porh --format table`: per recording a title line with its
/// channel, unit, rate and windows, then per occlusion its timing and one line per parameter
/// with the parameter's unit, and the summary across occlusions. Six significant digits.
public enum PORHRecordingText {
    /// The lines of one recording.
    public static func lines(_ result: PORHRecordingResult) -> [String] {
        let n = ReportNumber.precise
        let o = result.options
        var lines = ["\(result.source): \(result.fluxChannel) (\(result.fluxUnit)), \(n(result.sampleRateHz)) Hz, "
                     + "site \(o.site.displayName), rest window \(n(o.restWindowSeconds)) s, "
                     + "BZ window \(n(o.biologicalZeroWindowSeconds)) s, smoothing \(n(o.smoothingSeconds)) s"
                     + (o.subtractBiologicalZero ? ", biological zero subtracted" : "")]
        for occlusion in result.occlusions { lines += [""] + occlusionLines(occlusion, fluxUnit: result.fluxUnit) }
        if !result.summary.isEmpty {
            lines += ["", "across \(result.occlusions.count) occlusions: mean, SD, CV"]
            lines += result.summary.map { summaryLine($0, fluxUnit: result.fluxUnit) }
        }
        return lines
    }

    static func occlusionLines(_ occlusion: PORHOcclusionResult, fluxUnit: String) -> [String] {
        let n = ReportNumber.precise
        let t = occlusion.timing
        var lines = ["occlusion \(occlusion.index): \(n(t.startSeconds))-\(n(t.releaseSeconds)) s "
                     + "(\(n(t.durationSeconds)) s), timed by \(t.source.rawValue): \(t.detail)"
                     + (t.confidence.map { " (confidence \(n($0)))" } ?? "")]
        if occlusion.restReference == .beforeFirstOcclusion {
            lines.append("  rest flux from the rest before the first occlusion (no clean baseline before this one)")
        }
        for p in occlusion.parameters {
            let unit = p.key.unit(flux: fluxUnit)
            lines.append("  \(name(p.key)) " + (p.value.map { n($0) + (unit.isEmpty ? "" : " " + unit) } ?? "-  (\(p.reason ?? ""))"))
        }
        if let method = occlusion.recoveryTimesMethod {
            lines.append("  \(name("recovery_times_method")) \(method.rawValue)"
                         + (occlusion.recoveryFitRSquared.map { " (recovery fit R² beyond noise \(n($0)), \(method == .fit ? "at least" : "below") "
                                                             + "\(n(RecoveryTimesMethod.minimumFitRSquared)))" } ?? " (no recovery fit)"))
        }
        if let flowmotion = occlusion.reperfusionFlowmotion {
            lines.append("  reperfusion flowmotion, (flux - fit)/d from \(n(flowmotion.segment.startSeconds)) to "
                         + "\(n(flowmotion.segment.endSeconds)) s (\(flowmotion.report.bandSet.name) bands): amplitude (dimensionless)")
            for band in flowmotion.report.bands {
                lines.append("    \(band.band.name.padded(26)) " + (band.amplitude.map(n) ?? "-  (\(band.reason ?? ""))"))
            }
        } else if let reason = occlusion.reperfusionFlowmotionReason {
            lines.append("  reperfusion flowmotion  -  (\(reason))")
        }
        return lines
    }

    static func summaryLine(_ s: PORHParameterSummary, fluxUnit: String) -> String {
        let n = ReportNumber.precise
        guard let mean = s.mean, let sd = s.standardDeviation else { return "  \(name(s.key)) -  (\(s.reason ?? ""))" }
        let unit = s.key.unit(flux: fluxUnit)
        return "  \(name(s.key)) \(n(mean))\(unit.isEmpty ? "" : " " + unit), SD \(n(sd)), CV "
            + (s.coefficientOfVariationPercent.map { "\(n($0))%" } ?? "-") + " (n = \(s.count))"
    }

    static func name(_ key: PORHParameterKey) -> String { name(key.rawValue) }
    static func name(_ field: String) -> String { field.padded(22) }
}

extension String {
    /// Padded on the right with spaces to `width` characters.
    fileprivate func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
