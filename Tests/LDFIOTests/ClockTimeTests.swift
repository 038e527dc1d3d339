import Foundation
import Testing
@testable import LDFIO

/// Clock and date cells, Excel serial days, and header name/unit splitting, checked by hand.
@Suite struct ClockTimeTests {
    @Test func clockWithoutDate() throws {
        let t = try #require(ClockTime.parse("10:38:09.047598"))
        #expect(t.day == nil)
        #expect(abs(t.secondsOfDay - (10 * 3600 + 38 * 60 + 9.047598)) < 1e-9)
        #expect(ClockTime.parse("23:59")?.secondsOfDay == 86_340)
        #expect(ClockTime.parse("12:00:01 AM")?.secondsOfDay == 1)
        #expect(ClockTime.parse("1:30:00 PM")?.secondsOfDay == 48_600)
        #expect(ClockTime.parse("10:38:09,5")?.secondsOfDay == 38_289.5)
        #expect(ClockTime.parse("01:23.25")?.secondsOfDay == 83.25)
    }

    @Test func clockWithDates() throws {
        // 2021-12-28 is 18,989 days after 1970-01-01.
        for text in ["2021-12-28 10:00:00", "2021-12-28T10:00:00", "12/28/2021 10:00:00", "28.12.2021 10:00:00",
                     "28/12/2021 10:00:00", "12/28/21 10:00:00"] {
            let t = try #require(ClockTime.parse(text), "\(text)")
            #expect(t.day == 18_989, "\(text)")
            #expect(t.secondsOfDay == 36_000, "\(text)")
        }
        #expect(ClockTime.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(ClockTime.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
    }

    @Test(arguments: ["12.5", "10:61", "25:00:00", "10:00:00 XM", "2021-13-01 10:00", "abc", "10:", ":10"])
    func nonClocksAreRejected(text: String) {
        #expect(ClockTime.parse(text) == nil, "\(text)")
    }

    @Test func excelSerialDays() {
        // Serial 25,569 is 1970-01-01; one day is 86,400 s (not 86,000).
        #expect(ExcelSerialDate.date(fromSerial: 25_569).timeIntervalSince1970 == 0)
        #expect(ExcelSerialDate.seconds(from: 44_558.5, to: 44_559.5) == 86_400)
        #expect(ExcelSerialDate.date(fromSerial: 44_558.5).timeIntervalSince1970 == 1_640_692_800)
    }

    @Test func headerNamesAndUnits() {
        #expect(ColumnHeader(cell: "Flux [PU]") == ColumnHeader(name: "Flux", unit: "PU"))
        #expect(ColumnHeader(cell: " Flux (PU) ") == ColumnHeader(name: "Flux", unit: "PU"))
        #expect(ColumnHeader(cell: "Flux/PU") == ColumnHeader(name: "Flux", unit: "PU"))
        // Snake-case unit suffixes give the unit and keep the name whole.
        #expect(ColumnHeader(cell: "skin_temp_c") == ColumnHeader(name: "skin_temp_c", unit: "°C"))
        #expect(ColumnHeader(cell: "flux_pu") == ColumnHeader(name: "flux_pu", unit: "PU"))
        #expect(ColumnHeader(cell: "cuff_mmHg") == ColumnHeader(name: "cuff_mmHg", unit: "mmHg"))
        #expect(ColumnHeader(cell: "time_s") == ColumnHeader(name: "time_s", unit: ""))
        #expect(ColumnHeader(cell: "c") == ColumnHeader(name: "c", unit: ""))
        #expect(ColumnHeader(cell: "Date/Time") == ColumnHeader(name: "Date/Time", unit: ""))
        #expect(ColumnHeader(cell: "Temp (°C)").unit == "°C")
        #expect(ColumnHeader(cell: "Time [ms]").role == .time(.milliseconds))
        #expect(ColumnHeader(cell: "msec").role == .time(.milliseconds))
        #expect(ColumnHeader(cell: "t").role == .time(.seconds))
        #expect(ColumnHeader(cell: "Excel time").role == .time(.excelSerial))
        #expect(ColumnHeader(cell: "Time (min)").role == .time(.minutes))
        #expect(ColumnHeader(cell: "Comments").role == .marker)
        #expect(ColumnHeader(cell: "Sample").role == .index)
        #expect(ColumnHeader(cell: "Flux").role == .data)
    }
}
