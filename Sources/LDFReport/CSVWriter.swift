/// The one CSV writer of every output (RFC 4180): comma-separated, a field is quoted when it
/// holds a comma, double quote, CR or LF, and a quote inside is doubled; LF line ends.
public enum CSVWriter {
    /// `text` as one CSV field.
    public static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A header cell for a column with a unit: `NAME [UNIT]`, which the delimited reader reads back
    /// as name and unit, or `NAME` alone when there is no unit.
    public static func headerCell(_ name: String, unit: String) -> String {
        unit.isEmpty ? name : "\(name) [\(unit)]"
    }

    /// One record (without its line end).
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    fileprivate func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
