import LDFCore

/// AcqKnowledge event markers (after the data in uncompressed files, before the journal), and
/// the journal that follows them, skipped to reach the compressed data. Layouts by revision, as
/// bioread documents them.
enum ACQMarkers {
    struct Marker {
        /// Sample at the base rate.
        var sample: Int
        var text: String
    }

    /// The markers from `offset`, and the offset just after the journal.
    static func read(_ file: BinaryBytes, at offset: Int, layout: ACQLayout, notes: inout [String]) throws -> ([Marker], Int) {
        let big = layout.bigEndian
        let revision = layout.revision
        var markers: [Marker] = []
        var cursor: Int
        if revision >= ACQLayout.post4Revision {
            let count = try file.int32(offset + 4, bigEndian: big, "marker header") - 1
            guard count >= -1 && count < 1_000_000 else { throw damaged(file) }
            cursor = offset + 25 + (revision >= 121 ? 8 : 0) + (revision >= 128 ? 8 : 0)
            let itemLength = 14 + (revision >= 128 ? 8 : 0) + (revision >= 121 ? 8 : 0) + 2
            for _ in 0..<max(0, count) {
                let sample = try file.uint32(cursor, bigEndian: big, "marker")
                let textLength = try file.int16(cursor + itemLength - 2, bigEndian: big, "marker")
                guard textLength >= 0 else { throw damaged(file) }
                let text = try file.text(cursor + itemLength, textLength, "marker text")
                if !text.isEmpty { markers.append(Marker(sample: sample, text: text)) }
                cursor += itemLength + textLength
            }
            // The journal: a length covering all of it.
            let journal = try file.int32(cursor, bigEndian: big, "journal length")
            guard journal >= 0 else { throw damaged(file) }
            cursor += journal
        } else {
            let count = try file.int32(offset + 4, bigEndian: big, "marker header")
            guard count >= 0 && count < 1_000_000 else { throw damaged(file) }
            cursor = offset + 8
            let itemLength = revision >= 36 ? 12 : 10
            for _ in 0..<count {
                let sample = try file.int32(cursor, bigEndian: big, "marker")
                let stored = try file.int16(cursor + itemLength - 2, bigEndian: big, "marker")
                let textLength = stored + (revision >= 36 ? 1 : 0)
                guard stored >= 0 else { throw damaged(file) }
                let text = try file.text(cursor + itemLength, textLength, "marker text")
                if !text.isEmpty && sample >= 0 { markers.append(Marker(sample: sample, text: text)) }
                cursor += itemLength + textLength
            }
            if revision >= 41, cursor + 4 <= file.count, !isJournalTag(file, cursor) {
                // Marker metadata: an 84-byte preamble, then 28 bytes per marker.
                cursor += 84 + 28 * count
            }
            if revision >= 38 {
                guard isJournalTag(file, cursor) else {
                    if layout.compressed { throw damaged(file) }
                    return (markers, cursor)
                }
                let length = try file.int32(cursor + 6, bigEndian: big, "journal length")
                guard length >= 0 else { throw damaged(file) }
                cursor += 10 + length
            }
        }
        if !markers.isEmpty { notes.append("\(markers.count) event marker(s)") }
        return (markers, cursor)
    }

    static func isJournalTag(_ file: BinaryBytes, _ offset: Int) -> Bool {
        offset + 4 <= file.count && file.bytes[offset..<offset + 4].elementsEqual([0x44, 0x33, 0x22, 0x11])
    }

    static func damaged(_ file: BinaryBytes) -> LDFError {
        LDFError(file.source, "the AcqKnowledge markers or journal are damaged", fix: "save the file again from AcqKnowledge")
    }
}
