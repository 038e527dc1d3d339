import Foundation
import LDFSimulation
import Testing
@testable import LDFIO

/// The byte-level number parser must give exactly what `Double(String)` (correctly rounded)
/// gives, on every path: the exact fast path and the `strtod` fallback.
@Suite struct DecimalParserTests {
    @Test(arguments: [
        "0", "-0", "1", "+1", "12.5", "-12.5", ".5", "5.", "0.001", "613.75", "-8.44", "1e3", "1E-3", "2.5e+2",
        "4.4558443160273120e+004", "0.1", "0.7", "123456789012345678", "9007199254740993", "1.7976931348623157e308",
        "4.9e-324", "2.2250738585072014e-308", "0.30000000000000004", "3.141592653589793238462643383279",
        "00012.50", "1e22", "1e23", "8.589973e9",
        // The short path's limits: 19 digits, 2^53, 22 fraction digits, then the general path.
        "9007199254740992", "9007199254740992.0", "1234567890123456789", "0.0000000000000000000001",
        "0.00000000000000000000001", "-0.000", "0000000000000000000.5", "103.4257",
    ])
    func knownCellsMatchFoundation(text: String) throws {
        let expected = try #require(Double(text))
        let parsed = try #require(DecimalParser.parse(text))
        #expect(parsed.bitPattern == expected.bitPattern, "\(text)")
    }

    @Test(arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "12a", "a12", "1,5", " 1", "--1", "0x10", "inf", "nan"])
    func nonNumbersAreRejected(text: String) {
        #expect(DecimalParser.parse(text) == nil, "\(text)")
    }

    @Test func decimalCommaWhenAsked() {
        #expect(DecimalParser.parse("12,5", decimalSeparator: UInt8(ascii: ",")) == 12.5)
        #expect(DecimalParser.parse("-0,001", decimalSeparator: UInt8(ascii: ",")) == -0.001)
        #expect(DecimalParser.parse("12.5", decimalSeparator: UInt8(ascii: ",")) == nil)
    }

    /// Seeded random values written in several styles (shortest round-trip, fixed digits, long
    /// mantissas, exponents) parse bit-identically to `Double(String)`.
    /// Cells inside a longer buffer, as the readers see them: every digit count up to 20 on either
    /// side of the separator, each kind of byte after the cell, and the cell's end before more
    /// digits in the buffer.
    @Test func cellsInsideLongerBuffersMatchFoundation() throws {
        var random = SeededRandom(seed: 20_261_204)
        let followers: [UInt8] = Array(",;\t :/\r\ne.-".utf8) + [0x7F, 0xC3, 0x2F, 0x3A, 0x00]
        var mismatches: [String] = []
        for integerDigits in 0...20 {
            for fractionDigits in 0...20 where integerDigits + fractionDigits > 0 {
                let digits = (0..<(integerDigits + fractionDigits)).map { _ in Character(String(Int(random.uniform() * 10) % 10)) }
                let integer = String(digits.prefix(integerDigits)), fraction = String(digits.suffix(fractionDigits))
                let text = (random.uniform() < 0.3 ? "-" : "") + integer + (fractionDigits > 0 ? "." + fraction : "")
                guard let expected = Double(text) else { continue }
                for follower in followers {
                    let buffer = Array(text.utf8) + [follower] + Array("12345678901234567890".utf8)
                    let cell = text.utf8.count
                    let (whole, stop) = buffer.withUnsafeBufferPointer { DecimalParser.scan($0, 0, buffer.count, decimalSeparator: UInt8(ascii: ".")) }
                    let bounded = buffer.withUnsafeBufferPointer { DecimalParser.parse($0, 0, cell, decimalSeparator: UInt8(ascii: ".")) }
                    if bounded?.bitPattern != expected.bitPattern { mismatches.append("\(text) bounded") }
                    let digitFollows = follower >= 0x30 && follower <= 0x39
                    let exponentFollows = follower == UInt8(ascii: "e") || (follower == UInt8(ascii: ".") && fractionDigits == 0)
                    if !digitFollows && !exponentFollows && (stop != cell || whole?.bitPattern != expected.bitPattern) {
                        mismatches.append("\(text) then \(follower)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func randomValuesRoundTripExactly() throws {
        var random = SeededRandom(seed: 20_260_421)
        var mismatches: [String] = []
        for i in 0..<20_000 {
            let magnitude = pow(10, random.uniform() * 40 - 20)
            let value = (random.uniform() - 0.5) * 2 * magnitude
            let text: String
            switch i % 5 {
            case 0: text = "\(value)"
            case 1: text = String(format: "%.3f", value)
            case 2: text = String(format: "%.17g", value)
            case 3: text = String(format: "%.25e", value)
            default: text = String(format: "%.\(Int(random.uniform() * 12))f", value * 1000)
            }
            guard let expected = Double(text) else { continue }
            let parsed = DecimalParser.parse(text)
            if parsed?.bitPattern != expected.bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
