import Testing
import LDFCore

/// Numbers in messages: whole numbers in full, others at 4 (or 6) significant digits.
@Suite struct MessageNumberTests {
    @Test func shortKeepsWholeNumbersAndFourDigits() {
        #expect(MessageNumber.short(600) == "600")
        #expect(MessageNumber.short(86_400) == "86400")
        #expect(MessageNumber.short(-3) == "-3")
        #expect(MessageNumber.short(0.0095) == "0.0095")
        #expect(MessageNumber.short(2.5) == "2.5")
        #expect(MessageNumber.short(1.234_56) == "1.235")
        #expect(MessageNumber.short(0.000_012_345_6) == "1.235e-05")
        #expect(MessageNumber.short(2e9) == "2e+09")
    }

    @Test func preciseHasSixDigits() {
        #expect(MessageNumber.precise(32) == "32")
        #expect(MessageNumber.precise(0.000_723_869_4) == "0.000723869")
        #expect(MessageNumber.precise(1_234_567) == "1.23457e+06")
    }
}
