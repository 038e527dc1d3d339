import Foundation
import Testing
import LDFTestSupport

/// The property that keeps issue 12 closed: for any input file (every test fixture and every input
/// the fuzzer kept) and any command, `ldf` ends with status 0, 1 or 64, never by a signal, within
/// 4 GB of address space, and a failure is reported as `error:` lines without a trap or a raw
/// Foundation error.
@Suite struct AnyInputPropertyTests {
    static let files: [String] = {
        let root = RepositoryPaths.root
        var found: [String] = []
        for folder in ["Tests/Fixtures", "Fuzz/corpus", "samples"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(url.path)
            }
        }
        return found.sorted()
    }()

    /// The commands, with options that keep each run short.
    static let commands: [[String]] = [
        ["info"],
        ["bands", "--method", "welch", "--bands", "respiratory:0.145-0.6,cardiac:0.6-2"],
        ["spectrum", "--method", "welch", "--bands", "respiratory:0.145-0.6,cardiac:0.6-2", "--format", "csv"],
        ["porh", "--format", "json"],
    ]

    /// Runs `ldf arguments` under `ulimit -v` (4 GB) and returns status, how it ended, and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, signalled: Bool, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-c", "ulimit -v 4000000; exec '\(LDFCommandRunner.executable.path)' \(quoted) >/dev/null </dev/null"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: data, as: UTF8.self))
    }

    /// Each file goes to one command, file i to command i % 4 (every command gets a quarter of
    /// the files, of every format), to keep the suite's time down; Fuzz/ci.sh and the command
    /// tests cover the rest.
    @Test func everyInputEndsCleanly() throws {
        let offset = 0
        #expect(Self.files.count > 100, "fixtures not found")
        final class Failures: @unchecked Sendable {
            let lock = NSLock()
            var list: [String] = []
            func add(_ text: String) { lock.lock(); list.append(text); lock.unlock() }
        }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: Self.files.count) { i in
            let arguments = Self.commands[(i + offset) % Self.commands.count] + [Self.files[i]]
            guard let out = try? Self.run(arguments) else { return failures.add("\(arguments): could not start") }
            let lines = out.stderr.split(separator: "\n")
            if out.signalled || ![0, 1, 64].contains(out.status) {
                failures.add("\(arguments): ended by \(out.signalled ? "signal" : "status") \(out.status)\n\(out.stderr.suffix(600))")
            } else if out.stderr.contains("Fatal error") || out.stderr.contains("NSCocoaErrorDomain") || out.stderr.contains("Error Domain=") {
                failures.add("\(arguments): raw error text\n\(out.stderr.suffix(600))")
            } else if out.status != 0 && !lines.contains(where: { $0.hasPrefix("error: ") }) {
                failures.add("\(arguments): status \(out.status) without an error line\n\(out.stderr.suffix(600))")
            } else if lines.contains(where: { $0.count > 2000 }) {
                failures.add("\(arguments): a message line of more than 2000 characters")
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.count) of \(Self.files.count) inputs:\n\(failures.list.prefix(10).joined(separator: "\n"))")
    }
}
