import Foundation
import LDFCore
import ZIPFoundation

/// The parts of an Excel workbook (Office Open XML, ECMA-376): the ZIP container read with
/// ZIPFoundation, and the small XML parts the sheets depend on: the sheet list
/// (`xl/workbook.xml` and its relationships), shared strings and the cell styles that mark dates.
struct XLSXPackage {
    struct Sheet {
        var name: String
        /// The part's path inside the archive, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
    }

    let bytes: [UInt8]
    let archive: Archive
    let source: String
    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    /// Per cell style (`s` attribute), whether its number format shows a date, a time of day,
    /// or neither.
    var styleKinds: [XLSXNumberFormat.Kind] = []
    /// Serial day 0 is 1904-01-01 instead of 1899-12-30.
    var date1904 = false

    /// Bytes an inflated part may reach (a full sheet of 1,048,576 rows stays well below).
    static let partLimit = 2 << 30

    init(_ bytes: [UInt8], source: String) throws {
        self.bytes = bytes
        self.source = source
        try ZIPDirectoryCheck.validate(bytes, source: source)
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw LDFError(source, "the file starts like a ZIP archive but its directory cannot be read", fix: "the file is damaged: save it again")
        }
        guard archive["xl/workbook.xml"] != nil else {
            if let mimetype = try? part("mimetype"), String(decoding: mimetype, as: UTF8.self).contains("opendocument") {
                throw LDFError(source, "this is an OpenDocument file, not an Excel workbook", fix: "save as .xlsx or CSV")
            }
            throw LDFError(source, "this ZIP archive holds no Excel workbook (no xl/workbook.xml)", fix: "give an .xlsx workbook or a text export")
        }
        let workbook = try XMLElements.parse(try part("xl/workbook.xml"), part: "xl/workbook.xml", source: source)
        date1904 = workbook.first { $0.name == "workbookPr" }.map { ["1", "true"].contains($0.attributes["date1904"] ?? "") } ?? false
        let relations = try XMLElements.parse(try part("xl/_rels/workbook.xml.rels"), part: "xl/_rels/workbook.xml.rels", source: source)
        var targets: [String: String] = [:]
        for r in relations where r.name == "Relationship" {
            if let id = r.attributes["Id"], let target = r.attributes["Target"] { targets[id] = target }
        }
        sheets = workbook.filter { $0.name == "sheet" }.compactMap { sheet in
            guard let name = sheet.attributes["name"], let id = sheet.attributes["r:id"] ?? sheet.attributes["id"],
                  let target = targets[id] else { return nil }
            return Sheet(name: name, part: target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        if archive["xl/sharedStrings.xml"] != nil {
            sharedStrings = try XMLElements.sharedStrings(try part("xl/sharedStrings.xml"), source: source)
        }
        if archive["xl/styles.xml"] != nil {
            styleKinds = try XMLElements.styleKinds(try part("xl/styles.xml"), source: source)
        }
    }

    /// The bytes of an archive member. Stored members are read by ZIPFoundation; deflated ones
    /// are inflated here with zlib from the member's local header, because ZIPFoundation's Linux
    /// inflater loops forever on a damaged deflate stream.
    func part(_ path: String) throws -> [UInt8] {
        guard let entry = archive[path] else {
            throw LDFError(source, "the workbook has no part '\(path)'", fix: "the file is damaged: save it again")
        }
        guard entry.uncompressedSize <= UInt64(Self.partLimit) else {
            throw LDFError(source, "the workbook part '\(path)' is larger than \(Self.partLimit) bytes", fix: "split the workbook")
        }
        if !entry.isCompressed {
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            } catch {
                throw LDFError(source, "the workbook part '\(path)' cannot be read", fix: "the file is damaged: save it again")
            }
            return [UInt8](data)
        }
        let start = try dataOffset(of: path)
        let size = Int(entry.compressedSize)
        guard size <= bytes.count - start else {
            throw LDFError(source, "the workbook part '\(path)' is cut short", fix: "the file is truncated: save it again")
        }
        return try Inflate.rawDeflate(bytes, start..<start + size, expectedSize: Int(entry.uncompressedSize), limit: Self.partLimit,
                                      what: "workbook part '\(path)'", source: source)
    }

    /// Where a member's data start: after its local file header (30 bytes, the name and the
    /// extra field), found by the header signature and the member's name.
    func dataOffset(of path: String) throws -> Int {
        let name = Array(path.utf8)
        var i = 0
        while i + 30 + name.count <= bytes.count {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 3 && bytes[i + 3] == 4 {
                let nameLength = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
                let extraLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if nameLength == name.count && bytes[(i + 30)..<(i + 30 + nameLength)].elementsEqual(name) {
                    return i + 30 + nameLength + extraLength
                }
            }
            i += 1
        }
        throw LDFError(source, "the workbook part '\(path)' has no local header", fix: "the file is damaged: save it again")
    }
}
