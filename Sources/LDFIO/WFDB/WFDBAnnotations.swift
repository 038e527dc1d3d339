import Foundation
import LDFCore

/// Reads WFDB annotation files in MIT format (PhysioNet annot(5)): 16-bit little-endian words,
/// each a 6-bit code (high bits) and a 10-bit time step in samples (low bits). Code 59 (SKIP)
/// is followed by a 32-bit step (high 16 bits first), 60-62 (NUM, SUB, CHN) set fields of the
/// next annotations, 63 (AUX) carries a text of the low bits' length (padded to an even count)
/// for the previous annotation; a zero word ends the file.
enum WFDBAnnotations {
    struct Annotation: Equatable {
        /// Sample (frame) number from the record's start.
        var sample: Int
        var code: Int
        var aux: String?

        /// The event label: the aux text of a comment (`"`) or rhythm change (`+`), else the
        /// code's mnemonic, followed by any aux text.
        var label: String {
            let mnemonic = WFDBAnnotations.mnemonics[code] ?? "code \(code)"
            guard let aux = aux?.trimmingCharacters(in: .whitespaces), !aux.isEmpty else { return mnemonic }
            return code == 22 || code == 28 ? aux : "\(mnemonic) \(aux)"
        }
    }

    /// MIT annotation codes and their mnemonics (WFDB ecgcodes.h).
    static let mnemonics: [Int: String] = [
        1: "N", 2: "L", 3: "R", 4: "a", 5: "V", 6: "F", 7: "J", 8: "A", 9: "S", 10: "E", 11: "j", 12: "/", 13: "Q", 14: "~",
        16: "|", 18: "s", 19: "T", 20: "*", 21: "D", 22: "\"", 23: "=", 24: "p", 25: "B", 26: "^", 27: "t", 28: "+", 29: "u",
        30: "?", 31: "!", 32: "[", 33: "]", 34: "e", 35: "n", 36: "@", 37: "x", 38: "f", 39: "(", 40: ")", 41: "r",
    ]

    /// The annotations in `bytes`; throws when the file ends inside a word or an aux text, or
    /// lacks its closing zero word.
    static func parse(_ bytes: [UInt8], source: String) throws -> [Annotation] {
        var annotations: [Annotation] = []
        var time = 0
        var i = 0
        func word(_ at: Int) throws -> Int {
            guard at + 1 < bytes.count else {
                throw LDFError(source, "the annotation file ends inside a word at byte \(at)", fix: "the annotation file is truncated")
            }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8
        }
        while true {
            let w = try word(i)
            i += 2
            let code = w >> 10, step = w & 0x3FF
            switch code {
            case 0 where step == 0:
                return withoutDefinitions(annotations)
            case 0:
                time += step
            case 59:
                let high = try word(i), low = try word(i + 2)
                i += 4
                // Negative skips occur (the block of custom code definitions ends with SKIP -1, +1).
                time += Int(Int32(bitPattern: UInt32(high << 16 | low)))
            case 60, 61, 62:
                continue
            case 63:
                guard i + step <= bytes.count else {
                    throw LDFError(source, "the annotation file ends inside an aux text", fix: "the annotation file is truncated")
                }
                let text = String(decoding: bytes[i..<i + step], as: UTF8.self).trimmingTrailingNULs()
                if !annotations.isEmpty { annotations[annotations.count - 1].aux = text }
                i += step + step % 2
            default:
                time += step
                if time >= 0 { annotations.append(Annotation(sample: time, code: code, aux: nil)) }
            }
        }
    }
}

extension WFDBAnnotations {
    /// Drops the block of custom annotation-code definitions some files open with: NOTE
    /// annotations at sample 0 from "## annotation type definitions" to "## end of definitions".
    static func withoutDefinitions(_ annotations: [Annotation]) -> [Annotation] {
        guard let first = annotations.first, first.sample == 0, first.code == 22,
              first.aux?.hasPrefix("## annotation type definitions") == true,
              let end = annotations.firstIndex(where: { $0.sample == 0 && $0.aux?.hasPrefix("## end of definitions") == true }) else {
            return annotations
        }
        return Array(annotations[(end + 1)...])
    }
}

private extension String {
    func trimmingTrailingNULs() -> String {
        var s = self
        while s.last == "\0" { s.removeLast() }
        return s
    }
}
