import Foundation
import LDFCore

/// The one JSON writer: snake_case keys, sorted, slashes unescaped; pretty-printed for whole
/// outputs, compact for JSON Lines. Numbers that may be NaN are `@Nullable` (or optionals holding
/// finite values only), so NaN never reaches JSON.
public enum ReportJSON {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// A whole output, pretty-printed.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder(pretty: true).encode(value)
    }

    /// A whole output, pretty-printed, as text.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// One JSON Lines record (compact, no line break).
    public static func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder(pretty: false).encode(value), as: UTF8.self)
    }
}

/// Name and version recorded in every output.
public struct ToolkitStamp: Codable, Sendable, Equatable {
    public var name = Toolkit.name
    public var version = Toolkit.version
    public init() {}
}
