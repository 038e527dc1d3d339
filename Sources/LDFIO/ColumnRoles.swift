import LDFCore

/// What each column of a delimited file is for, decided from its header and its cells: which
/// column is time (and in what unit), which holds dates for a clock column, which hold marker
/// text; every other column is data. One set of rules for files and for line-by-line input.
///
/// Rules, in order: a column whose header names time (`ColumnHeader.role`); else a column of
/// clock times; else the first numeric column, when it strictly increases over all rows and its
/// header names no measurement (flux, temperature, ...), never the only column and never a
/// `sample`/`index` counter. A numeric column named like a date whose first value is an Excel
/// day number (1000 to 2,958,465) is Excel serial time. Text columns, and numeric columns
/// holding only text, are markers. A time-named column holding text is an error.
struct ColumnRoles {
    var timeIndex: Int?
    var timeUnit: ColumnHeader.TimeUnit
    /// A column of dates to combine with a clock time column, if any.
    var dateIndex: Int?
    var isMarker: [Bool]
    var notes: [String]

    static func decide(layout: DelimitedLayout, rows: DelimitedTextReader.ParsedRows, source: String) throws -> ColumnRoles {
        let headers = layout.headers
        let columnCount = headers.count
        let rowCount = rows.lineNumbers.count
        let kinds = layout.cellKinds
        var notes: [String] = []
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
        return ColumnRoles(timeIndex: timeIndex, timeUnit: timeUnit, dateIndex: dateIndex, isMarker: isMarker, notes: notes)
    }

    static func isStrictlyIncreasing(_ values: [Double]) -> Bool {
        guard values.count >= 2, values[0].isFinite else { return false }
        for i in 1..<values.count where !(values[i] > values[i - 1]) { return false }
        return true
    }
}
