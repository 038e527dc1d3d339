import Foundation
import LDFCore

/// A column's name and unit as written in a header, and what the name says about its role.
///
/// Units may sit in their own header row or inside the name: `Flux [PU]`, `Flux (PU)`,
/// `Flux/PU`, `Flux in PU` all give name `Flux` and unit `PU`.
struct ColumnHeader: Equatable {
    var name: String
    var unit: String

    /// What a column is for, judged from its header.
    enum Role: Equatable {
        case time(TimeUnit)
        /// A sample counter ("sample", "index", "n", "#"): not data, not time.
        case index
        /// Free-text markers, events or comments.
        case marker
        case data
    }

    /// How a numeric time column is scaled to seconds, or read as clock/serial time.
    enum TimeUnit: Equatable {
        case seconds, milliseconds, microseconds, minutes, hours
        /// Clock times (`hh:mm:ss`), possibly with a date.
        case clock
        /// Excel serial day numbers.
        case excelSerial

        var secondsPerUnit: Double {
            switch self {
            case .milliseconds: return 0.001
            case .microseconds: return 0.000_001
            case .minutes: return 60
            case .hours: return 3600
            case .seconds, .clock, .excelSerial: return 1
            }
        }
    }

    /// Splits a header cell into name and unit.
    init(cell: String) {
        let text = cell.trimmingCharacters(in: .whitespaces)
        for (open, close) in [("[", "]"), ("(", ")")] where text.hasSuffix(close) {
            if let o = text.range(of: open, options: .backwards) {
                let name = text[..<o.lowerBound].trimmingCharacters(in: .whitespaces)
                let unit = text[o.upperBound..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    self.init(name: name, unit: unit)
                    return
                }
            }
        }
        if let slash = text.range(of: "/", options: .backwards) {
            let name = text[..<slash.lowerBound].trimmingCharacters(in: .whitespaces)
            let unit = text[slash.upperBound...].trimmingCharacters(in: .whitespaces)
            // "Date/Time" is a name, not a unit; units are short.
            if !name.isEmpty && !unit.isEmpty && unit.count <= 6 && !ColumnHeader.timeNames.contains(unit.lowercased()) {
                self.init(name: name, unit: unit)
                return
            }
        }
        self.init(name: text, unit: ColumnHeader.suffixUnit(of: text) ?? "")
    }

    /// Units a snake-case name may end in (`flux_pu`, `skin_temp_c`, `cuff_mmhg`), keyed by the
    /// lower-cased last word. Time suffixes (`time_ms`) are read by `role`, not here.
    static let suffixUnits: [String: String] = [
        "pu": "PU", "bpu": "BPU", "au": "AU", "c": "°C", "degc": "°C", "celsius": "°C", "mmhg": "mmHg", "kpa": "kPa",
        "pct": "%", "percent": "%", "mv": "mV", "v": "V",
    ]

    /// The unit a snake-case name's last word states, if any (the name keeps the suffix, so
    /// `--channel flux_pu` still finds it). A lone word is a name, not a unit.
    static func suffixUnit(of name: String) -> String? {
        let words = name.split(separator: "_")
        guard words.count >= 2, let last = words.last else { return nil }
        return suffixUnits[last.lowercased()]
    }

    init(name: String, unit: String) {
        self.name = name
        self.unit = unit
    }

    /// Names (lower-cased) that mark a time column.
    static let timeNames: Set<String> = [
        "time", "t", "sec", "secs", "second", "seconds", "s", "ms", "msec", "msecs", "millis", "millisecond",
        "milliseconds", "clock", "date", "datetime", "date time", "date/time", "date_time", "timestamp", "time stamp",
        "excel", "serial", "excel time", "excel date", "elapsed", "min", "minutes", "zeit", "tid", "temps",
    ]
    static let millisecondWords: Set<String> = ["ms", "msec", "msecs", "millis", "millisecond", "milliseconds"]
    static let microsecondWords: Set<String> = ["us", "µs", "μs", "usec", "usecs", "microsecond", "microseconds"]
    static let minuteWords: Set<String> = ["min", "mins", "minute", "minutes"]
    static let hourWords: Set<String> = ["h", "hr", "hrs", "hour", "hours", "std"]
    static let markerWords = ["marker", "event", "comment", "label", "note", "annotation", "remark"]
    static let indexNames: Set<String> = [
        "sample", "samples", "index", "idx", "n", "#", "no", "no.", "nr", "row", "sample #", "sample number", "sample no", "sample no.",
        "count", "counter", "frame", "sample_index", "sample index",
    ]

    /// The role the header suggests (numbers in the column may still overrule a `.data` guess).
    /// Time units come from the unit (`Time (msec)`, `t [ms]`) or from the name's words
    /// (`time_ms`, `time_min`, `t_us`); seconds otherwise.
    var role: Role {
        let n = name.lowercased()
        let u = unit.lowercased()
        if ColumnHeader.indexNames.contains(n) { return .index }
        if ColumnHeader.markerWords.contains(where: { n.contains($0) }) { return .marker }
        let words = EventVocabulary.words(name)
        let looksLikeTime = ColumnHeader.timeNames.contains(n) || n.contains("time") || n.contains("date") || n.contains("clock")
            || (words.count >= 2 && ColumnHeader.timeNames.contains(words[0]) && words.dropFirst().allSatisfy(ColumnHeader.isTimeUnitWord))
        guard looksLikeTime else { return .data }
        if n.contains("excel") || n.contains("serial") || u.contains("day") { return .time(.excelSerial) }
        let unitWords = [u] + (words.count >= 2 ? Array(words.dropFirst()) : [n])
        if unitWords.contains(where: ColumnHeader.millisecondWords.contains) { return .time(.milliseconds) }
        if unitWords.contains(where: ColumnHeader.microsecondWords.contains) { return .time(.microseconds) }
        if unitWords.contains(where: ColumnHeader.minuteWords.contains) { return .time(.minutes) }
        if unitWords.contains(where: ColumnHeader.hourWords.contains) { return .time(.hours) }
        return .time(.seconds)
    }

    /// A word naming a time unit (`ms`, `s`, `min`, `h`, `us`, ...).
    static func isTimeUnitWord(_ word: String) -> Bool {
        millisecondWords.contains(word) || microsecondWords.contains(word) || minuteWords.contains(word) || hourWords.contains(word)
            || ["s", "sec", "secs", "second", "seconds"].contains(word)
    }

    /// Whether the header names time (any unit).
    var namesTime: Bool {
        if case .time = role { return true }
        return false
    }
}
