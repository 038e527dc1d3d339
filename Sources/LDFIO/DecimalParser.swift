#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, without building a `String` per cell.
///
/// Accepted: optional sign, digits with an optional decimal separator (`.` or, for European
/// exports, `,`), an optional exponent (`e`/`E`, optional sign, digits). At least one digit is
/// required; surrounding spaces are the caller's business.
///
/// Exactness: the result is the correctly rounded double, like `Double(String)`. The fast path
/// (Clinger 1990) is used when the significant digits fit in 2^53 and the decimal exponent is
/// within ±22, where one IEEE multiplication or division of two exact doubles rounds correctly;
/// everything else (long mantissas, large exponents) goes to the C library's `strtod`, which is
/// correctly rounded in glibc and Apple's libc.
enum DecimalParser {
    /// 10^k for 0 <= k <= 22, the powers of ten that are exact doubles (a switch, so the hot loop
    /// needs no lazily initialised global).
    @inline(__always)
    static func exactPowerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// The number in `bytes[start..<end]`, or nil when the cell is not a plain decimal number.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimalSeparator: UInt8) -> Double? {
        let (value, stop) = scan(bytes, start, end, decimalSeparator: decimalSeparator)
        return stop == end ? value : nil
    }

    /// Reads the longest number starting at `start` (no leading blanks) and returns it with the
    /// index where reading stopped; the value is nil when no number starts there. Lets the
    /// reader parse a cell and find its delimiter in one pass.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimalSeparator: UInt8) -> (Double?, Int) {
        if let short = scanShort(bytes, start, end, decimalSeparator: decimalSeparator) { return short }
        return scanAny(bytes, start, end, decimalSeparator: decimalSeparator)
    }

    /// The common cell, `[-+]digits[.digits]` with at most 19 digits and no exponent, whose digits
    /// (leading zeros included, which add nothing) form the exact mantissa, and whose value the
    /// fast path rounds correctly; nil sends the cell to `scanAny`. Same results as `scanAny`,
    /// with one test per digit instead of four.
    @inline(__always)
    private static func scanShort(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                  decimalSeparator: UInt8) -> (Double?, Int)? {
        var i = start
        guard i < end else { return nil }
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative || bytes[i] == UInt8(ascii: "+") { i += 1 }
        let digitsStart = i
        var mantissa: UInt64 = 0
        while i < end, case let d = bytes[i] &- 48, d < 10 { mantissa = mantissa &* 10 &+ UInt64(d); i += 1 }
        var digits = i - digitsStart, fractionDigits = 0
        if i < end && bytes[i] == decimalSeparator {
            i += 1
            let fractionStart = i
            while i < end, case let d = bytes[i] &- 48, d < 10 { mantissa = mantissa &* 10 &+ UInt64(d); i += 1 }
            fractionDigits = i - fractionStart
            digits += fractionDigits
        }
        guard digits > 0, digits <= 19, fractionDigits <= 22, mantissa <= (1 << 53) else { return nil }
        if i < end && (bytes[i] | 0x20) == UInt8(ascii: "e") { return nil }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
        let value = Double(mantissa) / exactPowerOfTen(fractionDigits)
        return (negative ? -value : value, i)
    }

    /// `scan` for every accepted form (exponents, long mantissas).
    private static func scanAny(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimalSeparator: UInt8) -> (Double?, Int) {
        var i = start
        guard i < end else { return (nil, i) }
        var negative = false
        let first = bytes[i]
        if first == UInt8(ascii: "-") { negative = true; i += 1 } else if first == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digits = 0
        var exponent = 0
        // Integer part.
        while i < end {
            let d = bytes[i] &- 48
            guard d < 10 else { break }
            digits += 1
            if mantissa != 0 || d != 0 {
                if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                } else {
                    exponent += 1
                }
                significantDigits += 1
            }
            i += 1
        }
        // Fraction.
        if i < end && bytes[i] == decimalSeparator {
            i += 1
            while i < end {
                let d = bytes[i] &- 48
                guard d < 10 else { break }
                digits += 1
                if mantissa != 0 || d != 0 {
                    if significantDigits < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        exponent -= 1
                    }
                    significantDigits += 1
                } else {
                    exponent -= 1
                }
                i += 1
            }
        }
        guard digits > 0 else { return (nil, i) }
        // Exponent.
        if i < end && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var expDigits = 0
            while i < end {
                let d = bytes[i] &- 48
                guard d < 10 else { break }
                if written < 100_000 { written = written * 10 + Int(d) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return (nil, i) }
            exponent += expNegative ? -written : written
        }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
        if significantDigits <= 19 && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 { value /= exactPowerOfTen(-exponent) } else { value *= exactPowerOfTen(exponent) }
            return (negative ? -value : value, i)
        }
        return (slowParse(bytes, start, i, decimalSeparator: decimalSeparator), i)
    }

    /// Correctly rounded conversion through `strtod` for the rare cells the fast path cannot do.
    static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimalSeparator: UInt8) -> Double? {
        var text = [CChar](repeating: 0, count: end - start + 1)
        for k in start..<end {
            let b = bytes[k]
            text[k - start] = CChar(bitPattern: b == decimalSeparator ? UInt8(ascii: ".") : b)
        }
        return text.withUnsafeBufferPointer { buffer -> Double? in
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &stop)
            guard let stop, stop - UnsafeMutablePointer(mutating: buffer.baseAddress!) == end - start else { return nil }
            return value
        }
    }

    /// Convenience for tests and header cells: parses a whole string.
    static func parse(_ text: String, decimalSeparator: UInt8 = UInt8(ascii: ".")) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { parse($0, 0, $0.count, decimalSeparator: decimalSeparator) }
    }
}
