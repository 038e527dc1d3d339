import Foundation

/// The one number formatter of messages: errors, warnings and the reasons a value is null.
/// Results (CSV, JSON, text tables) go through LDFReport's `ReportNumber` instead (docs/METHODS.md §17).
public enum MessageNumber {
    /// Whole numbers below 1e9 in full (`600`, `86400`), others at four significant digits
    /// (`0.0095`, `1.234e-05`): frequencies, seconds and rates as a person reads them.
    public static func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.4g", x)
    }

    /// Six significant digits: values quoted from a file (time stamps, sample values, rates).
    public static func precise(_ x: Double) -> String { String(format: "%.6g", x) }
}
