import Foundation
import LDFCore

/// A minimal RFC 4180 reader for small text tables such as manifests: comma-separated, fields
/// optionally in double quotes (a doubled quote inside is a quote; quoted fields may hold commas
/// and line breaks), CRLF or LF line ends, a UTF-8 byte-order mark ignored, blank lines skipped.
enum CSVRecords {
    /// One record and the 1-based line of the file where it starts.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// Splits `text` into records.
    /// - Throws: `LDFError` naming `source` and the line when a quoted field is never closed.
    static func parse(_ text: String, source: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, fieldWasQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func finishRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        var first = true
        while let c = pending ?? characters.next() {
            pending = nil
            if first { first = false; if c == "\u{FEFF}" { continue } }
            if inQuotes {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                finishRecord()
                line += 1
                recordLine = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            throw LDFError("\(source) line \(recordLine)", "a quoted field is never closed",
                           fix: "close the field with a double quote; write a quote inside a field as two quotes")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { finishRecord() }
        return records
    }

}
