import LDFCore
public enum XLSXReader: TableReader {
    public static let kind = ReaderKind.xlsx
    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { false }
    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable { throw LDFError(source, "todo") }
}
