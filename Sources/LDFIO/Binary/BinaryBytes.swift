import Foundation
import LDFCore

/// Bounds-checked reads of fixed-layout fields from a file's bytes (headers of binary formats).
/// Every read names the field it reads, so a short or damaged file gives an error that says which
/// field was cut off, never a trap.
struct BinaryBytes {
    let bytes: [UInt8]
    /// The file's name in messages.
    let source: String
    var count: Int { bytes.count }

    init(_ bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// Throws unless `length` bytes from `offset` are in the file.
    func require(_ offset: Int, _ length: Int, _ field: String) throws {
        guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
            throw truncated(field, needing: offset.addingReportingOverflow(length).partialValue)
        }
    }

    /// The error for a file that ends inside `field`.
    func truncated(_ field: String, needing end: Int) -> LDFError {
        LDFError(source, "the file ends inside the \(field) (it needs at least \(end) bytes; the file has \(bytes.count))",
                 fix: "the file is truncated or damaged: copy or export it again")
    }

    func uint8(_ offset: Int, _ field: String) throws -> UInt8 {
        try require(offset, 1, field)
        return bytes[offset]
    }

    func load<T: FixedWidthInteger>(_ type: T.Type, _ offset: Int, bigEndian: Bool, _ field: String) throws -> T {
        try require(offset, MemoryLayout<T>.size, field)
        let raw = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    func int16(_ offset: Int, bigEndian: Bool = false, _ field: String) throws -> Int {
        Int(try load(Int16.self, offset, bigEndian: bigEndian, field))
    }

    func uint16(_ offset: Int, bigEndian: Bool = false, _ field: String) throws -> Int {
        Int(try load(UInt16.self, offset, bigEndian: bigEndian, field))
    }

    func int32(_ offset: Int, bigEndian: Bool = false, _ field: String) throws -> Int {
        Int(try load(Int32.self, offset, bigEndian: bigEndian, field))
    }

    func uint32(_ offset: Int, bigEndian: Bool = false, _ field: String) throws -> Int {
        Int(try load(UInt32.self, offset, bigEndian: bigEndian, field))
    }

    func float64(_ offset: Int, bigEndian: Bool = false, _ field: String) throws -> Double {
        Double(bitPattern: try load(UInt64.self, offset, bigEndian: bigEndian, field))
    }

    func float32(_ offset: Int, bigEndian: Bool = false, _ field: String) throws -> Double {
        Double(Float(bitPattern: try load(UInt32.self, offset, bigEndian: bigEndian, field)))
    }

    /// A fixed-width text field: up to the first NUL, decoded as UTF-8 (Windows-1252 when it is
    /// not valid UTF-8), surrounding blanks trimmed.
    func text(_ offset: Int, _ length: Int, _ field: String) throws -> String {
        try require(offset, length, field)
        var end = offset
        while end < offset + length && bytes[end] != 0 { end += 1 }
        var ignored = false
        let text = bytes.withUnsafeBufferPointer { TextDecoding.string($0, offset, end, usedFallback: &ignored) }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether the file starts with `magic`.
    static func starts(_ bytes: ArraySlice<UInt8>, with magic: [UInt8]) -> Bool {
        bytes.count >= magic.count && zip(bytes.prefix(magic.count), magic).allSatisfy { $0 == $1 }
    }
}
