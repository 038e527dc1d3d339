import Foundation

/// Runs the built `ldf` executable for end-to-end tests.
public enum LDFCommandRunner {
    /// The result of one run.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
        /// Standard output parsed as a JSON object (nil when it is not one).
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any]
        }
    }

    /// The `ldf` binary beside the test bundle (SwiftPM puts products in one folder).
    public static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("ldf")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return RepositoryPaths.root.appendingPathComponent(".build/debug/ldf")
    }

    /// Runs `ldf arguments...`, feeding `stdin` if given, and waits for it to finish.
    /// - Parameters:
    ///   - environment: variables set for the run on top of this process's environment.
    ///   - standardOutput: a file to write standard output to instead of the captured pipe (e.g.
    ///     `/dev/full`); `stdout` is then empty.
    public static func run(_ arguments: [String], stdin: Data? = nil,
                           currentDirectory: URL? = nil, environment: [String: String] = [:],
                           standardOutput: FileHandle? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = standardOutput ?? outPipe
        process.standardError = errPipe
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so a large output cannot dead-lock the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try? inPipe.fileHandleForWriting.close()
        if standardOutput != nil { try? outPipe.fileHandleForWriting.close() }
        let out = standardOutput == nil ? outPipe.fileHandleForReading.readDataToEndOfFile() : Data()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Writes `content` (UTF-8) to `folder/name` and returns its path.
    public static func write(_ content: String, named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(content.utf8).write(to: url)
        return url.path
    }

    /// A fresh temporary folder for a test's files.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
