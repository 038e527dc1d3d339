import Testing
import LDFReport
import LDFStudy

/// Quartiles by hand (type 7, as numpy and pandas): for 1, 2, 3, 4 the first quartile sits at
/// h = 3 x 0.25 = 0.75, between 1 and 2: 1.75; the third at h = 2.25: 3.25.
@Suite struct GroupStatisticsTests {
    @Test func quartilesByHand() {
        let s = GroupStatistics([4, 1, .nan, 3, 2])
        #expect(s.count == 4)
        #expect(s.mean == 2.5)
        #expect(s.median == 2.5)
        #expect(s.firstQuartile == 1.75)
        #expect(s.thirdQuartile == 3.25)
        #expect(s.interquartileRange == 1.5)
        #expect(abs(s.standardDeviation! - (5.0 / 3).squareRoot()) < 1e-15)
    }

    @Test func smallAndEmptyGroups() {
        let one = GroupStatistics([7])
        #expect(one.count == 1 && one.median == 7 && one.firstQuartile == 7 && one.standardDeviation == nil)
        let none = GroupStatistics([])
        #expect(none.count == 0 && none.mean == nil && none.interquartileRange == nil)
    }

    @Test func csvCellsAndQuoting() {
        var t = CSVTable(columns: ["a", "b"])
        t.append([CSVTable.cell(0.1), CSVTable.cell(Double.nan)])
        t.append(["x, y", "say \"hi\""])
        #expect(t.text == "a,b\n0.1,\n\"x, y\",\"say \"\"hi\"\"\"\n")
    }
}
