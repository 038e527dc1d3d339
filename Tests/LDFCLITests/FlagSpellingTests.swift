import Foundation
import LDFTestSupport
import Testing
@testable import ldf

/// The library names settings by parameter name (`\(parameter: "maxBridge")`) and `ldf` spells
/// them as its options (issue 13, item 6): every name the library uses must become an option
/// that some command's help lists, so no message points the user to a flag that does not exist.
@Suite struct FlagSpellingTests {
    @Test func camelCaseNamesBecomeKebabCaseOptions() {
        #expect(FlagSpelling.flag("maxBridge") == "--max-bridge")
        #expect(FlagSpelling.flag("iaaftIterations") == "--iaaft-iterations")
        #expect(FlagSpelling.flag("f0") == "--f0")
        #expect(FlagSpelling.flag("rate") == "--rate")
    }

    @Test func everyParameterTheLibraryNamesIsAnOption() throws {
        let help = try helpTexts()
        let names = try parameterNames()
        #expect(names.count > 40)
        for name in names.sorted() {
            let flag = FlagSpelling.flag(name)
            #expect(help.contains { $0.range(of: flag + #"[ ,=\n<]"#, options: .regularExpression) != nil },
                    "the library names '\(name)', but no command has \(flag)")
        }
    }

    /// The library never spells an option itself: no string literal in Sources/LDF* holds `--name`.
    @Test func libraryStringsNameNoOption() throws {
        for (file, text) in try librarySources() {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: /--[a-z]/) where Self.isInsideString(line, match.range.lowerBound) {
                    Issue.record("\(file.lastPathComponent):\(number + 1) names an option: write \\(parameter: \"name\") instead")
                }
            }
        }
    }

    /// Whether `index` follows an odd number of unescaped quotes on its line.
    static func isInsideString(_ line: Substring, _ index: Substring.Index) -> Bool {
        var quotes = 0, escaped = false
        for character in line[..<index] {
            if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { quotes += 1 }
        }
        return quotes % 2 == 1
    }

    /// Every help text pinned in Tests/Fixtures/cli.
    func helpTexts() throws -> [String] {
        let folder = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/cli")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("help-") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The names in every `\(parameter: "NAME")` of the library's sources.
    func parameterNames() throws -> Set<String> {
        var names = Set<String>()
        for (_, text) in try librarySources() {
            for match in text.matches(of: /\(parameter: "([A-Za-z0-9]+)"\)/) { names.insert(String(match.1)) }
        }
        return names
    }

    /// The Swift files of the library modules (Sources/LDF*) with their text.
    func librarySources() throws -> [(URL, String)] {
        let sources = RepositoryPaths.root.appendingPathComponent("Sources")
        var files: [(URL, String)] = []
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.path.contains("/Sources/LDF") else { continue }
            files.append((file, try String(contentsOf: file, encoding: .utf8)))
        }
        return files
    }
}
