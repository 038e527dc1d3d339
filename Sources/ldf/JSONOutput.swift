import Foundation
import LDFCore

/// `nil` for NaN or infinite values, so JSON shows `null`.
func finiteOrNil(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// Writes a line to standard error (diagnostics; results go to standard output).
func printDiagnostic(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
