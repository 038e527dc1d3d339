import Foundation
import LDFCore
import LDFIO
import LDFSimulation
import Testing

/// Seeded random damage to real layouts (bytes deleted, inserted, replaced, lines truncated):
/// every damaged file must either read or fail with an `LDFError`, never trap. A crash here
/// stops the test process, which is the failure this guards against.
@Suite struct RobustnessTests {
    static let sources = ["plain.csv", "semicolon_decimal_comma.csv", "marker_column.csv", "quoted.csv",
                          "labchart_two_blocks.txt", "clock_time.csv", "excel_serial.csv", "whitespace.txt"]
    /// Bytes that matter to the parsers.
    static let interesting: [UInt8] = Array("\t,;\"\n\r#*.:-e0123456789 =/".utf8) + [0xB0, 0xC3, 0xFF]

    @Test(arguments: sources)
    func damagedFilesReadOrFailCleanly(name: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixture.io(name))))
        var random = SeededRandom(seed: UInt64(name.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        let file = try TemporaryFile(name, "")
        defer { file.remove() }
        var outcomes = (read: 0, failed: 0)
        for _ in 0..<60 {
            var bytes = original
            let edits = 1 + Int(random.uniform() * 6)
            for _ in 0..<edits where !bytes.isEmpty {
                let at = Int(random.uniform() * Double(bytes.count))
                let byte = Self.interesting[Int(random.uniform() * Double(Self.interesting.count))]
                switch Int(random.uniform() * 4) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(byte, at: at)
                case 2: bytes[at] = byte
                default: bytes.removeSubrange(at..<min(bytes.count, at + Int(random.uniform() * 40)))
                }
            }
            try Data(bytes).write(to: file.url)
            do {
                _ = try RecordingReader.read(path: file.path, options: ReadOptions(assembly: AssemblyOptions(rateHz: 10)))
                outcomes.read += 1
            } catch is LDFError {
                outcomes.failed += 1
            }
        }
        #expect(outcomes.read + outcomes.failed == 60)
    }
}
