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

    /// Every help text pinned in Tests/Fixtures/cli.
    func helpTexts() throws -> [String] {
        let folder = RepositoryPaths.root.appendingPathComponent("Tests/Fixtures/cli")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("help-") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The names in every `\(parameter: "NAME")` of the library's sources.
    func parameterNames() throws -> Set<String> {
        let sources = RepositoryPaths.root.appendingPathComponent("Sources")
        var names = Set<String>()
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.path.contains("/Sources/LDF") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /\(parameter: "([A-Za-z0-9]+)"\)/) { names.insert(String(match.1)) }
        }
        return names
    }
}
