import Foundation
import LDFCore

/// Writes a line to standard error (diagnostics; results go to standard output).
func printDiagnostic(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
