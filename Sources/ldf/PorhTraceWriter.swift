import Foundation
import LDFCore
import LDFIO
import LDFPORH
import LDFReport

/// Writes `ldf porh --trace` CSV in chunks (a 1000 Hz recording has millions of rows, too many to
/// encode each as a report row):
/// `source,time_s,flux,smoothed_flux,phase`, missing values as empty cells. The file is an
/// `OutputFile`: refused when it is one of the inputs, put in place only by `commit()` (a run that
/// fails or is killed leaves any old trace as it was), written through for devices and FIFOs.
final class PorhTraceWriter {
    private let file: OutputFile

    /// Opens `path` for the trace; `inputs` are the recordings of the run (never overwritten).
    init(path: String, inputs: [String]) throws {
        file = try OutputFile(path, role: "the trace", inputs: inputs)
        try file.write("source,time_s,flux,smoothed_flux,phase\n")
    }

    func write(_ trace: PORHTrace, source: String) throws {
        let name = CSVWriter.field(source)
        for r in trace.rows {
            try file.write("\(name),\(r.timeSeconds),\(r.flux.isFinite ? "\(r.flux)" : ""),"
                + "\(r.smoothedFlux.isFinite ? "\(r.smoothedFlux)" : ""),\(r.phase.rawValue)\n")
        }
    }

    /// Puts the finished trace in place.
    func commit() throws {
        try file.commit()
    }
}
