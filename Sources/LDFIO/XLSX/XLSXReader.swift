import Foundation
import LDFCore

/// Reads Excel workbooks (`.xlsx`, Office Open XML), recognised by the ZIP signature; old binary
/// workbooks (`.xls`) and encrypted workbooks, which are OLE2 compound files, are recognised by
/// theirs and refused with what to do instead.
///
/// Every sheet is its own recording (`RecordingReader.readAll`), named `file [sheet]`; one sheet
/// is chosen with `ReadOptions.sheet` (name or 1-based position). Each sheet's cells become rows
/// (`XLSXSheet`) and then follow the delimited-text rules: header and units rows, time columns
/// (seconds, clock times from date-styled cells, Excel serial days), marker columns as events.
/// Empty sheets are skipped; when every sheet is read, a sheet with no numeric column is skipped
/// with a note, and an error when it is the one asked for (or the only one).
public enum XLSXReader: TableReader {
    public static let kind = ReaderKind.xlsx

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        BinaryBytes.starts(bytes, with: zipMagic) || BinaryBytes.starts(bytes, with: oleMagic)
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        let tables = try parseTables(ReaderInput(bytes: bytes, source: source, path: nil), options: options)
        guard tables.count == 1 else {
            throw LDFError(source, "the workbook holds \(tables.count) sheets of data", fix: "choose one with \(parameter: "sheet") NAME|INDEX")
        }
        return tables[0]
    }

    public static func parseTables(_ input: ReaderInput, options: ReadOptions) throws -> [SampleTable] {
        let source = input.source
        if BinaryBytes.starts(input.bytes[...], with: oleMagic) { throw compoundFileError(input.bytes, source: source) }
        let package = try XLSXPackage(input.bytes, source: source)
        guard !package.sheets.isEmpty else {
            throw LDFError(source, "the workbook lists no sheets", fix: "the file is damaged: save it again")
        }
        let chosen = try choose(package.sheets, options.sheet, source: source)
        var tables: [SampleTable] = []
        var skipped: [String] = []
        var firstError: LDFError?
        for sheet in chosen {
            let name = "\(source) [\(sheet.name)]"
            let (text, cells) = try XLSXSheet.csv(try package.part(sheet.part), package: package, part: sheet.part)
            guard cells > 0 else {
                if options.sheet != nil || chosen.count == 1 {
                    throw LDFError(name, "the sheet is empty", fix: "choose a sheet with data with \(parameter: "sheet")")
                }
                skipped.append("'\(sheet.name)' (empty)")
                continue
            }
            do {
                var table = try DelimitedTextReader.parse(text, source: name, options: options)
                table.reader = kind.rawValue
                table.notes.removeAll { $0.hasPrefix("delimiter: ") }
                table.notes.insert("Excel sheet '\(sheet.name)' (\(cells) cells)", at: 0)
                table.metadata.insert(MetadataEntry(key: "sheet", value: sheet.name), at: 0)
                tables.append(table)
            } catch let error as LDFError {
                if options.sheet != nil || chosen.count == 1 { throw error }
                firstError = firstError ?? error
                skipped.append("'\(sheet.name)' (\(error.message))")
            }
        }
        guard !tables.isEmpty else {
            throw firstError ?? LDFError(source, "no sheet holds data (\(skipped.joined(separator: "; ")))", fix: "check the workbook")
        }
        if !skipped.isEmpty {
            for i in tables.indices { tables[i].notes.append("other sheets not read: \(skipped.joined(separator: "; "))") }
        }
        return tables
    }

    static func choose(_ sheets: [XLSXPackage.Sheet], _ selector: SheetSelector?, source: String) throws -> [XLSXPackage.Sheet] {
        let list = sheets.enumerated().map { "\($0.offset + 1):\($0.element.name)" }.joined(separator: ", ")
        switch selector {
        case nil:
            return sheets
        case .index(let i):
            guard i >= 1 && i <= sheets.count else {
                throw LDFError("\(parameter: "sheet")", "sheet \(i) is out of range: \(source) has \(sheets.count) sheet(s) (\(list))",
                               fix: "give a number from 1 to \(sheets.count) or a sheet name")
            }
            return [sheets[i - 1]]
        case .name(let name):
            let wanted = name.lowercased().trimmingCharacters(in: .whitespaces)
            guard let sheet = sheets.first(where: { $0.name.lowercased().trimmingCharacters(in: .whitespaces) == wanted }) else {
                throw LDFError("\(parameter: "sheet")", "'\(name)' matches no sheet of \(source) (sheets: \(list))", fix: "use one of the listed names or numbers")
            }
            return [sheet]
        }
    }

    /// An OLE2 compound file: an encrypted OOXML workbook (its `EncryptedPackage` stream), an
    /// Excel 97-2003 workbook (`Workbook` or `Book` stream), or another Office document.
    static func compoundFileError(_ bytes: [UInt8], source: String) -> LDFError {
        func hasStream(_ name: String) -> Bool {
            let pattern = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            guard bytes.count >= pattern.count else { return false }
            return (0...(bytes.count - pattern.count)).contains { i in bytes[i] == pattern[0] && bytes[i..<i + pattern.count].elementsEqual(pattern) }
        }
        if hasStream("EncryptedPackage") {
            return LDFError(source, "the workbook is encrypted (password-protected)",
                            fix: "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save as .xlsx or CSV")
        }
        if hasStream("Workbook") || hasStream("Book") {
            return LDFError(source, "this is an Excel 97-2003 workbook (.xls), which the toolkit does not read", fix: "save as .xlsx or CSV")
        }
        return LDFError(source, "this is an OLE2 compound file (an older Office document), not a workbook the toolkit reads",
                        fix: "save as .xlsx or CSV")
    }
}
