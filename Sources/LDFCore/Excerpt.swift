/// Keeps messages short whatever the input: a quoted excerpt of a file ('...') longer than
/// `quotedLimit` characters is cut to its start and an ellipsis, and a whole message to
/// `messageLimit` characters, so that a 10 MB cell is never echoed whole to a terminal, a table
/// or a JSON field. Applied by `LDFError` and `Diagnostic` to every message they carry.
///
/// An excerpt opens at a `'` that does not follow a letter or digit and closes at a `'` that no
/// letter or digit follows, so apostrophes in words ("the site's") are left alone.
public enum Excerpt {
    /// Longest quoted excerpt kept whole, in characters (Unicode scalars).
    public static let quotedLimit = 80
    /// Longest message kept whole.
    public static let messageLimit = 1000

    /// `text` with every over-long '...' excerpt cut, then the whole cut to `messageLimit`.
    public static func shortened(_ text: String) -> String {
        guard text.utf8.count > quotedLimit + 2 else { return text }
        let scalars = Array(text.unicodeScalars)
        func isWord(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count && (scalars[i].properties.isAlphabetic || ("0"..."9").contains(scalars[i]))
        }
        var out = String.UnicodeScalarView()
        var written = 0
        var closable = true // false once a search for a closing quote reached the end
        var i = 0
        while i < scalars.count && written < messageLimit {
            let s = scalars[i]
            if s == "'" && closable && !isWord(i - 1) {
                if let close = (i + 1..<scalars.count).first(where: { scalars[$0] == "'" && !isWord($0 + 1) }) {
                    let length = close - i - 1
                    let kept = length > quotedLimit ? Array(scalars[(i + 1)...(i + quotedLimit - 3)]) + Array("…".unicodeScalars)
                        : Array(scalars[(i + 1)..<close])
                    out.append(s)
                    out.append(contentsOf: kept)
                    out.append("'")
                    written += kept.count + 2
                    i = close + 1
                    continue
                }
                closable = false
            }
            out.append(s)
            written += 1
            i += 1
        }
        var result = String(out)
        if i < scalars.count { result += "… (\(scalars.count) characters)" }
        return result
    }
}
