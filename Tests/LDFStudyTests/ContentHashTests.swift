import Testing
@testable import LDFStudy

/// The study cache's content hash: its first half is 64-bit FNV-1a (published test vectors), and
/// hashing a file's chunks through their raw bytes gives the same key as through an array.
@Suite struct ContentHashTests {
    @Test func firstHalfIsFNV1a() {
        for (text, fnv) in [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")] {
            var hash = ContentHash()
            hash.update(Array(text.utf8))
            #expect(hash.hex.prefix(16) == fnv, "\(text)")
        }
    }

    @Test func rawBytesHashLikeTheSequence() {
        var random = SystemRandomNumberGenerator()
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        var sequence = ContentHash(), raw = ContentHash()
        sequence.update(bytes)
        bytes.withUnsafeBytes { raw.update($0) }
        #expect(sequence.hex == raw.hex)
        var other = ContentHash()
        other.update(bytes.dropLast())
        #expect(other.hex != raw.hex)
    }
}
