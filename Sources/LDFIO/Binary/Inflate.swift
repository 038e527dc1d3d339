import CLibz
import LDFCore

/// Decompresses zlib streams (RFC 1950: a 2-byte header, deflate data and an Adler-32 check) and
/// raw deflate data (RFC 1951)
/// with the system's zlib, bounded so that a damaged or hostile file cannot ask for unbounded
/// memory.
enum Inflate {
    /// Inflates `bytes[range]`, which must hold one whole zlib stream; `expectedSize` (when known)
    /// sizes the output at once. Output beyond `limit` bytes is refused. Throws an error naming
    /// `what` when the stream is damaged or truncated.
    static func zlib(_ bytes: [UInt8], _ range: Range<Int>, expectedSize: Int? = nil, limit: Int,
                     what: String, source: String) throws -> [UInt8] {
        try run(bytes, range, windowBits: MAX_WBITS, expectedSize: expectedSize, limit: limit, what: what, source: source)
    }

    /// Inflates raw deflate data (no zlib header, as in ZIP entries).
    static func rawDeflate(_ bytes: [UInt8], _ range: Range<Int>, expectedSize: Int? = nil, limit: Int,
                           what: String, source: String) throws -> [UInt8] {
        try run(bytes, range, windowBits: -MAX_WBITS, expectedSize: expectedSize, limit: limit, what: what, source: source)
    }

    static func run(_ bytes: [UInt8], _ range: Range<Int>, windowBits: Int32, expectedSize: Int?, limit: Int,
                    what: String, source: String) throws -> [UInt8] {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else {
            throw LDFError(source, "the \(what) is empty or lies outside the file", fix: "the file is truncated or damaged")
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LDFError(source, "zlib could not start decompressing the \(what)", fix: "try again")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        let first = min(limit, max(4096, expectedSize ?? range.count * 4))
        output.reserveCapacity(first)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + range.lowerBound)
            var remaining = range.count
            while status != Z_STREAM_END {
                let feed = min(remaining, Int(UInt32.max / 2))
                stream.avail_in = UInt32(feed)
                repeat {
                    let produced: Int = chunk.withUnsafeMutableBufferPointer { out in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(out.count)
                        status = inflate(&stream, Z_NO_FLUSH)
                        return out.count - Int(stream.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced > 0) else {
                        throw LDFError(source, "the \(what) is not a valid zlib stream (zlib error \(status))",
                                       fix: "the file is damaged: save or export it again")
                    }
                    guard output.count + produced <= limit else {
                        throw LDFError(source, "the \(what) inflates to more than \(limit) bytes", fix: "the file is damaged")
                    }
                    output.append(contentsOf: chunk[0..<produced])
                    if produced == 0 && stream.avail_in == 0 { break }
                } while status != Z_STREAM_END && stream.avail_out == 0
                let consumed = feed - Int(stream.avail_in)
                remaining -= consumed
                if status != Z_STREAM_END && (remaining == 0 || consumed == 0) {
                    throw LDFError(source, "the \(what) ends before its zlib stream does", fix: "the file is truncated or damaged")
                }
            }
        }
        return output
    }
}
