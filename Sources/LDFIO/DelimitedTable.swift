import Foundation
import LDFCore

/// Turns the parsed cells of a delimited file into a `SampleTable`: picks the time column and
/// converts it to seconds, turns marker columns into events, drops index and empty columns, and
/// writes notes for everything that was guessed or repaired.
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
        var isMarker = (0..<columnCount).map { kinds[$0] == .text }
        // A column named as time must hold times, not text.
        for c in 0..<columnCount where isMarker[c] && kinds[c] == .text && headers[c].role != .marker {
            if case .time = headers[c].role, let first = rows.texts[c].first {
                throw LDFError("\(source) line \(rows.lineNumbers[first.row])",
                               "the time column '\(headers[c].name)' holds '\(first.text)', which is not a number or a clock time",
                               fix: "write times as seconds, milliseconds, hh:mm:ss(.fff) or Excel day numbers")
            }
        }
        // A numeric column with no numbers but some text is a marker column.
        for c in 0..<columnCount where !isMarker[c] && kinds[c] == .number && !rows.texts[c].isEmpty {
            if !rows.values[c].contains(where: { $0.isFinite }) { isMarker[c] = true }
        }

        // Time column.
        var timeIndex: Int?
        var timeUnit = ColumnHeader.TimeUnit.seconds
        let dateIndex = (0..<columnCount).first { kinds[$0] == .date }
        for c in 0..<columnCount where !isMarker[c] && kinds[c] != .date {
            if case .time(let unit) = headers[c].role {
                timeIndex = c
                timeUnit = kinds[c] == .clock ? .clock : unit
                break
            }
        }
        if timeIndex == nil, let c = (0..<columnCount).first(where: { !isMarker[$0] && kinds[$0] == .clock }) {
            timeIndex = c
            timeUnit = .clock
        }
        // Else the first numeric column, when it strictly increases and its header does not name a
        // measurement (flux, temperature, ...), is time in seconds (never the only column).
        if timeIndex == nil && columnCount >= 2 {
            for c in 0..<columnCount where !isMarker[c] && kinds[c] == .number && headers[c].role != .index {
                guard !layout.hasHeader || ChannelKind.guess(name: headers[c].name, unit: headers[c].unit) == .other else { break }
                if rowCount >= 3 && isStrictlyIncreasing(rows.values[c]) {
                    timeIndex = c
                    notes.append("column '\(headers[c].name)' taken as time in seconds (its values strictly increase)")
                }
                break
            }
        }
        // A numeric "date" column holding day numbers is Excel serial time.
        if let t = timeIndex, timeUnit == .seconds, headers[t].name.lowercased().contains("date"),
           let first = rows.values[t].first, first > 1000 && first < 2_958_466 {
            timeUnit = .excelSerial
        }

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

    static func isStrictlyIncreasing(_ values: [Double]) -> Bool {
        guard values.count >= 2, values[0].isFinite else { return false }
        for i in 1..<values.count where !(values[i] > values[i - 1]) { return false }
        return true
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
