import Foundation
import Testing
import LDFTestSupport

/// The example outputs shown in README.md are the golden outputs: every output block (a fence
/// without a language) is preceded by `<!-- golden: NAME -->` and holds exactly
/// `Tests/Fixtures/cli/NAME`, so an example cannot drift from what the command prints.
@Suite struct ReadmeExamplesTests {
    @Test func everyReadmeOutputBlockIsItsGoldenFile() throws {
        let readme = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = ReadmeOutputBlock.blocks(in: readme)
        #expect(!blocks.isEmpty, "README.md shows no output block")
        for problem in ReadmeOutputBlock.problems(blocks, golden: { name in
            try? String(contentsOf: RepositoryPaths.fixture("cli").appendingPathComponent(name), encoding: .utf8)
        }) {
            Issue.record("README.md: \(problem)")
        }
    }

    @Test func aDriftedUnmarkedOrUnknownBlockIsReported() {
        let readme = """
            Text.

            <!-- golden: a.txt -->
            ```
            line one
            line 2
            ```

            ```sh
            ldf bands x.csv
            ```

            ```
            unmarked
            ```

            <!-- golden: missing.txt -->
            ```
            x
            ```
            """
        let problems = ReadmeOutputBlock.problems(ReadmeOutputBlock.blocks(in: readme), golden: { $0 == "a.txt" ? "line one\nline two\n" : nil })
        #expect(problems == [
            "line 4: the block differs from Tests/Fixtures/cli/a.txt at its line 2: 'line 2', golden 'line two'",
            "line 13: an output block without a `<!-- golden: NAME -->` line before it",
            "line 18: no golden file Tests/Fixtures/cli/missing.txt",
        ])
    }

    @Test func aMatchingBlockPasses() {
        let readme = "<!-- golden: a.txt -->\n```\nline one\n```\n"
        #expect(ReadmeOutputBlock.problems(ReadmeOutputBlock.blocks(in: readme), golden: { _ in "line one\n" }).isEmpty)
    }
}

/// A fenced block of README.md without a language (an example output), with the golden file its
/// marker names.
struct ReadmeOutputBlock: Equatable {
    /// 1-based line of the opening fence.
    var line: Int
    /// NAME of a `<!-- golden: NAME -->` line right before the fence (blank lines allowed).
    var golden: String?
    var text: String

    /// Every output block of `markdown`; fences with a language (```sh) are commands, not output.
    static func blocks(in markdown: String) -> [ReadmeOutputBlock] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [ReadmeOutputBlock] = []
        var index = 0
        while index < lines.count {
            let fence = lines[index].trimmingCharacters(in: .whitespaces)
            guard fence.hasPrefix("```") else { index += 1; continue }
            let close = lines[(index + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "```" } ?? lines.count
            if fence == "```" {
                let body = lines[(index + 1)..<close].map { $0 + "\n" }.joined()
                blocks.append(ReadmeOutputBlock(line: index + 1, golden: marker(before: index, in: lines), text: body))
            }
            index = close + 1
        }
        return blocks
    }

    /// The NAME of the `<!-- golden: NAME -->` line before `index`, skipping blank lines.
    static func marker(before index: Int, in lines: [String]) -> String? {
        guard let previous = lines[..<index].lastIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        let text = lines[previous].trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("<!-- golden:"), text.hasSuffix("-->") else { return nil }
        return text.dropFirst("<!-- golden:".count).dropLast("-->".count).trimmingCharacters(in: .whitespaces)
    }

    /// One line per block that is unmarked, names no golden file, or differs from it.
    static func problems(_ blocks: [ReadmeOutputBlock], golden: (String) -> String?) -> [String] {
        blocks.compactMap { block -> String? in
            guard let name = block.golden else { return "line \(block.line): an output block without a `<!-- golden: NAME -->` line before it" }
            guard let expected = golden(name) else { return "line \(block.line): no golden file Tests/Fixtures/cli/\(name)" }
            guard expected != block.text else { return nil }
            let shown = block.text.split(separator: "\n", omittingEmptySubsequences: false)
            let pinned = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let at = zip(shown, pinned).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(shown.count, pinned.count)
            let line = { (lines: [Substring]) in at < lines.count ? "'\(lines[at])'" : "<end>" }
            return "line \(block.line): the block differs from Tests/Fixtures/cli/\(name) at its line \(at + 1): \(line(shown)), golden \(line(pinned))"
        }
    }
}
