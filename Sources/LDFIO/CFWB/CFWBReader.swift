import Foundation
import LDFCore

/// Reads LabChart binary exports (ADInstruments' CFWB data-file format, "Translate Binary"),
/// recognised by the magic `CFWB`. All fields are little-endian and packed:
///
/// - a 68-byte file header: magic, version, sampling interval (`secsPerTick`, s), the trigger
///   date and time (year, month, day, hour, minute as 32-bit integers, seconds as a double),
///   pre-trigger time (s), channel count, samples per channel, a time-channel flag and the data
///   format (1 double, 2 float, 3 16-bit integer);
/// - 96 bytes per channel: title (32 bytes), units (32), scale and offset (doubles; a 16-bit
///   sample is `scale * (sample + offset)`), and the range (not used);
/// - the samples, interleaved (one value per channel per tick, after the time value when the
///   time-channel flag is set).
///
/// The start date is the trigger time minus the pre-trigger time, local clock time stored as if
/// UTC (the file carries no time zone). Refused with a message naming the field: a header that
/// does not fit, an unknown data format, a sampling interval that is not positive, and a file
/// holding fewer samples than its header says.
public enum CFWBReader: TableReader {
    public static let kind = ReaderKind.cfwb

    static let magic = Array("CFWB".utf8)
    static let fileHeaderBytes = 68
    static let channelHeaderBytes = 96

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        BinaryBytes.starts(bytes, with: magic)
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        try decode(BinaryBytes(bytes, source: source))
    }

    static func decode(_ file: BinaryBytes) throws -> SampleTable {
        guard recognises(file.bytes[...]) else {
            throw LDFError(file.source, "the file does not start with 'CFWB', so it is not a LabChart binary export", fix: "use \(parameter: "reader") auto")
        }
        try file.require(0, fileHeaderBytes, "CFWB file header")
        let interval = try file.float64(8, "sampling interval (secsPerTick)")
        guard interval > 0 && interval.isFinite && 1 / interval <= 1e7 else {
            throw LDFError(file.source, "the header's sampling interval (secsPerTick) is \(interval) s", fix: "the file is damaged")
        }
        let channelCount = try file.int32(52, "channel count (NChannels)")
        let samplesPerChannel = try file.int32(56, "samples per channel (SamplesPerChannel)")
        let timeChannel = try file.int32(60, "time channel flag (TimeChannel)") == 1
        let format = try file.int32(64, "data format (DataFormat)")
        guard channelCount >= 1 && channelCount <= 1024 else {
            throw LDFError(file.source, "the header's channel count (NChannels) is \(channelCount)", fix: "the file is damaged")
        }
        guard samplesPerChannel >= 0 else {
            throw LDFError(file.source, "the header's samples per channel is \(samplesPerChannel)", fix: "the file is damaged")
        }
        let sampleBytes: Int
        switch format {
        case 1: sampleBytes = 8
        case 2: sampleBytes = 4
        case 3: sampleBytes = 2
        default:
            throw LDFError(file.source, "the header's data format (DataFormat) is \(format); LabChart binary uses 1 (double), 2 (float) or 3 (16-bit integer)",
                           fix: "the file is damaged or from an unknown LabChart version")
        }
        let dataStart = fileHeaderBytes + channelCount * channelHeaderBytes
        try file.require(fileHeaderBytes, channelCount * channelHeaderBytes, "channel headers")
        let perTick = channelCount + (timeChannel && format != 3 ? 1 : 0)
        let frameBytes = perTick * sampleBytes
        let availableTicks = (file.count - dataStart) / frameBytes
        guard samplesPerChannel <= availableTicks else {
            throw LDFError(file.source, "the header's samples per channel (SamplesPerChannel) is \(samplesPerChannel) but the file holds only \(availableTicks)",
                           fix: "the file is truncated: export it again")
        }
        var notes = ["LabChart binary (CFWB), \(channelCount) channel(s), \(["double", "float", "16-bit integer"][format - 1]) samples"]
        var columns: [SampleTable.Column] = []
        for c in 0..<channelCount {
            let h = fileHeaderBytes + c * channelHeaderBytes
            let title = try file.text(h, 32, "title of channel \(c + 1)")
            let units = try file.text(h + 32, 32, "units of channel \(c + 1)")
            let scale = format == 3 ? try file.float64(h + 64, "scale of channel \(c + 1)") : 1
            let offset = format == 3 ? try file.float64(h + 72, "offset of channel \(c + 1)") : 0
            let slot = c + (perTick - channelCount)
            let values = file.bytes.withUnsafeBytes { raw in
                channelValues(raw, start: dataStart + slot * sampleBytes, stride: frameBytes, count: samplesPerChannel,
                              format: format, scale: scale, offset: offset)
            }
            columns.append(SampleTable.Column(name: title.isEmpty ? "Channel \(c + 1)" : title, unit: units, values: values))
        }
        let extra = file.count - dataStart - samplesPerChannel * frameBytes
        if extra > 0 { notes.append("\(extra) byte(s) after the samples were ignored") }
        var table = SampleTable(source: file.source, reader: kind.rawValue, times: nil, columns: columns,
                                startDate: try startDate(file), declaredRateHz: 1 / interval, notes: notes)
        table.metadata = [MetadataEntry(key: "secsPerTick", value: "\(interval)"),
                          MetadataEntry(key: "version", value: String(try file.int32(4, "version")))]
        return table
    }

    /// One channel's samples from the interleaved data, in user units.
    static func channelValues(_ raw: UnsafeRawBufferPointer, start: Int, stride: Int, count: Int, format: Int,
                              scale: Double, offset: Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { out, initialized in
            for i in 0..<count {
                let p = start + i * stride
                switch format {
                case 1: out[i] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)))
                case 2: out[i] = Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self))))
                default: out[i] = scale * (Double(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: Int16.self))) + offset)
                }
            }
            initialized = count
        }
    }

    /// Trigger time minus pre-trigger time; nil when the date fields are not a valid date.
    static func startDate(_ file: BinaryBytes) throws -> Date? {
        var components = DateComponents()
        components.year = try file.int32(16, "year")
        components.month = try file.int32(20, "month")
        components.day = try file.int32(24, "day")
        components.hour = try file.int32(28, "hour")
        components.minute = try file.int32(32, "minute")
        let seconds = try file.float64(36, "second")
        let pretrigger = try file.float64(44, "pre-trigger time")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard components.isValidDate(in: calendar), seconds.isFinite, pretrigger.isFinite, abs(seconds) < 1e6, abs(pretrigger) < 1e9,
              let minute = calendar.date(from: components) else { return nil }
        return minute.addingTimeInterval(seconds - pretrigger)
    }
}
