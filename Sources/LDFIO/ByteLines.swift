import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a file as a byte range (line end and a trailing CR excluded), with its 1-based
/// line number for error messages.
struct ByteLine {
    var start: Int
    var end: Int
    var number: Int
    var isEmpty: Bool { start == end }
}

/// Walks the lines of a byte buffer without copying. Lines end with LF or CRLF; a file with no LF
/// at all but CRs (old Mac exports) ends its lines with CR. Uses `memchr`, which is vectorised in
/// the C library.
struct ByteLineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// LF, or CR for a CR-only file.
    let terminator: UInt8
    private(set) var position: Int
    private(set) var lineNumber: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0, lineNumber: Int = 0) {
        self.bytes = bytes
        self.terminator = Self.lineTerminator(of: bytes)
        self.position = position
        self.lineNumber = lineNumber
    }

    /// LF, unless the buffer has no LF but does have a CR.
    static func lineTerminator(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0x0A }
        if memchr(base, 0x0A, bytes.count) != nil { return 0x0A }
        return memchr(base, 0x0D, bytes.count) != nil ? 0x0D : 0x0A
    }

    @inline(__always)
    mutating func next() -> ByteLine? {
        guard position < bytes.count, let base = bytes.baseAddress else { return nil }
        let start = position
        var end: Int
        if let hit = memchr(base + start, Int32(terminator), bytes.count - start) {
            end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            position = end + 1
        } else {
            end = bytes.count
            position = end
        }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        lineNumber += 1
        return ByteLine(start: start, end: end, number: lineNumber)
    }
}

/// How cells of a delimited line are separated.
enum Delimiter: Equatable, Sendable {
    case comma, semicolon, tab
    /// Runs of spaces and/or tabs (fixed-width and "space separated" exports).
    case whitespace

    var byte: UInt8? {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        case .tab: return 0x09
        case .whitespace: return nil
        }
    }

    var name: String {
        switch self {
        case .comma: return "comma"
        case .semicolon: return "semicolon"
        case .tab: return "tab"
        case .whitespace: return "whitespace"
        }
    }
}

/// Splits a line into cell ranges, written into a reused array of bounds (`[start0, end0,
/// start1, end1, ...]`) so the hot loop allocates nothing. Cells are trimmed of spaces; a cell in
/// double quotes loses its quotes (a doubled `""` inside stays as two bytes; `CellText` undoes it).
struct CellSplitter {
    let delimiter: Delimiter

    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Fills `bounds` with the cells of `bytes[line.start..<line.end]`; returns the cell count.
    @inline(__always)
    func split(_ bytes: UnsafeBufferPointer<UInt8>, _ line: ByteLine, into bounds: inout [Int]) -> Int {
        bounds.removeAll(keepingCapacity: true)
        var i = line.start
        let end = line.end
        guard let separator = delimiter.byte else {
            // Whitespace: runs of blanks separate cells; leading/trailing blanks ignored.
            while i < end {
                while i < end && CellSplitter.isBlank(bytes[i]) { i += 1 }
                guard i < end else { break }
                if bytes[i] == UInt8(ascii: "\"") {
                    let (s, e, next) = quoted(bytes, from: i, end: end)
                    bounds.append(s); bounds.append(e)
                    i = next
                    while i < end && !CellSplitter.isBlank(bytes[i]) { i += 1 }
                } else {
                    let s = i
                    while i < end && !CellSplitter.isBlank(bytes[i]) { i += 1 }
                    bounds.append(s); bounds.append(i)
                }
            }
            return bounds.count / 2
        }
        while true {
            // Leading spaces (but not the separator itself, which may be a tab).
            while i < end && bytes[i] == 0x20 { i += 1 }
            if i < end && bytes[i] == UInt8(ascii: "\"") {
                let (s, e, next) = quoted(bytes, from: i, end: end)
                bounds.append(s); bounds.append(e)
                i = next
                while i < end && bytes[i] != separator { i += 1 }
            } else {
                let s = i
                while i < end && bytes[i] != separator { i += 1 }
                var e = i
                while e > s && CellSplitter.isBlank(bytes[e - 1]) && bytes[e - 1] != separator { e -= 1 }
                bounds.append(s); bounds.append(e)
            }
            guard i < end else { break }
            i += 1  // past the separator
        }
        return bounds.count / 2
    }

    /// The content range of a quoted cell starting at `from` (the opening quote) and the index
    /// just past its closing quote.
    @inline(__always)
    private func quoted(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (Int, Int, Int) {
        let quote = UInt8(ascii: "\"")
        var i = from + 1
        while i < end {
            if bytes[i] == quote {
                if i + 1 < end && bytes[i + 1] == quote { i += 2; continue }
                return (from + 1, i, i + 1)
            }
            i += 1
        }
        return (from + 1, end, end)
    }
}

/// Text of one cell, decoded (UTF-8 or Windows-1252) with doubled quotes undone.
enum CellText {
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, usedFallback: inout Bool) -> String {
        let text = TextDecoding.string(bytes, start, end, usedFallback: &usedFallback)
        return text.contains("\"\"") ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}
