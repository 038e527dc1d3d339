import LDFCore
public enum WFDBReader: TableReader {
    public static let kind = ReaderKind.wfdb
    public static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { false }
    public static func parse(_ bytes: [UInt8], source: String, options: ReadOptions) throws -> SampleTable { throw LDFError(source, "todo") }
}
extension WFDBReader { static func headerPath(for path: String) -> String? { nil } }
