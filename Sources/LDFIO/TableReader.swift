import LDFCore

/// A file layout the toolkit can parse into a `SampleTable`.
public protocol TableReader: Sendable {
    /// The layout this reader handles; also the name recorded in provenance.
    static var kind: ReaderKind { get }
    /// Whether `bytes` (the file's first few kilobytes or all of it) look like this layout.
    static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool
    /// Parses the whole file. `source` names it in errors.
    static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable
    /// Every recording the file holds (one per sheet of a workbook), with access to the file's
    /// location for formats kept in several files (WFDB). Defaults to `parse`.
    static func parseTables(_ input: ReaderInput, options: ReadOptions) throws -> [SampleTable]
}

extension TableReader {
    public static func parseTables(_ input: ReaderInput, options: ReadOptions) throws -> [SampleTable] {
        [try parse(input.bytes, source: input.source, options: options)]
    }
}

/// What a reader is given: the file's bytes, its name for messages, and its path (nil for
/// standard input) so that readers of formats kept in several files can open the others.
public struct ReaderInput: Sendable {
    public var bytes: [UInt8]
    public var source: String
    public var path: String?

    public init(bytes: [UInt8], source: String, path: String?) {
        self.bytes = bytes
        self.source = source
        self.path = path
    }
}
