import LDFCore

/// The lines before a delimited table's column names: vendor header blocks such as
/// `File: C:\PSW\Data\S01.PSW`, `Date:<TAB>2023-03-14`, `Sample rate: 32 Hz`, `Interval= 0.025 s`,
/// `Subject ID;S01`, `25 msec/sample`, `2 channels`, a title line, or `#` comment lines.
///
/// Each line becomes one key–value pair, found by the line's shape, not by a list of vendors:
/// the key is the text before the first `:`, `=` or table delimiter when that text holds a
/// letter and is short (at most 60 characters); the value is the rest, its delimited cells joined
/// with ", ". A line with no such key (a title, `25 msec/sample`, a channel name of a BIOPAC
/// listing) keeps its whole text as the value under the key "".
struct HeaderLine: Equatable {
    /// 1-based line in the file.
    var number: Int
    var key: String
    var value: String
    /// The value's delimited cells (trimmed, empty ones dropped).
    var cells: [String]

    /// Longest text read as a key.
    static let maximumKeyLength = 60

    init(number: Int, key: String, value: String, cells: [String]) {
        self.number = number
        self.key = key
        self.value = value
        self.cells = cells
    }

    /// Reads one decoded line; nil for a line with no content.
    init?(number: Int, text raw: String, delimiter: Delimiter) {
        var text = Substring(raw.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("#") { text = text.drop { $0 == "#" || $0 == " " || $0 == "\t" } }
        let separatorCharacter: Character? = delimiter.byte.map { Character(Unicode.Scalar($0)) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let split = text.firstIndex { $0 == ":" || $0 == "=" || $0 == separatorCharacter }
        if let split {
            let key = text[..<split].trimmingCharacters(in: .whitespaces)
            if key.contains(where: \.isLetter), key.count <= Self.maximumKeyLength {
                var rest = text[text.index(after: split)...]
                rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "=" || $0 == ":" || $0 == separatorCharacter }
                let cells = Self.cells(String(rest), delimiter: separatorCharacter)
                self.init(number: number, key: key, value: cells.joined(separator: ", "), cells: cells)
                return
            }
        }
        let whole = String(text).trimmingCharacters(in: .whitespaces)
        self.init(number: number, key: "", value: whole, cells: [whole])
    }

    static func cells(_ text: String, delimiter: Character?) -> [String] {
        let parts = delimiter.map { d in text.split(separator: d, omittingEmptySubsequences: false).map(String.init) } ?? [text]
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.map(Self.unquoted).filter { !$0.isEmpty }
    }

    static func unquoted(_ cell: String) -> String {
        cell.count >= 2 && cell.hasPrefix("\"") && cell.hasSuffix("\"") ? String(cell.dropFirst().dropLast()) : cell
    }

    var entry: MetadataEntry { MetadataEntry(key: key, value: value) }
}
