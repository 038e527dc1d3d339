import LDFCore

/// Turning file bytes into text safely: binary detection, byte-order marks, and decoding cells
/// that are not valid UTF-8 as Windows-1252 (the usual encoding of European LabChart and
/// spreadsheet exports; it is a superset of ISO-8859-1 for printable characters).
public enum TextDecoding {
    /// How many leading bytes are inspected to decide whether a file is text.
    static let inspectedPrefix = 64 * 1024

    /// Length of a UTF-8 byte-order mark at the start of `bytes` (3), or 0.
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return 3 }
        return 0
    }

    /// Throws a clear error when the file is not text (NUL bytes, many control characters, or
    /// UTF-16, which this toolkit does not read).
    static func requireText(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws {
        let n = min(bytes.count, inspectedPrefix)
        if n >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw LDFError(source, "the file is UTF-16 text, which the toolkit does not read",
                           fix: "save or export it again as UTF-8 (or ANSI) text")
        }
        var control = 0
        var nulOffset: Int?
        for i in 0..<n {
            let b = bytes[i]
            if b == 0 { nulOffset = i; break }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1A { control += 1 }
        }
        if let nulOffset {
            throw LDFError(source, "the file is binary, not text (a NUL byte at offset \(nulOffset))",
                           fix: "export the recording as text (CSV, tab-separated or LabChart text) and read that file")
        }
        if n > 0 && control * 100 > n {
            throw LDFError(source, "the file is not text (\(control) control characters in its first \(n) bytes)",
                           fix: "export the recording as text (CSV, tab-separated or LabChart text) and read that file")
        }
    }

    /// Decodes `bytes[start..<end]` as UTF-8, or as Windows-1252 when it is not valid UTF-8
    /// (`usedFallback` is then set so the reader can note it).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, usedFallback: inout Bool) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        var ascii = true
        for b in slice where b >= 0x80 { ascii = false; break }
        if ascii || String(validating: slice, as: UTF8.self) != nil {
            return String(decoding: slice, as: UTF8.self)
        }
        usedFallback = true
        var scalars = String.UnicodeScalarView()
        for b in slice { scalars.append(windows1252Scalar(b)) }
        return String(scalars)
    }

    /// Convenience: decodes a whole byte array (for header lines in tests and small files).
    static func string(_ bytes: [UInt8], usedFallback: inout Bool) -> String {
        bytes.withUnsafeBufferPointer { string($0, 0, $0.count, usedFallback: &usedFallback) }
    }

    /// Windows-1252 code points for bytes 0x80-0x9F; other bytes map like ISO-8859-1.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b < 0xA0 { return Unicode.Scalar(windows1252High[Int(b - 0x80)])! }
        return Unicode.Scalar(b)
    }

    /// A whole text file (a study manifest, a header) as a string, decoded like the readers decode
    /// cells: a UTF-8 byte-order mark is dropped, valid UTF-8 is read as UTF-8, anything else as
    /// Windows-1252 (so `grün` and `grän` written in cp1252 stay apart). `usedFallback` says which.
    public static func decode(_ bytes: [UInt8]) -> (text: String, usedFallback: Bool) {
        var fallback = false
        let text = bytes.withUnsafeBufferPointer { buffer in
            string(buffer, byteOrderMarkLength(buffer), buffer.count, usedFallback: &fallback)
        }
        return (text, fallback)
    }

    /// The note recorded in `SampleTable.notes` when the fallback was used.
    static let fallbackNote = "text that is not valid UTF-8 was decoded as Windows-1252 (cp1252/latin-1)"
}
