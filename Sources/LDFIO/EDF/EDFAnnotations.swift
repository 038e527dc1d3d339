import Foundation

/// The time-stamped annotation lists (TALs) of an EDF+/BDF+ annotation signal (Kemp & Olivan
/// 2003, §2.2): `+onset[\u{15}duration]\u{14}text\u{14}[text\u{14}...]\u{0}`, several per data record,
/// padded with NUL bytes. Onsets are seconds from the file's start time. The first TAL of every
/// record keeps time: its first text is empty and its onset is the record's start.
enum EDFAnnotations {
    struct TAL: Equatable {
        var onsetSeconds: Double
        var durationSeconds: Double?
        /// The annotation texts; the time-keeping TAL's first text is empty.
        var texts: [String]
    }

    /// The TALs in `bytes[start..<end]`; malformed TALs (no valid onset) are skipped and counted.
    static func parse(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, skipped: inout Int) -> [TAL] {
        var tals: [TAL] = []
        var i = start
        while i < end {
            // Skip the NUL padding between and after TALs.
            while i < end && bytes[i] == 0 { i += 1 }
            guard i < end else { break }
            var stop = i
            while stop < end && bytes[stop] != 0 { stop += 1 }
            if let tal = parseOne(bytes, i, stop) { tals.append(tal) } else { skipped += 1 }
            i = stop + 1
        }
        return tals
    }

    /// One TAL from its bytes (without the closing NUL).
    static func parseOne(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> TAL? {
        var fields: [String] = []
        var fieldStart = start
        for i in start..<end where bytes[i] == 0x14 {
            fields.append(text(bytes, fieldStart, i))
            fieldStart = i + 1
        }
        guard let timing = fields.first else { return nil }
        let parts = timing.split(separator: "\u{15}", omittingEmptySubsequences: false)
        guard let first = parts.first, first.hasPrefix("+") || first.hasPrefix("-"),
              let onset = Double(first), onset.isFinite else { return nil }
        var duration: Double?
        if parts.count >= 2, !parts[1].isEmpty {
            guard let d = Double(parts[1]), d >= 0, d.isFinite else { return nil }
            duration = d
        }
        return TAL(onsetSeconds: onset, durationSeconds: duration, texts: Array(fields.dropFirst()))
    }

    static func text(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
