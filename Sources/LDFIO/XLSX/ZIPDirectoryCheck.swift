import LDFCore

/// Checks, before ZIPFoundation reads a ZIP archive held in memory, that every position its
/// reader will seek to lies inside the bytes: the end-of-central-directory record, the central
/// directory and each entry's local header, data and data descriptor.
///
/// ZIPFoundation 0.9.20's in-memory file accepts a seek past the end and then traps on the next
/// read (a negative byte count in `Archive.MemoryFile.readData`), so a damaged offset in a
/// workbook would crash the process instead of failing the read. Offsets come from the PKWARE
/// APPNOTE layout (section 4.3): local header 30 bytes + name + extra; central-directory header 46
/// bytes + name + extra + comment; end record 22 bytes + comment. ZIP64 archives (workbooks over
/// 4 GiB, far beyond the reader's part limit) are refused, since their 64-bit offsets take
/// another path through ZIPFoundation that this check does not follow.
enum ZIPDirectoryCheck {
    static let localHeaderSignature = 0x0403_4B50
    static let centralHeaderSignature = 0x0201_4B50
    static let endRecordSignature = 0x0605_4B50
    static let zip64LocatorSignature = 0x0706_4B50
    static let zip64ExtraFieldID = 0x0001

    /// Throws an `LDFError` naming `source` unless the archive's directory stays inside `bytes`.
    static func validate(_ bytes: [UInt8], source: String) throws {
        let file = BinaryBytes(bytes, source: source)
        guard let end = try endRecordOffset(file) else { throw damaged(file, "no end-of-central-directory record") }
        if end >= 20, try file.uint32(end - 20, "ZIP64 locator") == zip64LocatorSignature {
            throw LDFError(source, "the workbook is a ZIP64 archive, which the reader does not support",
                           fix: "save it again from a spreadsheet program, or export CSV")
        }
        let entryCount = try file.uint16(end + 10, "end record")
        let directorySize = try file.uint32(end + 12, "end record")
        var position = try file.uint32(end + 16, "end record")
        guard position <= end, directorySize <= end - position else {
            throw damaged(file, "the central directory (offset \(position), \(directorySize) bytes) lies outside the file")
        }
        for index in 0..<entryCount {
            guard position + 46 <= end, try file.uint32(position, "central directory") == centralHeaderSignature else {
                throw damaged(file, "entry \(index + 1) of \(entryCount) has no central-directory header")
            }
            try checkEntry(file, centralHeader: position, index: index)
            position += try 46 + file.uint16(position + 28, "central directory") + file.uint16(position + 30, "central directory")
                + file.uint16(position + 32, "central directory")
            guard position <= end else { throw damaged(file, "entry \(index + 1) runs past the central directory") }
        }
    }

    static func damaged(_ file: BinaryBytes, _ what: String) -> LDFError {
        LDFError(file.source, "the workbook's ZIP directory is damaged: \(what)", fix: "the file is damaged or truncated: save it again")
    }

    /// The end record's offset, found as ZIPFoundation finds it: the last signature at least 22
    /// bytes before the end of the file.
    static func endRecordOffset(_ file: BinaryBytes) throws -> Int? {
        guard file.count >= 22 else { return nil }
        return try stride(from: file.count - 22, through: 0, by: -1).first { try file.uint32($0, "end record") == endRecordSignature }
    }

    /// Checks one entry: a 32-bit layout without a ZIP64 field, whose local header, data and
    /// data descriptor (flag bit 3) all lie inside the file.
    static func checkEntry(_ file: BinaryBytes, centralHeader c: Int, index: Int) throws {
        let nameLength = try file.uint16(c + 28, "central directory"), extraLength = try file.uint16(c + 30, "central directory")
        guard c + 46 + nameLength + extraLength <= file.count else { throw damaged(file, "entry \(index + 1)'s name runs past the file") }
        if try hasZIP64Field(file, in: (c + 46 + nameLength)..<(c + 46 + nameLength + extraLength)) {
            throw damaged(file, "entry \(index + 1) carries ZIP64 sizes, which the reader does not support")
        }
        let local = try file.uint32(c + 42, "central directory")
        guard local + 30 <= file.count, try file.uint32(local, "local header") == localHeaderSignature else {
            throw damaged(file, "entry \(index + 1)'s local header (offset \(local)) is missing")
        }
        let dataStart = try local + 30 + file.uint16(local + 26, "local header") + file.uint16(local + 28, "local header")
        let isStored = try file.uint16(c + 10, "central directory") == 0
        let dataSize = try file.uint32(c + (isStored ? 24 : 20), "central directory")
        guard dataStart <= file.count, dataSize <= file.count - dataStart else {
            throw damaged(file, "entry \(index + 1)'s data (\(dataSize) bytes at offset \(dataStart)) run past the end of the file")
        }
    }

    /// Whether an extra-field block (APPNOTE 4.5: 2-byte id, 2-byte size, data) holds a ZIP64
    /// field.
    static func hasZIP64Field(_ file: BinaryBytes, in range: Range<Int>) throws -> Bool {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            if try file.uint16(i, "extra field") == zip64ExtraFieldID { return true }
            i += try 4 + file.uint16(i + 2, "extra field")
        }
        return false
    }
}
