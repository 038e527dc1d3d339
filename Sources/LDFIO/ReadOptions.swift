import LDFCore

/// Which reader parses a file. `auto` picks by content.
public enum ReaderKind: String, Sendable, CaseIterable, Codable {
    case auto, delimited, labchart
}

/// Everything that shapes reading one recording.
public struct ReadOptions: Sendable {
    public var reader: ReaderKind
    public var assembly: AssemblyOptions
    /// The time column of a delimited file (`--time-column NAME|INDEX`, 1-based over all
    /// columns), when the reader's choice is wrong or two candidates disagree; nil lets the
    /// reader decide (`ColumnRoles`).
    public var timeColumn: ChannelSelector?

    public init(reader: ReaderKind = .auto, assembly: AssemblyOptions = AssemblyOptions(), timeColumn: ChannelSelector? = nil) {
        self.reader = reader
        self.assembly = assembly
        self.timeColumn = timeColumn
    }
}
