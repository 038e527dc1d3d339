import Foundation
import Testing
import LDFTestSupport

/// samples/README.md promises that `samples/make-samples.sh` regenerates every bundled sample byte
/// for byte. Each `ldf simulate` line of that script is run here (into a scratch folder) and its
/// recording and truth file compared with the committed ones, so a simulator change that alters a
/// sample fails until the samples (and the goldens made from them) are regenerated.
@Suite struct SampleReproductionTests {
    /// The script's `$ldf simulate ...` commands, continuation lines joined, split into arguments.
    static let commands: [[String]] = {
        let script = (try? String(contentsOf: RepositoryPaths.root.appendingPathComponent("samples/make-samples.sh"), encoding: .utf8)) ?? ""
        let joined = script.replacingOccurrences(of: "\\\n", with: " ")
        return joined.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("$ldf simulate ") }
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().map(String.init) }
    }()

    @Test func theScriptMakesEverySample() {
        #expect(Self.commands.count == 7, "make-samples.sh: \(Self.commands.count) simulate lines")
    }

    @Test(arguments: commands)
    func sampleIsReproduced(_ arguments: [String]) throws {
        let out = try #require(arguments.last, "no -o NAME")
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(out).path
        let result = try LDFCommandRunner.run(Array(arguments.dropLast()) + [path])
        #expect(result.status == 0, "\(result.stderr)")
        let truth = (out as NSString).deletingPathExtension + ".truth.json"
        for name in [out, truth] {
            let made = try Data(contentsOf: dir.appendingPathComponent(name))
            let committed = try Data(contentsOf: RepositoryPaths.sample(name))
            #expect(made == committed, "samples/\(name) is not what make-samples.sh makes now: run samples/make-samples.sh")
        }
    }
}
