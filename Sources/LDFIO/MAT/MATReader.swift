import Foundation
import LDFCore

/// Reads MATLAB level 5 MAT-files (versions 5 to 7: uncompressed and zlib-compressed elements),
/// recognised by their header text `MATLAB 5.0 MAT-file` (or `7.3`, refused: HDF5).
///
/// Numeric arrays anywhere in the file are candidates, struct fields included (`s.flux`); a
/// matrix contributes one channel per column (`data(:,2)`). The user may name the signal, the
/// time and the rate (`MATVariableChoice`); otherwise the reader picks the obvious ones and says
/// so in the notes:
/// - time: a vector named `t`, `time`, `tt`, `times` or `timestamps` (case-insensitive) that
///   strictly increases, in seconds;
/// - rate: a scalar named `fs`, `Fs`, `srate`, `rate`, `sample_rate`, `samplerate`,
///   `sampling_rate`, `sf` or `freq`, in Hz;
/// - signal: every vector (or matrix column) as long as the longest one that is not the time;
///   the perfusion channel is then found by name as for any file (`flux`, `ldf`, `perfusion`...).
/// Vectors of other lengths are listed in the notes and not read.
public enum MATReader: TableReader {
    public static let kind = ReaderKind.mat

    static let timeNames: Set<String> = ["t", "time", "tt", "times", "timestamps", "time_s", "tsec"]
    static let rateNames: Set<String> = ["fs", "srate", "rate", "sample_rate", "samplerate", "sampling_rate", "samplingrate",
                                         "sf", "freq", "samplefreq", "sampling_frequency"]

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        BinaryBytes.starts(bytes, with: Array("MATLAB 5.0 MAT-file".utf8)) || BinaryBytes.starts(bytes, with: Array("MATLAB 7.3 MAT-file".utf8))
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        let mat = try MATFile.parse(BinaryBytes(bytes, source: source))
        return try table(mat, choice: options.mat, source: source)
    }

    /// A channel candidate: a vector, or one column of a matrix.
    struct Series {
        var name: String
        var values: [Double]
    }

    static func table(_ mat: MATFile, choice: MATVariableChoice, source: String) throws -> SampleTable {
        let series = mat.variables.flatMap(columns)
        var notes: [String] = []
        guard series.contains(where: { $0.values.count >= 2 }) else {
            let others = mat.skipped.isEmpty ? "" : " (other variables: \(mat.skipped.joined(separator: ", ")))"
            throw LDFError(source, "the MAT-file holds no numeric vector\(others)",
                           fix: "save the recording as a numeric vector, e.g. save(FILE, 'flux', 'fs')")
        }
        let time = try pickTime(series, choice: choice, source: source)
        let rate = try pickRate(mat.variables, choice: choice, source: source)
        var signals: [Series]
        if let name = choice.signal {
            signals = series.filter { $0.name == name || $0.name.hasPrefix(name + "(:,") }
            guard !signals.isEmpty else {
                throw LDFError("\(parameter: "matSignal")", "no numeric variable '\(name)' in \(source) (variables: \(list(series)))",
                               fix: "name one of the listed variables")
            }
        } else {
            let candidates = series.filter { $0.name != time?.name && $0.values.count >= 2 }
            let longest = candidates.map(\.values.count).max() ?? 0
            signals = candidates.filter { $0.values.count == longest }
            let left = candidates.filter { $0.values.count != longest }.map(\.name)
            if !left.isEmpty { notes.append("MATLAB variables of other lengths not read: \(left.joined(separator: ", "))") }
        }
        guard !signals.isEmpty else {
            throw LDFError(source, "the MAT-file holds no numeric vector besides the time '\(time?.name ?? "")'",
                           fix: "save the signal beside its time, or name it with \(parameter: "matSignal")")
        }
        let length = signals[0].values.count
        if let mismatch = signals.first(where: { $0.values.count != length }) {
            throw LDFError("\(parameter: "matSignal")", "'\(signals[0].name)' has \(length) values but '\(mismatch.name)' has \(mismatch.values.count)",
                           fix: "name variables of one length")
        }
        if let time, time.values.count != length {
            throw LDFError(source, "the time '\(time.name)' has \(time.values.count) values but the signal '\(signals[0].name)' has \(length)",
                           fix: "name the matching time with \(parameter: "matTime"), or give the rate with \(parameter: "matRate")")
        }
        guard time != nil || rate != nil else {
            throw LDFError(source, "the MAT-file has no time vector and no sample rate the reader can recognise (variables: \(list(series)))",
                           fix: "name them with \(parameter: "matTime") NAME or \(parameter: "matRate") NAME|HZ (or give \(parameter: "rate") HZ)")
        }
        notes.insert("MATLAB: signal " + signals.map { "'\($0.name)'" }.joined(separator: ", ") + " (\(length) samples)"
                     + (time.map { ", time '\($0.name)' (s)" } ?? "")
                     + (rate.map { ", rate \($0.label) = \(Recording.hertz($0.hz)) Hz" } ?? ""), at: 0)
        if mat.variables.contains(where: \.isComplex) { notes.append("complex MATLAB arrays were read by their real part") }
        let columns = signals.map { SampleTable.Column(name: $0.name, unit: "", values: $0.values) }
        return SampleTable(source: source, reader: kind.rawValue, times: time?.values, columns: columns,
                           declaredRateHz: rate?.hz, notes: notes)
    }

    /// A vector as one series; a matrix (rows > 1, columns > 1) as one series per column.
    static func columns(_ variable: MATFile.Variable) -> [Series] {
        if variable.isVector { return [Series(name: variable.name, values: variable.values)] }
        guard variable.dimensions.count == 2 else { return [] }
        let rows = variable.dimensions[0], cols = variable.dimensions[1]
        // Channels usually run down the longer side.
        if rows >= cols {
            return (0..<cols).map { c in Series(name: "\(variable.name)(:,\(c + 1))", values: Array(variable.values[c * rows..<(c + 1) * rows])) }
        }
        return (0..<rows).map { r in
            Series(name: "\(variable.name)(\(r + 1),:)", values: (0..<cols).map { variable.values[$0 * rows + r] })
        }
    }

    static func pickTime(_ series: [Series], choice: MATVariableChoice, source: String) throws -> Series? {
        if let name = choice.time {
            guard let time = series.first(where: { $0.name == name }) else {
                throw LDFError("\(parameter: "matTime")", "no numeric variable '\(name)' in \(source) (variables: \(list(series)))",
                               fix: "name one of the listed variables")
            }
            return time
        }
        return series.first { s in
            let leaf = s.name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return timeNames.contains(leaf) && s.values.count >= 2 && zip(s.values, s.values.dropFirst()).allSatisfy { $1 > $0 }
        }
    }

    static func pickRate(_ variables: [MATFile.Variable], choice: MATVariableChoice, source: String) throws -> (label: String, hz: Double)? {
        if let text = choice.rate {
            if let hz = Double(text) {
                guard hz > 0 && hz.isFinite else { throw LDFError("\(parameter: "matRate")", "\(text) Hz is not a positive rate", fix: "e.g. \(parameter: "matRate") 40") }
                return ("given", hz)
            }
            guard let v = variables.first(where: { $0.name == text }), v.count == 1, v.values[0] > 0, v.values[0].isFinite else {
                throw LDFError("\(parameter: "matRate")", "'\(text)' is not a positive scalar variable in \(source)", fix: "name the variable holding the rate in Hz, or give a number")
            }
            return ("'\(text)'", v.values[0])
        }
        let found = variables.first { v in
            v.count == 1 && rateNames.contains(v.name.split(separator: ".").last.map { $0.lowercased() } ?? "") && v.values[0] > 0
                && v.values[0].isFinite && v.values[0] <= 1e7
        }
        return found.map { ("'\($0.name)'", $0.values[0]) }
    }

    static func list(_ series: [Series]) -> String {
        let names = series.prefix(20).map { "\($0.name) [\($0.values.count)]" }
        return names.joined(separator: ", ") + (series.count > 20 ? ", …" : "")
    }
}
