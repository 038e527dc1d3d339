import Foundation
import LDFCore

/// The numeric variables of a MATLAB level 5 MAT-file (MathWorks, "MAT-File Format", 2021):
/// a 128-byte header (text, subsystem offset, version 0x0100 and the endian mark `IM`/`MI`),
/// then data elements, each an 8-byte tag (type and size; or a 4-byte "small element" tag when
/// the size fits in its upper half) padded to 8 bytes. `miCOMPRESSED` elements hold a zlib
/// stream of further elements. `miMATRIX` elements hold array flags (class), dimensions, a name
/// and the data; struct arrays hold their field names and a matrix per field and element.
struct MATFile {
    /// A numeric array found in the file, by its path (`x`, `s.field`, `s(2).field`).
    struct Variable {
        var name: String
        var dimensions: [Int]
        /// Column-major values (the real part of complex arrays).
        var values: [Double]
        var isComplex: Bool
        var count: Int { values.count }
        /// A vector (one dimension above 1), or a scalar.
        var isVector: Bool { dimensions.filter { $0 > 1 }.count <= 1 }
    }

    var variables: [Variable] = []
    /// Names of arrays that are not numeric (char, cell, sparse, objects), with their class.
    var skipped: [String] = []
    var bigEndian = false

    /// Limits that keep a hostile file from asking for unbounded work.
    static let maximumDepth = 16
    static let maximumInflatedBytes = 4 << 30

    static let classNames: [Int: String] = [1: "cell", 2: "struct", 3: "object", 4: "char", 5: "sparse", 16: "function"]

    static func parse(_ file: BinaryBytes) throws -> MATFile {
        try file.require(0, 128, "MAT-file header")
        let head = String(decoding: file.bytes[0..<116], as: UTF8.self)
        if head.hasPrefix("MATLAB 7.3 MAT-file") {
            throw LDFError(file.source, "this is a MATLAB version 7.3 MAT-file (HDF5), which the toolkit does not read",
                           fix: "in MATLAB save it as version 7 with save(FILE, VARIABLES..., '-v7'), or export the data as CSV")
        }
        let mark = (file.bytes[126], file.bytes[127])
        var mat = MATFile()
        switch mark {
        case (0x49, 0x4D): mat.bigEndian = false
        case (0x4D, 0x49): mat.bigEndian = true
        default:
            throw LDFError(file.source, "the MAT-file header has no endian mark ('IM' or 'MI' at byte 126)",
                           fix: "the file is damaged or not a MATLAB level 5 MAT-file")
        }
        try mat.parseElements(file, from: 128, to: file.count, prefix: nil, depth: 0)
        return mat
    }

    /// The elements in `file[start..<end]`.
    mutating func parseElements(_ file: BinaryBytes, from start: Int, to end: Int, prefix: String?, depth: Int) throws {
        var offset = start
        while offset + 8 <= end {
            let tag = try elementTag(file, at: offset)
            let dataStart = offset + (tag.small ? 4 : 8)
            guard tag.size <= end - dataStart else {
                throw LDFError(file.source, "a data element at byte \(offset) claims \(tag.size) bytes but the file ends first",
                               fix: "the file is truncated: save it again")
            }
            switch tag.type {
            case 15:
                guard depth < Self.maximumDepth else { throw nested(file) }
                let inflated = try Inflate.zlib(file.bytes, dataStart..<dataStart + tag.size, limit: Self.maximumInflatedBytes,
                                                what: "compressed element at byte \(offset)", source: file.source)
                try parseElements(BinaryBytes(inflated, source: file.source), from: 0, to: inflated.count, prefix: prefix, depth: depth + 1)
                offset = dataStart + tag.size
            case 14:
                try parseMatrix(file, from: dataStart, to: dataStart + tag.size, name: nil, prefix: prefix, depth: depth + 1)
                offset = dataStart + Self.padded(tag.size)
            default:
                offset = dataStart + (tag.small ? 4 : Self.padded(tag.size))
            }
        }
    }

    /// One `miMATRIX`: flags, dimensions, name, then data, fields or cells.
    mutating func parseMatrix(_ file: BinaryBytes, from start: Int, to end: Int, name given: String?, prefix: String?,
                              depth: Int) throws {
        guard depth < Self.maximumDepth else { throw nested(file) }
        guard end > start else { return }  // an empty matrix (e.g. an unset struct field)
        var cursor = start
        let flags = try subelement(file, &cursor, end, "array flags")
        guard flags.count >= 4 else { throw damaged(file, "array flags") }
        let flagWord = try file.uint32(flags.lowerBound, bigEndian: bigEndian, "array flags")
        let arrayClass = flagWord & 0xFF
        let isComplex = flagWord & 0x0800 != 0
        let dimsRange = try subelement(file, &cursor, end, "dimensions")
        let dims = try stride(from: dimsRange.lowerBound, to: dimsRange.upperBound - 3, by: 4).map {
            try file.int32($0, bigEndian: bigEndian, "dimensions")
        }
        guard !dims.isEmpty, dims.allSatisfy({ $0 >= 0 }) else { throw damaged(file, "dimensions") }
        let nameRange = try subelement(file, &cursor, end, "array name")
        let ownName = String(decoding: file.bytes[nameRange], as: UTF8.self)
        let base = given ?? ownName
        let path = prefix.map { "\($0).\(base)" } ?? base
        let elements = dims.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
        switch arrayClass {
        case 6...15:
            let real = try numericSubelement(file, &cursor, end, count: elements, what: "data of '\(path)'")
            if isComplex { _ = try? subelement(file, &cursor, end, "imaginary part") }
            variables.append(Variable(name: path, dimensions: dims, values: real, isComplex: isComplex))
        case 2:
            let lengthRange = try subelement(file, &cursor, end, "field name length")
            let length = try file.int32(lengthRange.lowerBound, bigEndian: bigEndian, "field name length")
            let namesRange = try subelement(file, &cursor, end, "field names")
            guard length > 0, namesRange.count % length == 0 else { throw damaged(file, "field names of '\(path)'") }
            let names = Swift.stride(from: namesRange.lowerBound, to: namesRange.upperBound, by: length).map { i in
                String(decoding: file.bytes[i..<i + length].prefix { $0 != 0 }, as: UTF8.self)
            }
            guard elements <= 100_000 else { skipped.append("\(path) (struct array of \(elements))"); return }
            for e in 0..<elements {
                let elementPath = elements == 1 ? path : "\(path)(\(e + 1))"
                for field in names {
                    let tag = try elementTag(file, at: cursor)
                    let dataStart = cursor + (tag.small ? 4 : 8)
                    guard tag.type == 14, tag.size <= end - dataStart else { throw damaged(file, "field '\(field)' of '\(path)'") }
                    try parseMatrix(file, from: dataStart, to: dataStart + tag.size, name: field, prefix: elementPath, depth: depth + 1)
                    cursor = dataStart + Self.padded(tag.size)
                }
            }
        default:
            skipped.append("\(path) (\(Self.classNames[arrayClass] ?? "class \(arrayClass)"))")
        }
    }

    struct Tag {
        var type: Int
        var size: Int
        var small: Bool
    }

    func elementTag(_ file: BinaryBytes, at offset: Int) throws -> Tag {
        let first = try file.uint32(offset, bigEndian: bigEndian, "data element tag")
        if first >> 16 != 0 {
            return Tag(type: first & 0xFFFF, size: first >> 16, small: true)
        }
        return Tag(type: first, size: try file.uint32(offset + 4, bigEndian: bigEndian, "data element tag"), small: false)
    }

    /// The data bytes of the next subelement, advancing `cursor` past its padding.
    func subelement(_ file: BinaryBytes, _ cursor: inout Int, _ end: Int, _ what: String) throws -> Range<Int> {
        guard cursor + 4 <= end else { throw damaged(file, what) }
        let tag = try elementTag(file, at: cursor)
        let start = cursor + (tag.small ? 4 : 8)
        guard tag.size <= end - start else { throw damaged(file, what) }
        cursor = start + (tag.small ? 4 : Self.padded(tag.size))
        return start..<start + tag.size
    }

    /// A numeric subelement converted to doubles, whatever its storage type.
    func numericSubelement(_ file: BinaryBytes, _ cursor: inout Int, _ end: Int, count: Int, what: String) throws -> [Double] {
        let tagOffset = cursor
        guard cursor + 4 <= end else { throw damaged(file, what) }
        let type = try elementTag(file, at: tagOffset).type
        let range = try subelement(file, &cursor, end, what)
        let width: Int
        switch type {
        case 1, 2: width = 1
        case 3, 4: width = 2
        case 5, 6, 7: width = 4
        case 9, 12, 13: width = 8
        default: throw damaged(file, "\(what) (storage type \(type))")
        }
        guard range.count / width == count else {
            throw LDFError(file.source, "the \(what) holds \(range.count / width) values but its dimensions say \(count)",
                           fix: "the file is damaged: save it again")
        }
        let big = bigEndian
        return file.bytes.withUnsafeBytes { raw in
            [Double](unsafeUninitializedCapacity: count) { out, initialized in
                for i in 0..<count {
                    let p = range.lowerBound + i * width
                    out[i] = Self.value(raw, p, type: type, bigEndian: big)
                }
                initialized = count
            }
        }
    }

    @inline(__always)
    static func value(_ raw: UnsafeRawBufferPointer, _ p: Int, type: Int, bigEndian: Bool) -> Double {
        func load<T: FixedWidthInteger>(_: T.Type) -> T {
            let v = raw.loadUnaligned(fromByteOffset: p, as: T.self)
            return bigEndian ? T(bigEndian: v) : T(littleEndian: v)
        }
        switch type {
        case 1: return Double(Int8(bitPattern: raw[p]))
        case 2: return Double(raw[p])
        case 3: return Double(load(Int16.self))
        case 4: return Double(load(UInt16.self))
        case 5: return Double(load(Int32.self))
        case 6: return Double(load(UInt32.self))
        case 7: return Double(Float(bitPattern: load(UInt32.self)))
        case 9: return Double(bitPattern: load(UInt64.self))
        case 12: return Double(load(Int64.self))
        default: return Double(load(UInt64.self))
        }
    }

    static func padded(_ size: Int) -> Int { (size + 7) / 8 * 8 }

    func damaged(_ file: BinaryBytes, _ what: String) -> LDFError {
        LDFError(file.source, "the MAT-file's \(what) is damaged or cut short", fix: "save the file again")
    }

    func nested(_ file: BinaryBytes) -> LDFError {
        LDFError(file.source, "the MAT-file nests arrays more than \(Self.maximumDepth) deep", fix: "save the signals as plain variables")
    }
}
