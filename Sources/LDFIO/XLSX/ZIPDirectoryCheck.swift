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
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let centralHeaderSignature: UInt32 = 0x0201_4B50
    static let endRecordSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let zip64ExtraFieldID: UInt16 = 0x0001

    /// Throws an `LDFError` naming `source` unless the archive's directory stays inside `bytes`.
    static func validate(_ bytes: [UInt8], source: String) throws {
        let damaged = { (what: String) in
            LDFError(source, "the workbook's ZIP directory is damaged: \(what)", fix: "the file is damaged or truncated: save it again")
        }
        guard let end = endRecordOffset(bytes) else { throw damaged("no end-of-central-directory record") }
        if end >= 20 && bytes.uint32(at: end - 20) == zip64LocatorSignature {
            throw LDFError(source, "the workbook is a ZIP64 archive, which the reader does not support",
                           fix: "save it again from a spreadsheet program, or export CSV")
        }
        let entryCount = Int(bytes.uint16(at: end + 10))
        let directorySize = Int(bytes.uint32(at: end + 12))
        var position = Int(bytes.uint32(at: end + 16))
        guard position <= end, directorySize <= end - position else {
            throw damaged("the central directory (offset \(position), \(directorySize) bytes) lies outside the file")
        }
        for index in 0..<entryCount {
            guard position + 46 <= end, bytes.uint32(at: position) == centralHeaderSignature else {
                throw damaged("entry \(index + 1) of \(entryCount) has no central-directory header")
            }
            try checkEntry(bytes, centralHeader: position, index: index, damaged: damaged)
            position += 46 + Int(bytes.uint16(at: position + 28)) + Int(bytes.uint16(at: position + 30))
                + Int(bytes.uint16(at: position + 32))
            guard position <= end else { throw damaged("entry \(index + 1) runs past the central directory") }
        }
    }

    /// The end record's offset, found as ZIPFoundation finds it: the last signature at least 22
    /// bytes before the end of the file.
    static func endRecordOffset(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        return stride(from: bytes.count - 22, through: 0, by: -1).first { bytes.uint32(at: $0) == endRecordSignature }
    }

    /// Checks one entry: a 32-bit layout without a ZIP64 field, whose local header, data and
    /// data descriptor (flag bit 3) all lie inside the file.
    static func checkEntry(_ bytes: [UInt8], centralHeader c: Int, index: Int, damaged: (String) -> LDFError) throws {
        let nameLength = Int(bytes.uint16(at: c + 28)), extraLength = Int(bytes.uint16(at: c + 30))
        guard c + 46 + nameLength + extraLength <= bytes.count else { throw damaged("entry \(index + 1)'s name runs past the file") }
        if hasZIP64Field(bytes, in: (c + 46 + nameLength)..<(c + 46 + nameLength + extraLength)) {
            throw damaged("entry \(index + 1) carries ZIP64 sizes, which the reader does not support")
        }
        let local = Int(bytes.uint32(at: c + 42))
        guard local + 30 <= bytes.count, bytes.uint32(at: local) == localHeaderSignature else {
            throw damaged("entry \(index + 1)'s local header (offset \(local)) is missing")
        }
        let dataStart = local + 30 + Int(bytes.uint16(at: local + 26)) + Int(bytes.uint16(at: local + 28))
        let isStored = bytes.uint16(at: c + 10) == 0
        let dataSize = Int(bytes.uint32(at: c + (isStored ? 24 : 20)))
        guard dataStart <= bytes.count, dataSize <= bytes.count - dataStart else {
            throw damaged("entry \(index + 1)'s data (\(dataSize) bytes at offset \(dataStart)) run past the end of the file")
        }
    }

    /// Whether an extra-field block (APPNOTE 4.5: 2-byte id, 2-byte size, data) holds a ZIP64
    /// field.
    static func hasZIP64Field(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            if bytes.uint16(at: i) == zip64ExtraFieldID { return true }
            i += 4 + Int(bytes.uint16(at: i + 2))
        }
        return false
    }
}

extension [UInt8] {
    /// Little-endian 16-bit value at `offset` (the caller checks the bounds).
    fileprivate func uint16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }

    /// Little-endian 32-bit value at `offset` (the caller checks the bounds).
    fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }
}
