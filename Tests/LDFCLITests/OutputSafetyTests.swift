import Foundation
import Testing
import LDFTestSupport

/// Output safety end to end (issue 12, items 1, 2, 3, 8, 9): no command overwrites its input,
/// replaces a device or a symbolic link, loses a write error, or leaves a partial file; failures are
/// one `error:` line with the operating system's reason.
@Suite struct OutputSafetyTests {
    /// 60 s at 10 Hz of a 0.2 Hz oscillation.
    static let recording: String = {
        var text = "time,flux\n"
        for n in 0..<600 { text += "\(Double(n) / 10),\(50 + 3 * sin(2 * .pi * 0.2 * Double(n) / 10))\n" }
        return text
    }()

    static func folder() throws -> URL { try LDFCommandRunner.temporaryDirectory() }

    /// The names in `folder`, sorted.
    static func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// One last line starting `error:` (warnings may come before it), without Foundation's raw
    /// error text or a trap.
    static func expectOneLineError(_ out: LDFCommandRunner.Output) {
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix("error: ") == true, "\(out.stderr)")
        #expect(lines.filter { $0.lowercased().hasPrefix("error") }.count == 1, "\(out.stderr)")
        #expect(!out.stderr.contains("NSCocoaErrorDomain") && !out.stderr.contains("Error Domain"), "\(out.stderr)")
        #expect(!out.stderr.contains("Fatal error"), "\(out.stderr)")
    }

    @Test func traceOverTheInputIsRefusedAndTheInputKept() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try LDFCommandRunner.write(Self.recording, named: "in.csv", in: dir)
        let out = try LDFCommandRunner.run(["porh", "--occlusion", "15-40", "--trace", input, input])
        #expect(out.status != 0)
        Self.expectOneLineError(out)
        #expect(out.stderr.contains("would overwrite the input"), "\(out.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.recording)
        // Another spelling of the same file (./in.csv from its folder) is the same file.
        let relative = try LDFCommandRunner.run(["porh", "--occlusion", "15-40", "--trace", "./in.csv", "in.csv"], currentDirectory: dir)
        #expect(relative.status != 0 && relative.stderr.contains("would overwrite the input"), "\(relative.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.recording)
    }

    @Test func scalogramOverTheInputIsRefusedAndTheInputKept() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try LDFCommandRunner.write(Self.recording, named: "in.csv", in: dir)
        let link = dir.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        for target in [input, link] {
            let out = try LDFCommandRunner.run(["spectrum", "--bands", "resp:0.15-0.6", "--scalogram", target, input])
            #expect(out.status != 0, "\(target)")
            #expect(out.stderr.contains("would overwrite the input"), "\(out.stderr)")
            #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.recording)
        }
    }

    @Test func simulatedRecordingAndTruthOnOnePathAreRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.csv").path
        let out = try LDFCommandRunner.run(["simulate", "rest", "--duration", "60", "-o", path, "--truth", path])
        #expect(out.status == 64, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("error: ") && out.stderr.contains("Usage: ldf simulate rest"), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
        // The same check holds for another spelling of the path.
        let other = try LDFCommandRunner.run(["simulate", "rest", "--duration", "60", "-o", "x.csv", "--truth", "./x.csv"], currentDirectory: dir)
        #expect(other.status == 64, "\(other.stderr)")
    }

    @Test func studyFolderHoldingARecordingIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A recording named like a study table, in the folder given as --out.
        let recording = try LDFCommandRunner.write(Self.recording, named: "summary.csv", in: dir)
        _ = try LDFCommandRunner.write("subject,group,site,condition,protocol,path\ns1,a,forearm,rest,rest,summary.csv\n",
                                       named: "manifest.csv", in: dir)
        let out = try LDFCommandRunner.run(["study", dir.appendingPathComponent("manifest.csv").path, "--out", dir.path])
        #expect(out.status == 1, "\(out.stderr)")
        Self.expectOneLineError(out)
        #expect(out.stderr.contains("holds the recording summary.csv"), "\(out.stderr)")
        #expect(try String(contentsOfFile: recording, encoding: .utf8) == Self.recording)
        #expect(try Self.names(dir) == ["manifest.csv", "summary.csv"])
    }

    @Test func devicesAndLinksAreWrittenThroughNotReplaced() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try LDFCommandRunner.write(Self.recording, named: "in.csv", in: dir)
        let trace = try LDFCommandRunner.run(["porh", "--occlusion", "15-40", "--trace", "/dev/null", input])
        #expect(trace.status == 0, "\(trace.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is no longer a device")
        let target = try LDFCommandRunner.write("old\n", named: "target.csv", in: dir)
        let link = dir.appendingPathComponent("scalogram.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        let spectrum = try LDFCommandRunner.run(["spectrum", "--bands", "resp:0.15-0.6", "--scalogram", link, input])
        #expect(spectrum.status == 0, "\(spectrum.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.csv", "the link was replaced")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("channel,flux_unit,time_s,frequency_hz,amplitude,in_cone\n"))
        #expect(try Self.names(dir) == ["in.csv", "scalogram.csv", "target.csv"], "a temporary file was left")
    }

    @Test func fullDiskIsAnErrorNamingTheFileNotATrap() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try LDFCommandRunner.write(Self.recording, named: "in.csv", in: dir)
        let simulate = try LDFCommandRunner.run(["simulate", "rest", "--duration", "60", "-o", "-"], standardOutput: full)
        #expect(simulate.status == 1, "\(simulate.stderr)")
        Self.expectOneLineError(simulate)
        #expect(simulate.stderr.contains("standard output") && simulate.stderr.contains("No space left on device"), "\(simulate.stderr)")
        let trace = try LDFCommandRunner.run(["porh", "--occlusion", "15-40", "--trace", "/dev/full", input])
        #expect(trace.status == 1, "\(trace.stderr)")
        Self.expectOneLineError(trace)
        #expect(trace.stderr.contains("/dev/full") && trace.stderr.contains("No space left on device"), "\(trace.stderr)")
        let truth = try LDFCommandRunner.run(["simulate", "rest", "--duration", "60", "-o", dir.appendingPathComponent("s.csv").path,
                                              "--truth", "/dev/full"])
        #expect(truth.status == 1 && truth.stderr.contains("/dev/full"), "\(truth.stderr)")
        Self.expectOneLineError(truth)
    }

    @Test func unwritableOutputFolderIsOneLineWithTheReason() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try LDFCommandRunner.write(Self.recording, named: "in.csv", in: dir)
        _ = try LDFCommandRunner.write("subject,group,site,condition,protocol,path\ns1,a,forearm,rest,rest,\(input)\n",
                                       named: "manifest.csv", in: dir)
        // A file where a folder is needed: no permission bits can hide this, even as root.
        let blocked = dir.appendingPathComponent("in.csv/results").path
        let study = try LDFCommandRunner.run(["study", dir.appendingPathComponent("manifest.csv").path, "--out", blocked])
        #expect(study.status == 1, "\(study.stderr)")
        Self.expectOneLineError(study)
        #expect(study.stderr.contains("is a file, not a folder"), "\(study.stderr)")
        let simulate = try LDFCommandRunner.run(["simulate", "rest", "--duration", "60", "-o", dir.appendingPathComponent("none/x.csv").path])
        #expect(simulate.status == 1, "\(simulate.stderr)")
        Self.expectOneLineError(simulate)
        #expect(simulate.stderr.contains("No such file or directory"), "\(simulate.stderr)")
    }

    @Test func studyTablesAreOneStampedSetWithoutTemporaries() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        _ = try LDFCommandRunner.write(Self.recording, named: "data/a.csv", in: dir)
        _ = try LDFCommandRunner.write("subject,group,site,condition,protocol,path\ns1,a,forearm,rest,rest,data/a.csv\n",
                                       named: "manifest.csv", in: dir)
        let out = dir.appendingPathComponent("out")
        let temporaryFolder = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporaryFolder, withIntermediateDirectories: true)
        var runIds: [String] = []
        for _ in 0..<2 {
            let run = try LDFCommandRunner.run(["study", dir.appendingPathComponent("manifest.csv").path, "--out", out.path,
                                                "--bands", "resp:0.15-0.6"], environment: ["TMPDIR": temporaryFolder.path])
            #expect(run.status == 0, "\(run.stderr)")
            let record = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("study.json"))) as? [String: Any]
            let runId = try #require(record?["run_id"] as? String)
            runIds.append(runId)
            let names = try Self.names(out)
            #expect(!names.contains { $0.hasPrefix(".") }, "temporaries left: \(names)")
            #expect(try !Self.names(out.appendingPathComponent("cache")).contains { $0.hasPrefix(".") })
            #expect(Set(names).isSuperset(of: ["bands.csv", "summary.csv", "study.json", "parameters.json", "cache"]), "\(names)")
        }
        #expect(runIds[0] != runIds[1], "every run has its own id")
        #expect(try Self.names(temporaryFolder) == [], "temporary folders left in TMPDIR")
    }
}

/// Messages about hostile content stay one short line (issue 12, item 9).
@Suite struct MessageLengthTests {
    @Test func aHugeBadCellIsNotEchoedWhole() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cell = String(repeating: "z", count: 2_000_000)
        let path = try LDFCommandRunner.write("time,flux\n\(cell),1\n0.1,2\n0.2,3\n", named: "bad.csv", in: dir)
        let out = try LDFCommandRunner.run(["info", path])
        #expect(out.status == 1)
        #expect(out.stderr.count < 400, "\(out.stderr.prefix(400))")
        #expect(out.stderr.split(separator: "\n").count == 1, "\(out.stderr.prefix(400))")
    }
}
