/// A 128-bit content hash for cache keys: two 64-bit FNV-1a hashes with different offset bases,
/// written as 32 hex digits. Not cryptographic: it detects changed inputs, it does not resist
/// tampering. Fast enough to hash every recording on every run (one multiply per byte per half).
struct ContentHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    init() {}

    mutating func update(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* Self.prime
            b = (b ^ UInt64(byte ^ 0x5a)) &* Self.prime
        }
    }

    /// Adds a string and a separator, so ("ab", "c") and ("a", "bc") differ.
    mutating func update(_ text: String) {
        update(text.utf8)
        update([0])
    }

    var hex: String {
        func digits(_ x: UInt64) -> String {
            let s = String(x, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return digits(a) + digits(b)
    }
}
