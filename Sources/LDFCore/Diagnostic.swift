/// A warning or note about a result, returned as data (the library never prints).
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case info, warning }
    public var severity: Severity
    /// A short machine-readable key, e.g. `"too_few_cycles"`, `"gap"`, `"hampel"`.
    public var code: String
    public var message: String

    public init(_ severity: Severity, code: String, _ message: String) {
        self.severity = severity
        self.code = code
        self.message = Excerpt.shortened(message)
    }

    public static func warning(_ code: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code: code, message)
    }

    public static func info(_ code: String, _ message: String) -> Diagnostic {
        Diagnostic(.info, code: code, message)
    }

    public var description: String { "\(severity.rawValue): \(message)" }
}
