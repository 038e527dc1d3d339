import Foundation
import LDFProtocols

/// The readable report of `ldf heating --format table`: per recording its channel, the onset and
/// maximum step with how they were found, then a line per level (flux, time from the onset, CVC,
/// %CVCmax). Six significant digits.
public enum HeatingText {
    public static func lines(_ r: HeatingResult) -> [String] {
        let n = ReportNumber.precise
        let unit = ReportUnit.flux(r.fluxUnit)
        var lines = ["\(r.source): local heating, \(r.channel) (\(unit)), \(n(r.sampleRateHz)) Hz"]
        lines.append("  onset \(n(r.onset.seconds)) s, by \(r.onset.source.rawValue): \(r.onset.detail)")
        if let m = r.maximumStep {
            lines.append("  maximum step \(n(m.seconds)) s, by \(m.source.rawValue): \(m.detail)")
        } else {
            lines.append("  no maximum step")
        }
        if let t = r.setPointC {
            lines.append("  probe at \(n(t)) °C over the plateau window" + (r.maximumSetPointC.map { ", \(n($0)) °C over the maximum window" } ?? ""))
        }
        lines.append("  response: " + (r.biphasic.map { $0 ? "biphasic (initial peak, then nadir)" : "monophasic (no nadir)" } ?? "not judged"))
        var rows = [["  level", "flux \(unit)", "from onset s", "CVC \(unit)/mmHg", "%CVCmax"]]
        for level in r.levels {
            let time = level.key == .initialPeak ? r.initialPeakTime.value : level.key == .nadir ? r.nadirTime.value : nil
            rows.append(["  " + level.key.rawValue.replacingOccurrences(of: "_", with: " "), level.flux.value.map(n) ?? "–", time.map(n) ?? "",
                         level.cvc.value.map(n) ?? "–", level.key == .maximum ? "" : level.percentCVCMax.value.map(n) ?? "–"])
        }
        lines += TextTable.align(rows)
        for (field, reason) in HeatingRow.reasons(r) { lines.append("  \(field): \(reason)") }
        return lines
    }
}
