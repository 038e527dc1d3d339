import Foundation
import Testing
import LDFTestSupport

/// What users read, pinned byte for byte: the text, CSV and JSON of every command on the bundled
/// samples, and every subcommand's help, against `Tests/Fixtures/cli/` (README there). Numbers are
/// compared at 6 significant digits and machine paths are replaced by placeholders, so only a
/// changed layout, name or value fails. After an intended change run
/// `scripts/regenerate-golden.sh` and review the diff.
@Suite struct GoldenOutputTests {
    @Test(arguments: GoldenCase.all)
    func outputMatchesGolden(_ golden: GoldenCase) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ldf-golden-\(golden.name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = golden.arguments.map { $0.replacingOccurrences(of: "{tmp}", with: scratch.path) }
        let stdin = try golden.stdin.map { try Data(contentsOf: RepositoryPaths.root.appendingPathComponent($0)) }
        let out = try LDFCommandRunner.run(arguments, stdin: stdin, currentDirectory: RepositoryPaths.root)
        #expect(out.status == golden.status, "\(golden.name): \(out.stderr)")
        var produced: [(fixture: String, text: String)] = []
        if golden.files.isEmpty { produced.append((golden.name, out.stdout)) }
        for file in golden.files {
            let text = try String(contentsOf: scratch.appendingPathComponent(file), encoding: .utf8)
            produced.append(("\(golden.name)-\(file)", text))
        }
        for (fixture, text) in produced {
            try GoldenFile(fixture).check(GoldenFile.normalised(text, scratch: scratch.path))
        }
    }
}

/// One pinned command line: its arguments ({tmp} is a scratch folder), standard input, the files
/// it writes there (compared instead of standard output when given) and its exit status.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var stdin: String? = nil
    var files: [String] = []
    var status: Int32 = 0
    var testDescription: String { name }

    static let rest = "samples/rest-32hz-30min.csv"
    static let artifacts = "samples/rest-40hz-20min-artifacts.csv"
    static let porh = "samples/porh-forearm-2-occlusions.csv"
    static let short = "samples/study/rest/c1-forearm-baseline.csv"
    static let other = "samples/study/rest/c2-forearm-baseline.csv"
    static let heating = "samples/heating-forearm-rapid.csv"
    static let iontophoresis = "samples/iontophoresis-ach-vehicle.csv"
    static let flags = "Tests/Fixtures/export/flags.csv"

    static func formats(_ name: String, _ arguments: [String], _ formats: [String] = ["table", "csv", "json"]) -> [GoldenCase] {
        formats.map { GoldenCase(name: "\(name).\($0 == "table" ? "txt" : $0)", arguments: arguments + ["--format", $0]) }
    }

    static let subcommands: [[String]] = [
        [], ["info"], ["export"], ["simulate"], ["simulate", "rest"], ["simulate", "porh"], ["simulate", "heating"], ["simulate", "iontophoresis"], ["bands"], ["spectrum"], ["porh"], ["heating"],
        ["iontophoresis"], ["epochs"],
        ["stream"], ["study"], ["study", "run"], ["study", "merge"], ["coherence"], ["bispectrum"], ["coupling"], ["ridges"],
        ["complexity"], ["harmonics"],
    ]

    static let all: [GoldenCase] =
        [GoldenCase(name: "info.txt", arguments: ["info", rest, artifacts, porh]),
         GoldenCase(name: "info.json", arguments: ["info", "--format", "json", artifacts])]
        + formats("bands", ["bands", rest])
        + formats("spectrum", ["spectrum", short])
        + ["csv", "json"].map { GoldenCase(name: "scalogram", arguments: ["spectrum", short, "--fmin", "0.6", "--fmax", "2", "--voices", "2",
                                                                          "--scalogram-step", "60", "--scalogram", "{tmp}/scalogram.\($0)"],
                                           files: ["scalogram.\($0)"]) }
        + formats("bands-surrogates", ["bands", short, "--surrogates", "19", "--surrogate-type", "ft", "--seed", "3"])
        + formats("porh", ["porh", porh])
        + [GoldenCase(name: "porh-summary", arguments: ["porh", porh, "--map", "90", "--summary", "{tmp}/summary.csv"], files: ["summary.csv"])]
        + [GoldenCase(name: "stream.csv", arguments: ["stream", "--window", "300", "--hop", "300", "--format", "csv"], stdin: artifacts),
           GoldenCase(name: "stream.jsonl", arguments: ["stream", "--window", "300", "--hop", "300", "--format", "jsonl"], stdin: artifacts),
           GoldenCase(name: "study", arguments: ["study", "Tests/Fixtures/cli/study/manifest.csv", "--out", "{tmp}/study", "--jobs", "2"],
                      files: ["study/bands.csv", "study/porh.csv", "study/summary.csv", "study/comparisons.csv", "study/errors.csv",
                              "study/study.json"]),
           GoldenCase(name: "study-coherence", arguments: ["study", "Tests/Fixtures/cli/study/coherence-manifest.csv", "--out", "{tmp}/study",
                                                           "--coherence", "forearm,finger-pad", "--fmin", "0.1", "--fmax", "1", "--voices", "3",
                                                           "--bands", "low:0.1-0.25,mid:0.25-0.5,high:0.5-1", "--jobs", "2"],
                      files: ["study/coherence.csv", "study/group_coherence.csv", "study/coherence_comparisons.csv"]),
           GoldenCase(name: "simulate-rest", arguments: ["simulate", "rest", "--duration", "60", "--rate", "10", "-o", "{tmp}/rest.csv"],
                      files: ["rest.csv", "rest.truth.json"]),
           GoldenCase(name: "simulate-porh", arguments: ["simulate", "porh", "--rate", "5", "-o", "{tmp}/porh.csv"],
                      files: ["porh.truth.json"])]
        + formats("coherence", ["coherence", short, other])
        + formats("bispectrum", ["bispectrum", short, "--fmin", "0.6", "--fmax", "2"])
        + formats("coupling", ["coupling", short, "--bands", "respiratory,cardiac"])
        + formats("complexity", ["complexity", short, "--scales", "3"])
        + formats("harmonics", ["harmonics", short, "--fmin", "0.3", "--fmax", "1", "--surrogates", "4"])
        + formats("epochs", ["epochs", porh, "--every", "300"])
        + formats("heating", ["heating", heating, "--map", "90"])
        + [GoldenCase(name: "simulate-heating", arguments: ["simulate", "heating", "--rate", "1", "--markers", "-o", "{tmp}/heating.csv"],
                      files: ["heating.truth.json"])]
        + formats("iontophoresis", ["iontophoresis", iontophoresis, "--current", "0.1"])
        + [GoldenCase(name: "simulate-iontophoresis", arguments: ["simulate", "iontophoresis", "--rate", "1", "--markers", "-o", "{tmp}/ionto.csv"],
                      files: ["ionto.truth.json"])]
        + formats("export", ["export", flags], ["csv", "json"])
        + [GoldenCase(name: "export-files", arguments: ["export", flags, "--events", "{tmp}/events.csv", "-o", "{tmp}/samples.csv"],
                      files: ["events.csv"])]
        + formats("ridges", ["ridges", short, "--band", "respiratory", "--band", "cardiac", "--summary"])
        + subcommands.map { GoldenCase(name: "help-" + ($0.isEmpty ? "ldf" : $0.joined(separator: "-")) + ".txt", arguments: $0 + ["--help"]) }
}

/// A fixture file of `Tests/Fixtures/cli/`.
struct GoldenFile {
    var url: URL

    init(_ name: String) {
        url = RepositoryPaths.fixture("cli").appendingPathComponent(name.replacingOccurrences(of: "/", with: "-"))
    }

    /// Compares `text` with the fixture; with `LDF_REGENERATE_GOLDEN=1` writes it instead.
    func check(_ text: String) throws {
        if ProcessInfo.processInfo.environment["LDF_REGENERATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected != nil, "missing \(url.lastPathComponent): run scripts/regenerate-golden.sh")
        guard let expected, expected != text else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            \(url.lastPathComponent) differs at line \(line + 1) (run scripts/regenerate-golden.sh after an intended change):
            expected: \(line < a.count ? String(a[line]) : "<end>")
            actual:   \(line < b.count ? String(b[line]) : "<end>")
            """)
    }

    /// `text` with every decimal number at 6 significant digits, the repository and scratch
    /// folders replaced by `{root}` and `{tmp}`, and what differs between runs of one study
    /// (`study.json`'s `run_id`, `created` and `seconds`) replaced by `{run}`.
    static func normalised(_ text: String, scratch: String) -> String {
        var text = text.replacingOccurrences(of: scratch, with: "{tmp}")
            .replacingOccurrences(of: RepositoryPaths.root.path, with: "{root}")
            .replacing(/"(?<key>run_id|created|seconds)" : ("[^"]*"|[0-9.eE+-]+)/) { "\"\($0.output.key)\" : \"{run}\"" }
        let number = /-?\d+\.\d+(?:[eE][-+]?\d+)?|-?\d+[eE][-+]?\d+/
        text = text.replacing(number) { match in
            guard let x = Double(match.output) else { return String(match.output) }
            return String(format: "%.6g", x)
        }
        return text
    }
}
