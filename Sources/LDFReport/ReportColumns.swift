/// Flattens a row model into named CSV cells, in the order its properties are declared, with the
/// same snake_case names as its JSON keys, so a record kind has one layout in every format.
///
/// A row model is a flat `Codable` struct of strings, integers, booleans, `Double`s and
/// `@Nullable` numbers (nil is an empty cell). Nested rows are flattened in place (their columns
/// follow in declaration order); arrays are not allowed in a row.
public enum ReportColumns {
    /// One cell: its column name and text.
    public struct Cell: Sendable, Equatable {
        public var name: String
        public var text: String
    }

    /// The cells of `row`. A row model that cannot be flattened (it holds an array, or its
    /// encoding throws) is a programmer error and traps.
    public static func cells<Row: Encodable>(of row: Row) -> [Cell] {
        let encoder = RowEncoder()
        do { try row.encode(to: encoder) } catch { preconditionFailure("\(Row.self) is not a flat report row: \(error)") }
        return encoder.sink.cells
    }

    /// The texts of `row`'s cells (`cells(of:)` without the column names, which a CSV data row
    /// does not need; they take as long as the values to spell).
    public static func texts<Row: Encodable>(of row: Row) -> [String] {
        let encoder = RowEncoder(sink: CellSink(namesWanted: false))
        do { try row.encode(to: encoder) } catch { preconditionFailure("\(Row.self) is not a flat report row: \(error)") }
        return encoder.sink.cells.map(\.text)
    }

    /// The column names of `Row`, without an instance (read off its synthesized decoder).
    public static func names<Row: Decodable>(of type: Row.Type) -> [String] {
        let decoder = KeyRecordingDecoder()
        _ = try? Row(from: decoder)
        return decoder.sink.names
    }

    /// A JSON key as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` writes it
    /// (`lowHz` → `low_hz`, `tStartS` → `t_start_s`).
    /// Called for every cell of every row, so an ASCII key (every row model's) takes the byte
    /// path, which applies the same rule about 50 times faster.
    public static func snakeCase(_ key: String) -> String {
        asciiSnakeCase(key) ?? characterSnakeCase(key)
    }

    /// `snakeCase` on Characters (any Unicode key).
    static func characterSnakeCase(_ key: String) -> String {
        var out = ""
        let characters = Array(key)
        for (i, c) in characters.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = characters[i - 1]
                let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out.append("_") }
            }
            out += c.lowercased()
        }
        return out
    }

    /// `snakeCase` on the bytes of an ASCII key, nil for any other: for ASCII, Character's
    /// isUppercase, isLowercase and isNumber are A-Z, a-z and 0-9, and lowercased() maps A-Z alone.
    static func asciiSnakeCase(_ key: String) -> String? {
        let bytes = Array(key.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for (i, b) in bytes.enumerated() {
            if isUpper(b), i > 0 {
                let previous = bytes[i - 1]
                let nextIsLower = i + 1 < bytes.count && isLower(bytes[i + 1])
                if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) { out.append(0x5F) }
            }
            out.append(isUpper(b) ? b + 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where a row's cells accumulate while it is encoded.
final class CellSink {
    var cells: [ReportColumns.Cell] = []
    var names: [String] = []
    /// False when only the cells' texts are read: names are left empty.
    let namesWanted: Bool

    init(namesWanted: Bool = true) { self.namesWanted = namesWanted }

    /// The column name of `key` (empty when names are not wanted).
    func name(_ key: String) -> String { namesWanted ? ReportColumns.snakeCase(key) : "" }
}

/// An `Encoder` that writes each keyed value of a flat row as one cell.
struct RowEncoder: Encoder {
    var sink = CellSink()
    var prefix: String? = nil
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RowContainer<Key>(sink: sink, codingPath: codingPath))
    }
    func unkeyedContainer() -> UnkeyedEncodingContainer { preconditionFailure("a report row holds no arrays (\(codingPath))") }
    func singleValueContainer() -> SingleValueEncodingContainer { CellContainer(sink: sink, name: prefix ?? "value", codingPath: codingPath) }
}

struct RowContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    var sink: CellSink
    var codingPath: [CodingKey]

    func add(_ key: Key, _ text: String) { sink.cells.append(.init(name: sink.name(key.stringValue), text: text)) }
    mutating func encodeNil(forKey key: Key) throws { add(key, "") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, String(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(key, ReportNumber.exact(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, String(value)) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { add(key, value ?? "") }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { add(key, ReportNumber.exact(value)) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { add(key, ReportNumber.exact(value)) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { add(key, value.map { String($0) } ?? "") }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: RowEncoder(sink: sink, prefix: sink.name(key.stringValue), codingPath: codingPath + [key]))
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { add(key, "") }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RowContainer<NestedKey>(sink: sink, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        preconditionFailure("a report row holds no arrays (\(key.stringValue))")
    }
    mutating func superEncoder() -> Encoder { RowEncoder(sink: sink, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { RowEncoder(sink: sink, codingPath: codingPath + [key]) }
}

/// A single value (a `@Nullable` number, a raw-value enum) as the cell named after its key.
struct CellContainer: SingleValueEncodingContainer {
    var sink: CellSink
    var name: String
    var codingPath: [CodingKey]

    func add(_ text: String) { sink.cells.append(.init(name: name, text: text)) }
    mutating func encodeNil() throws { add("") }
    mutating func encode(_ value: Bool) throws { add(String(value)) }
    mutating func encode(_ value: String) throws { add(value) }
    mutating func encode(_ value: Double) throws { add(ReportNumber.exact(value)) }
    mutating func encode(_ value: Float) throws { add(ReportNumber.exact(Double(value))) }
    mutating func encode(_ value: Int) throws { add(String(value)) }
    mutating func encode(_ value: Int8) throws { add(String(value)) }
    mutating func encode(_ value: Int16) throws { add(String(value)) }
    mutating func encode(_ value: Int32) throws { add(String(value)) }
    mutating func encode(_ value: Int64) throws { add(String(value)) }
    mutating func encode(_ value: UInt) throws { add(String(value)) }
    mutating func encode(_ value: UInt8) throws { add(String(value)) }
    mutating func encode(_ value: UInt16) throws { add(String(value)) }
    mutating func encode(_ value: UInt32) throws { add(String(value)) }
    mutating func encode(_ value: UInt64) throws { add(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: RowEncoder(sink: sink, prefix: name, codingPath: codingPath))
    }
}
