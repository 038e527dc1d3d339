import Foundation
import Testing
import LDFTestSupport

/// `ldf stream` against hostile input and signals (issue 12, items 3, 6, 9, 10): gaps skipped in
/// bounded memory, every stop signal and `--strict` ending with the end record, CR-only lines and
/// a byte-order mark read, a full disk reported.
@Suite struct StreamRobustnessTests {
    static func records(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// `time,flux` lines at 10 Hz from `start` for `seconds`.
    static func lines(from start: Double, seconds: Int) -> String {
        (0..<(seconds * 10)).map { i in
            let t = start + Double(i) / 10
            return "\(t),\(100 + 5 * sin(2 * .pi * 0.2 * Double(i) / 10))\n"
        }.joined()
    }

    /// Runs `ldf stream` under a 1.5 GB address-space limit, so a grid built for a long gap fails.
    static func runLimited(_ arguments: [String], stdin: String) throws -> LDFCommandRunner.Output {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try LDFCommandRunner.write(stdin, named: "in.csv", in: dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-c", "ulimit -v 1500000; exec '\(LDFCommandRunner.executable.path)' \(quoted) < '\(input)'"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return LDFCommandRunner.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                       stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test(arguments: [1e6, 1e9])
    func aLongGapIsSkippedInBoundedMemory(_ gap: Double) throws {
        let text = "time,flux\n" + Self.lines(from: 0, seconds: 120) + Self.lines(from: 120 + gap, seconds: 120)
        let out = try Self.runLimited(["stream", "--window", "60", "--hop", "60"], stdin: text)
        #expect(out.status == 0, "\(out.stderr)")
        let records = Self.records(out.stdout)
        let windows = records.filter { $0["type"] as? String == "window" }
        let ends = windows.compactMap { $0["t_end_s"] as? Double }
        // Two windows before the gap, two after it on the stream's own time axis.
        #expect(ends.count == 4, "\(ends)")
        #expect(ends.prefix(2).allSatisfy { $0 <= 120 }, "\(ends)")
        #expect(ends.suffix(2).allSatisfy { $0 > gap }, "\(ends)")
        let end = try #require(records.last)
        #expect(end["type"] as? String == "end")
        #expect((end["gaps"] as? [Any])?.count == 1, "\(end)")
    }

    @Test(arguments: [SIGHUP, SIGUSR1, SIGQUIT, SIGTERM])
    func everyStopSignalEndsWithTheEndRecord(_ stop: Int32) throws {
        let process = Process()
        process.executableURL = LDFCommandRunner.executable
        process.arguments = ["stream", "--rate", "10", "--window", "30", "--hop", "30"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let lines = (0..<450).map { String(100 + sin(Double($0) * 0.5)) }.joined(separator: "\n") + "\n"
        input.fileHandleForWriting.write(Data(lines.utf8))
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, stop)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "signal \(stop): \(stderr)")
        #expect(!stderr.contains("Backtrace") && !stderr.contains("Fatal"), "\(stderr)")
        let records = Self.records(text)
        #expect(records.filter { $0["type"] as? String == "window" }.map { $0["t_end_s"] as? Double } == [30, 45], "signal \(stop)")
        #expect(records.last?["type"] as? String == "end")
        #expect(records.last?["stopped_by"] as? String == "signal")
    }

    @Test func strictStopsAfterTheEndRecord() throws {
        let text = "time,flux\n" + Self.lines(from: 0, seconds: 70) + "oops,1\n" + Self.lines(from: 70.1, seconds: 30)
        let out = try LDFCommandRunner.run(["stream", "--strict", "--window", "30", "--hop", "30"], stdin: Data(text.utf8))
        #expect(out.status == 1, "\(out.stderr)")
        #expect(out.stderr.contains("error: standard input line 702"), "\(out.stderr)")
        let records = Self.records(out.stdout)
        #expect(records.filter { $0["type"] as? String == "window" }.compactMap { $0["t_end_s"] as? Double }.first == 30)
        let end = try #require(records.last)
        #expect(end["type"] as? String == "end")
        #expect(end["stopped_by"] as? String == "malformed_line")
        #expect(end["malformed_lines"] as? Int == 1)
    }

    @Test(arguments: ["\r", "\r\n", "\n"])
    func lineEndingsAndAByteOrderMarkAreRead(_ newline: String) throws {
        let body = Self.lines(from: 0, seconds: 60).replacingOccurrences(of: "\n", with: newline)
        let text = "\u{FEFF}time,flux" + newline + body
        let out = try LDFCommandRunner.run(["stream", "--window", "30", "--hop", "30"], stdin: Data(text.utf8))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(!out.stderr.contains("malformed"), "\(out.stderr)")
        let end = try #require(Self.records(out.stdout).last)
        #expect(end["malformed_lines"] as? Int == 0, "\(end)")
        #expect(end["samples"] as? Int == 600, "\(end)")
    }

    @Test func aFullDiskIsAnErrorNotAClosedPipe() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let out = try LDFCommandRunner.run(["stream", "--window", "30", "--hop", "30"],
                                           stdin: Data(("time,flux\n" + Self.lines(from: 0, seconds: 60)).utf8), standardOutput: full)
        #expect(out.status == 1, "\(out.stderr)")
        let last = out.stderr.split(separator: "\n").last ?? ""
        #expect(last.hasPrefix("error: standard output") && last.contains("No space left on device"), "\(out.stderr)")
    }
}
