import Foundation
import LDFCore

/// The fixed ASCII header of an EDF, EDF+ or BDF file (Kemp et al. 1992, EDF+: Kemp & Olivan
/// 2003, BDF: BioSemi): 256 bytes for the file, then 256 bytes per signal stored field by field
/// (all labels, then all transducers, ...).
struct EDFHeader {
    enum Variant: String {
        case edf = "EDF", edfPlusC = "EDF+C", edfPlusD = "EDF+D", bdf = "BDF", bdfPlusC = "BDF+C", bdfPlusD = "BDF+D"

        var isBDF: Bool { self == .bdf || self == .bdfPlusC || self == .bdfPlusD }
        var isDiscontinuous: Bool { self == .edfPlusD || self == .bdfPlusD }
        /// Bytes per sample: 2 (EDF, 16-bit) or 3 (BDF, 24-bit), little-endian two's complement.
        var sampleBytes: Int { isBDF ? 3 : 2 }
    }

    struct Signal {
        var label: String
        var transducer: String
        var physicalDimension: String
        var physicalMinimum: Double
        var physicalMaximum: Double
        var digitalMinimum: Double
        var digitalMaximum: Double
        var prefiltering: String
        var samplesPerRecord: Int
        /// An EDF+/BDF+ annotation signal ("EDF Annotations"), holding TALs, not samples.
        var isAnnotations: Bool

        /// Physical value per digital step and the offset: physical = gain * digital + offset.
        var gain: Double { (physicalMaximum - physicalMinimum) / (digitalMaximum - digitalMinimum) }
        var offset: Double { physicalMaximum - gain * digitalMaximum }
    }

    var variant: Variant
    var patient: String
    var recording: String
    /// Start of the recording as written (local clock time of the recorder, stored as if UTC,
    /// since EDF carries no time zone).
    var startDate: Date?
    var headerBytes: Int
    /// -1 in the file when unknown (recording in progress); resolved from the file size then.
    var recordCount: Int
    var recordDurationSeconds: Double
    var signals: [Signal]

    /// Bytes of one data record (every signal's samples of one record, signal after signal).
    var recordBytes: Int { signals.reduce(0) { $0 + $1.samplesPerRecord } * variant.sampleBytes }

    static let edfMagic = Array("0       ".utf8)
    static let bdfMagic: [UInt8] = [0xFF] + Array("BIOSEMI".utf8)

    /// Parses the header from `file`, checking every field a reader depends on.
    static func parse(_ file: BinaryBytes) throws -> EDFHeader {
        try file.require(0, 256, "EDF header")
        let bdf = file.bytes[0] == 0xFF
        let reserved = try ascii(file, 192, 44, "reserved field")
        let variant: Variant
        switch (bdf, reserved) {
        case (false, let r) where r.hasPrefix("EDF+C"): variant = .edfPlusC
        case (false, let r) where r.hasPrefix("EDF+D"): variant = .edfPlusD
        case (false, _): variant = .edf
        case (true, let r) where r.hasPrefix("BDF+C"): variant = .bdfPlusC
        case (true, let r) where r.hasPrefix("BDF+D"): variant = .bdfPlusD
        case (true, _): variant = .bdf
        }
        let patient = try ascii(file, 8, 80, "patient field")
        let recording = try ascii(file, 88, 80, "recording field")
        let headerBytes = try integer(file, 184, 8, "number of bytes in header")
        let recordCount = try integer(file, 236, 8, "number of data records")
        let duration = try number(file, 244, 8, "duration of a data record")
        let signalCount = try integer(file, 252, 4, "number of signals")
        guard signalCount >= 1 && signalCount <= 4096 else {
            throw LDFError(file.source, "the header's number of signals is \(signalCount)", fix: "the file is damaged or not EDF")
        }
        guard headerBytes == 256 * (signalCount + 1) else {
            throw LDFError(file.source, "the header's number of bytes in header is \(headerBytes) but \(signalCount) signal(s) need \(256 * (signalCount + 1))",
                           fix: "the file is damaged or not EDF")
        }
        guard recordCount >= -1 else {
            throw LDFError(file.source, "the header's number of data records is \(recordCount)", fix: "the file is damaged")
        }
        guard duration >= 0 && duration.isFinite else {
            throw LDFError(file.source, "the header's duration of a data record is \(duration) s", fix: "the file is damaged")
        }
        try file.require(256, 256 * signalCount, "signal headers")
        let signals = try (0..<signalCount).map { try signal($0, of: signalCount, in: file, bdf: variant.isBDF) }
        let start = startDate(date: try ascii(file, 168, 8, "start date"), time: try ascii(file, 176, 8, "start time"),
                              recordingField: variant == .edf || variant == .bdf ? nil : recording)
        return EDFHeader(variant: variant, patient: patient, recording: recording, startDate: start, headerBytes: headerBytes,
                         recordCount: recordCount, recordDurationSeconds: duration, signals: signals)
    }

    /// Signal `i`'s fields; its scaling is checked for every signal that holds samples.
    static func signal(_ i: Int, of n: Int, in file: BinaryBytes, bdf: Bool) throws -> Signal {
        // Field widths, in header order; each field is stored for all signals before the next.
        let widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32]
        var offsets: [Int] = []
        var position = 256
        for width in widths {
            offsets.append(position + i * width)
            position += n * width
        }
        let label = try ascii(file, offsets[0], 16, "label of signal \(i + 1)")
        let name = label.isEmpty ? "Signal \(i + 1)" : label
        let isAnnotations = label == (bdf ? "BDF Annotations" : "EDF Annotations")
        func value(_ k: Int, _ field: String) throws -> Double {
            try number(file, offsets[k], widths[k], "\(field) of signal '\(name)'")
        }
        let samples = try integer(file, offsets[8], 8, "number of samples in each data record of signal '\(name)'")
        guard samples >= 0 && samples <= 100_000_000 else {
            throw LDFError(file.source, "signal '\(name)': the number of samples in each data record is \(samples)", fix: "the file is damaged")
        }
        let signal = Signal(label: name, transducer: try ascii(file, offsets[1], 80, "transducer"),
                            physicalDimension: try ascii(file, offsets[2], 8, "physical dimension"),
                            physicalMinimum: try value(3, "physical minimum"), physicalMaximum: try value(4, "physical maximum"),
                            digitalMinimum: try value(5, "digital minimum"), digitalMaximum: try value(6, "digital maximum"),
                            prefiltering: try ascii(file, offsets[7], 80, "prefiltering"), samplesPerRecord: samples,
                            isAnnotations: isAnnotations)
        if !isAnnotations {
            guard signal.digitalMaximum != signal.digitalMinimum else {
                throw LDFError(file.source, "signal '\(name)': digital minimum equals digital maximum (\(format(signal.digitalMinimum))), so its samples cannot be scaled to physical units",
                               fix: "the header is damaged; correct the digital range or export the file again")
            }
            guard signal.physicalMaximum != signal.physicalMinimum else {
                throw LDFError(file.source, "signal '\(name)': physical minimum equals physical maximum (\(format(signal.physicalMinimum)))",
                               fix: "the header is damaged; correct the physical range or export the file again")
            }
        }
        return signal
    }

    /// `dd.mm.yy` and `hh.mm.ss`; years 85-99 are 19xx, 00-84 are 20xx, unless an EDF+ recording
    /// field (`Startdate 02-MAR-2002 ...`) gives the four-digit year.
    static func startDate(date: String, time: String, recordingField: String?) -> Date? {
        let d = date.split(separator: ".").compactMap { Int($0) }
        let t = time.split(separator: ".").compactMap { Int($0) }
        guard d.count == 3, t.count == 3 else { return nil }
        var year = d[2] >= 85 ? 1900 + d[2] : 2000 + d[2]
        if let recordingField {
            let words = recordingField.split(separator: " ")
            if words.count >= 2, words[0] == "Startdate", let y = words[1].split(separator: "-").last.flatMap({ Int($0) }), y >= 1985 {
                year = y
            }
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, d[1], d[0])
        (components.hour, components.minute, components.second) = (t[0], t[1], t[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    static func ascii(_ file: BinaryBytes, _ offset: Int, _ length: Int, _ field: String) throws -> String {
        try file.text(offset, length, field)
    }

    static func number(_ file: BinaryBytes, _ offset: Int, _ length: Int, _ field: String) throws -> Double {
        let text = try ascii(file, offset, length, field)
        guard let value = Double(text), value.isFinite else {
            throw LDFError(file.source, "the header's \(field) is '\(text)', not a number", fix: "the file is damaged or not EDF")
        }
        return value
    }

    static func integer(_ file: BinaryBytes, _ offset: Int, _ length: Int, _ field: String) throws -> Int {
        let text = try ascii(file, offset, length, field)
        guard let value = Int(text) else {
            throw LDFError(file.source, "the header's \(field) is '\(text)', not a whole number", fix: "the file is damaged or not EDF")
        }
        return value
    }

    static func format(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
}
