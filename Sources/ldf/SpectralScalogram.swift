import Foundation
import LDFCore
import LDFReport
import LDFSpectral

/// Writes `ldf spectrum --scalogram PATH`: the decimated scalogram with its cone of influence.
///
/// `.json`: `{toolkit, source, start_s, unit, time_s: [...], frequency_hz: [...],
/// amplitude: [[row per frequency]], cone: {start_s: [...], end_s: [...]}}` (times from the start of
/// the analysed stretch; null where the cone holds no coefficient).
/// Any other extension: tidy CSV `time_s,frequency_hz,amplitude,in_cone`, one row per time and
/// frequency, for plotting with a pivot.
enum SpectralScalogram {
    static func write(_ scalogram: BandScalogram, source: String, unit: String, to path: String) throws {
        let data: Data
        if path.lowercased().hasSuffix(".json") {
            data = try ReportJSON.encode(ScalogramJSON(scalogram: scalogram, source: source, unit: unit))
        } else {
            data = Data(csv(scalogram).utf8)
        }
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw LDFError(path, "cannot write the scalogram", fix: "check that the folder exists and is writable")
        }
    }

    static func csv(_ s: BandScalogram) -> String {
        var text = "time_s,frequency_hz,amplitude,in_cone\n"
        let grid = s.scalogram
        for (t, time) in grid.timesSeconds.enumerated() {
            for (f, frequency) in grid.frequenciesHz.enumerated() {
                text += "\(time),\(frequency),\(ReportNumber.exact(grid.amplitude[f][t])),"
                text += s.isInsideCone(frequencyIndex: f, timeIndex: t) ? "true\n" : "false\n"
            }
        }
        return text
    }
}

struct ScalogramJSON: Encodable {
    var scalogram: BandScalogram
    var source: String
    var unit: String

    enum Keys: String, CodingKey {
        case toolkit, source, unit, startSeconds = "start_s", times = "time_s", frequencies = "frequency_hz", amplitude, cone
    }
    enum ConeKeys: String, CodingKey { case start = "start_s", end = "end_s" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ToolkitStamp(), forKey: .toolkit)
        try c.encode(source, forKey: .source)
        try c.encode(unit, forKey: .unit)
        try c.encode(scalogram.startSeconds, forKey: .startSeconds)
        try c.encode(scalogram.scalogram.timesSeconds, forKey: .times)
        try c.encode(scalogram.scalogram.frequenciesHz, forKey: .frequencies)
        try c.encode(scalogram.scalogram.amplitude.map { $0.map { jsonNumber($0) } }, forKey: .amplitude)
        var cone = c.nestedContainer(keyedBy: ConeKeys.self, forKey: .cone)
        try cone.encode(scalogram.coneStartSeconds, forKey: .start)
        try cone.encode(scalogram.coneEndSeconds, forKey: .end)
    }
}
