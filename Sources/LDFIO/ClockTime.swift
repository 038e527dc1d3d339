import Foundation

/// A wall-clock stamp read from a cell: an optional calendar date and the time of day.
///
/// Accepted layouts: `hh:mm`, `hh:mm:ss`, `hh:mm:ss.fff` (any number of fraction digits, `.` or
/// `,`), `mm:ss.fff` (a fraction after the second field means minutes and seconds), optionally
/// followed by `AM`/`PM`, optionally preceded by a date and a space or `T`:
/// `yyyy-mm-dd`, `yyyy/mm/dd`, `dd.mm.yyyy`, `mm/dd/yyyy` (US order, as LabChart writes; read as
/// `dd/mm/yyyy` when the first number exceeds 12), with two-digit years taken as 20yy.
struct ClockTime: Equatable {
    /// Days since 1970-01-01 of the date, when the cell has one.
    var day: Int?
    /// Seconds since midnight.
    var secondsOfDay: Double

    /// Seconds since 1970-01-01 00:00 (the date taken as UTC; files rarely state a zone), or the
    /// seconds of the day when there is no date.
    var secondsSinceEpochOrDay: Double { Double(day ?? 0) * 86_400 + secondsOfDay }

    /// Parses `bytes[start..<end]`; nil when the cell is not a clock time.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> ClockTime? {
        var scanner = Scanner8(bytes: bytes, index: start, end: end)
        var day: Int?
        // A date first, when the cell holds a separator before any colon.
        if let dateEnd = (start..<end).first(where: { bytes[$0] == 0x20 || bytes[$0] == UInt8(ascii: "T") }),
           (start..<dateEnd).contains(where: { bytes[$0] == UInt8(ascii: "-") || bytes[$0] == UInt8(ascii: "/") || bytes[$0] == UInt8(ascii: ".") }),
           !(start..<dateEnd).contains(where: { bytes[$0] == UInt8(ascii: ":") }) {
            guard let d = parseDate(bytes, start, dateEnd) else { return nil }
            day = d
            scanner.index = dateEnd + 1
            while scanner.index < end && bytes[scanner.index] == 0x20 { scanner.index += 1 }
        }
        guard let hours = scanner.integer(maxDigits: 2), scanner.consume(UInt8(ascii: ":")),
              let minutes = scanner.integer(maxDigits: 2), minutes < 60 else { return nil }
        var seconds = 0.0
        if day == nil, scanner.index < end, bytes[scanner.index] == UInt8(ascii: ".") || bytes[scanner.index] == UInt8(ascii: ",") {
            // `mm:ss.fff` (elapsed minutes and seconds, as some exports write).
            scanner.index += 1
            var value = Double(hours * 60 + minutes)
            var scale = 0.1
            var any = false
            while let d = scanner.digit() {
                value += Double(d) * scale
                scale /= 10
                any = true
            }
            guard any, scanner.index == end else { return nil }
            return ClockTime(day: nil, secondsOfDay: value)
        }
        if scanner.consume(UInt8(ascii: ":")) {
            guard let whole = scanner.integer(maxDigits: 2), whole < 61 else { return nil }
            seconds = Double(whole)
            if scanner.consume(UInt8(ascii: ".")) || scanner.consume(UInt8(ascii: ",")) {
                var scale = 0.1
                var any = false
                while let d = scanner.digit() {
                    seconds += Double(d) * scale
                    scale /= 10
                    any = true
                }
                guard any else { return nil }
            }
        }
        var h = hours
        while scanner.index < end && bytes[scanner.index] == 0x20 { scanner.index += 1 }
        if scanner.index + 2 == end {
            let a = bytes[scanner.index] | 0x20, m = bytes[scanner.index + 1] | 0x20
            guard m == UInt8(ascii: "m"), a == UInt8(ascii: "a") || a == UInt8(ascii: "p"), (1...12).contains(h) else { return nil }
            if a == UInt8(ascii: "p") && h != 12 { h += 12 }
            if a == UInt8(ascii: "a") && h == 12 { h = 0 }
            scanner.index = end
        }
        guard scanner.index == end, h < 24 else { return nil }
        return ClockTime(day: day, secondsOfDay: Double(h * 3600 + minutes * 60) + seconds)
    }

    /// Convenience for strings (header values, tests).
    static func parse(_ text: String) -> ClockTime? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { parse($0, 0, $0.count) }
    }

    /// Days since 1970-01-01 of a date cell, or nil.
    static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var parts: [Int] = []
        var digitsInPart: [Int] = []
        var current = 0, count = 0
        var separator: UInt8?
        for i in start..<end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                current = current * 10 + Int(b - 48)
                count += 1
                guard count <= 4 else { return nil }
            } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".") {
                guard count > 0, separator == nil || separator == b else { return nil }
                separator = b
                parts.append(current); digitsInPart.append(count)
                current = 0; count = 0
            } else {
                return nil
            }
        }
        guard count > 0 else { return nil }
        parts.append(current); digitsInPart.append(count)
        guard parts.count == 3 else { return nil }
        var year: Int, month: Int, dayOfMonth: Int
        if digitsInPart[0] == 4 {
            (year, month, dayOfMonth) = (parts[0], parts[1], parts[2])
        } else if separator == UInt8(ascii: ".") || parts[0] > 12 {
            (dayOfMonth, month, year) = (parts[0], parts[1], parts[2])
        } else {
            (month, dayOfMonth, year) = (parts[0], parts[1], parts[2])
        }
        if digitsInPart[0] != 4 && digitsInPart[2] <= 2 { year += 2000 }
        guard (1...12).contains(month), (1...31).contains(dayOfMonth) else { return nil }
        return daysFromCivil(year: year, month: month, day: dayOfMonth)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// Excel serial day numbers (days since 1899-12-30, the fraction being the time of day), as
/// written by Excel and LabChart's `ExcelDateTime`.
enum ExcelSerialDate {
    /// 1899-12-30 is 25,569 days before 1970-01-01.
    static let daysBeforeUnixEpoch = 25_569.0

    /// The date of an Excel serial day number (taken as UTC).
    static func date(fromSerial serial: Double) -> Date {
        Date(timeIntervalSince1970: (serial - daysBeforeUnixEpoch) * 86_400)
    }

    /// Seconds between two serial day numbers: `(serial - reference) * 86,400`
    /// (not 86,000, a published macro's mistake; docs/METHODS.md §1.1).
    static func seconds(from reference: Double, to serial: Double) -> Double {
        (serial - reference) * 86_400
    }
}

/// A tiny forward scanner over bytes for the clock parser.
private struct Scanner8 {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int

    mutating func digit() -> Int? {
        guard index < end else { return nil }
        let d = bytes[index] &- 48
        guard d < 10 else { return nil }
        index += 1
        return Int(d)
    }

    mutating func integer(maxDigits: Int) -> Int? {
        var value = 0, count = 0
        while count < maxDigits, let d = digit() {
            value = value * 10 + d
            count += 1
        }
        return count > 0 ? value : nil
    }

    mutating func consume(_ b: UInt8) -> Bool {
        guard index < end && bytes[index] == b else { return false }
        index += 1
        return true
    }
}
