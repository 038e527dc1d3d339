import Foundation
import LDFCore

/// A minimal RFC 4180 reader for small text tables such as manifests: comma-separated, fields
/// optionally in double quotes (a doubled quote inside is a quote; quoted fields may hold commas
/// and line breaks), CRLF, LF or CR line ends, a UTF-8 byte-order mark ignored, blank lines skipped; a
/// quoted field never closed fails only its record.
enum CSVRecords {
    /// One record and the 1-based line of the file where it starts.
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    /// Records of a text, and the lines where a quoted field is never closed.
    struct Parsed: Equatable {
        var records: [Record]
        /// 1-based lines of records whose quoted field is never closed: each such record is left
        /// out (it would swallow the rest of the file) and reading goes on at the next line.
        var unclosedQuotes: [Int]
    }

    /// Splits `text` into records; a record with an unclosed quote is reported, not fatal.
    static func parse(_ text: String, source: String) -> Parsed {
        var parsed = Parsed(records: [], unclosedQuotes: [])
        var rest = Substring(text)
        var firstLine = 1
        while true {
            let (records, unclosed) = parseRecords(rest, firstLine: firstLine)
            parsed.records += records
            guard let unclosed else { return parsed }
            parsed.unclosedQuotes.append(unclosed)
            // Go on at the physical line after the one where the broken record starts.
            var breaks = unclosed - firstLine + 1
            var index = rest.startIndex
            while breaks > 0, index < rest.endIndex {
                let c = rest[index]
                if c == "\n" || c == "\r\n" || c == "\r" { breaks -= 1 }
                index = rest.index(after: index)
            }
            rest = rest[index...]
            firstLine = unclosed + 1
        }
    }

    /// Records of `text` (its first line is `firstLine` of the file), up to a record whose quoted
    /// field is never closed (or closed with text right after the quote, the sign of a quote that
    /// swallowed the rows up to the next one): then also that record's line.
    private static func parseRecords(_ text: Substring, firstLine: Int) -> ([Record], unclosedAt: Int?) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = firstLine, recordLine = firstLine
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
        var first = firstLine == 1
        while let c = pending ?? characters.next() {
            pending = nil
            if first { first = false; if c == "\u{FEFF}" { continue } }
            if inQuotes {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else if next == "," || next == "\n" || next == "\r\n" || next == "\r" {
                            inQuotes = false
                            pending = next
                        } else {
                            // Text right after a closing quote: the quote that opened this field
                            // was never closed where it should have been (it swallowed rows).
                            return (records, recordLine)
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
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
        if inQuotes { return (records, recordLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { finishRecord() }
        return (records, nil)
    }

}
