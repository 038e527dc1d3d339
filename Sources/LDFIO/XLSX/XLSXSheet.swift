import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LDFCore

/// One worksheet's cells (`xl/worksheets/sheetN.xml`), read with XMLParser and written out as
/// comma-separated text, one line per sheet row (missing rows are blank lines, so a line number
/// is the sheet's row number), so that the delimited-text rules decide headers, units, time
/// columns and markers exactly as for a CSV export.
///
/// Cells: shared strings (`t="s"`), inline strings, formula results as cached (`<v>` beside
/// `<f>`; `t="str"` for text results), booleans as 0/1, error values (`#N/A`...) as empty, and
/// numbers; numbers in a date or time style become `yyyy-mm-dd hh:mm:ss.ffffff` or
/// `hh:mm:ss.ffffff` clock text (serial days from 1899-12-30, or 1904-01-01).
enum XLSXSheet {
    /// The sheet as CSV text and how many cells it holds.
    static func csv(_ data: [UInt8], package: XLSXPackage, part: String) throws -> (text: [UInt8], cells: Int) {
        let reader = CellReader(package: package)
        try XMLElements.run(data, delegate: reader, part: part, source: package.source)
        return (reader.output, reader.cellCount)
    }

    /// The zero-based column of a cell reference such as `AB12`; nil when it has no letters.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            column = column * 26 + Int(scalar.value - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// Text for a number shown in a date or time style.
    static func clockText(serial: Double, kind: XLSXNumberFormat.Kind, date1904: Bool) -> String {
        let epoch = date1904 ? -24_107.0 : -25_569.0  // days from 1970-01-01 to the serial's day 0
        let seconds = (serial + epoch) * 86_400
        guard seconds.isFinite, abs(seconds) < 1e12 else { return "" }
        var day = (seconds / 86_400).rounded(.down)
        var ofDay = seconds - day * 86_400
        ofDay = (ofDay * 1e6).rounded() / 1e6
        if ofDay >= 86_400 { ofDay -= 86_400; day += 1 }
        let hours = Int(ofDay / 3600), minutes = Int(ofDay / 60) % 60
        let whole = Int(ofDay) % 60
        let micro = Int(((ofDay - ofDay.rounded(.down)) * 1e6).rounded())
        let time = String(format: "%02d:%02d:%02d.%06d", hours, minutes, whole, min(micro, 999_999))
        if kind == .time { return time }
        let date = Date(timeIntervalSince1970: day * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + time
    }

    /// A cell quoted for CSV when it holds a comma, quote or line break.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") + "\""
    }

    final class CellReader: NSObject, XMLParserDelegate {
        let package: XLSXPackage
        var output: [UInt8] = []
        var cellCount = 0
        private var lineNumber = 0
        private var row: [(column: Int, text: String)] = []
        private var rowNumber = 0
        private var cellReference: String?
        private var cellType = "n"
        private var cellStyle = 0
        private var value = ""
        private var inlineText = ""
        private var inValue = false, inInline = false
        private var nextColumn = 0

        init(package: XLSXPackage) { self.package = package }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch XMLElements.localName(elementName) {
            case "row":
                row = []
                nextColumn = 0
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            case "c":
                cellReference = attributes["r"]
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                inlineText = ""
            case "v": inValue = true
            case "t": inInline = cellType == "inlineStr"
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inInline { inlineText += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.localName(elementName) {
            case "v": inValue = false
            case "t": inInline = false
            case "c": endCell()
            case "row": endRow()
            default: break
            }
        }

        func endCell() {
            let column = cellReference.flatMap(XLSXSheet.column) ?? nextColumn
            nextColumn = column + 1
            let text: String
            switch cellType {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), package.sharedStrings.indices.contains(index) else { return }
                text = package.sharedStrings[index]
            case "inlineStr": text = inlineText
            case "str": text = value
            case "b": text = value == "1" ? "1" : "0"
            case "e": return
            default:
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return }
                let kind = package.styleKinds.indices.contains(cellStyle) ? package.styleKinds[cellStyle] : .number
                if kind != .number, let serial = Double(trimmed) {
                    text = XLSXSheet.clockText(serial: serial, kind: kind, date1904: package.date1904)
                } else {
                    text = trimmed
                }
            }
            guard !text.isEmpty, column < 16_384 else { return }
            row.append((column, text))
            cellCount += 1
        }

        func endRow() {
            guard !row.isEmpty, rowNumber >= 1, rowNumber <= 1_048_576 else { return }
            while lineNumber < rowNumber - 1 {
                output.append(0x0A)
                lineNumber += 1
            }
            row.sort { $0.column < $1.column }
            var line = ""
            var column = 0
            for cell in row {
                while column < cell.column { line += ","; column += 1 }
                line += XLSXSheet.quoted(cell.text)
            }
            output.append(contentsOf: line.utf8)
            output.append(0x0A)
            lineNumber += 1
        }
    }
}
