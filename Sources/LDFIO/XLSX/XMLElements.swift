import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LDFCore

/// Small XML parts of a workbook read with Foundation's XMLParser (libxml2 on Linux).
enum XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    /// Every element of `data` with its attributes, in document order (element names without
    /// their namespace prefix).
    static func parse(_ data: [UInt8], part: String, source: String) throws -> [Element] {
        let collector = Collector()
        try run(data, delegate: collector, part: part, source: source)
        return collector.elements
    }

    /// The strings of `xl/sharedStrings.xml`: per `si`, the text of its `t` elements (rich text
    /// runs joined; phonetic runs left out).
    static func sharedStrings(_ data: [UInt8], source: String) throws -> [String] {
        let reader = SharedStrings()
        try run(data, delegate: reader, part: "xl/sharedStrings.xml", source: source)
        return reader.strings
    }

    /// Per cell format (`cellXfs` entry), what its number format shows.
    static func styleKinds(_ data: [UInt8], source: String) throws -> [XLSXNumberFormat.Kind] {
        let elements = try parse(data, part: "xl/styles.xml", source: source)
        var custom: [Int: String] = [:]
        for e in elements where e.name == "numFmt" {
            if let id = e.attributes["numFmtId"].flatMap(Int.init), let code = e.attributes["formatCode"] { custom[id] = code }
        }
        var kinds: [XLSXNumberFormat.Kind] = []
        var inCellXfs = false
        for e in elements {
            if e.name == "cellXfs" { inCellXfs = true; continue }
            if e.name == "cellStyleXfs" || e.name == "cellStyles" || e.name == "dxfs" { inCellXfs = false }
            if inCellXfs && e.name == "xf" {
                let id = e.attributes["numFmtId"].flatMap(Int.init) ?? 0
                kinds.append(XLSXNumberFormat.kind(id: id, code: custom[id]))
            }
        }
        return kinds
    }

    /// Parses one part. A part without a UTF-16 byte-order mark must be valid UTF-8 (ECMA-376
    /// parts are UTF-8 or UTF-16): Foundation's parser on Linux traps on an element name holding
    /// invalid UTF-8 instead of failing, so such a part is refused before it is parsed.
    static func run(_ data: [UInt8], delegate: XMLParserDelegate, part: String, source: String) throws {
        let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        guard utf16 || String(validating: data, as: UTF8.self) != nil else {
            throw LDFError(source, "the workbook part '\(part)' is not valid UTF-8 text",
                           fix: "the file is damaged: save it again from Excel")
        }
        let parser = XMLParser(data: Data(data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw LDFError(source, "the workbook part '\(part)' is not valid XML (line \(parser.lineNumber))",
                           fix: "the file is damaged: save it again from Excel")
        }
    }

    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: XMLElements.localName(elementName), attributes: attributes))
        }
    }

    final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch XMLElements.localName(elementName) {
            case "si": current = ""
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.localName(elementName) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}

/// What an Excel number format shows, from its built-in id (ECMA-376 Part 1, §18.8.30) or its
/// format code: a date (with or without a time), a time of day, or a plain number.
enum XLSXNumberFormat {
    enum Kind: Equatable {
        case number, date, time
    }

    static let builtinDates: Set<Int> = [14, 15, 16, 17, 22, 27, 30, 36, 50, 57]
    static let builtinTimes: Set<Int> = [18, 19, 20, 21, 45, 46, 47]

    static func kind(id: Int, code: String?) -> Kind {
        if builtinDates.contains(id) { return .date }
        if builtinTimes.contains(id) { return .time }
        guard let code else { return .number }
        // Drop quoted text, escaped characters and bracketed sections (colours, locales, [h]).
        var plain = ""
        var quoted = false, bracket = false, escape = false
        for ch in code.lowercased() {
            if escape { escape = false; continue }
            switch ch {
            case "\\": escape = true
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted && !bracket { plain.append(ch) }
            }
        }
        let section = plain.split(separator: ";").first.map(String.init) ?? plain
        if section.contains("y") || section.contains("d") { return .date }
        if section.contains("h") || section.contains("s") { return .time }
        return .number
    }
}
