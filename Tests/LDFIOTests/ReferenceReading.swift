import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// What an independent library (pyedflib, wfdb, bioread, scipy, openpyxl...) read from a fixture,
/// as its generating script wrote it to `expected.json` beside the fixtures.
struct ReferenceReading: Decodable {
    struct Signal: Decodable {
        var label: String
        var unit: String
        var rate: Double
        var count: Int
        var first: [Double]
        var last: Double
        var mean: Double
        var min: Double
        var max: Double
    }

    struct Annotation: Decodable {
        var onset: Double
        var duration: Double?
        var text: String
    }

    struct File: Decodable {
        var signals: [Signal]
        var annotations: [Annotation]
        var start: String?
    }

    /// A summary of an annotation file as the reference library read it.
    struct AnnotationFile: Decodable {
        var count: Int
        var firstSamples: [Int]
        var lastSample: Int
        var symbols: [String]

        enum CodingKeys: String, CodingKey {
            case count, symbols
            case firstSamples = "first_samples", lastSample = "last_sample"
        }
    }

    var versions: [String: String]
    var files: [String: File]
    var annotations: [String: AnnotationFile]?

    /// `Tests/Fixtures/<folder>/expected.json`.
    static func load(_ folder: String) throws -> ReferenceReading {
        let data = try Data(contentsOf: RepositoryPaths.fixture(folder).appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(ReferenceReading.self, from: data)
    }

    /// The reference start time as seconds since 1970, reading the ISO date as UTC (the files
    /// carry local clock time without a zone, as the toolkit stores it).
    static func epochSeconds(_ iso: String) -> Double? {
        let parts = iso.split(separator: ".", maxSplits: 1)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withFullTime, .withDashSeparatorInDate, .withColonSeparatorInTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let whole = formatter.date(from: String(parts[0]) + "Z") else { return nil }
        let fraction = parts.count > 1 ? Double("0." + parts[1]) ?? 0 : 0
        return whole.timeIntervalSince1970 + fraction
    }
}

/// Checks `values` against a reference signal: count, first values, last, mean, min and max.
func expectMatches(_ values: [Double], _ reference: ReferenceReading.Signal, tolerance: Double = 1e-9,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(values.count == reference.count, "\(reference.label): count", sourceLocation: sourceLocation)
    guard values.count == reference.count, !values.isEmpty else { return }
    let scale = max(1, abs(reference.max), abs(reference.min))
    for (v, r) in zip(values, reference.first) {
        #expect(abs(v - r) <= tolerance * scale, "\(reference.label): first values \(v) vs \(r)", sourceLocation: sourceLocation)
    }
    #expect(abs(values[values.count - 1] - reference.last) <= tolerance * scale, "\(reference.label): last", sourceLocation: sourceLocation)
    let mean = values.reduce(0, +) / Double(values.count)
    #expect(abs(mean - reference.mean) <= tolerance * scale, "\(reference.label): mean \(mean) vs \(reference.mean)", sourceLocation: sourceLocation)
    #expect(abs(values.min()! - reference.min) <= tolerance * scale, "\(reference.label): min", sourceLocation: sourceLocation)
    #expect(abs(values.max()! - reference.max) <= tolerance * scale, "\(reference.label): max", sourceLocation: sourceLocation)
}

/// The error reading `path` throws, or nil.
func readError(_ path: String, options: ReadOptions = ReadOptions()) -> LDFError? {
    do {
        _ = try RecordingReader.readAll(path: path, options: options)
        return nil
    } catch let error as LDFError {
        return error
    } catch {
        return LDFError(path, "unexpected error type: \(error)")
    }
}
