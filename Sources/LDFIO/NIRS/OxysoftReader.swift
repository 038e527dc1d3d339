import Foundation
import LDFCore

/// Reads Artinis Oxysoft text exports (PortaMon, PortaLite, OctaMon, Oxymon; docs/METHODS.md
/// §22.1), recognised by an opening `OxySoft export of:` line.
///
/// - Header lines before `Legend:` (`Key:<TAB>value<TAB>unit`) become metadata; `Export sample
///   rate` (else `Datafile sample rate`) gives the rate in Hz.
/// - The legend (`Column<TAB>Trace (Measurement)`, then `N<TAB>name` lines) names the columns;
///   `(Sample number)` is the time (sample / rate seconds), `(Event)` holds markers (`0` or
///   empty for none, `S1`, `A2`, ...), and a text cell after the last legend column describes the
///   marker; every other column is a trace whose unit comes from its name (`NIRSTrace`).
/// - The data follow a line numbering the columns (`1<TAB>2<TAB>...<TAB>N`). Decimal commas are
///   read when the first data row has commas and no points.
public enum OxysoftReader: TableReader {
    public static let kind = ReaderKind.oxysoft

    /// The first line of every Oxysoft export, in the spellings seen (`OxySoft export of:`,
    /// `Oxysoft export of`).
    static let openingLine = "oxysoft export of"

    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        var head = Array(bytes.prefix(256))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        let text = String(decoding: head, as: UTF8.self).drop { $0 == "\n" || $0 == "\r" || $0 == " " }
        return text.lowercased().hasPrefix(openingLine)
    }

    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable {
        try bytes.withUnsafeBufferPointer { buffer in
            try TextDecoding.requireText(buffer, source: source)
            var parser = OxysoftParser(bytes: buffer, source: source)
            try parser.run(from: TextDecoding.byteOrderMarkLength(buffer))
            return try parser.table()
        }
    }
}

/// One pass over an Oxysoft export: header, legend, then rows.
struct OxysoftParser {
    enum Section { case header, legend, data }

    let bytes: UnsafeBufferPointer<UInt8>
    let source: String
    var section = Section.header
    var metadata: [MetadataEntry] = []
    var fileRateHz: Double?
    var exportRateHz: Double?
    /// Trace names by 1-based column number.
    var legend: [Int: String] = [:]
    var legendLine = 0
    var sampleColumn: Int?
    var eventColumn: Int?
    /// 1-based column numbers of the traces, in order.
    var traceColumns: [Int] = []
    var samples: [Double] = []
    var values: [[Double]] = []
    var lineNumbers = LineNumbers()
    var markers: [(row: Int, label: String)] = []
    var decimalSeparator: UInt8?
    var usedFallback = false
    private var bounds: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
        self.bytes = bytes
        self.source = source
    }

    mutating func run(from start: Int) throws {
        var cursor = ByteLineCursor(bytes, from: start)
        let splitter = CellSplitter(delimiter: .tab)
        while let line = cursor.next() {
            let n = splitter.split(bytes, line, into: &bounds)
            let cells = n == 0 || (n == 1 && bounds[0] == bounds[1]) ? 0 : n
            switch section {
            case .header:
                if cells > 0 { try readHeader(line) }
            case .legend:
                if cells > 0 { try readLegend(line, cellCount: n) }
            case .data:
                if cells > 0 { try readRow(line, cellCount: n) }
            }
        }
        guard section == .data else {
            let missing = section == .header ? "no 'Legend:' block" : "no line numbering the columns (1<TAB>2<TAB>...) after the legend"
            throw LDFError(source, "the Oxysoft export has \(missing)",
                           fix: "export the measurement again from Oxysoft as text with the legend, or read the file with \(parameter: "reader") delimited")
        }
    }

    func text(_ c: Int) -> String {
        var ignored = false
        return CellText.string(bytes, bounds[2 * c], bounds[2 * c + 1], usedFallback: &ignored)
    }

    mutating func readHeader(_ line: ByteLine) throws {
        let raw = CellText.string(bytes, line.start, line.end, usedFallback: &usedFallback)
        guard let header = HeaderLine(number: line.number, text: raw, delimiter: .tab) else { return }
        let key = header.key.lowercased()
        if key == "legend" || (header.key.isEmpty && header.value.lowercased() == "legend") {
            section = .legend
            legendLine = line.number
            return
        }
        metadata.append(header.entry)
        let rate = header.cells.first.flatMap { DecimalParser.parse($0) ?? DecimalParser.parse($0, decimalSeparator: UInt8(ascii: ",")) }
        if key == "export sample rate" { exportRateHz = rate }
        if key == "datafile sample rate" || key == "data file sample rate" { fileRateHz = rate }
    }

    mutating func readLegend(_ line: ByteLine, cellCount n: Int) throws {
        let first = text(0)
        if first.lowercased() == "column" { return }
        guard let number = Int(first), number >= 1 else {
            throw LDFError("\(source) line \(line.number)", "the Oxysoft legend line '\(first)' does not start with a column number (1, 2, ...)",
                           fix: "repair the legend (lines 'N<TAB>trace name' after 'Legend:'), or export the measurement again")
        }
        if n > 1 && number == 1 && Int(text(1)) == 2 {
            try startData(line, cellCount: n)
            return
        }
        legend[number] = n > 1 ? text(1).split(whereSeparator: \.isWhitespace).joined(separator: " ") : ""
    }

    /// The line numbering the columns: the legend is complete.
    mutating func startData(_ line: ByteLine, cellCount n: Int) throws {
        for (number, name) in legend.sorted(by: { $0.key < $1.key }) {
            switch name.lowercased() {
            case "(sample number)": sampleColumn = number
            case "(event)": eventColumn = number
            default: traceColumns.append(number)
            }
        }
        guard sampleColumn != nil else {
            throw LDFError("\(source) line \(legendLine)", "the Oxysoft legend names no '(Sample number)' column",
                           fix: "export the measurement again from Oxysoft with the sample number column")
        }
        guard !traceColumns.isEmpty else {
            throw LDFError("\(source) line \(legendLine)", "the Oxysoft legend names no trace (only sample number and events)",
                           fix: "export the measurement again with the traces (O2Hb, HHb, TSI, ...) selected")
        }
        values = [[Double]](repeating: [], count: traceColumns.count)
        section = .data
    }

    mutating func readRow(_ line: ByteLine, cellCount n: Int) throws {
        let separator = decimalSeparator ?? detectSeparator(cellCount: n)
        decimalSeparator = separator
        let sampleIndex = sampleColumn! - 1
        guard sampleIndex < n, let sample = DecimalParser.parse(bytes, bounds[2 * sampleIndex], bounds[2 * sampleIndex + 1], decimalSeparator: separator) else {
            let cell = sampleIndex < n ? text(sampleIndex) : ""
            throw LDFError("\(source) line \(line.number)", "the sample number '\(cell)' is not a number",
                           fix: "repair or delete the row")
        }
        samples.append(sample)
        lineNumbers.append(line.number)
        for (k, column) in traceColumns.enumerated() {
            let c = column - 1
            let value = c < n ? DecimalParser.parse(bytes, bounds[2 * c], bounds[2 * c + 1], decimalSeparator: separator) : nil
            values[k].append(value ?? .nan)
        }
        if let eventColumn, eventColumn - 1 < n {
            let code = text(eventColumn - 1)
            if !code.isEmpty && code != "0" {
                let lastColumn = max(legend.keys.max() ?? 0, eventColumn)
                let description = (min(lastColumn, n)..<n).map(text).filter { !$0.isEmpty }.joined(separator: " ")
                markers.append((samples.count - 1, description.isEmpty ? code : "\(description) (\(code))"))
            }
        }
    }

    /// A comma, when the first data row writes numbers with commas and no points.
    func detectSeparator(cellCount n: Int) -> UInt8 {
        var commas = false
        for c in 0..<n {
            for i in bounds[2 * c]..<bounds[2 * c + 1] {
                if bytes[i] == UInt8(ascii: ".") { return UInt8(ascii: ".") }
                if bytes[i] == UInt8(ascii: ",") { commas = true }
            }
        }
        return commas ? UInt8(ascii: ",") : UInt8(ascii: ".")
    }

    func table() throws -> SampleTable {
        guard let rate = exportRateHz ?? fileRateHz, rate.isFinite, rate > 0 else {
            throw LDFError(source, "the Oxysoft header gives no sample rate ('Export sample rate' or 'Datafile sample rate')",
                           fix: "export the measurement again with its header, or read it with \(parameter: "reader") delimited \(parameter: "rate") HZ")
        }
        guard !samples.isEmpty else {
            throw LDFError(source, "the Oxysoft export holds no rows after its legend", fix: "export the measurement again")
        }
        let times = samples.map { $0 / rate }
        let columns = zip(traceColumns, values).map { column, values in
            let name = legend[column] ?? "column \(column)"
            return SampleTable.Column(name: name, unit: NIRSTrace.unit(ofTrace: name), values: values)
        }
        var table = SampleTable(source: source, reader: ReaderKind.oxysoft.rawValue, times: times, columns: columns,
                                lineNumbers: lineNumbers,
                                events: markers.map { Event(timeSeconds: times[$0.row], label: $0.label) },
                                declaredRateHz: rate)
        table.metadata = metadata
        table.notes.append("Oxysoft export: \(columns.count) trace(s), time = sample number / \(rate == rate.rounded() ? String(Int(rate)) : String(rate)) Hz")
        if usedFallback { table.notes.append("text is not UTF-8; decoded as Windows-1252") }
        return table
    }
}
