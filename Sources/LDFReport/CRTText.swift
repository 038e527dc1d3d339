import Foundation
import LDFProtocols

/// The readable report of `ldf crt --format table`: per recording its channel and time stamps, then
/// a line per press (release and how it was found, fit end, points, CRT ± its 95 % uncertainty,
/// R²) and the reason of every null CRT. Six significant digits.
public enum CRTText {
    public static func lines(_ r: CRTResult) -> [String] {
        let n = ReportNumber.precise
        let stamps = r.irregularTimes ? "the file's own uneven stamps" : "uniform stamps"
        var lines = ["\(r.source): capillary refill, \(r.channel) (\(ReportUnit.flux(r.unit))) \(r.options.refill.rawValue) during refill, "
                     + "\(r.sampleCount) samples at \(stamps) (median interval \(n(r.medianIntervalSeconds)) s)"]
        var rows = [["  press", "release s", "found by", "fit end s", "points", "CRT s", "± 95 % s", "R²"]]
        for p in r.presses {
            rows.append(["  \(p.number)", n(p.release.seconds), p.release.source.rawValue, p.fitEndSeconds.map(n) ?? "–", "\(p.points)",
                         p.crtSeconds.map(n) ?? "–", p.crtUncertaintySeconds.map(n) ?? "–", p.fit.map { n($0.rSquared) } ?? "–"])
        }
        lines += TextTable.align(rows)
        if let mean = r.meanCRTSeconds { lines.append("  mean CRT \(n(mean)) s over \(r.presses.filter { $0.crtSeconds != nil }.count) presses") }
        for p in r.presses { lines.append("  press \(p.number) release: \(p.release.detail)") }
        for p in r.presses { if let reason = p.reason { lines.append("  press \(p.number) crt_s: \(reason)") } }
        return lines
    }
}
