import Foundation
import LDFCore

/// A WFDB header (`.hea`, PhysioNet's header(5) format): a record line
/// `name[/segments] signals [frequency[/counter[(base)]] [samples [hh:mm:ss[.sss] [dd/mm/yyyy]]]]`
/// and one line per signal
/// `file format[xframe][:skew][+offset] [gain[(baseline)][/units] [resolution [zero [initial [checksum [block [description]]]]]]]`.
/// `#` lines are comments.
struct WFDBHeader {
    struct Signal {
        var fileName: String
        var format: Int
        /// Samples of this signal per frame (its rate is the frame rate times this).
        var samplesPerFrame: Int
        var skew: Int
        var byteOffset: Int
        /// ADC units per physical unit; 200 when the header gives 0 or none (uncalibrated).
        var gain: Double
        var baseline: Double
        var units: String
        var description: String
    }

    var name: String
    /// Number of segments of a multi-segment record (`name/N`), nil for a single segment.
    var segments: Int?
    var signalCount: Int
    /// Frames per second (the record line's sampling frequency; 250 when absent).
    var frameRateHz: Double
    /// Frames per signal as the header says; nil when absent or 0 (then from the file size).
    var frameCount: Int?
    var startDate: Date?
    /// Seconds of day of `base time` when no date is given (kept for the record).
    var baseTime: String?
    var signals: [Signal]
    var comments: [String]

    /// Formats the reader decodes.
    static let supportedFormats: Set<Int> = [16, 61, 80, 212]
    /// Formats WFDB defines (header(5) and signal(5)); recognised so that they are refused by name.
    static let knownFormats: Set<Int> = [0, 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524]

    static func parse(_ text: String, source: String) throws -> WFDBHeader {
        var lines: [(number: Int, tokens: [Substring], raw: Substring)] = []
        var comments: [String] = []
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (i, line) in rows.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { comments.append(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)); continue }
            if trimmed.isEmpty { continue }
            lines.append((i + 1, line.split(whereSeparator: { $0 == " " || $0 == "\t" }), line))
        }
        guard let record = lines.first, record.tokens.count >= 2 else {
            throw LDFError(source, "the WFDB header has no record line", fix: "check that this is a WFDB .hea file")
        }
        let where1 = "\(source) line \(record.number)"
        let nameParts = record.tokens[0].split(separator: "/")
        let segments = nameParts.count > 1 ? Int(nameParts[1]) : nil
        guard let signalCount = Int(record.tokens[1]), signalCount >= 0, signalCount <= 10_000 else {
            throw LDFError(where1, "the number of signals '\(record.tokens[1])' is not a whole number", fix: "check the .hea file")
        }
        var frameRate = 250.0
        if record.tokens.count >= 3 {
            let text = record.tokens[2].split(separator: "/").first.map(String.init) ?? ""
            guard let rate = Double(text), rate > 0, rate.isFinite, rate <= 1e7 else {
                throw LDFError(where1, "the sampling frequency '\(record.tokens[2])' is not a positive number", fix: "check the .hea file")
            }
            frameRate = rate
        }
        var frameCount: Int?
        if record.tokens.count >= 4 {
            guard let n = Int(record.tokens[3]), n >= 0 else {
                throw LDFError(where1, "the number of samples '\(record.tokens[3])' is not a whole number", fix: "check the .hea file")
            }
            frameCount = n > 0 ? n : nil
        }
        let baseTime = record.tokens.count >= 5 ? String(record.tokens[4]) : nil
        let baseDate = record.tokens.count >= 6 ? String(record.tokens[5]) : nil
        var header = WFDBHeader(name: String(nameParts[0]), segments: segments, signalCount: signalCount, frameRateHz: frameRate,
                                frameCount: frameCount, startDate: startDate(time: baseTime, date: baseDate), baseTime: baseTime,
                                signals: [], comments: comments)
        if segments != nil { return header }
        let signalLines = lines.dropFirst().prefix(signalCount)
        guard signalLines.count == signalCount else {
            throw LDFError(source, "the record line says \(signalCount) signal(s) but the header has \(signalLines.count) signal line(s)",
                           fix: "the .hea file is incomplete")
        }
        header.signals = try signalLines.enumerated().map { k, line in
            try signal(line.tokens, raw: line.raw, index: k, location: "\(source) line \(line.number)")
        }
        return header
    }

    /// One signal line.
    static func signal(_ tokens: [Substring], raw: Substring, index: Int, location: String) throws -> Signal {
        guard tokens.count >= 2 else {
            throw LDFError(location, "a signal line needs at least a file name and a format", fix: "check the .hea file")
        }
        let (format, frame, skew, offset) = try formatField(String(tokens[1]), location: location)
        var gain = 200.0, baseline: Double?, units = "mV"
        if tokens.count >= 3 {
            var field = Substring(tokens[2])
            if let slash = field.firstIndex(of: "/") {
                units = String(field[field.index(after: slash)...])
                field = field[..<slash]
            }
            if let open = field.firstIndex(of: "("), field.hasSuffix(")") {
                guard let b = Double(field[field.index(after: open)..<field.index(before: field.endIndex)]) else {
                    throw LDFError(location, "the baseline in '\(tokens[2])' is not a number", fix: "check the .hea file")
                }
                baseline = b
                field = field[..<open]
            }
            guard let g = Double(field), g.isFinite else {
                throw LDFError(location, "the ADC gain '\(tokens[2])' is not a number", fix: "check the .hea file")
            }
            if g != 0 { gain = g }
        }
        let zero = tokens.count >= 5 ? Double(tokens[4]) ?? 0 : 0
        var description = "signal \(index + 1)"
        if tokens.count >= 9 {
            // The description is the rest of the line after the block size (it may hold blanks).
            var rest = raw[...]
            for _ in 0..<8 {
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
                rest = rest.drop(while: { $0 != " " && $0 != "\t" })
            }
            let text = rest.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { description = text }
        }
        return Signal(fileName: String(tokens[0]), format: format, samplesPerFrame: frame, skew: skew, byteOffset: offset,
                      gain: gain, baseline: baseline ?? zero, units: units, description: description)
    }

    /// `format[xframe][:skew][+offset]`.
    static func formatField(_ text: String, location: String) throws -> (Int, Int, Int, Int) {
        var rest = Substring(text)
        func take(after mark: Character) throws -> Int? {
            guard let i = rest.firstIndex(of: mark) else { return nil }
            let tail = rest[rest.index(after: i)...]
            let digits = tail.prefix(while: \.isNumber)
            guard let value = Int(digits) else {
                throw LDFError(location, "the format field '\(text)' is malformed", fix: "check the .hea file")
            }
            rest = rest[..<i] + tail.dropFirst(digits.count)
            return value
        }
        let offset = try take(after: "+") ?? 0
        let skew = try take(after: ":") ?? 0
        let frame = try take(after: "x") ?? 1
        guard let format = Int(rest) else {
            throw LDFError(location, "the format field '\(text)' is malformed", fix: "check the .hea file")
        }
        guard frame >= 1 && frame <= 100_000 else {
            throw LDFError(location, "the samples per frame in '\(text)' must be at least 1", fix: "check the .hea file")
        }
        return (format, frame, skew, offset)
    }

    /// `hh:mm:ss[.sss]` and `dd/mm/yyyy` as a date (local clock time stored as if UTC); nil
    /// without a date.
    static func startDate(time: String?, date: String?) -> Date? {
        guard let time, let date else { return nil }
        let t = time.split(separator: ":").map { Double($0) }
        let d = date.split(separator: "/").compactMap { Int($0) }
        guard d.count == 3, !t.isEmpty, t.allSatisfy({ $0 != nil }) else { return nil }
        let parts = t.map { $0! }
        let seconds = parts.reversed().enumerated().reduce(0.0) { $0 + $1.element * pow(60, Double($1.offset)) }
        var components = DateComponents()
        (components.year, components.month, components.day) = (d[2], d[1], d[0])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard components.isValidDate(in: calendar), seconds >= 0, seconds < 86_400 * 2, let day = calendar.date(from: components) else {
            return nil
        }
        return day.addingTimeInterval(seconds)
    }
}
