import Foundation
import LDFCore
import LDFIO
import LDFPORH

/// A study manifest: a CSV listing recordings and their metadata (issue 6).
///
/// Required columns: `path` (relative to the manifest's folder, or absolute), `subject`, `group`,
/// `site`, `condition`, `protocol` (`StudyProtocol`: `rest`, `porh`, `epochs`, `heating`,
/// `iontophoresis`, `vot`, `crt`).
/// Optional: `id`, `channel` (a name, number, a list such as `1,3` in quotes, or `all`: each
/// channel is analysed and named in every row),
/// `rate_hz`, `map_mmhg`, `occlusions` ("120-300;900-1080") or `occlusion_start_s` and
/// `occlusion_release_s`, `event_map` (`LABEL=KIND;...` or quoted with commas, as `--event-map`).
/// Any other column is carried through to every output row. Column names are matched
/// case-insensitively. The file is decoded like recordings: UTF-8, or Windows-1252 when it is not
/// valid UTF-8 (so `grün` and `grän` stay two groups).
///
/// A bad row (wrong field count, an empty required value, an unknown protocol, a number that is
/// not one, a missing file, a duplicated id) becomes a `StudyIssue` with its line number and the
/// other rows still run. A missing required column stops the study: no row could be analysed.
public struct StudyManifest: Sendable {
    public static let requiredColumns = ["path", "subject", "group", "site", "condition", "protocol"]
    public static let optionalColumns = ["id", "channel", "rate_hz", "map_mmhg", "occlusions", "occlusion_start_s", "occlusion_release_s",
                                         "event_map"]

    /// The manifest file.
    public var path: String
    /// Rows that can be analysed, in manifest order.
    public var entries: [ManifestEntry]
    /// Rows that cannot, with the reason.
    public var issues: [StudyIssue]
    /// Names of the extra columns, in manifest order.
    public var extraColumns: [String]

    /// Reads and checks the manifest at `path`.
    /// - Throws: `LDFError` when the file cannot be read, is empty, or lacks a required column.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LDFError(path, "cannot read the manifest", fix: "check the path; the manifest is a CSV with a header row")
        }
        let text = TextDecoding.decode([UInt8](data)).text
        try self.init(text: text, path: path, folder: url.deletingLastPathComponent())
    }

    /// Parses manifest `text`; relative recording paths resolve against `folder`.
    public init(text: String, path: String, folder: URL, checkFiles: Bool = true) throws {
        let parsed = CSVRecords.parse(text, source: path)
        let records = parsed.records
        if parsed.unclosedQuotes.first == 1 {
            throw LDFError("\(path) line 1", "the header's quoted field is never closed",
                           fix: "close the field with a double quote; write a quote inside a field as two quotes")
        }
        guard let header = records.first else {
            throw LDFError(path, "the manifest is empty", fix: "write a header row: \(Self.requiredColumns.joined(separator: ","))")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let lower = names.map { $0.lowercased() }
        let missing = Self.requiredColumns.filter { !lower.contains($0) }
        guard missing.isEmpty else {
            throw LDFError("\(path) line \(header.line)", "required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) missing "
                           + "(header: \(names.joined(separator: ",")))",
                           fix: "add the column\(missing.count > 1 ? "s" : ""); required are \(Self.requiredColumns.joined(separator: ", "))")
        }
        let known = Set(Self.requiredColumns + Self.optionalColumns)
        let extraIndices = lower.indices.filter { !known.contains(lower[$0]) }
        self.path = path
        self.extraColumns = extraIndices.map { names[$0] }
        var entries: [ManifestEntry] = []
        var issues: [StudyIssue] = []
        var firstRowOfId: [String: Int] = [:]
        for record in records.dropFirst() {
            do {
                let entry = try Self.entry(record, columns: lower, extraIndices: extraIndices, folder: folder, checkFiles: checkFiles)
                if let first = firstRowOfId[entry.id] {
                    issues.append(StudyIssue(row: record.line, id: entry.id, path: entry.path, stage: .manifest,
                                             message: "duplicate id '\(entry.id)' (first at line \(first)); the id is "
                                                 + (lower.contains("id") ? "the id column" : "subject/site/condition/protocol")
                                                 + ", so give each recording its own id or fix its metadata"))
                    continue
                }
                firstRowOfId[entry.id] = record.line
                entries.append(entry)
            } catch let error as RowError {
                issues.append(StudyIssue(row: record.line, id: error.id, path: error.path, stage: .manifest, message: error.message))
            }
        }
        for line in parsed.unclosedQuotes {
            issues.append(StudyIssue(row: line, id: "", path: "", stage: .manifest,
                                     message: "a quoted field is never closed (or has text after its closing quote), so this row is left out "
                                         + "(the next line is read as the next row); "
                                         + "close the field with a double quote, and write a quote inside a field as two quotes"))
        }
        self.entries = entries
        self.issues = issues.sorted { $0.row < $1.row }
    }

    /// Why a row cannot be used.
    struct RowError: Error {
        var id: String
        var path: String
        var message: String
    }

    static func entry(_ record: CSVRecords.Record, columns: [String], extraIndices: [Int], folder: URL,
                      checkFiles: Bool) throws -> ManifestEntry {
        let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        func value(_ name: String) -> String? {
            guard let i = columns.firstIndex(of: name), i < fields.count, !fields[i].isEmpty else { return nil }
            return fields[i]
        }
        let path = value("path") ?? ""
        guard fields.count == columns.count else {
            throw RowError(id: "", path: path, message: "\(fields.count) fields but the header has \(columns.count) columns; "
                           + "quote fields that contain commas")
        }
        let emptyRequired = requiredColumns.filter { value($0) == nil }
        func makeId() -> String {
            value("id") ?? [value("subject"), value("site"), value("condition"), value("protocol")].map { $0 ?? "" }.joined(separator: "/")
        }
        guard emptyRequired.isEmpty else {
            throw RowError(id: makeId(), path: path, message: "empty \(emptyRequired.joined(separator: ", ")); every row needs "
                           + requiredColumns.joined(separator: ", "))
        }
        let id = makeId()
        guard let kind = StudyProtocol(rawValue: value("protocol")!.lowercased()) else {
            throw RowError(id: id, path: path, message: "protocol '\(value("protocol")!)' is not one of "
                           + StudyProtocol.allCases.map(\.rawValue).joined(separator: ", "))
        }
        func number(_ name: String, range: ClosedRange<Double>, example: String) throws -> Double? {
            guard let text = value(name) else { return nil }
            guard let x = Double(text), range.contains(x) else {
                throw RowError(id: id, path: path, message: "\(name) '\(text)' is not a number in \(range.lowerBound)-\(range.upperBound); e.g. \(example)")
            }
            return x
        }
        let rate = try number("rate_hz", range: 0.1...100_000, example: "32")
        let map = try number("map_mmhg", range: 1...299, example: "93")
        var occlusions: [OcclusionInterval] = []
        do {
            if let list = value("occlusions") {
                occlusions = try list.split(separator: ";").map { try OcclusionInterval(parsing: String($0)) }
            }
            let start = try number("occlusion_start_s", range: -1e7...1e7, example: "120")
            let release = try number("occlusion_release_s", range: -1e7...1e7, example: "300")
            if start != nil || release != nil {
                guard let start, let release else {
                    throw RowError(id: id, path: path, message: "occlusion_start_s and occlusion_release_s must be given together")
                }
                occlusions.append(OcclusionInterval(startSeconds: start, releaseSeconds: release))
            }
            try OcclusionInterval.validate(occlusions, minimumSeconds: 20)
        } catch let error as LDFError {
            throw RowError(id: id, path: path, message: "occlusions: \(error.message); \(error.fix ?? "")")
        }
        var eventMap: String?
        if let text = value("event_map") {
            do {
                eventMap = try EventMap(parsing: text.replacingOccurrences(of: ";", with: ","), context: "event_map").description
            } catch let error as LDFError {
                throw RowError(id: id, path: path, message: "event_map: \(error.message); \(error.fix ?? "")")
            }
        }
        let resolved = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        if checkFiles {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else {
                throw RowError(id: id, path: path, message: "file not found: \(resolved.path); paths are relative to the manifest's folder")
            }
            guard !isDirectory.boolValue else {
                throw RowError(id: id, path: path, message: "\(resolved.path) is a folder, not a recording; give the path of a file in it")
            }
        }
        return ManifestEntry(row: record.line, id: id, path: path, resolvedPath: resolved.standardizedFileURL.path,
                             subject: value("subject")!, group: value("group")!, site: value("site")!,
                             condition: value("condition")!, protocolKind: kind, channel: value("channel"), rateHz: rate,
                             meanArterialPressureMmHg: map, occlusions: occlusions,
                             extra: extraIndices.map { fields[$0] }, eventMap: eventMap)
    }
}
