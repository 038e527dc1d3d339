import LDFIO
import LDFPORH
import LDFReport

/// Writes `ldf porh --trace` CSV (`PORHTraceRow`s) a recording at a time. The file is an
/// `OutputFile`: refused when it is one of the inputs, put in place only by `commit()` (a run that
/// fails or is killed leaves any old trace as it was), written through for devices and FIFOs.
final class PorhTraceWriter {
    private let file: OutputFile

    /// Opens `path` for the trace; `inputs` are the recordings of the run (never overwritten).
    init(path: String, inputs: [String]) throws {
        file = try OutputFile(path, role: "the trace", inputs: inputs)
        try file.write(PORHTraceRow.csvHeader)
    }

    /// Appends the trace of one recording's `channel` (in `fluxUnit`).
    func write(_ trace: PORHTrace, source: String, channel: String, fluxUnit: String) throws {
        for start in stride(from: 0, to: trace.rows.count, by: Self.rowsPerChunk) {
            let rows = trace.rows[start..<min(start + Self.rowsPerChunk, trace.rows.count)]
            try file.write(PORHTraceRow.csv(rows, source: source, channel: channel, fluxUnit: fluxUnit))
        }
    }

    /// Rows encoded before each write: about 80 KB of text, below the C allocator's threshold for
    /// fresh pages per allocation (128 KB), so each chunk reuses the memory of the last.
    static let rowsPerChunk = 1_000

    /// Puts the finished trace in place.
    func commit() throws {
        try file.commit()
    }
}
