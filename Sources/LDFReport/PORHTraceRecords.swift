import LDFPORH

/// A row of `ldf porh --trace PATH` (CSV): a sample on the file's own time axis (s), its raw and
/// smoothed flux in the channel's `flux_unit` (empty where missing) and the PORH phase it falls
/// in (docs/METHODS.md, "PORH"). A 1000 Hz recording has millions of rows, so the trace is
/// written a recording at a time in chunks of rows (`LineEncoder`), never held whole as text.
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

    /// The CSV lines (each with its line break, UTF-8) of `rows` of one recording's trace.
    public static func csv(_ rows: ArraySlice<PORHTrace.Row>, source: String, channel: String, fluxUnit: String) -> [UInt8] {
        let encoder = LineEncoder(source: source, channel: channel, fluxUnit: fluxUnit)
        return [UInt8](unsafeUninitializedCapacity: rows.count * encoder.longestLine) { buffer, written in
            written = rows.withUnsafeBufferPointer { encoder.encode($0, into: buffer.baseAddress!) }
        }
    }

    /// Writes trace lines of one recording into memory the caller keeps (`ldf porh --trace`
    /// reuses one block for every chunk of rows): the cells `PORHTraceRow` encodes, straight
    /// into bytes. The quoted source, channel and unit are made once, not per row; numbers are
    /// written by `ReportNumber.writeExact`, the bytes of `ReportNumber.exact` without a `String`.
    public struct LineEncoder {
        /// "source,channel,flux_unit," as CSV.
        private let lead: [UInt8]
        /// The most bytes a line takes, line break included.
        public let longestLine: Int

        public init(source: String, channel: String, fluxUnit: String) {
            lead = Array((CSVWriter.record([source, channel, fluxUnit]) + ",").utf8)
            longestLine = lead.count + 3 * (ReportNumber.longestExact + 1) + PORHTraceRow.longestPhase + 1
        }

        /// Writes the lines of `rows` at `out` (room for `rows.count * longestLine` bytes);
        /// returns the bytes written.
        public func encode(_ rows: UnsafeBufferPointer<PORHTrace.Row>, into out: UnsafeMutablePointer<UInt8>) -> Int {
            let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
            return lead.withUnsafeBufferPointer { lead in
                var p = out
                @inline(__always) func cell(_ value: Double) {
                    p += ReportNumber.writeExact(value, to: p)
                    p.pointee = comma
                    p += 1
                }
                for row in rows {
                    p.update(from: lead.baseAddress!, count: lead.count)
                    p += lead.count
                    cell(row.timeSeconds)
                    cell(row.flux)
                    cell(row.smoothedFlux)
                    p += PORHTraceRow.write(row.phase, to: p)
                    p.pointee = newline
                    p += 1
                }
                return p - out
            }
        }
    }

    /// The phase's name (plain words: `CSVWriter.field` leaves them as they are) at `p`; its length.
    @inline(__always)
    static func write(_ phase: PORHPhase, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let name: StaticString = switch phase {
        case .rest: "rest"
        case .occlusion: "occlusion"
        case .reperfusion: "reperfusion"
        case .recovery: "recovery"
        case .unassigned: "unassigned"
        }
        p.update(from: name.utf8Start, count: name.utf8CodeUnitCount)
        return name.utf8CodeUnitCount
    }

    static let longestPhase = PORHPhase.allCases.map(\.rawValue.utf8.count).max()!
}
