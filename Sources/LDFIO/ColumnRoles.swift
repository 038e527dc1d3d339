import LDFCore

/// What each column of a delimited file is for, decided from its header and its cells: which
/// column is time (and in what unit), which holds dates for a clock column, which hold marker
/// text or numeric marks, which look like a time axis; every other column is data. One set of
/// rules for files and for line-by-line input.
///
/// Time, in order: the column `--time-column` names; else the columns whose header names time
/// (`ColumnHeader.role`); else a column of clock times; else the columns that strictly increase
/// in even steps (`isTimeAxis`) and whose header names no measurement (flux, temperature, ...),
/// wherever they stand, never the only column and never a `sample`/`index` counter. When two
/// such candidates disagree on the sample interval (by more than 1 %) reading stops with an
/// error naming both; when they agree the first is time and the other is dropped. A numeric
/// column named like a date whose first value is an Excel day number (1000 to 2,958,465) is
/// Excel serial time. Text columns, and numeric columns holding only text, are markers; a
/// time-named column holding text is an error. Numeric columns whose header names no measurement
/// and that strictly increase in even steps over at least 16 rows, but were not taken as time, are
/// flagged `looksLikeTime`, so they are never analysed as perfusion unless the user names them.
struct ColumnRoles {
    var timeIndex: Int?
    var timeUnit: ColumnHeader.TimeUnit
    /// A column of dates to combine with a clock time column, if any.
    var dateIndex: Int?
    var isMarker: [Bool]
    /// Numeric columns of occasional integer marks (`NumericMarks`), read as events.
    var isNumericMark: [Bool] = []
    /// Columns that strictly increase in even steps like a time axis (not the time column).
    var looksLikeTime: [Bool] = []
    /// Columns dropped because they repeat the time column.
    var duplicateTime: [Bool] = []
    var notes: [String]

    /// Fewest rows before a column is judged to be a time axis by its values.
    static let minimumRowsForTimeAxis = 3
    /// Fewest rows before a data column that names no measurement is flagged `looksLikeTime`
    /// (a real signal may rise steadily over a handful of samples, never over this many).
    static let minimumRowsForTimeLikeFlag = 16

    static func decide(layout: DelimitedLayout, rows: DelimitedTextReader.ParsedRows, source: String,
                       timeColumn: ChannelSelector? = nil) throws -> ColumnRoles {
        let headers = layout.headers
        let columnCount = headers.count
        let kinds = layout.cellKinds
        var notes: [String] = []
        var isMarker = (0..<columnCount).map { kinds[$0] == .text }
        // A column named as time must hold times, not text.
        for c in 0..<columnCount where isMarker[c] && kinds[c] == .text && headers[c].role != .marker && timeColumn == nil {
            if headers[c].namesTime, let first = rows.textRuns[c].first.map({ (row: $0.firstRow, text: $0.text) }) ?? rows.texts[c].first {
                throw LDFError("\(source) line \(rows.lineNumbers[first.row])",
                               "the time column '\(headers[c].name)' holds '\(first.text)', which is not a number or a clock time",
                               fix: "write times as seconds, milliseconds, hh:mm:ss(.fff) or Excel day numbers")
            }
        }
        // A numeric column with no numbers but some text is a marker column.
        for c in 0..<columnCount where !isMarker[c] && kinds[c] == .number && !rows.texts[c].isEmpty {
            if !rows.values[c].contains(where: { $0.isFinite }) { isMarker[c] = true }
        }
        let dateIndex = (0..<columnCount).first { kinds[$0] == .date }
        let numeric = (0..<columnCount).filter { !isMarker[$0] && kinds[$0] != .date }
        // Whether a column steps like a time axis, judged once and only where needed (the named
        // time column of a long file is never scanned for it).
        var judged = [Bool?](repeating: nil, count: columnCount)
        func timeAxis(_ c: Int) -> Bool {
            if let known = judged[c] { return known }
            let value = numeric.contains(c) && kinds[c] == .number && headers[c].role != .index && isTimeAxis(rows.values[c])
            judged[c] = value
            return value
        }
        var roles = ColumnRoles(timeIndex: nil, timeUnit: .seconds, dateIndex: dateIndex, isMarker: isMarker, notes: [])
        roles.duplicateTime = [Bool](repeating: false, count: columnCount)

        // Time column candidates.
        var candidates: [(column: Int, unit: ColumnHeader.TimeUnit)] = []
        func namedUnit(_ c: Int) -> ColumnHeader.TimeUnit {
            if kinds[c] == .clock { return .clock }
            guard case .time(let unit) = headers[c].role else { return .seconds }
            if unit == .seconds, headers[c].name.lowercased().contains("date"), let first = rows.values[c].first(where: \.isFinite),
               first > 1000 && first < 2_958_466 {
                return .excelSerial
            }
            return unit
        }
        if let timeColumn {
            let c: Int
            do {
                c = try timeColumn.resolve(in: headers.map(\.name), source: source)
            } catch let error as LDFError {
                throw LDFError("\(parameter: "timeColumn")", error.message.replacingOccurrences(of: "\(parameter: "channel")", with: "\(parameter: "timeColumn")")
                               .replacingOccurrences(of: "data channel(s)", with: "column(s)"), fix: error.fix)
            }
            guard !isMarker[c] || kinds[c] == .clock else {
                throw LDFError("\(parameter: "timeColumn")", "column '\(headers[c].name)' holds text, not times",
                               fix: "name a column of seconds, milliseconds, clock times or Excel day numbers")
            }
            candidates = [(c, namedUnit(c))]
        } else {
            for c in numeric where headers[c].namesTime { candidates.append((c, namedUnit(c))) }
            if candidates.isEmpty, let c = numeric.first(where: { kinds[$0] == .clock }) { candidates = [(c, .clock)] }
            if candidates.isEmpty && columnCount >= 2 {
                for c in numeric where timeAxis(c) && (!layout.hasHeader || ChannelKind.guess(name: headers[c].name, unit: headers[c].unit) == .other) {
                    candidates.append((c, .seconds))
                    notes.append("column '\(headers[c].name)' taken as time in seconds (its values strictly increase in even steps)")
                    break
                }
            }
        }
        if let (c, unit) = candidates.first {
            roles.timeIndex = c
            roles.timeUnit = unit
            try checkAgreement(candidates, headers: headers, rows: rows, source: source, roles: &roles, notes: &notes)
        }
        roles.looksLikeTime = (0..<columnCount).map { c in
            c != roles.timeIndex && !roles.duplicateTime[c] && rows.values[c].count >= minimumRowsForTimeLikeFlag && timeAxis(c)
                && ChannelKind.guess(name: headers[c].name, unit: headers[c].unit.isEmpty ? ChannelKind.unit(fromName: headers[c].name) ?? "" : headers[c].unit) == .other
        }
        roles.isNumericMark = (0..<columnCount).map { c in
            numeric.contains(c) && c != roles.timeIndex && kinds[c] == .number && !timeAxis(c)
                && NumericMarks.isMarkColumn(rows.values[c], header: headers[c])
        }
        roles.notes = notes
        return roles
    }

    /// Several time candidates must give the same sample interval (after their units) within 1 %;
    /// the agreeing ones after the first are dropped as duplicates.
    static func checkAgreement(_ candidates: [(column: Int, unit: ColumnHeader.TimeUnit)], headers: [ColumnHeader],
                               rows: DelimitedTextReader.ParsedRows, source: String, roles: inout ColumnRoles,
                               notes: inout [String]) throws {
        guard candidates.count >= 2 else { return }
        func step(_ candidate: (column: Int, unit: ColumnHeader.TimeUnit)) -> Double? {
            let values = rows.values[candidate.column].prefix(20_001).filter(\.isFinite)
            guard values.count >= 2 else { return nil }
            var steps = zip(values.dropFirst(), values).map { $0 - $1 }
            steps.sort()
            return steps[steps.count / 2] * (candidate.unit == .excelSerial ? 86_400 : candidate.unit.secondsPerUnit)
        }
        let first = candidates[0]
        for other in candidates.dropFirst() {
            if let a = step(first), let b = step(other), abs(a - b) > 0.01 * max(abs(a), abs(b)) {
                throw LDFError(source, "columns '\(headers[first.column].name)' and '\(headers[other.column].name)' both look like time but disagree "
                               + "(steps of \(MessageNumber.precise(a)) s and \(MessageNumber.precise(b)) s)",
                               fix: "name the time column with \(parameter: "timeColumn") NAME, or correct the header's unit")
            }
            roles.duplicateTime[other.column] = true
            notes.append("column '\(headers[other.column].name)' repeats the time column '\(headers[first.column].name)' and was not read as data")
        }
    }

    /// Whether `values` strictly increase in even steps: at least `minimumRowsForTimeAxis` finite
    /// values, and every step a whole number (1, 2, ... for missing rows) of the median step
    /// within a quarter of it.
    static func isTimeAxis(_ values: [Double]) -> Bool {
        guard values.count >= minimumRowsForTimeAxis, isStrictlyIncreasing(values) else { return false }
        // The median step from at most ~10,000 evenly spread steps, then one pass over all.
        let stride = max(1, (values.count - 1) / 10_000)
        var sample: [Double] = []
        var i = 1
        while i < values.count {
            sample.append(values[i] - values[i - 1])
            i += stride
        }
        sample.sort()
        let median = sample[sample.count / 2]
        guard median > 0 else { return false }
        for i in 1..<values.count {
            let k = (values[i] - values[i - 1]) / median
            guard k >= 0.75, abs(k - k.rounded()) <= 0.25 else { return false }
        }
        return true
    }

    static func isStrictlyIncreasing(_ values: [Double]) -> Bool {
        guard values.count >= 2, values[0].isFinite else { return false }
        for i in 1..<values.count where !(values[i] > values[i - 1]) { return false }
        return true
    }

}

import Foundation
