import Foundation

/// The one number formatter of every output.
public enum ReportNumber {
    /// CSV and JSON: the shortest text that reads back as the same `Double`; empty for a missing
    /// or non-finite value (an empty CSV cell, which pandas and R read as missing).
    public static func exact(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return "\(x)"
    }

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
}
