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

    /// Appends the trace of one recording's `channel` (in `fluxUnit`): a chunk of rows at a time
    /// made into one reused array, encoded into one block of memory and written from there.
    func write(_ trace: PORHTrace, source: String, channel: String, fluxUnit: String) throws {
        let encoder = PORHTraceRow.LineEncoder(source: source, channel: channel, fluxUnit: fluxUnit)
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.rowsPerChunk * encoder.longestLine)
        defer { block.deallocate() }
        var rows: [PORHTrace.Row] = []
        rows.reserveCapacity(Self.rowsPerChunk)
        for start in stride(from: 0, to: trace.count, by: Self.rowsPerChunk) {
            rows.removeAll(keepingCapacity: true)
            trace.appendRows(start..<min(start + Self.rowsPerChunk, trace.count), to: &rows)
            let count = rows.withUnsafeBufferPointer { encoder.encode($0, into: block) }
            try file.write(UnsafeRawBufferPointer(start: block, count: count))
        }
    }

    /// Rows encoded before each write: about 350 KB of text, one system call.
    static let rowsPerChunk = 4_096

    /// Puts the finished trace in place.
    func commit() throws {
        try file.commit()
    }
}
