import Foundation
import LDFCore
import LDFIO
import LDFTestSupport
import Testing

/// Inputs the fuzzer found crashing (Fuzz/corpus/READER), kept as regression tests: each must
/// now end in a thrown error or a recording, never a trap.
@Suite struct FuzzCorpusTests {
    @Test func everyKeptInputIsAnswered() throws {
        let root = RepositoryPaths.root.appendingPathComponent("Fuzz/corpus")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var replayed = 0
        for folder in folders {
            guard let reader = RecordingReader.readers.first(where: { $0.kind.rawValue == folder }) else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) {
                let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name)))
                if let tables = try? reader.parseTables(ReaderInput(bytes: bytes, source: name, path: nil), options: ReadOptions()) {
                    for table in tables { _ = try? RecordingReader.assembleChecked(table) }
                }
                replayed += 1
            }
        }
        #expect(replayed >= 1)
    }
}
