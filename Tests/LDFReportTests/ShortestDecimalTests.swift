import LDFCore
import Testing
@testable import LDFReport

/// `ShortestDecimal` writes exactly the bytes of `Double.description` (the reference), on values
/// of every kind a trace holds: fixed decimals as read from files, sample times i / rate, moving
/// means (full precision), their neighbours one ulp away, and random bit patterns across and beyond
/// the range it converts itself.
@Suite struct ShortestDecimalTests {
    /// Both writers of `x`: `ShortestDecimal.write`, and whether its exact path took it.
    static func written(_ x: Double) -> (text: String, exact: Bool) {
        var bytes = [UInt8](repeating: 0, count: ShortestDecimal.maximumLength)
        let exact = bytes.withUnsafeMutableBufferPointer { ShortestDecimal.writeExactly(x, to: $0.baseAddress!) != nil }
        let count = bytes.withUnsafeMutableBufferPointer { ShortestDecimal.write(x, to: $0.baseAddress!) }
        return (String(decoding: bytes.prefix(count), as: UTF8.self), exact)
    }

    /// Checks every value and its two neighbours; returns how many took the exact path.
    static func check(_ values: [Double]) -> Int {
        var exact = 0
        for value in values {
            for x in [value, value.nextUp, value.nextDown, -value] {
                let (text, fast) = written(x)
                #expect(text == x.description, "\(x.description) written as \(text)")
                if text != x.description { return exact }
                if fast { exact += 1 }
            }
        }
        return exact
    }

    @Test func handCheckedValues() {
        let cases: [(Double, String)] = [(0, "0.0"), (-0.0, "-0.0"), (1, "1.0"), (0.001, "0.001"), (612.3456, "612.3456"),
                                         (120.001, "120.001"), (3.0000000000000004, "3.0000000000000004"), (0.1 + 0.2, "0.30000000000000004"),
                                         (1234567.0, "1234567.0"), (9007199254740991, "9007199254740991.0"), (-2.5e-3, "-0.0025"),
                                         (1e-5, "1e-05"), (1e16, "1e+16"), (0.5, "0.5"), (86_399.975, "86399.975")]
        for (x, expected) in cases {
            #expect(Self.written(x).text == expected, "\(x)")
        }
        #expect(Self.written(612.3456).exact && Self.written(3.0000000000000004).exact && !Self.written(1e-5).exact)
    }

    @Test func fixedDecimalsAsReadFromFiles() {
        var random = SeededRandom(seed: 18)
        var values: [Double] = []
        for _ in 0..<20_000 {
            let decimals = Int(random.next() % 9)
            let integer = random.next() % 100_000
            let fraction = String(random.next() % 1_000_000_000)
            let padded = String(repeating: "0", count: max(0, 9 - fraction.count)) + fraction
            values.append(Double("\(integer).\(padded.prefix(decimals))0")!)
        }
        let exact = Self.check(values)
        #expect(exact > values.count * 3, "exact path on \(exact) of \(values.count * 4)")
    }

    @Test func sampleTimesAndMovingMeans() {
        var values: [Double] = []
        for rate in [1000.0, 40, 32, 250, 1024, 3] {
            for i in stride(from: 0, to: 3_000_000, by: 997) { values.append(Double(i) / rate + 12.5) }
        }
        var random = SeededRandom(seed: 7)
        var window = (0..<50).map { _ in 200 + 100 * random.uniform() }
        for _ in 0..<10_000 {
            window[Int(random.next() % 50)] = Double(Int(random.uniform() * 1e6)) / 1e4
            values.append(window.reduce(0, +) / 50)
        }
        let exact = Self.check(values)
        #expect(exact > values.count * 3, "exact path on \(exact) of \(values.count * 4)")
    }

    @Test func randomBitPatternsAcrossTheRange() {
        var random = SeededRandom(seed: 53)
        // Exponents from 2^-14 (below 0.001, left to description) to 2^60 (above 2^53, likewise).
        let values = (0..<60_000).map { _ in
            Double(sign: .plus, exponent: Int(random.next() % 75) - 14, significand: 1 + random.uniform())
        }
        _ = Self.check(values)
        let powers = (-12...60).map { Double(sign: .plus, exponent: $0, significand: 1) } + (-4...17).map { Double("1e\($0)")! }
        _ = Self.check(powers)
    }
}
