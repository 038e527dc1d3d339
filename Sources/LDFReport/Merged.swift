/// Two records written as one: the keys of both side by side in one JSON object, and the columns
/// of `first` then `second` in a CSV row. A JSON record adds its own fields to a shared row
/// model this way without nesting it (the occlusions of `ldf porh`, the `porh` record of
/// `ldf stream`).
public struct Merged<First: Codable & Sendable & Equatable, Second: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var first: First
    public var second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    // Written by hand, the one place in the layer: synthesized Codable would nest each part under
    // its property name. Both parts use the same keyed container, which `JSONEncoder`,
    // `JSONDecoder` and the CSV row encoder share between requests.
    public init(from decoder: Decoder) throws {
        first = try First(from: decoder)
        second = try Second(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        try first.encode(to: encoder)
        try second.encode(to: encoder)
    }
}
