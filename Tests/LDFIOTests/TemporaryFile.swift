import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A uniquely named file in the temporary directory holding `text` (written as UTF-8), removed
/// by `remove()`; for layouts easier to state inline than as a fixture.
struct TemporaryFile {
    let url: URL
    var path: String { url.path }

    init(_ name: String, _ text: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-io-\(getpid())-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
