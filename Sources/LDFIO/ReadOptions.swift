import LDFCore

/// Which reader parses a file. `auto` picks by content.
public enum ReaderKind: String, Sendable, CaseIterable, Codable {
    case auto, delimited, labchart
}

/// Everything that shapes reading one recording.
public struct ReadOptions: Sendable {
    public var reader: ReaderKind
    public var assembly: AssemblyOptions

    public init(reader: ReaderKind = .auto, assembly: AssemblyOptions = AssemblyOptions()) {
        self.reader = reader
        self.assembly = assembly
    }
}
