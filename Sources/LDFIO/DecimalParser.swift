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
    /// Powers of ten that are exact doubles (10^0 ... 10^22).
    static let exactPowersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// The number in `bytes[start..<end]`, or nil when the cell is not a plain decimal number.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, decimalSeparator: UInt8) -> Double? {
        var i = start
        guard i < end else { return nil }
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
        guard digits > 0 else { return nil }
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
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -written : written
        }
        guard i == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significantDigits <= 19 && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 { value /= exactPowersOfTen[-exponent] } else { value *= exactPowersOfTen[exponent] }
            return negative ? -value : value
        }
        return slowParse(bytes, start, end, decimalSeparator: decimalSeparator)
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
