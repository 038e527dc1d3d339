import Foundation
import LDFCore

/// Turns the parsed cells of a delimited file into a `SampleTable`: converts the time column
/// (chosen by `ColumnRoles`) to seconds, turns marker columns into events, drops index and empty
/// columns, and writes notes for everything that was guessed or repaired.
enum DelimitedTable {
    static func build(_ rows: DelimitedTextReader.ParsedRows, layout: DelimitedLayout, source: String,
                      options: ReadOptions) throws -> SampleTable {
        let rowCount = rows.lineNumbers.count
        guard rowCount > 0 else {
            throw LDFError(source, "no data rows (the file holds only a header)", fix: "export the recording with its samples")
        }
        var notes = layout.notes
        var headers = layout.headers
        let columnCount = headers.count
        let kinds = layout.cellKinds
        let roles = try ColumnRoles.decide(layout: layout, rows: rows, source: source)
        notes += roles.notes
        let isMarker = roles.isMarker, timeIndex = roles.timeIndex, timeUnit = roles.timeUnit, dateIndex = roles.dateIndex

        var times: [Double]?
        var startDate: Date?
        if let t = timeIndex {
            var raw = rows.values[t]
            switch timeUnit {
            case .seconds:
                break
            case .milliseconds, .minutes, .hours:
                let scale = timeUnit.secondsPerUnit
                for i in raw.indices { raw[i] *= scale }
            case .excelSerial:
                let first = raw[0]
                startDate = first.isFinite ? ExcelSerialDate.date(fromSerial: first) : nil
                for i in raw.indices { raw[i] = ExcelSerialDate.seconds(from: first, to: raw[i]) }
                notes.append("time from Excel serial days in column '\(headers[t].name)': (serial - first) * 86400 s")
            case .clock:
                if !rows.clockHasDate[t], let d = dateIndex {
                    // Dates in their own column: day * 86,400 + seconds of the day.
                    let days = rows.values[d]
                    for i in raw.indices { raw[i] += days[i] * 86_400 }
                    notes.append("dates in column '\(headers[d].name)' combined with the clock times in '\(headers[t].name)'")
                }
                let first = raw[0]
                if rows.clockHasDate[t] || dateIndex != nil {
                    if first.isFinite { startDate = Date(timeIntervalSince1970: first) }
                    for i in raw.indices { raw[i] -= first }
                } else {
                    let crossings = unwrapMidnight(&raw)
                    if crossings > 0 { notes.append("clock time crossed midnight \(crossings) time(s); a day was added at each") }
                }
            }
            times = raw
        }

        // Events from marker columns.
        let rate = options.assembly.rateHz
        func time(ofRow row: Int) -> Double {
            if let times { return times[row] }
            return Double(row) / (rate ?? 1)
        }
        var events: [Event] = []
        for c in 0..<columnCount where isMarker[c] {
            for (row, text) in rows.texts[c] {
                let label = text.trimmingCharacters(in: .whitespaces)
                if !label.isEmpty { events.append(Event(timeSeconds: time(ofRow: row), label: label)) }
            }
        }

        // Data columns.
        var columns: [SampleTable.Column] = []
        for c in 0..<columnCount where c != timeIndex && !isMarker[c] {
            if kinds[c] == .date {
                if timeUnit != .clock { notes.append("column '\(headers[c].name)' holds dates without clock times and was not read") }
                continue
            }
            if headers[c].role == .index {
                notes.append("column '\(headers[c].name)' is a sample counter and was not read as data")
                continue
            }
            let values = rows.values[c]
            guard values.contains(where: { $0.isFinite }) else {
                notes.append("column '\(headers[c].name)' is empty and was dropped")
                continue
            }
            if kinds[c] == .number, let firstText = rows.texts[c].first {
                let line = rows.lineNumbers[firstText.row]
                notes.append("column '\(headers[c].name)': \(rows.texts[c].count) text cell(s) read as missing (first at line \(line): '\(firstText.text)')")
            }
            if headers[c].name.isEmpty { headers[c].name = "Column \(c + 1)" }
            columns.append(SampleTable.Column(name: headers[c].name, unit: headers[c].unit, values: values))
        }
        guard !columns.isEmpty else {
            throw LDFError(source, "no numeric data column found (columns: \(headers.map(\.name).joined(separator: ", ")))",
                           fix: "check that the file holds numbers, and its delimiter and decimal separator")
        }
        if rows.shortRows > 0 {
            notes.append("\(rows.shortRows) row(s) had fewer cells than the header (first at line \(rows.firstShortLine)); the missing cells were read as missing values")
        }
        if rows.longRows > 0 {
            notes.append("\(rows.longRows) row(s) had more cells than the header (first at line \(rows.firstLongLine)); the extra cells were ignored")
        }
        if rows.usedFallback && !notes.contains(TextDecoding.fallbackNote) { notes.append(TextDecoding.fallbackNote) }
        notes.insert("delimiter: \(layout.delimiter.name); decimal separator: '\(Character(Unicode.Scalar(layout.decimalSeparator)))'", at: 0)
        return SampleTable(source: source, reader: DelimitedTextReader.kind.rawValue, times: times, columns: columns,
                           lineNumbers: rows.lineNumbers, events: events, startDate: startDate, notes: notes)
    }

    /// Adds a day whenever a clock time without a date falls by more than 12 hours (a midnight
    /// crossing); returns the number of crossings.
    static func unwrapMidnight(_ seconds: inout [Double]) -> Int {
        var offset = 0.0
        var crossings = 0
        var previous = -Double.infinity
        for i in seconds.indices {
            let raw = seconds[i]
            guard raw.isFinite else { continue }
            if raw + offset < previous - 43_200 {
                offset += 86_400
                crossings += 1
            }
            seconds[i] = raw + offset
            previous = seconds[i]
        }
        return crossings
    }
}
