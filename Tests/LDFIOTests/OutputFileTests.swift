import Foundation
import LDFCore
@testable import LDFIO
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output files: inputs are never overwritten, special files are written through, regular files
/// are replaced only when the whole output was written, and every failure says why.
@Suite struct OutputFileTests {
    /// A fresh folder under the temporary directory, removed at the end of each test.
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-output-\(getpid())-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        func file(_ name: String) -> String { path + "/" + name }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func anOutputThatIsAnInputIsRefusedUnderAnySpelling() throws {
        let folder = try Folder()
        let input = folder.file("in.csv")
        try "time,flux\n0,1\n".write(toFile: input, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.csv"), withDestinationPath: input)
        for spelling in [input, folder.path + "/./in.csv", folder.file("link.csv")] {
            let error = #expect(throws: LDFError.self) { try OutputFile.write("x", to: spelling, role: "the trace", inputs: [input]) }
            #expect(error?.description.contains("would overwrite the input") == true)
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "time,flux\n0,1\n")
    }

    @Test func aRegularFileIsReplacedOnlyOnCommit() throws {
        let folder = try Folder()
        let target = folder.file("out.csv")
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        let file = try OutputFile(target, role: "the trace")
        try file.write("new\n")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        try file.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        #expect(try folder.names() == ["out.csv"])
    }

    @Test func anAbandonedWriteLeavesTheOldFileAndNoTemporary() throws {
        let folder = try Folder()
        let target = folder.file("out.csv")
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        do {
            let file = try OutputFile(target, role: "the trace")
            try file.write(String(repeating: "x", count: 200_000))
        } // dropped without commit
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try folder.names() == ["out.csv"])
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let folder = try Folder()
        let target = folder.file("real.csv")
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.csv"), withDestinationPath: "real.csv")
        try OutputFile.write("new\n", to: folder.file("link.csv"), role: "the trace")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("link.csv")) == "real.csv")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    }

    @Test func aCharacterDeviceIsWrittenThroughNotReplaced() throws {
        try OutputFile.write(String(repeating: "x", count: 100_000), to: "/dev/null", role: "the trace")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFullDiskIsAnErrorThatNamesThePathAndTheReason() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let error = #expect(throws: LDFError.self) {
            try OutputFile.write(String(repeating: "x", count: 100_000), to: "/dev/full", role: "the trace")
        }
        #expect(error?.description.hasPrefix("/dev/full: cannot write the file (No space left on device)") == true)
    }

    @Test func aMissingFolderOrAFolderTargetIsAnError() throws {
        let folder = try Folder()
        let missing = #expect(throws: LDFError.self) { try OutputFile.write("x", to: folder.file("no/such/out.csv"), role: "the trace") }
        #expect(missing?.description.contains("No such file or directory") == true)
        let isFolder = #expect(throws: LDFError.self) { try OutputFile.write("x", to: folder.path, role: "the trace") }
        #expect(isFolder?.description.contains("is a folder") == true)
    }

    @Test func existingPermissionsAreKept() throws {
        let folder = try Folder()
        let target = folder.file("out.csv")
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o640)
        try OutputFile.write("new\n", to: target, role: "the trace")
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func standardOutputErrorsAreClassified() throws {
        #expect(throws: OutputClosed.self) { try StandardOutput.check(EPIPE) }
        let full = #expect(throws: LDFError.self) { try StandardOutput.check(ENOSPC) }
        #expect(full?.description == "standard output: cannot write the results (No space left on device); free space on the disk (or write elsewhere) and run again")
        try StandardOutput.check(0)
    }
}
