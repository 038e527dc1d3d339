import Foundation
import LDFCore

/// What a header block says that the reader uses: the sample rate (or interval), the start date
/// and time, and channel names and units. Judged from the words of each key and the shape of each
/// value, never from a list of vendors:
/// - rate: a key with `rate`, `frequency`, `sampling` or `Hz` (`Sample rate: 32 Hz`,
///   `Sampling frequency;1 kHz`) or a keyless value with a rate unit (`40 Hz`, `40 samples/s`);
/// - interval: a key with `interval` or `period` (`Interval= 0.025 s`, `Intervall: 25 ms`) or a
///   keyless value per sample (`25 msec/sample`, `0.025 s/sample`);
/// - start: a key with `date`/`datum` (a date, or date and time) and one with `time`, `start`,
///   `clock` or `recorded` holding a clock time; together the clock time of the first sample;
/// - channels: `N channels` followed by N name/unit line pairs (BIOPAC text exports), keys
///   `Channel N` / `Ch N` (`Channel 1: Flux [PU]`), and `Units` or `Channel names` lists.
/// A rate key whose value is not a usable rate (0, negative, text, outside the accepted range)
/// is reported in `unusableRate` and ignored.
struct HeaderFacts {
    var rateHz: Double?
    /// The line that gave the rate (for messages).
    var rateLine: HeaderLine?
    /// A rate or interval line whose value cannot be used.
    var unusableRate: HeaderLine?
    var clockStart: ClockStart?
    /// Names and units by 0-based data channel (BIOPAC listing or channel keys); nil entries unknown.
    var channelNames: [String?] = []
    var channelUnits: [String?] = []

    init(_ lines: [HeaderLine]) {
        var day: Int?
        var timeOfDay: Double?
        for (i, line) in lines.enumerated() {
            let words = EventVocabulary.words(line.key)
            if let reading = Self.rateReading(words: words, value: line.value) {
                if let hz = reading, AssemblyOptions.rateRangeHz.contains(hz) {
                    if rateHz == nil { rateHz = hz; rateLine = line }
                } else if unusableRate == nil {
                    unusableRate = line
                }
                continue
            }
            if line.key.isEmpty, let count = Self.channelCount(line.value) {
                readChannelListing(lines[(i + 1)...].prefix(2 * count), count: count)
                continue
            }
            if readChannelKey(words: words, line: line) { continue }
            if words.contains(where: { $0 == "date" || $0 == "datum" }) {
                if let clock = ClockTime.parse(line.value), let d = clock.day {
                    day = d
                    timeOfDay = timeOfDay ?? clock.secondsOfDay
                } else if let d = ClockTime.parse(date: line.value) {
                    day = d
                }
            } else if words.contains(where: Self.timeWords.contains), let clock = ClockTime.parse(line.value) {
                timeOfDay = clock.secondsOfDay
                if let d = clock.day { day = d }
            }
        }
        if let timeOfDay { clockStart = ClockStart(day: day, secondsOfDay: timeOfDay) }
    }

    static let timeWords: Set<String> = ["time", "zeit", "uhrzeit", "start", "started", "begin", "clock", "recorded", "acquired", "heure"]
    static let rateWords: Set<String> = ["rate", "samplerate", "frequency", "freq", "sampling", "hz", "abtastrate", "abtastfrequenz", "frequenz"]
    static let intervalWords: Set<String> = ["interval", "intervall", "period", "dt", "periode"]

    /// nil when the line says nothing about the rate; .some(nil) for a rate line whose value is
    /// unusable; .some(hz) otherwise.
    static func rateReading(words: [String], value: String) -> Double?? {
        let rateKey = words.contains(where: rateWords.contains)
        let intervalKey = words.contains(where: intervalWords.contains)
        let keyless = words.isEmpty
        guard rateKey || intervalKey || keyless else { return nil }
        let parsed = numberAndUnit(value)
        let unit = parsed?.unit.lowercased().replacingOccurrences(of: " ", with: "") ?? ""
        let perSample = unit.hasSuffix("/sample") || unit.hasSuffix("/samples")
        let timeUnit = perSample ? String(unit.split(separator: "/").first ?? "") : unit
        var hz: Double?
        if let number = parsed?.number {
            if let scale = rateUnits[unit] {
                hz = number * scale
            } else if let seconds = intervalUnits[timeUnit], perSample || (intervalKey && !rateKey) || (rateKey && !unit.isEmpty) {
                hz = 1 / (number * seconds)
            } else if unit.isEmpty && (rateKey || intervalKey) {
                hz = intervalKey && !rateKey ? 1 / number : number
            }
        }
        if keyless {
            // A keyless line speaks of the rate only with an explicit unit.
            guard let parsed, rateUnits[unit] != nil || perSample, !parsed.unit.isEmpty else { return nil }
        }
        guard let hz, hz.isFinite, hz > 0 else { return .some(nil) }
        return .some(hz)
    }

    static let rateUnits: [String: Double] = [
        "hz": 1, "khz": 1000, "/s": 1, "1/s": 1, "s-1": 1, "/sec": 1, "samples/s": 1, "samples/sec": 1, "samples/second": 1,
        "sps": 1, "persecond": 1, "samplespersecond": 1, "/min": 1.0 / 60, "samples/min": 1.0 / 60,
    ]
    static let intervalUnits: [String: Double] = [
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "ms": 0.001, "msec": 0.001, "msecs": 0.001, "millisecond": 0.001,
        "milliseconds": 0.001, "us": 1e-6, "µs": 1e-6, "μs": 1e-6, "usec": 1e-6, "min": 60, "minute": 60, "minutes": 60,
    ]

    /// A leading number (decimal point or comma, optional exponent) and the text after it.
    static func numberAndUnit(_ text: String) -> (number: Double, unit: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var end = trimmed.startIndex
        for i in trimmed.indices {
            let c = trimmed[i]
            if c.isNumber || c == "." || c == "," || c == "-" || c == "+" || ((c == "e" || c == "E") && i != trimmed.startIndex) {
                end = trimmed.index(after: i)
            } else {
                break
            }
        }
        let numberText = String(trimmed[..<end])
        guard !numberText.isEmpty,
              let number = DecimalParser.parse(numberText) ?? DecimalParser.parse(numberText, decimalSeparator: UInt8(ascii: ",")) else { return nil }
        return (number, trimmed[end...].trimmingCharacters(in: .whitespaces))
    }

    /// N from a keyless `N channels` line.
    static func channelCount(_ value: String) -> Int? {
        let parts = value.lowercased().split(separator: " ")
        guard parts.count == 2, parts[1] == "channels" || parts[1] == "channel" || parts[1] == "kanäle",
              let n = Int(parts[0]), n >= 1, n <= 512 else { return nil }
        return n
    }

    /// BIOPAC text exports list each channel's name, then its unit, on lines of their own.
    mutating func readChannelListing(_ lines: ArraySlice<HeaderLine>, count: Int) {
        guard lines.count == 2 * count, lines.allSatisfy({ $0.key.isEmpty }) else { return }
        let values = lines.map(\.value)
        channelNames = stride(from: 0, to: values.count, by: 2).map { values[$0] }
        channelUnits = stride(from: 1, to: values.count, by: 2).map { values[$0] }
    }

    /// `Channel 2: Flux [PU]`, `Ch 1 name = Flux`, `Unit 2: °C`, `Units;PU;°C`, `Channel names: A, B`.
    mutating func readChannelKey(words: [String], line: HeaderLine) -> Bool {
        guard let first = words.first else { return false }
        let channelWord = first == "channel" || first == "ch" || first == "kanal"
        let unitWord = first == "unit" || first == "units" || first == "einheit" || first == "einheiten"
        guard channelWord || unitWord else { return false }
        if words.count >= 2, let n = Int(words[1]), n >= 1, n <= 512 {
            if channelWord && (words.count == 2 || ["name", "title", "label"].contains(words[2])) {
                let header = ColumnHeader(cell: line.value)
                set(&channelNames, n - 1, header.name)
                if !header.unit.isEmpty { set(&channelUnits, n - 1, header.unit) }
                return true
            }
            if unitWord || (words.count >= 3 && (words[2] == "unit" || words[2] == "units")) {
                set(&channelUnits, n - 1, line.value)
                return true
            }
            return false
        }
        if unitWord && words.count == 1 && !line.cells.isEmpty {
            channelUnits = line.cells.map { $0 }
            return true
        }
        if channelWord && words.count == 2 && ["names", "titles", "labels"].contains(words[1]) {
            channelNames = line.cells.map { $0 }
            return true
        }
        return false
    }

    private func set(_ list: inout [String?], _ index: Int, _ value: String) {
        while list.count <= index { list.append(nil) }
        list[index] = value
    }
}

extension ClockTime {
    /// Days since 1970 of a date string, or nil.
    static func parse(date text: String) -> Int? {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        return bytes.withUnsafeBufferPointer { parseDate($0, 0, $0.count) }
    }
}
