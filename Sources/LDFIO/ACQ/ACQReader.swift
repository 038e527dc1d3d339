import Foundation
import LDFCore

/// Reads BIOPAC AcqKnowledge `.acq` files (`ACQLayout` for the headers; facts from the bioread
/// project's format notes). The format has no magic bytes: a file is recognised by a graph
/// header whose revision, length, channel count and sample time are plausible.
///
/// - Uncompressed data are interleaved: in every base tick, each channel whose divider divides
///   the tick number contributes one sample (16-bit integers scaled by the channel's scale and
///   offset, or doubles as stored). Near the end, a channel that has all its samples simply
///   stops contributing.
/// - Compressed files keep each channel's samples as one zlib stream (little-endian) after the
///   markers, the journal and a compression header per channel.
/// - Each channel keeps its own rate (the base rate over its divider); event markers become
///   events at their base-rate sample.
public enum ACQReader: TableReader {
    public static let kind = ReaderKind.acq

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 256 else { return false }
        let file = BinaryBytes(Array(bytes.prefix(4096)), source: "")
        guard let layout = try? ACQLayout.parse(file) else {
            // Headers may reach past the inspected prefix; check the graph header alone.
            guard let little = try? file.int32(2, ""), let big = try? file.int32(2, bigEndian: true, ""),
                  let revision = [little, big].filter({ $0 > 0 }).min(), revision >= 30 && revision < 200 else { return false }
            let bigEndian = revision == big && revision != little
            guard let channels = try? file.int16(10, bigEndian: bigEndian, ""), channels >= 1 && channels <= 1024,
                  let time = try? file.float64(16, bigEndian: bigEndian, ""), time > 0 && time < 1e6,
                  let length = try? file.int32(6, bigEndian: bigEndian, ""), length > 100 && length < 1 << 20 else { return false }
            return true
        }
        return !layout.channels.isEmpty
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        try decode(BinaryBytes(bytes, source: source))
    }

    static func decode(_ file: BinaryBytes) throws -> SampleTable {
        let layout = try ACQLayout.parse(file)
        let baseRate = 1000 / layout.sampleTimeMs
        var notes = ["AcqKnowledge file revision \(layout.revision)\(layout.compressed ? ", compressed" : ""), base rate \(Recording.hertz(baseRate)) Hz"]
        let values: [[Double]]
        let markerStart: Int
        if layout.compressed {
            markerStart = layout.dataStart
            values = []
        } else {
            (values, markerStart) = try interleaved(file, layout)
        }
        let (markers, afterMarkers) = try ACQMarkers.read(file, at: markerStart, layout: layout, notes: &notes)
        let channelValues = layout.compressed ? try compressed(file, layout, from: afterMarkers) : values
        let columns = zip(layout.channels, channelValues).map { channel, values in
            SampleTable.Column(name: channel.name, unit: channel.units, values: values, sampleRateHz: baseRate / Double(channel.divider))
        }
        let events = markers.map { Event(timeSeconds: Double($0.sample) / baseRate, label: $0.text) }
        return SampleTable(source: file.source, reader: kind.rawValue, times: nil, columns: columns, events: events,
                           declaredRateHz: baseRate, notes: notes)
    }

    /// De-interleaves the uncompressed data; returns the channels and where the data end.
    static func interleaved(_ file: BinaryBytes, _ layout: ACQLayout) throws -> ([[Double]], Int) {
        let channels = layout.channels
        let total = channels.reduce(0) { $0 + $1.pointCount * $1.sampleBytes }
        guard total <= file.count - layout.dataStart else {
            throw LDFError(file.source, "the channel headers describe \(total) bytes of samples but the file holds \(file.count - layout.dataStart) after the headers",
                           fix: "the file is truncated: copy or save it again")
        }
        var lcm = 1
        for c in channels {
            let g = gcd(lcm, c.divider)
            lcm = lcm / g * c.divider
            guard lcm <= 1 << 16 else { throw LDFError(file.source, "the channels' sample dividers repeat only every \(lcm) ticks", fix: "the file is damaged") }
        }
        let pattern = (0..<lcm).flatMap { tick in channels.indices.filter { tick % channels[$0].divider == 0 } }
        var out = channels.map { [Double](repeating: 0, count: $0.pointCount) }
        var filled = [Int](repeating: 0, count: channels.count)
        var remaining = channels.reduce(0) { $0 + $1.pointCount }
        var position = layout.dataStart
        let big = layout.bigEndian
        file.bytes.withUnsafeBytes { raw in
            while remaining > 0 {
                var progressed = false
                for c in pattern where filled[c] < channels[c].pointCount {
                    let channel = channels[c]
                    let value: Double
                    if channel.sampleBytes == 2 {
                        let r = raw.loadUnaligned(fromByteOffset: position, as: Int16.self)
                        value = Double(big ? Int16(bigEndian: r) : Int16(littleEndian: r)) * channel.scale + channel.offset
                    } else {
                        let r = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                        value = Double(bitPattern: big ? UInt64(bigEndian: r) : UInt64(littleEndian: r))
                    }
                    out[c][filled[c]] = value
                    filled[c] += 1
                    position += channel.sampleBytes
                    remaining -= 1
                    progressed = true
                }
                if !progressed { break }
            }
        }
        return (out, position)
    }

    /// Each channel's zlib stream, after the journal and the compression headers.
    static func compressed(_ file: BinaryBytes, _ layout: ACQLayout, from start: Int) throws -> [[Double]] {
        let big = layout.bigEndian
        var offset = start
        if layout.revision >= ACQLayout.post4Revision {
            let extra = layout.revision >= 108 ? 6 : 0
            let first = try file.int32(offset + 24, bigEndian: big, "compression header")
            let second = try file.int32(offset + 28, bigEndian: big, "compression header")
            guard first >= 0, second >= 0 else { throw LDFError(file.source, "the compression header is damaged", fix: "save the file again") }
            offset += 52 + extra + first + second
        } else {
            let text = try file.int32(offset + 34, bigEndian: big, "compression header")
            guard text >= 0 else { throw LDFError(file.source, "the compression header is damaged", fix: "save the file again") }
            offset += 38 + text
        }
        var result: [[Double]] = []
        for (c, channel) in layout.channels.enumerated() {
            let what = "compressed data of channel '\(channel.name)'"
            let label = try file.int32(offset + 44, bigEndian: big, what)
            let unit = try file.int32(offset + 48, bigEndian: big, what)
            let size = try file.int32(offset + 56, bigEndian: big, what)
            guard label >= 0, unit >= 0, size >= 0 else { throw LDFError(file.source, "the \(what) header is damaged", fix: "save the file again") }
            let dataStart = offset + 60 + label + unit
            try file.require(dataStart, size, what)
            let bytes = try Inflate.zlib(file.bytes, dataStart..<dataStart + size, expectedSize: channel.pointCount * channel.sampleBytes,
                                         limit: max(1, channel.pointCount * channel.sampleBytes), what: what, source: file.source)
            let count = min(channel.pointCount, bytes.count / channel.sampleBytes)
            if count < channel.pointCount {
                throw LDFError(file.source, "channel \(c + 1) '\(channel.name)' holds \(count) samples but its header says \(channel.pointCount)",
                               fix: "the file is truncated or damaged: save it again")
            }
            result.append(bytes.withUnsafeBytes { raw in
                (0..<count).map { i in
                    channel.sampleBytes == 2
                        ? Double(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))) * channel.scale + channel.offset
                        : Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                }
            })
            offset = dataStart + size
        }
        return result
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
