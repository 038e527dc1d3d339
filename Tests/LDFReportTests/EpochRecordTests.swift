import Testing
import LDFReport

/// The epoch record's units: every numeric column has one, text columns none.
@Suite struct EpochRecordTests {
    @Test func everyNumericColumnHasAUnit() {
        let text: Set = ["interval", "channel", "flux_unit", "null_reasons"]
        let numeric = Set(ReportColumns.names(of: EpochRecord.self)).subtracting(text)
        let units = EpochRecord.units(fluxUnit: "PU")
        #expect(Set(units.keys) == numeric)
        #expect(units["mean"] == "PU" && units["cvc"] == "PU/mmHg" && units["percent_change"] == "%" && units["start_s"] == "s")
        #expect(EpochRecord.units(fluxUnit: "")["sd"] == "signal unit")
    }
}
