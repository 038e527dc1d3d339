import LDFCore

/// The role of every column of a delimited layout, decided from the header and the first data
/// rows: which column is time (and in what unit), which hold marker text, which are data.
///
/// Rules (the same for files and for `ldf stream`): a column whose header names time; else a
/// column of clock times; else, without a header, a leading numeric column that strictly
/// increases over the inspected rows (never the only column). A numeric column named like a date
/// whose first value is an Excel day number (1000 to 2,958,465) is Excel serial time. Text
/// columns, and numeric columns holding only text, are markers.
struct ColumnPlan {
    var timeIndex: Int?
    var timeUnit: ColumnHeader.TimeUnit
    var isMarker: [Bool]
    var notes: [String]

    static func decide(layout: DelimitedLayout, rows: DelimitedTextReader.ParsedRows) -> ColumnPlan {
        let headers = layout.headers
        let columnCount = headers.count
        let rowCount = rows.lineNumbers.count
        var notes: [String] = []
        var isMarker = (0..<columnCount).map { layout.cellKinds[$0] == .text }
        for c in 0..<columnCount where !isMarker[c] && layout.cellKinds[c] == .number && !rows.texts[c].isEmpty {
            if !rows.values[c].contains(where: { $0.isFinite }) { isMarker[c] = true }
        }
        var timeIndex: Int?
        var timeUnit = ColumnHeader.TimeUnit.seconds
        for c in 0..<columnCount where !isMarker[c] {
            if case .time(let unit) = headers[c].role {
                timeIndex = c
                timeUnit = layout.cellKinds[c] == .clock ? .clock : unit
                break
            }
        }
        if timeIndex == nil, let c = (0..<columnCount).first(where: { !isMarker[$0] && layout.cellKinds[$0] == .clock }) {
            timeIndex = c
            timeUnit = .clock
        }
        if timeIndex == nil && !layout.hasHeader && columnCount >= 2 {
            for c in 0..<columnCount where !isMarker[c] && layout.cellKinds[c] == .number {
                if rowCount >= 3 && isStrictlyIncreasing(rows.values[c]) {
                    timeIndex = c
                    notes.append("column '\(headers[c].name)' taken as time in seconds (its values strictly increase)")
                }
                break
            }
        }
        if let t = timeIndex, timeUnit == .seconds, headers[t].name.lowercased().contains("date"),
           let first = rows.values[t].first, first > 1000 && first < 2_958_466 {
            timeUnit = .excelSerial
        }
        return ColumnPlan(timeIndex: timeIndex, timeUnit: timeUnit, isMarker: isMarker, notes: notes)
    }

    /// Whether a column is delivered as data (not time, not a marker, not a sample counter).
    func isData(_ column: Int, headers: [ColumnHeader]) -> Bool {
        column != timeIndex && !isMarker[column] && headers[column].role != .index
    }

    static func isStrictlyIncreasing(_ values: [Double]) -> Bool {
        guard values.count >= 2, values[0].isFinite else { return false }
        for i in 1..<values.count where !(values[i] > values[i - 1]) { return false }
        return true
    }
}
