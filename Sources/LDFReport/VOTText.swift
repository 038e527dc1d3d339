import LDFPORH
import LDFProtocols

/// The readable report of `ldf vot --format table`: per recording its channel, then per occlusion
/// its timing and a line per read-out with its unit. Six significant digits.
public enum VOTText {
    public static func lines(_ r: VOTResult) -> [String] {
        let n = ReportNumber.precise
        let level = ReportUnit.flux(r.unit)
        var lines = ["\(r.source): vascular occlusion test, \(r.channel) (\(level)), \(n(r.sampleRateHz)) Hz, \(r.occlusions.count) occlusion(s)"]
        for o in r.occlusions {
            lines.append("  occlusion \(o.index): \(n(o.timing.startSeconds))-\(n(o.timing.releaseSeconds)) s, "
                         + "by \(VOTOcclusionRow.sourceName(o.timing.source)): \(o.timing.detail)")
            func r2(_ s: VOTSlope) -> String { s.rSquared.map { "r² \(n($0))" } ?? "" }
            let rows: [[String]] = [
                ["    read-out", "value", "unit", ""],
                ["    baseline", value(o.baseline), level, ""],
                ["    desaturation slope", value(o.desaturation.slope), "\(level)/min", r2(o.desaturation)],
                ["    minimum", value(o.minimum), level, o.minimumTime.value.map { "at \(n($0)) s from release" } ?? ""],
                ["    reoxygenation slope", value(o.reoxygenation.slope), "\(level)/s", r2(o.reoxygenation)],
                ["    time to 50 %", value(o.timeTo50), "s", ""],
                ["    time to 95 %", value(o.timeTo95), "s", ""],
                ["    time to baseline", value(o.timeToBaseline), "s", ""],
                ["    maximum", value(o.maximum), level, o.maximumTime.value.map { "at \(n($0)) s from release" } ?? ""],
                ["    overshoot", value(o.overshoot), level == "%" ? "% points" : level, ""],
                ["    ischaemic area", value(o.ischaemicArea), "\(level)·s", ""],
                ["    recovery area", value(o.recoveryArea), "\(level)·s", ""],
                ["    recovery time", value(o.recoveryTime), "s", ""],
            ]
            lines += TextTable.align(rows)
            for (field, reason) in VOTOcclusionRow.reasons(o) { lines.append("    \(field): \(reason)") }
        }
        return lines
    }

    static func value(_ m: ProtocolMeasure) -> String { m.value.map(ReportNumber.precise) ?? "–" }
}
