/// A `Decoder` that answers every request with an empty value and records the keys asked for, so
/// the column names of a row model are known without an instance (see `ReportColumns.names`).
struct KeyRecordingDecoder: Decoder {
    var sink = CellSink()
    var prefix: String? = nil
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RecordingContainer<Key>(sink: sink, codingPath: codingPath))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a report row holds no arrays"))
    }
    func singleValueContainer() throws -> SingleValueDecodingContainer {
        if let prefix { sink.names.append(prefix) }
        return EmptyValue(codingPath: codingPath)
    }
}

struct RecordingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    var sink: CellSink
    var codingPath: [CodingKey]
    var allKeys: [Key] { [] }

    func record(_ key: Key) { sink.names.append(ReportColumns.snakeCase(key.stringValue)) }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { record(key); return true }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { record(key); return false }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { record(key); return "" }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { record(key); return 0 }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { record(key); return 0 }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { record(key); return nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { record(key); return nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { record(key); return nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { record(key); return nil }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: KeyRecordingDecoder(sink: sink, prefix: ReportColumns.snakeCase(key.stringValue), codingPath: codingPath + [key]))
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decode(type, forKey: key)
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(RecordingContainer<NestedKey>(sink: sink, codingPath: codingPath + [key]))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a report row holds no arrays"))
    }
    func superDecoder() throws -> Decoder { KeyRecordingDecoder(sink: sink, codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { KeyRecordingDecoder(sink: sink, codingPath: codingPath + [key]) }
}

/// The empty value of a single-value request: nil where allowed, else zero, "" or false.
struct EmptyValue: SingleValueDecodingContainer {
    var codingPath: [CodingKey]
    func decodeNil() -> Bool { true }
    func decode(_ type: Bool.Type) throws -> Bool { false }
    func decode(_ type: String.Type) throws -> String { "" }
    func decode(_ type: Double.Type) throws -> Double { 0 }
    func decode(_ type: Float.Type) throws -> Float { 0 }
    func decode(_ type: Int.Type) throws -> Int { 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { 0 }
    func decode(_ type: Int16.Type) throws -> Int16 { 0 }
    func decode(_ type: Int32.Type) throws -> Int32 { 0 }
    func decode(_ type: Int64.Type) throws -> Int64 { 0 }
    func decode(_ type: UInt.Type) throws -> UInt { 0 }
    func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
    func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
    func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
    func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: KeyRecordingDecoder(codingPath: codingPath)) }
}
