import LDFCore

/// Annotation columns as events. A column's cells are taken as runs of equal consecutive values:
/// - a state column (cells filled in at least half the rows, values persisting for two or more
///   rows on average: `baseline, baseline, ..., occlusion, ..., reperfusion`) gives one interval
///   event per run, from the run's first row to the row after its last (or one step past the
///   last row);
/// - any other column (mostly empty: comments, markers) gives one point event per run, at its
///   first row;
/// - numeric mark columns (`NumericMarks`) give point events labelled by the number, of kind
///   `.marker`.
/// A column with more than `maximumEvents` runs flickers (a noisy state or trigger line): only the
/// first `maximumEvents` become events, with a warning.
struct AnnotationColumns {
    /// Events read from one column at most.
    static let maximumEvents = 1000

    let rowCount: Int
    let times: [Double]?
    let rateHz: Double?
    /// One row's step, for the end of a last run: the mean step of the time column, else 1 / rate.
    let step: Double

    init(rowCount: Int, times: [Double]?, rateHz: Double?) {
        self.rowCount = rowCount
        self.times = times
        self.rateHz = rateHz
        if let times, times.count >= 2, let first = times.first(where: \.isFinite), let last = times.last(where: \.isFinite), last > first {
            step = (last - first) / Double(times.count - 1)
        } else {
            step = 1 / (rateHz ?? 1)
        }
    }

    /// Time of `row` on the table's time base (seconds from the first row without a time column).
    func time(ofRow row: Int) -> Double {
        if let times { return times[row] }
        return Double(row) / (rateHz ?? 1)
    }

    /// End of a run whose last row is `row`: the next row's time, or one step after the last row.
    func end(ofRow row: Int) -> Double {
        row + 1 < rowCount ? time(ofRow: row + 1) : time(ofRow: row) + step
    }

    struct Read {
        var events: [Event] = []
        var notes: [String] = []
        var warnings: [Diagnostic] = []
    }

    func events(_ runs: [DelimitedTextReader.TextRun], column: String, numeric: Bool, droppedRuns: Int) -> Read {
        var read = Read()
        let cleaned = runs.compactMap { run -> DelimitedTextReader.TextRun? in
            var r = run
            r.text = run.text.trimmingCharacters(in: .whitespaces)
            return r.text.isEmpty ? nil : r
        }
        guard !cleaned.isEmpty else { return read }
        let filledRows = cleaned.reduce(0) { $0 + $1.lastRow - $1.firstRow + 1 }
        let isState = !numeric && 2 * filledRows >= rowCount && 2 * cleaned.count <= filledRows
        let total = cleaned.count + droppedRuns
        for run in cleaned.prefix(Self.maximumEvents) {
            let start = time(ofRow: run.firstRow)
            if isState {
                read.events.append(Event(timeSeconds: start, endSeconds: end(ofRow: run.lastRow), label: run.text))
            } else {
                read.events.append(Event(timeSeconds: start, label: run.text, kind: numeric ? .marker : nil))
            }
        }
        let what = isState ? "state column" : numeric ? "numeric mark column" : "marker column"
        read.notes.append("\(what) '\(column)' read as \(read.events.count) \(isState ? "interval" : "point") event(s)")
        if total > Self.maximumEvents {
            read.warnings.append(.warning("annotation_flicker",
                "\(what) '\(column)' changes value \(total) times (flicker?); only its first \(Self.maximumEvents) runs became events"))
        }
        return read
    }

    /// Runs of equal consecutive cells from a list of text cells.
    static func runs(of cells: [(row: Int, text: String)]) -> [DelimitedTextReader.TextRun] {
        var runs: [DelimitedTextReader.TextRun] = []
        for cell in cells {
            if let last = runs.last, last.lastRow == cell.row - 1, last.text == cell.text {
                runs[runs.count - 1].lastRow = cell.row
            } else {
                runs.append(.init(firstRow: cell.row, lastRow: cell.row, text: cell.text))
            }
        }
        return runs
    }
}

/// Numeric mark columns (PeriSoft-style marks): mostly 0 or empty, with occasional small positive
/// integers on a sample or a few (1, 2, 3 for the first, second, third mark). Such a column is
/// read as point events labelled by the number, not as a channel.
enum NumericMarks {
    /// Fewest rows for the judgement.
    static let minimumRows = 20
    /// Largest share of rows holding a mark.
    static let maximumMarkedShare = 0.05
    /// Longest run of one mark, in rows.
    static let maximumRunRows = 10

    /// Whether `values` (one column) are numeric marks: every finite value a non-negative
    /// integer, at most 5 % of the rows non-zero, in runs of at most 10 rows, and the header names
    /// no measurement (flux, temperature, pressure, ...).
    static func isMarkColumn(_ values: [Double], header: ColumnHeader) -> Bool {
        guard values.count >= minimumRows, header.role != .index else { return false }
        let kind = ChannelKind.guess(name: header.name, unit: header.unit)
        guard kind == .other || kind == .marker else { return false }
        var marked = 0, run = 0, longest = 0
        for v in values {
            guard v.isFinite, v != 0 else { run = 0; continue }
            guard v > 0, v == v.rounded(), v < 1_000_000 else { return false }
            marked += 1
            run += 1
            longest = max(longest, run)
        }
        return marked >= 1 && Double(marked) <= maximumMarkedShare * Double(values.count) && longest <= maximumRunRows
    }

    /// Runs of one mark value, labelled by the number.
    static func runs(_ values: [Double]) -> [DelimitedTextReader.TextRun] {
        var runs: [DelimitedTextReader.TextRun] = []
        var previous = 0.0
        for (row, v) in values.enumerated() {
            guard v.isFinite, v != 0 else { previous = 0; continue }
            if v == previous, let last = runs.last, last.lastRow == row - 1 {
                runs[runs.count - 1].lastRow = row
            } else {
                runs.append(.init(firstRow: row, lastRow: row, text: String(Int(v))))
            }
            previous = v
        }
        return runs
    }
}

import Foundation
