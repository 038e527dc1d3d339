import Foundation

/// The one number formatter of every output (docs/METHODS.md §17).
public enum ReportNumber {
    /// CSV and JSON: the shortest text that reads back as the same `Double`; empty for a missing
    /// or non-finite value (an empty CSV cell, which pandas and R read as missing).
    public static func exact(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return x.description
    }

    /// `exact(x)` written as UTF-8 at `p` (room for `longestExact` bytes), without making a
    /// `String` (for outputs of millions of numbers); returns the bytes written (0 for a
    /// non-finite value).
    @inline(__always)
    public static func writeExact(_ x: Double, to p: UnsafeMutablePointer<UInt8>) -> Int {
        x.isFinite ? ShortestDecimal.write(x, to: p) : 0
    }

    /// The most bytes `writeExact` writes.
    public static var longestExact: Int { ShortestDecimal.maximumLength }

    /// An integer cell; empty when missing.
    public static func exact(_ x: Int?) -> String { x.map(String.init) ?? "" }

    /// Text reports that need more digits (times in s on long recordings, PORH parameters, `ldf
    /// info`): six significant digits; "–" for a missing or non-finite value.
    public static func precise(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.6g", x)
    }

    /// Text tables: four significant digits; "–" for a missing or non-finite value.
    public static func short(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.4g", x)
    }

    /// Recording files: `x` in fixed point with `decimals` digits after the point (`12.3400`),
    /// appended as UTF-8 to `out` without Foundation formatting (fast for millions of values);
    /// `NaN` for a non-finite value or one of magnitude 1e15 or more, which the readers take as missing.
    /// - Precondition: `decimals` is 0 to 12.
    public static func appendFixed(_ x: Double, decimals: Int, to out: inout [UInt8]) {
        guard x.isFinite, abs(x) < 1e15 else {
            out.append(contentsOf: "NaN".utf8)
            return
        }
        var scaled = (abs(x) * powersOfTen[decimals]).rounded()
        if x < 0 && scaled > 0 { out.append(UInt8(ascii: "-")) }
        var digits: [UInt8] = []
        var count = 0
        repeat {
            let d = scaled.truncatingRemainder(dividingBy: 10)
            digits.append(UInt8(ascii: "0") + UInt8(d))
            scaled = (scaled - d) / 10
            count += 1
            if count == decimals && decimals > 0 { digits.append(UInt8(ascii: ".")) }
        } while scaled >= 1 || count <= decimals
        out.append(contentsOf: digits.reversed())
    }

    private static let powersOfTen = (0...12).map { pow(10.0, Double($0)) }
}
