import Foundation
import LDFCore

/// Reads PhysioNet WFDB records: the `.hea` header (recognised by its record line and a signal
/// line naming a file and a format) and the signal files beside it, in formats 16, 61, 80 and
/// 212 (other formats are refused by name). Give the `.hea`, the `.dat` or the record name.
///
/// - Each signal becomes a channel named by its description, in its units, at the frame rate
///   times its samples per frame (so a signal with `16x4` is at four times the rate of one with
///   `16`), scaled to physical units as `(digital - baseline) / gain`; invalid samples (WFDB's
///   -32768, -2048, -128) are missing.
/// - Annotation files beside the header (`RECORD.atr`, `.ann`, `.qrs`, ... see
///   `annotationExtensions`) become events, labelled by their mnemonic or aux text.
/// - The base time and date give the start date (local clock time as written, stored as if UTC).
/// - Refused: multi-segment records, standard input (the signal files are separate), missing or
///   truncated signal files.
public enum WFDBReader: TableReader {
    public static let kind = ReaderKind.wfdb

    /// Annotator names read as events when a file `RECORD.<name>` lies beside the header.
    static let annotationExtensions = ["atr", "ann", "qrs", "ecg", "apn", "st", "event", "evt", "marker", "man", "trigger", "alarm"]

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lines = headerLines(String(decoding: bytes.prefix(8192), as: UTF8.self), count: 2).makeIterator()
        guard let record = lines.next()?.split(whereSeparator: \.isWhitespace), record.count >= 2,
              record[0].allSatisfy({ $0.isLetter || $0.isNumber || "_-./".contains($0) }), let signals = Int(record[1]) else { return false }
        if record[0].contains("/") { return Int(record[0].split(separator: "/").last ?? "") != nil }
        guard signals >= 1, record.count < 3 || Double(record[2].split(separator: "/").first ?? "") != nil,
              let first = lines.next()?.split(whereSeparator: \.isWhitespace), first.count >= 2, Double(first[0]) == nil,
              let format = Int(first[1].prefix(while: \.isNumber)) else { return false }
        return WFDBHeader.knownFormats.contains(format)
    }

    /// The first `count` lines of `text` that are neither blank nor `#` comments, trimmed; stops
    /// reading there (recognition runs on every input, so a large CSV is not split whole).
    private static func headerLines(_ text: String, count: Int) -> [String] {
        var found: [String] = []
        text.enumerateLines { line, stop in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { found.append(trimmed) }
            stop = found.count >= count
        }
        return found
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        throw LDFError(source, "a WFDB record keeps its samples in separate signal files, so it cannot be read from standard input",
                       fix: "give the path of the record's .hea file")
    }

    public static func parseTables(_ input: ReaderInput, options: ReadOptions) throws -> [SampleTable] {
        guard let path = input.path else { return [try parse(input.bytes, source: input.source, options: options)] }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let header = try WFDBHeader.parse(String(decoding: input.bytes, as: UTF8.self), source: input.source)
        try refuseSegments(header, source: input.source)
        var files: [String: [UInt8]] = [:]
        for name in Set(header.signals.map(\.fileName)) where name != "~" {
            let file = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: file) { files[name] = try RecordingReader.loadBytes(path: file) }
        }
        var annotations: [String: [UInt8]] = [:]
        for ext in annotationExtensions {
            let file = folder.appendingPathComponent("\(header.name).\(ext)").path
            if FileManager.default.fileExists(atPath: file) { annotations[ext] = try RecordingReader.loadBytes(path: file) }
        }
        return [try decode(header, signalFiles: files, annotationFiles: annotations, source: input.source)]
    }

    /// The record as a table from the header's text and the bytes of its files by name (pure:
    /// no file access; the fuzz target drives it).
    public static func decode(headerText: String, signalFiles: [String: [UInt8]], annotationFiles: [String: [UInt8]],
                              source: String) throws -> SampleTable {
        try decode(try WFDBHeader.parse(headerText, source: source), signalFiles: signalFiles, annotationFiles: annotationFiles, source: source)
    }

    /// The record as a table, from its parsed header and the bytes of its files.
    static func decode(_ header: WFDBHeader, signalFiles: [String: [UInt8]], annotationFiles: [String: [UInt8]],
                       source: String) throws -> SampleTable {
        try refuseSegments(header, source: source)
        guard !header.signals.isEmpty else {
            throw LDFError(source, "the WFDB record has no signals (an annotation-only record)", fix: "give a record with signals")
        }
        var notes = ["WFDB record '\(header.name)', \(header.signals.count) signal(s), \(Recording.hertz(header.frameRateHz)) frames/s"]
        let decoded = try WFDBSignalDecoding.decode(header, files: signalFiles, source: source, notes: &notes)
        guard !decoded.isEmpty else {
            throw LDFError(source, "no signal of the record has a signal file", fix: "give a record with signals")
        }
        let columns = decoded.map { column in
            SampleTable.Column(name: column.signal.description, unit: column.signal.units, values: column.values,
                               sampleRateHz: header.frameRateHz * Double(column.signal.samplesPerFrame))
        }
        var events: [Event] = []
        for ext in annotationExtensions {
            guard let bytes = annotationFiles[ext] else { continue }
            do {
                let list = try WFDBAnnotations.parse(bytes, source: "\(source) (.\(ext))")
                events += list.map { Event(timeSeconds: Double($0.sample) / header.frameRateHz, label: $0.label) }
                notes.append("\(list.count) annotation(s) from \(header.name).\(ext)")
            } catch let error as LDFError {
                notes.append("annotations in \(header.name).\(ext) not read: \(error.message)")
            }
        }
        var table = SampleTable(source: source, reader: kind.rawValue, times: nil, columns: columns, events: events,
                                startDate: header.startDate, declaredRateHz: header.frameRateHz, notes: notes)
        table.metadata = header.comments.filter { !$0.isEmpty }.map { MetadataEntry(key: "comment", value: $0) }
        if let time = header.baseTime, header.startDate == nil { table.metadata.append(MetadataEntry(key: "base time", value: time)) }
        return table
    }

    static func refuseSegments(_ header: WFDBHeader, source: String) throws {
        if let segments = header.segments {
            throw LDFError(source, "'\(header.name)' is a multi-segment WFDB record (\(segments) segments), which the toolkit does not read",
                           fix: "read each segment's own .hea file, or join the segments with WFDB's xform into one record")
        }
    }

    /// The header to read for `path`: `path` itself when it exists and is not a signal file;
    /// `RECORD.hea` for `RECORD.dat` (or any file with a `.hea` of the same name beside it) and
    /// for a record name given without extension. Nil when `path` should be read as given.
    public static func headerPath(for path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        if url.pathExtension.lowercased() == "hea" { return nil }
        if !manager.fileExists(atPath: path) {
            let withExtension = path + ".hea"
            return manager.fileExists(atPath: withExtension) ? withExtension : nil
        }
        guard url.pathExtension.lowercased() == "dat" else { return nil }
        let sibling = url.deletingPathExtension().appendingPathExtension("hea").path
        return manager.fileExists(atPath: sibling) ? sibling : nil
    }
}
