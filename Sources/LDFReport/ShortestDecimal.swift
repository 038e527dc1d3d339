/// The text of `Double.description` (the shortest decimal that reads back as the same `Double`,
/// the closest of them when several are as short) written straight into bytes, without making a
/// `String`: for the millions of cells of `ldf porh --trace`.
///
/// Values of magnitude 0.001 to 2^53 (which `description` writes in plain decimal, never with an
/// exponent), except exact powers of two, are converted here with exact integer arithmetic
/// (64 × 64 → 128-bit products); every other value is copied from `description`. Let x = M·2^E (M a 53-bit integer, E ≤ 0).
/// The decimals that read back as x are those inside x ± 2^(E−1) (half an ulp; the ends count when M
/// is even, by round-half-even). On the grid of `j` decimals the candidates are the integers c with
/// (2M − 1)·10^j ≤ c·2^(1−E) ≤ (2M + 1)·10^j. Let j* be the fewest decimals whose grid step is at most
/// an ulp (10^j* ≥ 2^−E): that grid has a candidate, and each coarser grid is part of the next finer
/// one, so the grid of j* − 1 decimals (step above an ulp: at most one candidate) holds the shortest
/// answer when it holds any, written with its trailing zeros dropped; otherwise the answer is the
/// candidate of j* closest to x (an exact tie, which `description` breaks its own way, is left to it).
/// Tested against `description` on millions of values (ShortestDecimalTests).
enum ShortestDecimal {
    /// Most bytes `write` writes (`description` of any finite Double is at most 24 characters).
    static let maximumLength = 32

    /// Writes `x` (finite) as `x.description` does at `p` (room for `maximumLength` bytes);
    /// returns the bytes written.
    @inline(__always)
    static func write(_ x: Double, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if let written = writeExactly(x, to: p) { return written }
        var text = x.description
        return text.withUTF8 { utf8 in
            p.update(from: utf8.baseAddress!, count: utf8.count)
            return utf8.count
        }
    }

    /// The exact conversion; nil for the values it leaves to `description`.
    @inline(__always)
    static func writeExactly(_ x: Double, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        if x == 0 {
            return copy(x.sign == .minus ? "-0.0" : "0.0", to: p)
        }
        let magnitude = x.magnitude
        guard magnitude >= 0.001, magnitude < 0x1p53, x.significandBitPattern != 0 else { return nil }
        // x = m·2^e with m = 2^52 + significand bits, e = exponent − 52 (−62 ≤ e ≤ 0).
        let m = x.significandBitPattern | (1 << 52)
        let e = Int(truncatingIfNeeded: x.bitPattern >> 52 & 0x7FF) - 1075
        let shift = 1 - e                       // grid values are compared as c·2^shift (1 ≤ shift ≤ 63)
        let ulpDecimals = decimalsForUlp(-e)    // j*: 10^j* ≥ 2^−e (at most 19)
        let inclusive = m & 1 == 0
        var decimals = ulpDecimals - 1
        var digits: UInt64
        if decimals >= 0, let only = candidates(m, decimals: decimals, shift: shift, inclusive: inclusive)?.lower {
            (digits, decimals) = withoutTrailingZeros(only, decimals: decimals)
        } else {
            decimals = ulpDecimals
            guard let range = candidates(m, decimals: decimals, shift: shift, inclusive: inclusive),
                  let closest = closest(m, decimals: decimals, shift: shift, in: range) else { return nil }
            digits = closest
        }
        var written = 0
        if x < 0 {
            p[0] = UInt8(ascii: "-")
            written = 1
        }
        return written + writeFixed(digits, decimals: decimals, to: p + written)
    }

    /// `digits`·10^−`decimals` with the zeros after the point dropped (fixed-point values such as
    /// 9.6211 come with a dozen of them): eight while they last, then four, two and one.
    @inline(__always)
    private static func withoutTrailingZeros(_ digits: UInt64, decimals: Int) -> (UInt64, Int) {
        var digits = digits, decimals = decimals
        while decimals >= 8 && digits % 100_000_000 == 0 {
            digits /= 100_000_000
            decimals -= 8
        }
        if decimals >= 4 && digits % 10_000 == 0 {
            digits /= 10_000
            decimals -= 4
        }
        if decimals >= 2 && digits % 100 == 0 {
            digits /= 100
            decimals -= 2
        }
        if decimals >= 1 && digits % 10 == 0 {
            digits /= 10
            decimals -= 1
        }
        return (digits, decimals)
    }

    /// The fewest decimals j with 10^j ≥ 2^k (0 ≤ k ≤ 62).
    @inline(__always)
    private static func decimalsForUlp(_ k: Int) -> Int {
        // floor(k·log10 2) from 78913 / 2^18 (exact for k < 1600), then up by one when 10^j < 2^k.
        let j = (k &* 78913) >> 18
        return powerOfTen(j) >= UInt64(1) << UInt64(k) ? j : j + 1
    }

    /// The candidates c on the grid of `decimals` decimals (c·10^−decimals reads back as
    /// x = m·2^(1−shift)), lowest and highest; nil when there is none.
    @inline(__always)
    private static func candidates(_ m: UInt64, decimals: Int, shift: Int, inclusive: Bool) -> (lower: UInt64, upper: UInt64)? {
        let scale = powerOfTen(decimals)
        let low = quotient((2 * m - 1).multipliedFullWidth(by: scale), shift)
        let high = quotient((2 * m + 1).multipliedFullWidth(by: scale), shift)
        // Lowest c with c·2^shift ≥ low (> low when the end is excluded); highest likewise.
        let lower = inclusive && low.remainder == 0 ? low.quotient : low.quotient + 1
        let upper = inclusive || high.remainder != 0 ? high.quotient : high.quotient - 1
        guard lower <= upper else { return nil }
        return (lower, upper)
    }

    /// The candidate in `range` closest to x·10^decimals = 2m·10^decimals / 2^shift; nil on an
    /// exact tie.
    @inline(__always)
    private static func closest(_ m: UInt64, decimals: Int, shift: Int, in range: (lower: UInt64, upper: UInt64)) -> UInt64? {
        let scaled = quotient((2 * m).multipliedFullWidth(by: powerOfTen(decimals)), shift)
        let half = UInt64(1) << UInt64(shift - 1)
        guard scaled.remainder != half else { return nil }
        let nearest = scaled.quotient + (scaled.remainder > half ? 1 : 0)
        return min(max(nearest, range.lower), range.upper)
    }

    /// A 128-bit value divided by 2^shift (1 ≤ shift ≤ 63; the quotient fits 64 bits here:
    /// it is at most about 20·2^53).
    @inline(__always)
    private static func quotient(_ value: (high: UInt64, low: UInt64), _ shift: Int) -> (quotient: UInt64, remainder: UInt64) {
        let s = UInt64(shift)
        return ((value.high << (64 - s)) | (value.low >> s), value.low & ((1 << s) - 1))
    }

    /// `digits` with a decimal point `decimals` places from the right, as `description` writes
    /// it: at least one digit before the point ("0.001") and one after ("12.0").
    @inline(__always)
    private static func writeFixed(_ digits: UInt64, decimals: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let count = digitCount(digits)
        if count > decimals {
            // The digits one place to the right, then the integer part moved left over the point.
            writeDigits(digits, count: count, to: p + 1)
            let integerDigits = count - decimals
            for i in 0..<integerDigits { p[i] = p[i + 1] }
            p[integerDigits] = UInt8(ascii: ".")
            if decimals == 0 {
                p[integerDigits + 1] = UInt8(ascii: "0")
                return integerDigits + 2
            }
            return count + 1
        }
        let zeros = decimals - count
        p[0] = UInt8(ascii: "0")
        p[1] = UInt8(ascii: ".")
        for i in 0..<zeros { p[2 + i] = UInt8(ascii: "0") }
        writeDigits(digits, count: count, to: p + 2 + zeros)
        return 2 + decimals
    }

    /// The decimal digits of `value` (≥ 1, below 10^19).
    @inline(__always)
    private static func digitCount(_ value: UInt64) -> Int {
        // floor(bits·log10 2) from 1233 / 2^12, then up by one when value ≥ 10^that.
        let estimate = ((64 - value.leadingZeroBitCount) &* 1233) >> 12
        return value >= powerOfTen(estimate) ? estimate + 1 : estimate
    }

    /// The `count` digits of `value` at `p`, two per division; values of more than eight digits
    /// as two independent halves (the last eight digits and the rest), which the processor works
    /// on side by side.
    @inline(__always)
    private static func writeDigits(_ value: UInt64, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        guard count > 8 else {
            writeDigits(UInt32(truncatingIfNeeded: value), count: count, to: p)
            return
        }
        let high = value / 100_000_000, low = value % 100_000_000
        writeDigits(UInt32(truncatingIfNeeded: high), count: count - 8, to: p)
        writeDigits(UInt32(truncatingIfNeeded: low), count: 8, to: p + (count - 8))
    }

    /// Exactly `count` digits of `value` (below 10^count; leading zeros written) at `p`.
    @inline(__always)
    private static func writeDigits(_ value: UInt32, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var value = value, end = count
        while end >= 2 {
            let pair = Int(truncatingIfNeeded: value % 100) &* 2
            value /= 100
            end -= 2
            p[end] = pairs[pair]
            p[end + 1] = pairs[pair + 1]
        }
        if end == 1 {
            p[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value)
        }
    }

    private static func copy(_ text: StaticString, to p: UnsafeMutablePointer<UInt8>) -> Int {
        p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }

    /// 10^j for 0 ≤ j ≤ 19 (the most decimals needed: 0.001 ≤ |x| < 2^53 needs at most 19);
    /// a switch (a table in read-only memory) rather than a global array, which the hot loop would
    /// reach through a lazy-initialisation check.
    @inline(__always)
    private static func powerOfTen(_ j: Int) -> UInt64 {
        switch j {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10000
        case 5: 100000
        case 6: 1000000
        case 7: 10000000
        case 8: 100000000
        case 9: 1000000000
        case 10: 10000000000
        case 11: 100000000000
        case 12: 1000000000000
        case 13: 10000000000000
        case 14: 100000000000000
        case 15: 1000000000000000
        case 16: 10000000000000000
        case 17: 100000000000000000
        case 18: 1000000000000000000
        case 19: 10000000000000000000
        default: preconditionFailure("10^\(j) is beyond the table")
        }
    }

    /// "00", "01", ..., "99": two digits per division.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }
}
