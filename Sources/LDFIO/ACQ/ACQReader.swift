import LDFCore
public enum ACQReader: TableReader {
    public static let kind = ReaderKind.acq
    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { false }
    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable { throw LDFError(source, "todo") }
}
