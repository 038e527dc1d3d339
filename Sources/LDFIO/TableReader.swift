import LDFCore

/// A file layout the toolkit can parse into a `SampleTable`.
public protocol TableReader: Sendable {
    /// The layout this reader handles; also the name recorded in provenance.
    static var kind: ReaderKind { get }
    /// Whether `bytes` (the file's first few kilobytes or all of it) look like this layout.
    static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool
    /// Parses the whole file. `source` names it in errors.
    static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable
}
