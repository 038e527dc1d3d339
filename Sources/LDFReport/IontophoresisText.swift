import Foundation
import LDFProtocols

/// The readable report of `ldf iontophoresis --format table`: per channel its drug, pulses and
/// rest, a line per dose (levels, times from the pulse start, areas), then per file the
/// dose–response table with the vehicle beside each drug. Six significant digits; "–" for a
/// missing value, whose reason follows the table.
public enum IontophoresisText {
    public static func lines(_ file: IontophoresisFileResult) -> [String] {
        var lines: [String] = []
        for r in file.channels { lines += channelLines(r) + [""] }
        return lines + tableLines(file)
    }

    static func channelLines(_ r: IontophoresisResult) -> [String] {
        let n = ReportNumber.precise
        let unit = ReportUnit.flux(r.fluxUnit)
        var lines = ["\(r.source): iontophoresis, \(r.channel) (\(unit)), \(n(r.sampleRateHz)) Hz, drug \(r.drug.rawValue) (\(r.drugSource.rawValue))"]
        lines.append("  \(r.schedule.doses.count) pulses from \(r.schedule.source); rest \(r.rest.value.map(n) ?? "–") \(unit) (SD \(r.restSD.value.map(n) ?? "–")) "
                     + "over \(n(r.restWindow.startSeconds))-\(n(r.restWindow.endSeconds)) s")
        func cell(_ m: ProtocolMeasure) -> String { m.value.map(n) ?? "–" }
        var rows = [["  dose", "pulse s", "charge mC", "plateau", "change", "change %", "maximum", "at s", "response s", "half-rise s",
                     "recovery s", "delivery \(unit)·s", "interval \(unit)·s"]]
        for d in r.doses {
            rows.append(["  \(d.index)", "\(n(d.dose.startSeconds))-\(n(d.dose.stopSeconds))", d.dose.chargeMillicoulombs.map(n) ?? "–", cell(d.plateau),
                         cell(d.change), cell(d.percentChange), cell(d.maximum), cell(d.maximumTime), cell(d.responseTime), cell(d.halfRiseTime),
                         cell(d.recoveryTime), cell(d.deliveryArea), cell(d.intervalArea)])
        }
        lines += TextTable.align(rows)
        return lines + reasonLines(r)
    }

    /// One line per missing field and reason, naming every dose it applies to ("doses 1-4"), so a
    /// reason shared by all doses is said once.
    static func reasonLines(_ r: IontophoresisResult) -> [String] {
        var groups: [(field: String, reason: String, doses: [Int])] = []
        for d in r.doses {
            for (field, reason) in IontophoresisDoseRow.reasons(r, d, entry: nil) {
                if let i = groups.firstIndex(where: { $0.field == field && $0.reason == reason }) { groups[i].doses.append(d.index) }
                else { groups.append((field, reason, [d.index])) }
            }
        }
        return groups.map { "  \(doseLabel($0.doses)) \($0.field): \($0.reason)" }
    }

    /// "dose 3", "doses 1-4" for a consecutive run, "doses 1, 3, 5" otherwise.
    static func doseLabel(_ doses: [Int]) -> String {
        guard let first = doses.first, let last = doses.last, doses.count > 1 else { return "dose \(doses.first ?? 0)" }
        let consecutive = doses == Array(first...last)
        return "doses " + (consecutive ? "\(first)-\(last)" : doses.map(String.init).joined(separator: ", "))
    }

    static func tableLines(_ file: IontophoresisFileResult) -> [String] {
        let n = ReportNumber.precise
        guard let source = file.channels.first?.source else { return [] }
        let unit = ReportUnit.flux(file.channels[0].fluxUnit)
        var lines = ["\(source): dose-response (changes from each channel's rest, \(unit); the vehicle beside each drug)"]
        var rows = [["  drug", "channel", "dose", "cumulative mC", "plateau", "change", "change %", "vehicle change", "vehicle %", "net change"]]
        func cell(_ m: ProtocolMeasure) -> String { m.value.map(n) ?? "–" }
        for e in file.table.entries {
            let vehicle = e.drug == .vehicle
            rows.append(["  \(e.drug.rawValue)", e.channel, "\(e.dose)", e.cumulativeCharge.map(n) ?? "–", cell(e.plateau), cell(e.change),
                         cell(e.percentChange), vehicle ? "" : cell(e.vehicleChange), vehicle ? "" : cell(e.vehiclePercentChange), vehicle ? "" : cell(e.netChange)])
        }
        lines += TextTable.align(rows)
        if let e = file.table.entries.first(where: { $0.drug != .vehicle }), let reason = e.vehicleChange.reason { lines.append("  vehicle: \(reason)") }
        for d in file.table.diagnostics { lines.append("  \(d.message)") }
        return lines
    }
}
