import LDFPORH
import LDFStream

/// The `type` of a JSON Lines record, for records that add it to a shared model with `Merged`.
public struct StreamRecordType: Codable, Sendable, Equatable {
    public var type: String
    public init(_ type: String) { self.type = type }
}

/// A `porh_interim` record of `ldf stream --porh`: an occlusion released, its peak so far.
/// Times in s on the stream's axis, the peak in the channel's `flux_unit`.
public struct StreamPORHInterimRecord: Codable, Sendable, Equatable, ReportUnits {
    public var type = "porh_interim"
    public var channel: String
    public var fluxUnit: String
    public var startS: Double
    public var releaseS: Double
    public var timingSource: String
    public var peakSoFar: Double
    public var peakTimeS: Double
    public var secondsSinceRelease: Double
    public var units: [String: String]

    public static func units(fluxUnit: String) -> [String: String] {
        ["start_s": "s", "release_s": "s", "peak_so_far": ReportUnit.flux(fluxUnit), "peak_time_s": "s", "seconds_since_release": "s"]
    }
}

/// A `porh_failed` record of `ldf stream --porh`: an occlusion that could not be measured.
public struct StreamPORHFailedRecord: Codable, Sendable, Equatable {
    public var type = "porh_failed"
    public var channel: String
    public var fluxUnit: String
    public var startS: Double
    public var releaseS: Double
    public var timingSource: String
    public var reason: String
}

/// The `porh` record of `ldf stream --porh`: `type` and the fields of an occlusion of `ldf porh
/// --format json`.
public typealias StreamPORHRecord = Merged<StreamRecordType, PORHOcclusionRecord>

/// The JSON Lines record of a PORH update of `channel` (unit `fluxUnit`).
public enum StreamPORHLine {
    public static func json(_ update: OnlinePORH.Update, channel: String, fluxUnit: String) throws -> String {
        switch update {
        case .interim(let timing, let peak, let peakTime, let since):
            return try ReportJSON.line(StreamPORHInterimRecord(
                channel: channel, fluxUnit: fluxUnit, startS: timing.startSeconds, releaseS: timing.releaseSeconds,
                timingSource: timing.source.rawValue, peakSoFar: peak, peakTimeS: peakTime, secondsSinceRelease: since,
                units: StreamPORHInterimRecord.units(fluxUnit: fluxUnit)))
        case .final(let occlusion, let unit):
            return try ReportJSON.line(StreamPORHRecord(StreamRecordType("porh"), PORHOcclusionRecord(occlusion, channel: channel, fluxUnit: unit)))
        case .failed(let timing, let reason):
            return try ReportJSON.line(StreamPORHFailedRecord(channel: channel, fluxUnit: fluxUnit, startS: timing.startSeconds, releaseS: timing.releaseSeconds,
                                                              timingSource: timing.source.rawValue, reason: reason))
        }
    }

    /// The one-line text of a PORH update (for a terminal: `ldf stream --format text`, or standard
    /// error beside CSV): times in s, fluxes in `fluxUnit`, six significant digits.
    public static func text(_ update: OnlinePORH.Update, fluxUnit: String) -> String {
        let p = ReportNumber.precise, unit = fluxUnit.isEmpty ? "" : " " + fluxUnit
        func span(_ t: OcclusionTiming) -> String { "PORH: occlusion \(p(t.startSeconds))-\(p(t.releaseSeconds)) s" }
        switch update {
        case .interim(let timing, let peak, let peakTime, _):
            return "\(span(timing)), peak so far \(p(peak))\(unit) at \(p(peakTime)) s"
        case .final(let o, let unit):
            let flux = unit.isEmpty ? "" : " " + unit
            return "\(span(o.timing)) (\(o.timing.source.rawValue)): rest \(p(o[.restFlux].value))\(flux), peak \(p(o[.peakFlux].value))\(flux)"
        case .failed(let timing, let reason):
            return "\(span(timing)) not measured: \(reason)"
        }
    }
}
