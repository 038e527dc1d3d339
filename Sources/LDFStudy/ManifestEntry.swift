import Foundation
import LDFCore
import LDFPORH

/// One analysable row of a study manifest.
///
/// The id that must be unique within a manifest is the `id` column when the manifest has one,
/// else `subject/site/condition/protocol` (so one subject may appear once per site, condition
/// and protocol).
public struct ManifestEntry: Sendable, Codable, Equatable {
    /// 1-based line of the manifest where the row starts (the header is line 1).
    public var row: Int
    public var id: String
    /// The path as written in the manifest.
    public var path: String
    /// The path resolved against the manifest's folder.
    public var resolvedPath: String
    public var subject: String
    public var group: String
    /// Measurement site as written (e.g. "forearm"); PORH defaults follow `tissueSite`.
    public var site: String
    public var condition: String
    public var protocolKind: StudyProtocol
    /// Perfusion channel by name or 1-based number (`channel` column); nil for the reader's choice.
    public var channel: String?
    /// Sample rate in Hz for files without a time column (`rate_hz` column).
    public var rateHz: Double?
    /// Mean arterial pressure in mmHg for CVC (`map_mmhg` column).
    public var meanArterialPressureMmHg: Double?
    /// Occlusions given in the manifest (`occlusions` "START-END;START-END", or
    /// `occlusion_start_s` with `occlusion_release_s`), on the file's own time axis; empty
    /// lets the PORH analysis time them from events, cuff pressure or the flux.
    public var occlusions: [OcclusionInterval]
    /// Values of the manifest's extra columns (`StudyManifest.extraColumns` order).
    public var extra: [String]
    /// The row's event vocabulary (`event_map` column, as `EventMap.description` writes it).
    public var eventMap: String?

    public init(row: Int, id: String, path: String, resolvedPath: String, subject: String, group: String, site: String,
                condition: String, protocolKind: StudyProtocol, channel: String? = nil, rateHz: Double? = nil,
                meanArterialPressureMmHg: Double? = nil, occlusions: [OcclusionInterval] = [], extra: [String] = [],
                eventMap: String? = nil) {
        self.row = row
        self.id = id
        self.path = path
        self.resolvedPath = resolvedPath
        self.subject = subject
        self.group = group
        self.site = site
        self.condition = condition
        self.protocolKind = protocolKind
        self.channel = channel
        self.rateHz = rateHz
        self.meanArterialPressureMmHg = meanArterialPressureMmHg
        self.occlusions = occlusions
        self.extra = extra
        self.eventMap = eventMap
    }

    /// The toolkit's site for this row's `site` text ("finger pad", "Finger-Pad" and
    /// "finger_pad" all match `fingerPad`); `.other` when none matches.
    public var tissueSite: TissueSite {
        let key = site.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        return TissueSite(rawValue: key) ?? .other
    }
}

/// A problem with one manifest row or one recording, as a row of `errors.csv`.
public struct StudyIssue: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }
    /// Where it arose.
    public enum Stage: String, Sendable, Codable {
        /// The manifest row itself (missing value, duplicate id, missing file).
        case manifest
        /// Reading the recording.
        case read
        case bands
        case porh
        case epochs
        case heating
        case iontophoresis
        case vot
        case crt
        /// The study as a whole (mixed sample rates, empty groups, missing shards).
        case study
    }
    /// Manifest line of the row (0 for issues of the whole study).
    public var row: Int
    public var id: String
    public var path: String
    public var severity: Severity
    public var stage: Stage
    public var message: String

    public init(row: Int, id: String = "", path: String = "", severity: Severity = .error, stage: Stage, message: String) {
        self.row = row
        self.id = id
        self.path = path
        self.severity = severity
        self.stage = stage
        self.message = message
    }

    public var description: String {
        (row > 0 ? "manifest line \(row)" : "study") + (id.isEmpty ? "" : " (\(id))") + ": \(severity.rawValue): \(message)"
    }
}
