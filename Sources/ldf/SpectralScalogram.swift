import Foundation
import LDFIO
import LDFReport
import LDFSpectral

/// Writes `ldf spectrum --scalogram PATH`: the decimated scalogram with its cone of influence,
/// as a `ScalogramRecord` for a `.json` path, else as tidy CSV of `ScalogramRow`s.
enum SpectralScalogram {
    /// Writes the scalogram of `channel` to `path` as an `OutputFile` (never over an input in
    /// `inputs`; a device or FIFO is written through; a regular file is replaced only once all is
    /// written).
    static func write(_ scalogram: BandScalogram, source: String, channel: String, unit: String, to path: String, inputs: [String]) throws {
        let file = try OutputFile(path, role: "the scalogram", inputs: inputs)
        if path.lowercased().hasSuffix(".json") {
            try file.write(try ReportJSON.encode(ScalogramRecord(scalogram, source: source, channel: channel, unit: unit)))
        } else {
            try file.write(CSVTable(rows: ScalogramRow.rows(scalogram, channel: channel, fluxUnit: unit)).text)
        }
        try file.commit()
    }
}
