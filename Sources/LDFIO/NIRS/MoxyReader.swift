import Foundation
import LDFCore

/// Reads Moxy muscle-oxygen CSV exports (docs/METHODS.md §22.1), recognised by their column
/// line `mm-dd,hh:mm:ss,SmO2 Live,...` after a few device lines (`FW Part Number: ...`).
///
/// The delimited reader parses the rows (clock times in `hh:mm:ss`, the device lines as
/// metadata); this reader then gives the units the export leaves out (SmO2 in %, THb in g/dl),
/// drops the `mm-dd` date column's run as an event (a date, not a marker), and turns the `Lap`
/// counter into events where it changes (`lap 2`, ...), the marks a user sets on the device.
public enum MoxyReader: TableReader {
    public static let kind = ReaderKind.moxy

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
        return head.split(whereSeparator: \.isNewline).prefix(20).contains { line in
            line.contains("hh:mm:ss") && line.contains("SmO2 Live")
        }
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        var table = try DelimitedTextReader.parse(bytes, source: source, options: options)
        table.reader = kind.rawValue
        table.events.removeAll { isDate($0.label) }
        table.notes.removeAll { $0.hasPrefix("state column 'mm-dd'") }
        for c in table.columns.indices where table.columns[c].unit.isEmpty {
            table.columns[c].unit = unit(ofColumn: table.columns[c].name)
        }
        if let lap = table.columns.firstIndex(where: { $0.name.lowercased() == "lap" }) {
            table.events += lapEvents(table.columns[lap].values, times: table.times)
            table.events.sort { $0.timeSeconds < $1.timeSeconds }
            table.columns.remove(at: lap)
            table.notes.append("Moxy 'Lap' counter read as events where it changes")
        }
        return table
    }

    /// SmO2 in %, THb in g/dl (Moxy's documented units); other columns keep no unit.
    static func unit(ofColumn name: String) -> String {
        if NIRSTrace.isSaturation(name) { return "%" }
        if name.lowercased() == "thb" { return "g/dl" }
        return ""
    }

    /// A `06-Feb` cell of the date column.
    static func isDate(_ label: String) -> Bool {
        let parts = label.split(separator: "-")
        return parts.count == 2 && parts[0].allSatisfy(\.isNumber) && parts[1].allSatisfy(\.isLetter)
    }

    /// A point event `lap N` at each row where the lap counter changes.
    static func lapEvents(_ laps: [Double], times: [Double]?) -> [Event] {
        guard let times else { return [] }
        var events: [Event] = []
        var previous = laps.first(where: \.isFinite)
        for (i, lap) in laps.enumerated() where lap.isFinite && lap != previous {
            events.append(Event(timeSeconds: times[i], label: "lap \(MessageNumber.short(lap))", kind: .marker))
            previous = lap
        }
        return events
    }
}
