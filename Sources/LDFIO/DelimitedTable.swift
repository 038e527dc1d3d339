import Foundation
import LDFCore

/// Turns the parsed cells of a delimited file into a `SampleTable`: converts the time column
/// (chosen by `ColumnRoles`) to seconds, reads the header block (`HeaderFacts`), turns marker,
/// state and numeric mark columns into events (`AnnotationColumns`), drops index and empty
/// columns, and writes notes for everything that was guessed or repaired.
///
/// Time axis: numeric time columns are kept as written (in seconds), so a recording may start at
/// a negative time or at 2101 s. Clock-time columns (`hh:mm:ss.fff`, with or without dates) and
/// Excel serial days give seconds from the first stamp, and the first stamp's clock reading is
/// recorded as the clock start (`SampleTable.clockStart`).
enum DelimitedTable {
    static func build(_ rows: DelimitedTextReader.ParsedRows, layout: DelimitedLayout, source: String,
                      options: ReadOptions) throws -> SampleTable {
        let rowCount = rows.lineNumbers.count
        guard rowCount > 0 else {
            throw LDFError(source, "no data rows (the file holds only a header)", fix: "export the recording with its samples")
        }
        var notes = layout.notes
        var warnings: [Diagnostic] = []
        var headers = layout.headers
        let columnCount = headers.count
        let kinds = layout.cellKinds
        let roles = try ColumnRoles.decide(layout: layout, rows: rows, source: source, timeColumn: options.timeColumn)
        notes += roles.notes
        let facts = HeaderFacts(layout.headerBlock)

        let (times, clockStart) = timeAxis(rows, roles: roles, headers: headers, notes: &notes)
        let declaredRate = facts.rateHz
        if let line = facts.unusableRate, times == nil, declaredRate == nil, options.assembly.rateHz == nil {
            throw LDFError("\(source) line \(line.number)",
                           "the header's '\(line.key.isEmpty ? "" : line.key + ": ")\(line.value)' is not a usable sample rate, and the file has no time column",
                           fix: "correct the header, or give the rate with \(parameter: "rate") HZ (e.g. \(parameter: "rate") 32)")
        }
        if let line = facts.unusableRate {
            warnings.append(.warning("header_rate_unusable",
                "\(source) line \(line.number): the header's '\(line.key.isEmpty ? "" : line.key + ": ")\(line.value)' is not a usable sample rate; ignored"))
        }

        // Events from annotation columns.
        let rate = options.assembly.rateHz ?? declaredRate
        let annotations = AnnotationColumns(rowCount: rowCount, times: times, rateHz: rate)
        var events: [Event] = []
        for c in 0..<columnCount {
            let runs: [DelimitedTextReader.TextRun]
            if roles.isNumericMark.indices.contains(c) && roles.isNumericMark[c] {
                runs = NumericMarks.runs(rows.values[c])
            } else if roles.isMarker[c] {
                runs = kinds[c] == .text ? rows.textRuns[c] : AnnotationColumns.runs(of: rows.texts[c])
            } else {
                continue
            }
            let read = annotations.events(runs, column: headers[c].name, numeric: roles.isNumericMark[c], droppedRuns: rows.droppedRuns[c])
            events += read.events
            notes += read.notes
            warnings += read.warnings
        }
        events += rows.trailingComments.compactMap { comment in
            comment.text.isEmpty ? nil : Event(timeSeconds: annotations.time(ofRow: comment.row), label: comment.text)
        }
        events.sort { $0.timeSeconds < $1.timeSeconds }

        // Data columns.
        var columns: [SampleTable.Column] = []
        var dataHeaders: [Int] = []
        for c in 0..<columnCount where c != roles.timeIndex && !roles.isMarker[c] && !roles.isNumericMark[c] && !roles.duplicateTime[c] {
            if kinds[c] == .date {
                if roles.timeUnit != .clock { notes.append("column '\(headers[c].name)' holds dates without clock times and was not read") }
                continue
            }
            if headers[c].role == .index {
                notes.append("column '\(headers[c].name)' is a sample counter and was not read as data")
                continue
            }
            var values = rows.values[c]
            for row in rows.shiftedRowIndices { values[row] = .nan }
            guard values.contains(where: { $0.isFinite }) else {
                notes.append("column '\(headers[c].name)' is empty and was dropped")
                continue
            }
            if kinds[c] == .number, let firstText = rows.texts[c].first {
                let line = rows.lineNumbers[firstText.row]
                notes.append("column '\(headers[c].name)': \(rows.texts[c].count) text cell(s) read as missing (first at line \(line): '\(firstText.text)')")
            }
            if headers[c].name.isEmpty { headers[c].name = "Column \(c + 1)" }
            columns.append(SampleTable.Column(name: headers[c].name, unit: headers[c].unit, values: values, looksLikeTime: roles.looksLikeTime[c]))
            dataHeaders.append(c)
        }
        guard !columns.isEmpty else {
            throw LDFError(source, "no numeric data column found (columns: \(headers.map(\.name).joined(separator: ", ")))",
                           fix: "check that the file holds numbers, and its delimiter and decimal separator")
        }
        applyChannelFacts(facts, to: &columns, hasHeader: layout.hasHeader, notes: &notes)
        notes += raggedRowNotes(rows)
        if rows.shiftedRows > 0 {
            let lines = rows.shiftedLines.map(String.init).joined(separator: ", ")
            warnings.append(.warning("shifted_rows",
                "\(source): \(rows.shiftedRows) row(s) have more numeric cells than the header has columns (line(s) \(lines)"
                + (rows.shiftedRows > rows.shiftedLines.count ? ", ..." : "") + "); their cells may be shifted into other channels, so their values were masked"))
        }
        if rows.usedFallback && !notes.contains(TextDecoding.fallbackNote) { notes.append(TextDecoding.fallbackNote) }
        notes.insert("delimiter: \(layout.delimiter.name); decimal separator: '\(Character(Unicode.Scalar(layout.decimalSeparator)))'", at: 0)
        var table = SampleTable(source: source, reader: DelimitedTextReader.kind.rawValue, times: times, columns: columns,
                                lineNumbers: rows.lineNumbers, events: events, startDate: (clockStart ?? facts.clockStart)?.date,
                                declaredRateHz: declaredRate, notes: notes)
        table.clockStart = clockStart ?? facts.clockStart
        table.metadata = layout.headerBlock.map(\.entry)
        table.warnings = warnings
        return table
    }

    /// The time column in seconds (see the type's note on clock and serial times) and the clock
    /// reading of the first row, when the column gives one.
    static func timeAxis(_ rows: DelimitedTextReader.ParsedRows, roles: ColumnRoles, headers: [ColumnHeader],
                         notes: inout [String]) -> ([Double]?, ClockStart?) {
        guard let t = roles.timeIndex else { return (nil, nil) }
        var raw = rows.values[t]
        var clockStart: ClockStart?
        switch roles.timeUnit {
        case .seconds:
            break
        case .milliseconds, .microseconds, .minutes, .hours:
            let scale = roles.timeUnit.secondsPerUnit
            for i in raw.indices { raw[i] *= scale }
        case .excelSerial:
            let first = raw[0]
            if first.isFinite { clockStart = ClockStart(date: ExcelSerialDate.date(fromSerial: first)) }
            for i in raw.indices { raw[i] = ExcelSerialDate.seconds(from: first, to: raw[i]) }
            notes.append("time from Excel serial days in column '\(headers[t].name)': (serial - first) * 86400 s")
        case .clock:
            let dated = rows.clockHasDate[t]
            if !dated, let d = roles.dateIndex {
                // Dates in their own column: day * 86,400 + seconds of the day.
                let days = rows.values[d]
                for i in raw.indices { raw[i] += days[i] * 86_400 }
                notes.append("dates in column '\(headers[d].name)' combined with the clock times in '\(headers[t].name)'")
            }
            if !dated && roles.dateIndex == nil {
                let crossings = unwrapMidnight(&raw)
                if crossings > 0 { notes.append("clock time crossed midnight \(crossings) time(s); a day was added at each") }
            }
            let first = raw[0]
            if first.isFinite {
                clockStart = dated || roles.dateIndex != nil ? ClockStart(date: Date(timeIntervalSince1970: first))
                    : ClockStart(day: nil, secondsOfDay: first)
                for i in raw.indices { raw[i] -= first }
                notes.append("clock times in column '\(headers[t].name)' read as seconds from the first stamp (\(clockStart!.text))")
            }
        }
        return (raw, clockStart)
    }

    /// Names and units from the header block (a BIOPAC listing, `Channel N:` keys) replace
    /// generated or generic names (`Column 2`, `CH1`) and fill empty units, when the header
    /// block lists as many channels as the table has data columns.
    static func applyChannelFacts(_ facts: HeaderFacts, to columns: inout [SampleTable.Column], hasHeader: Bool, notes: inout [String]) {
        func generic(_ name: String) -> Bool {
            let words = EventVocabulary.words(name)
            return name.isEmpty || (words.count == 2 && ["column", "ch", "channel", "kanal"].contains(words[0]) && Int(words[1]) != nil)
        }
        var named = 0, united = 0
        if facts.channelNames.count == columns.count {
            for i in columns.indices { if let name = facts.channelNames[i], !name.isEmpty, generic(columns[i].name) { columns[i].name = name; named += 1 } }
        }
        if facts.channelUnits.count == columns.count {
            for i in columns.indices { if let unit = facts.channelUnits[i], !unit.isEmpty, columns[i].unit.isEmpty { columns[i].unit = unit; united += 1 } }
        }
        if named + united > 0 { notes.append("channel names (\(named)) and units (\(united)) taken from the header block") }
    }

    static func raggedRowNotes(_ rows: DelimitedTextReader.ParsedRows) -> [String] {
        var notes: [String] = []
        if rows.shortRows > 0 {
            notes.append("\(rows.shortRows) row(s) had fewer cells than the header (first at line \(rows.firstShortLine)); the missing cells were read as missing values")
        }
        if rows.emptyExtraRows > 0 { notes.append("\(rows.emptyExtraRows) row(s) end with empty extra cells; ignored") }
        if let first = rows.trailingComments.first {
            notes.append("\(rows.trailingComments.count) row(s) carry text after the last column (first at line \(rows.lineNumbers[first.row])); read as events")
        }
        return notes
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
