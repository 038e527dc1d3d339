import Foundation
import LDFCore
import LDFPORH

/// Table and CSV layouts of `ldf porh`.
enum PorhText {
    /// CSV columns: one row per occlusion; empty cells for null parameters, whose reasons are in
    /// `null_reasons`.
    static var csvHeader: String {
        (["source", "channel", "occlusion", "start_s", "release_s", "timing_source", "confidence", "rest_reference", "site"]
            + PORHParameterKey.allCases.map(\.rawValue) + ["null_reasons"]).joined(separator: ",")
    }

    static func csvRows(_ result: PORHRecordingResult) -> [String] {
        result.occlusions.map { o in
            let values = o.parameters.map { $0.value.map { "\($0)" } ?? "" }
            let reasons = o.parameters.compactMap { p in p.reason.map { "\(p.key.rawValue): \($0)" } }.joined(separator: "; ")
            return ([quoted(result.source), quoted(result.fluxChannel), "\(o.index)", "\(o.timing.startSeconds)", "\(o.timing.releaseSeconds)",
                     o.timing.source.rawValue, o.timing.confidence.map { "\($0)" } ?? "", o.restReference.rawValue,
                     result.options.site.rawValue] + values + [quoted(reasons)]).joined(separator: ",")
        }
    }

    /// A CSV cell, quoted when it holds a comma, quote or line break.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == ";" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A readable block per recording and occlusion.
    static func table(_ result: PORHRecordingResult) -> String {
        let o = result.options
        var lines = ["\(result.source): \(result.fluxChannel) (\(result.fluxUnit)), \(number(result.sampleRateHz)) Hz, "
                     + "site \(o.site.displayName), rest window \(number(o.restWindowSeconds)) s, "
                     + "BZ window \(number(o.biologicalZeroWindowSeconds)) s, smoothing \(number(o.smoothingSeconds)) s"
                     + (o.subtractBiologicalZero ? ", biological zero subtracted" : "")]
        for occlusion in result.occlusions {
            let t = occlusion.timing
            lines.append("")
            lines.append("occlusion \(occlusion.index): \(number(t.startSeconds))-\(number(t.releaseSeconds)) s "
                         + "(\(number(t.durationSeconds)) s), timed by \(t.source.rawValue): \(t.detail)"
                         + (t.confidence.map { " (confidence \(number($0)))" } ?? ""))
            if occlusion.restReference == .beforeFirstOcclusion {
                lines.append("  rest flux from the rest before the first occlusion (no clean baseline before this one)")
            }
            for p in occlusion.parameters {
                let name = p.key.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                if let v = p.value {
                    lines.append("  \(name) \(number(v)) \(p.key.unit(flux: result.fluxUnit))")
                } else {
                    lines.append("  \(name) -  (\(p.reason ?? ""))")
                }
            }
            if let flowmotion = occlusion.reperfusionFlowmotion {
                lines.append("  reperfusion flowmotion, (flux - fit)/d from \(number(flowmotion.segment.startSeconds)) to "
                             + "\(number(flowmotion.segment.endSeconds)) s (\(flowmotion.report.bandSet.name) bands): amplitude")
                for band in flowmotion.report.bands {
                    let name = band.band.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                    lines.append("    \(name) " + (band.amplitude.map(number) ?? "-  (\(band.reason ?? ""))"))
                }
            } else if let reason = occlusion.reperfusionFlowmotionReason {
                lines.append("  reperfusion flowmotion  -  (\(reason))")
            }
        }
        let summary = result.summary
        if !summary.isEmpty {
            lines.append("")
            lines.append("across \(result.occlusions.count) occlusions: mean, SD, CV")
            for p in summary {
                let name = p.key.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                let unit = p.key.unit(flux: result.fluxUnit)
                if let mean = p.mean, let sd = p.standardDeviation {
                    lines.append("  \(name) \(number(mean)) \(unit), SD \(number(sd)), CV "
                                 + (p.coefficientOfVariationPercent.map { "\(number($0))%" } ?? "-") + " (n = \(p.count))")
                } else {
                    lines.append("  \(name) -  (\(p.reason ?? ""))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Six significant digits.
    static func number(_ x: Double) -> String { String(format: "%.6g", x) }
}

/// Writes `ldf porh --trace` CSV in chunks (a 1000 Hz recording has millions of rows):
/// `source,time_s,flux,smoothed_flux,phase`, missing values as empty cells.
final class PorhTraceWriter {
    private let handle: FileHandle
    private let path: String

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: Data("source,time_s,flux,smoothed_flux,phase\n".utf8)),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw LDFError("--trace \(path)", "cannot create the trace file", fix: "check that the folder exists and is writable")
        }
        self.handle = handle
        handle.seekToEndOfFile()
    }

    func write(_ trace: PORHTrace, source: String) throws {
        let name = PorhText.quoted(source)
        var chunk = ""
        for (i, r) in trace.rows.enumerated() {
            chunk += "\(name),\(r.timeSeconds),\(r.flux.isFinite ? "\(r.flux)" : ""),"
                + "\(r.smoothedFlux.isFinite ? "\(r.smoothedFlux)" : ""),\(r.phase.rawValue)\n"
            if i % 50_000 == 49_999 || i == trace.rows.count - 1 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
    }

    func close() throws {
        try handle.close()
    }
}
