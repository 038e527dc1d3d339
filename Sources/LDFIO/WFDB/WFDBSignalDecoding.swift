import LDFCore

/// Decodes the signal files of a WFDB record (PhysioNet signal(5)) into physical values:
/// `(digital - baseline) / gain`, with each format's invalid-sample value read as missing.
///
/// Signals in one file are interleaved frame by frame: every frame holds, for each of the file's
/// signals in header order, its samples per frame. Formats: 16 (16-bit little-endian two's
/// complement), 61 (16-bit big-endian), 80 (8-bit offset binary, byte - 128) and 212 (two
/// 12-bit samples packed in three bytes: the low byte of each, then their high nibbles, the
/// first sample's in the low half).
enum WFDBSignalDecoding {
    struct Column {
        var signal: WFDBHeader.Signal
        var values: [Double]
    }

    /// Every signal of `header` from its file in `files` (by the header's file names).
    static func decode(_ header: WFDBHeader, files: [String: [UInt8]], source: String,
                       notes: inout [String]) throws -> [Column] {
        for signal in header.signals where !WFDBHeader.supportedFormats.contains(signal.format) {
            let known = WFDBHeader.knownFormats.contains(signal.format) ? "WFDB format \(signal.format)" : "format \(signal.format), which WFDB does not define"
            throw LDFError(source, "signal '\(signal.description)' is stored in \(known); the toolkit reads formats 16, 61, 80 and 212",
                           fix: "convert the record with WFDB's xform (e.g. xform -i RECORD -o NEW -f 16) or export it as EDF or CSV")
        }
        var groups: [(file: String, signals: [Int])] = []
        for (k, signal) in header.signals.enumerated() {
            if let g = groups.firstIndex(where: { $0.file == signal.fileName }) { groups[g].signals.append(k) } else { groups.append((signal.fileName, [k])) }
        }
        var columns = [Column?](repeating: nil, count: header.signals.count)
        for group in groups {
            if group.file == "~" {
                notes.append("signal(s) \(group.signals.map { header.signals[$0].description }.joined(separator: ", ")) have no signal file ('~') and were not read")
                continue
            }
            guard let bytes = files[group.file] else {
                throw LDFError(source, "the signal file '\(group.file)' named in the header is missing",
                               fix: "keep the .hea and its signal files in one folder")
            }
            let first = header.signals[group.signals[0]]
            guard group.signals.allSatisfy({ header.signals[$0].format == first.format && header.signals[$0].byteOffset == first.byteOffset }) else {
                throw LDFError(source, "the signals of '\(group.file)' do not share one format and byte offset", fix: "check the .hea file")
            }
            if group.signals.contains(where: { header.signals[$0].skew != 0 }) {
                notes.append("signal skews in '\(group.file)' were ignored")
            }
            let decoded = try decodeFile(bytes, header: header, indices: group.signals, fileName: group.file, source: source)
            for (k, values) in zip(group.signals, decoded) { columns[k] = Column(signal: header.signals[k], values: values) }
        }
        return columns.compactMap { $0 }
    }

    /// The signals `indices` of one file, de-interleaved.
    static func decodeFile(_ bytes: [UInt8], header: WFDBHeader, indices: [Int], fileName: String, source: String) throws -> [[Double]] {
        let signals = indices.map { header.signals[$0] }
        let format = signals[0].format
        let offset = signals[0].byteOffset
        let perFrame = signals.reduce(0) { $0 + $1.samplesPerFrame }
        let available = availableSamples(bytes: max(0, bytes.count - offset), format: format)
        let availableFrames = available / perFrame
        let frames = header.frameCount ?? availableFrames
        guard frames <= availableFrames else {
            throw LDFError("\(source)", "the header says \(frames) samples per signal but '\(fileName)' holds only \(availableFrames)",
                           fix: "the signal file is truncated: copy the record again")
        }
        var slot = 0
        return bytes.withUnsafeBytes { raw in
            signals.map { signal in
                let start = slot
                slot += signal.samplesPerFrame
                let spf = signal.samplesPerFrame
                let count = frames * spf
                let invalid = invalidValue(format)
                return [Double](unsafeUninitializedCapacity: count) { out, initialized in
                    for f in 0..<frames {
                        for j in 0..<spf {
                            let d = digital(raw, offset: offset, format: format, index: f * perFrame + start + j)
                            out[f * spf + j] = d == invalid ? .nan : (Double(d) - signal.baseline) / signal.gain
                        }
                    }
                    initialized = count
                }
            }
        }
    }

    /// Whole samples in `bytes` bytes of a format.
    static func availableSamples(bytes: Int, format: Int) -> Int {
        switch format {
        case 80: return bytes
        case 212: return bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0)
        default: return bytes / 2
        }
    }

    /// The value WFDB writes for a missing sample.
    static func invalidValue(_ format: Int) -> Int32 {
        switch format {
        case 80: return -128
        case 212: return -2048
        default: return -32768
        }
    }

    /// Sample `index` of the file's interleaved stream.
    @inline(__always)
    static func digital(_ raw: UnsafeRawBufferPointer, offset: Int, format: Int, index: Int) -> Int32 {
        switch format {
        case 16:
            return Int32(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 2 * index, as: Int16.self)))
        case 61:
            return Int32(Int16(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 2 * index, as: Int16.self)))
        case 80:
            return Int32(raw[offset + index]) - 128
        default:
            let p = offset + 3 * (index / 2)
            let value: Int32 = index % 2 == 0
                ? Int32(raw[p]) | (Int32(raw[p + 1]) & 0x0F) << 8
                : Int32(raw[p + 2]) | (Int32(raw[p + 1]) & 0xF0) << 4
            return value >= 2048 ? value - 4096 : value
        }
    }
}
