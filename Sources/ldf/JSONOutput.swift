import Foundation
import LDFCore

/// JSON for standard output and files: snake_case keys, sorted, pretty-printed, slashes unescaped. Values that
/// may be NaN are modelled as optionals (see `finiteOrNil`), so NaN never reaches JSON.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(value)
    }

    static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}

/// `nil` for NaN or infinite values, so JSON shows `null`.
func finiteOrNil(_ x: Double) -> Double? { x.isFinite ? x : nil }

/// Name and version recorded in every output.
struct ToolkitStamp: Codable {
    var name = Toolkit.name
    var version = Toolkit.version
}

/// Writes a line to standard error (diagnostics; results go to standard output).
func printDiagnostic(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
