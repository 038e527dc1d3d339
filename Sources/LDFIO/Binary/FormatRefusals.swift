import Foundation
import LDFCore

/// Files the toolkit recognises but cannot read, refused with what to do instead before any
/// reader tries them.
enum FormatRefusals {
    /// LabChart's native `.adicht` (and older `.adidat`) files are read only by ADInstruments'
    /// Windows library; LabChart exports text or CFWB binary, which the toolkit reads.
    static let labChartNativeExtensions: Set<String> = ["adicht", "adidat"]

    static func check(_ head: ArraySlice<UInt8>, source: String) throws {
        let ext = URL(fileURLWithPath: source).pathExtension.lowercased()
        if labChartNativeExtensions.contains(ext) && !CFWBReader.recognises(head) {
            throw LDFError(source, "LabChart .\(ext) files can only be read with ADInstruments' Windows library",
                           fix: "export as text or binary from LabChart (File > Export: LabChart text, or LabChart binary) and read that file")
        }
    }
}
