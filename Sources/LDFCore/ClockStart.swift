import Foundation

/// The wall-clock time of a recording's first sample as the file writes it: local time of the
/// recording computer, with no time zone (files rarely state one), to the microsecond. A file may
/// give only the time of day (a clock-time column without dates); then `day` is nil.
public struct ClockStart: Sendable, Equatable, Codable {
    /// Days since 1970-01-01 of the calendar date, when the file gives one.
    public var day: Int?
    /// Seconds since midnight, 0 ≤ value < 86,400.
    public var secondsOfDay: Double

    public init(day: Int?, secondsOfDay: Double) {
        let carry = (secondsOfDay / 86_400).rounded(.down)
        self.day = day.map { $0 + Int(carry) }
        self.secondsOfDay = secondsOfDay - carry * 86_400
    }

    /// From a date holding the local clock reading stored as if it were UTC.
    public init(date: Date) {
        let seconds = date.timeIntervalSince1970
        let days = (seconds / 86_400).rounded(.down)
        self.init(day: Int(days), secondsOfDay: seconds - days * 86_400)
    }

    /// The clock reading as a `Date` stored as if UTC (nil without a calendar date).
    public var date: Date? { day.map { Date(timeIntervalSince1970: Double($0) * 86_400 + secondsOfDay) } }

    /// The clock `seconds` later (past midnight, the day advances when there is one).
    public func adding(_ seconds: Double) -> ClockStart {
        ClockStart(day: day, secondsOfDay: secondsOfDay + seconds)
    }

    /// `2021-12-28T10:38:09.047598` (local time as written, no `Z`), or `10:38:09.047598` without a
    /// date; the fraction has at most six digits, trailing zeros removed.
    public var text: String {
        var micro = Int((secondsOfDay * 1_000_000).rounded())
        var dayValue = day
        if micro >= 86_400_000_000 {
            micro -= 86_400_000_000
            dayValue = dayValue.map { $0 + 1 }
        }
        let whole = micro / 1_000_000, fraction = micro % 1_000_000
        var clock = String(format: "%02d:%02d:%02d", whole / 3600, (whole / 60) % 60, whole % 60)
        if fraction > 0 {
            var digits = String(format: "%06d", fraction)
            while digits.hasSuffix("0") { digits.removeLast() }
            clock += "." + digits
        }
        guard let dayValue else { return clock }
        let (y, m, d) = Self.civil(fromDays: dayValue)
        return String(format: "%04d-%02d-%02dT", y, m, d) + clock
    }

    /// Year, month and day of a count of days since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
