import Foundation

/// What a reader parsed from a file, before it becomes a uniform `Recording`: rows of samples
/// with optional (possibly uneven) time stamps, named value columns, and events.
///
/// Missing values (`*`, empty cells, non-numbers in a numeric column) are NaN. `lineNumbers`
/// maps each row to its 1-based line in the file so errors can point at it.
public struct SampleTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var unit: String
        public var values: [Double]
        /// Whether the column strictly increases in even steps like a time axis (a second time
        /// column, a counter): it is never chosen as perfusion unless the user names it.
        public var looksLikeTime: Bool
        /// The column's own sample rate in Hz when the file stores channels at different rates
        /// (binary formats); sample `i` is then at `i / sampleRateHz` s and `times` does not
        /// apply. Nil: one value per row.
        public var sampleRateHz: Double?
        public init(name: String, unit: String, values: [Double], sampleRateHz: Double? = nil, looksLikeTime: Bool = false) {
            self.name = name
            self.unit = unit
            self.values = values
            self.sampleRateHz = sampleRateHz
            self.looksLikeTime = looksLikeTime
        }
    }

    /// Path of the source, or "-" for standard input.
    public var source: String
    /// Reader name recorded in provenance.
    public var reader: String
    /// Time of each row in seconds (any origin), or nil when the file has no time column.
    public var times: [Double]?
    public var columns: [Column]
    /// 1-based file line of each row; empty if unknown.
    public var lineNumbers: LineNumbers
    /// Events on the same time base as `times` (or seconds from the first row when there are none).
    public var events: [Event]
    /// Wall-clock time of the first row, when known (local time stored as if UTC).
    public var startDate: Date?
    /// The first row's clock time as written, also when only a time of day is known; when nil,
    /// `startDate` gives it.
    public var clockStart: ClockStart?
    /// Sample rate the file declares, in Hz (e.g. LabChart `Interval`).
    public var declaredRateHz: Double?
    /// Notes for provenance (e.g. blocks joined, encoding fallback).
    public var notes: [String]
    /// Key–value pairs of the file's header block, in file order.
    public var metadata: [MetadataEntry] = []
    /// Warnings about the file (a flickering state column, rows with extra cells, a header rate
    /// that cannot be used); they become `Provenance.diagnostics`.
    public var warnings: [Diagnostic] = []

    public init(source: String, reader: String, times: [Double]?, columns: [Column], lineNumbers: LineNumbers = [],
                events: [Event] = [], startDate: Date? = nil, declaredRateHz: Double? = nil, notes: [String] = []) {
        self.source = source
        self.reader = reader
        self.times = times
        self.columns = columns
        self.lineNumbers = lineNumbers
        self.events = events
        self.startDate = startDate
        self.declaredRateHz = declaredRateHz
        self.notes = notes
    }

    public var rowCount: Int { columns.first?.values.count ?? 0 }

    /// "file line N" for row `row`, or "file row N" when lines are unknown.
    public func location(ofRow row: Int) -> String {
        if lineNumbers.indices.contains(row) { return "\(source) line \(lineNumbers[row])" }
        return "\(source) row \(row + 1)"
    }
}
