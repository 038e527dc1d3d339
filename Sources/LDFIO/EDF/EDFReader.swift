import Foundation
import LDFCore

/// Reads EDF, EDF+ (continuous and discontinuous) and BDF/BDF+ files, recognised by their first
/// bytes (`0` and seven blanks, or 0xFF `BIOSEMI`) and a header length that matches the signal
/// count.
///
/// - Every ordinary signal becomes a channel at its own rate (samples per record / record
///   duration), scaled from digital to physical units with its own ranges; the signal's label
///   and physical dimension are the channel's name and unit.
/// - EDF+ annotation signals become events (onset and duration, seconds from the file's start);
///   the record time-keeping TALs place the records of an EDF+D file, so a pause between records
///   becomes a gap of missing samples that the assembler reports (or bridges when short).
/// - Refused with a message naming the field: a header whose fields are not numbers, a digital
///   or physical range of zero, a file holding fewer data records than its header says,
///   records that overlap in an EDF+D file.
public enum EDFReader: TableReader {
    public static let kind = ReaderKind.edf

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 256,
              BinaryBytes.starts(bytes, with: EDFHeader.edfMagic) || BinaryBytes.starts(bytes, with: EDFHeader.bdfMagic) else { return false }
        let head = BinaryBytes(Array(bytes.prefix(256)), source: "")
        guard let headerBytes = try? EDFHeader.integer(head, 184, 8, ""), let signals = try? EDFHeader.integer(head, 252, 4, "") else {
            return false
        }
        return signals >= 1 && headerBytes == 256 * (signals + 1)
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        try decode(BinaryBytes(bytes, source: source))
    }

    /// The whole file as a table: one column per signal at its own rate, annotations as events.
    static func decode(_ file: BinaryBytes) throws -> SampleTable {
        let header = try EDFHeader.parse(file)
        let records = try recordCount(header, file)
        let layout = RecordLayout(header)
        guard !layout.dataSignals.isEmpty else {
            throw LDFError(file.source, "the file holds only annotations, no signal with samples", fix: "export the signals with the annotations")
        }
        guard header.recordDurationSeconds > 0 else {
            throw LDFError(file.source, "the header's duration of a data record is 0 s, so its signals have no sample rate",
                           fix: "the file is damaged or holds only annotations")
        }
        var notes: [String] = []
        var skippedTALs = 0
        let tals = file.bytes.withUnsafeBytes { raw in
            layout.annotationSignals.flatMap { s in
                (0..<records).map { r -> [EDFAnnotations.TAL] in
                    let start = header.headerBytes + r * layout.recordBytes + layout.offsets[s]
                    return EDFAnnotations.parse(raw, from: start, to: start + header.signals[s].samplesPerRecord * layout.sampleBytes,
                                                skipped: &skippedTALs)
                }
            }
        }
        // The first TAL of each record of the first annotation signal keeps time.
        let recordOnsets: [Double]? = layout.annotationSignals.isEmpty ? nil : (0..<records).map { r in
            let first = tals[r].first
            return first?.texts.first == "" ? first!.onsetSeconds : Double(r) * header.recordDurationSeconds
        }
        let origin = recordOnsets?.first ?? 0
        let placement = header.variant.isDiscontinuous
            ? try discontinuousPlacement(recordOnsets ?? [], header: header, file: file, notes: &notes) : nil
        var columns: [SampleTable.Column] = []
        for s in layout.dataSignals {
            let signal = header.signals[s]
            let values = file.bytes.withUnsafeBytes { raw in
                samples(of: s, records: records, placement: placement, header: header, layout: layout, raw: raw)
            }
            columns.append(SampleTable.Column(name: signal.label, unit: signal.physicalDimension, values: values,
                                              sampleRateHz: Double(signal.samplesPerRecord) / header.recordDurationSeconds))
        }
        var events: [Event] = []
        for (index, list) in tals.enumerated() {
            for (k, tal) in list.enumerated() {
                let texts = k == 0 && tal.texts.first == "" && index < records ? Array(tal.texts.dropFirst()) : tal.texts
                for text in texts where !text.isEmpty {
                    events.append(Event(timeSeconds: tal.onsetSeconds - origin,
                                        endSeconds: tal.durationSeconds.map { tal.onsetSeconds + $0 - origin }, label: text))
                }
            }
        }
        if skippedTALs > 0 { notes.append("\(skippedTALs) malformed annotation(s) skipped") }
        let dataEnd = header.headerBytes + records * layout.recordBytes
        if file.count > dataEnd {
            notes.append("\(file.count - dataEnd) byte(s) after the last data record were ignored")
        }
        notes.insert("\(header.variant.rawValue): \(records) data record(s) of \(EDFHeader.format(header.recordDurationSeconds)) s", at: 0)
        var table = SampleTable(source: file.source, reader: kind.rawValue, times: nil, columns: columns, events: events,
                                startDate: header.startDate?.addingTimeInterval(origin), notes: notes)
        table.metadata = metadata(header)
        return table
    }

    /// The number of complete data records, checked against the header's count.
    static func recordCount(_ header: EDFHeader, _ file: BinaryBytes) throws -> Int {
        let recordBytes = header.recordBytes
        guard recordBytes > 0 else {
            throw LDFError(file.source, "every signal has 0 samples per data record", fix: "the file holds no samples")
        }
        let available = max(0, file.count - header.headerBytes) / recordBytes
        if header.recordCount == -1 { return available }
        guard header.recordCount <= available else {
            throw LDFError(file.source, "the header's number of data records is \(header.recordCount) but the file holds only \(available) complete record(s) of \(recordBytes) bytes",
                           fix: "the file is truncated: copy or export it again")
        }
        return header.recordCount
    }

    /// Byte offsets of each signal inside a data record.
    struct RecordLayout {
        var offsets: [Int]
        var recordBytes: Int
        var sampleBytes: Int
        var dataSignals: [Int]
        var annotationSignals: [Int]

        init(_ header: EDFHeader) {
            sampleBytes = header.variant.sampleBytes
            var position = 0
            offsets = header.signals.map { signal in
                defer { position += signal.samplesPerRecord * header.variant.sampleBytes }
                return position
            }
            recordBytes = position
            dataSignals = header.signals.indices.filter { !header.signals[$0].isAnnotations && header.signals[$0].samplesPerRecord > 0 }
            annotationSignals = header.signals.indices.filter { header.signals[$0].isAnnotations }
        }
    }

    /// Each record's start in seconds from the first record's, for an EDF+D file; checks that
    /// records do not overlap and that the pauses do not ask for an absurd grid.
    static func discontinuousPlacement(_ onsets: [Double], header: EDFHeader, file: BinaryBytes,
                                       notes: inout [String]) throws -> [Double]? {
        guard let first = onsets.first else { return nil }
        var pauses = 0
        for r in 1..<max(1, onsets.count) {
            let step = onsets[r] - onsets[r - 1]
            if step < header.recordDurationSeconds * (1 - 1e-9) {
                throw LDFError(file.source, "data record \(r + 1) starts at \(onsets[r]) s, before record \(r) ends (\(onsets[r - 1] + header.recordDurationSeconds) s)",
                               fix: "the EDF+D record times are damaged; export the file again")
            }
            if step > header.recordDurationSeconds * (1 + 1e-9) { pauses += 1 }
        }
        let span = (onsets[onsets.count - 1] - first + header.recordDurationSeconds) / header.recordDurationSeconds
        guard span <= 1000 * Double(onsets.count) + 1_000_000 else {
            throw LDFError(file.source, "the EDF+D records span \(span) record lengths for \(onsets.count) records",
                           fix: "the record times are damaged; export the file again")
        }
        if pauses > 0 { notes.append("EDF+D: \(pauses) pause(s) between data records left as missing samples") }
        return onsets.map { $0 - first }
    }

    /// Signal `s` in physical units: records one after another, or placed at their start times
    /// (`placement`, EDF+D) with the pauses between them NaN.
    static func samples(of s: Int, records: Int, placement: [Double]?, header: EDFHeader, layout: RecordLayout,
                        raw: UnsafeRawBufferPointer) -> [Double] {
        let signal = header.signals[s]
        let perRecord = signal.samplesPerRecord
        let rate = Double(perRecord) / header.recordDurationSeconds
        let starts = placement.map { $0.map { Int(($0 * rate).rounded()) } } ?? (0..<records).map { $0 * perRecord }
        let count = (starts.last ?? 0) + (records > 0 ? perRecord : 0)
        var values = [Double](repeating: placement == nil ? 0 : .nan, count: count)
        let gain = signal.gain, offset = signal.offset
        let bdf = header.variant.isBDF
        values.withUnsafeMutableBufferPointer { out in
            for r in 0..<records {
                let base = header.headerBytes + r * layout.recordBytes + layout.offsets[s]
                let target = starts[r]
                if bdf {
                    for j in 0..<perRecord {
                        let p = base + 3 * j
                        let digital = Int32(raw[p]) | Int32(raw[p + 1]) << 8 | Int32(Int8(bitPattern: raw[p + 2])) << 16
                        out[target + j] = gain * Double(digital) + offset
                    }
                } else {
                    for j in 0..<perRecord {
                        let digital = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: base + 2 * j, as: Int16.self))
                        out[target + j] = gain * Double(digital) + offset
                    }
                }
            }
        }
        return values
    }

    /// The header's descriptive fields, as key–value pairs.
    static func metadata(_ header: EDFHeader) -> [MetadataEntry] {
        var entries = [MetadataEntry(key: "format", value: header.variant.rawValue)]
        if !header.patient.isEmpty { entries.append(MetadataEntry(key: "patient", value: header.patient)) }
        if !header.recording.isEmpty { entries.append(MetadataEntry(key: "recording", value: header.recording)) }
        for signal in header.signals where !signal.isAnnotations {
            if !signal.transducer.isEmpty { entries.append(MetadataEntry(key: "\(signal.label) transducer", value: signal.transducer)) }
            if !signal.prefiltering.isEmpty { entries.append(MetadataEntry(key: "\(signal.label) prefiltering", value: signal.prefiltering)) }
        }
        return entries
    }
}
