import Foundation
import LDFCore
import LDFReport
import LDFPORH
import LDFSpectral
import LDFStream

// The text lines of `ldf stream --porh`; its JSON Lines records (header, window, porh_interim,
// porh, end) and CSV rows are in LDFReport.

/// The one-line text of a PORH update of `ldf stream --porh` (standard error for CSV output,
/// standard output for text); the JSON Lines record is `StreamPORHLine`.
struct StreamPORHText {
    var update: OnlinePORH.Update
    init(_ update: OnlinePORH.Update) { self.update = update }

    /// One line for standard error when the output is CSV.
    var summary: String {
        switch update {
        case .interim(let timing, let peak, let peakTime, _):
            return "PORH: occlusion \(timing.startSeconds)-\(timing.releaseSeconds) s, peak so far \(peak) at \(peakTime) s"
        case .final(let o, _):
            let pf = o[.peakFlux].value.map { String($0) } ?? "null"
            let rf = o[.restFlux].value.map { String($0) } ?? "null"
            return "PORH: occlusion \(o.timing.startSeconds)-\(o.timing.releaseSeconds) s (\(o.timing.source.rawValue)): rest \(rf), peak \(pf)"
        case .failed(let timing, let reason):
            return "PORH: occlusion \(timing.startSeconds)-\(timing.releaseSeconds) s not measured: \(reason)"
        }
    }
}
