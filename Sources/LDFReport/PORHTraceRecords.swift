import LDFPORH

/// A row of `ldf porh --trace PATH` (CSV): a sample on the file's own time axis (s), its raw and
/// smoothed flux in the channel's `flux_unit` (empty where missing) and the PORH phase it falls
/// in (docs/METHODS.md, "PORH"). A 1000 Hz recording has millions of rows, so the trace is
/// written a recording at a time in chunks of rows (`csv(_:source:channel:fluxUnit:)`), never held whole as text.
public struct PORHTraceRow: Codable, Sendable, Equatable, ReportUnits {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var timeS: Double
    @Nullable public var flux: Double?
    @Nullable public var smoothedFlux: Double?
    public var phase: String

    public init(_ row: PORHTrace.Row, source: String, channel: String, fluxUnit: String) {
        self.source = source
        self.channel = channel
        self.fluxUnit = fluxUnit
        timeS = row.timeSeconds
        flux = row.flux
        smoothedFlux = row.smoothedFlux
        phase = row.phase.rawValue
    }

    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        return ["time_s": "s", "flux": flux, "smoothed_flux": flux]
    }

    /// The header line of the trace, with its line break.
    public static var csvHeader: String { CSVWriter.record(ReportColumns.names(of: PORHTraceRow.self)) + "\n" }

    /// The CSV lines (each with its line break, UTF-8) of `rows` of one recording's trace: the
    /// cells `PORHTraceRow` encodes, written straight into bytes (a trace has millions of rows:
    /// the quoted source, channel and unit are made once, not per row).
    public static func csv(_ rows: some Collection<PORHTrace.Row>, source: String, channel: String, fluxUnit: String) -> [UInt8] {
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let lead = Array((CSVWriter.record([source, channel, fluxUnit]) + ",").utf8)
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * (lead.count + 48))
        for row in rows {
            out.append(contentsOf: lead)
            out.append(contentsOf: ReportNumber.exact(row.timeSeconds).utf8)
            out.append(comma)
            out.append(contentsOf: ReportNumber.exact(row.flux).utf8)
            out.append(comma)
            out.append(contentsOf: ReportNumber.exact(row.smoothedFlux).utf8)
            out.append(comma)
            out.append(contentsOf: row.phase.rawValue.utf8)   // plain words: CSVWriter.field leaves them as they are
            out.append(newline)
        }
        return out
    }
}
