/// A value that is written as JSON `null` (and an empty CSV cell) when it is missing, and, for
/// numbers, when it is NaN or infinite: no output ever holds NaN and no key is ever left out
/// (synthesized `Codable` would drop a nil optional). Use it on every optional of a row model:
/// `@Nullable public var amplitude: Double?`, `@Nullable public var reason: String?`.
@propertyWrapper
public struct Nullable<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The value; nil when missing. A non-finite `Double` is stored as nil.
    public var wrappedValue: Value? {
        get { storage }
        set { storage = Self.finite(newValue) }
    }
    private var storage: Value?

    public init(wrappedValue: Value?) {
        storage = Self.finite(wrappedValue)
    }

    static func finite(_ value: Value?) -> Value? {
        if let x = value as? Double, !x.isFinite { return nil }
        return value
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        storage = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let storage { try c.encode(storage) } else { try c.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as a missing value (rows cached by earlier versions may lack new columns).
    public func decode<Value>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        try decodeIfPresent(type, forKey: key) ?? Nullable(wrappedValue: nil)
    }
}
