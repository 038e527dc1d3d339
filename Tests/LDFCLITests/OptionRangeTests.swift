import Foundation
import Testing
import LDFTestSupport

/// Every numeric option has a documented range, checked before any work (issue 12, item 5;
/// issue 13, item 6): a value outside it, or NaN, exits 64 with one `error:` line naming the
/// option and the command's usage line — never a trap, a huge allocation or a run of minutes.
@Suite struct OptionRangeTests {
    /// Each subcommand with the arguments it needs to reach validation (files are not read).
    static let commands: [[String]] = {
        let file = RepositoryPaths.sample("rest-32hz-30min.csv").path
        let manifest = RepositoryPaths.sample("study/manifest.csv").path
        return [
            ["info", file], ["export", file], ["bands", file], ["spectrum", file], ["porh", file], ["stream"],
            ["study", "run", manifest, "--out", "/nonexistent/ldf-range-test"], ["coherence", file, file],
            ["bispectrum", file], ["coupling", "--bands", "respiratory,cardiac", file], ["harmonics", file],
            ["simulate", "rest"], ["simulate", "porh"], ["simulate", "heating"], ["heating", file],
            ["simulate", "iontophoresis"], ["iontophoresis", file],
        ]
    }()

    /// Value names of numeric options; every option shown with one of them must state its range.
    static let numericValueNames: Set<String> = ["HZ", "SECONDS", "N", "COUNT", "FRACTION", "PU", "MMHG", "F0", "SAMPLES", "P", "C",
                                                 "RATIO", "LEVEL", "PER-MINUTE", "CELSIUS", "MA", "K"]

    struct HelpOption {
        var name: String
        var valueName: String
        var text: String
        /// The documented bounds, when the help states them.
        var range: (lower: Double, upper: Double)?
    }

    /// The options of `ldf command --help`: each entry with its wrapped help text joined.
    static func options(of command: [String]) throws -> [HelpOption] {
        let help = try LDFCommandRunner.run(command.prefix { !$0.hasPrefix("/") && !$0.hasPrefix("--") } + ["--help"]).stdout
        var entries: [(String, String, String)] = []
        let start = try Regex(#"^\s{2,}(?:-\w, )?--([a-z0-9-]+)(?: <([^>]+)>)?\s*(.*)$"#)
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let match = try start.wholeMatch(in: line) {
                entries.append((String(match.output[1].substring ?? ""), String(match.output[2].substring ?? ""),
                                String(match.output[3].substring ?? "")))
            } else if line.hasPrefix(String(repeating: " ", count: 20)), !entries.isEmpty {
                entries[entries.count - 1].2 += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        let bounds = try Regex(#"\(valid (-?[0-9.e+-]+) to (-?[0-9.e+-]+)"#)
        return entries.map { name, value, text in
            let range = text.firstMatch(of: bounds).flatMap { m -> (Double, Double)? in
                guard let lo = Double(m.output[1].substring ?? ""), let hi = Double(m.output[2].substring ?? "") else { return nil }
                return (lo, hi)
            }
            return HelpOption(name: name, valueName: value, text: text, range: range)
        }
    }

    /// Values just outside `range` (and NaN for fractional options), as typed.
    static func badValues(_ option: HelpOption) -> [String] {
        guard let (lower, upper) = option.range else { return [] }
        let integral = ["N", "COUNT", "SAMPLES"].contains(option.valueName)
        if integral { return [String(Int(lower) - 1), String(Int(upper) + 1)] }
        let below = lower > 0 ? lower / 2 : lower - 1
        return ["\(below)", "\(upper * 2 + 1)", "nan"]
    }

    static func expectUsageError(_ out: LDFCommandRunner.Output, option: String, _ arguments: [String]) {
        #expect(out.status == 64, "\(arguments): status \(out.status)\n\(out.stderr)")
        #expect(out.stderr.hasPrefix("error: \(option)"), "\(arguments): \(out.stderr)")
        #expect(out.stderr.contains("Usage: ldf"), "\(arguments): no usage line\n\(out.stderr)")
        #expect(!out.stderr.contains("Fatal error") && !out.stderr.contains("Error: "), "\(arguments): \(out.stderr)")
    }

    @Test(arguments: commands)
    func everyNumericOptionDocumentsAndChecksItsRange(_ command: [String]) throws {
        let options = try Self.options(of: command)
        #expect(!options.isEmpty, "no options parsed from \(command) --help")
        for option in options where Self.numericValueNames.contains(option.valueName) && option.name != "seed" {
            #expect(option.range != nil, "\(command.prefix(2)) --\(option.name) <\(option.valueName)> does not state its valid range")
            for value in Self.badValues(option) {
                let arguments = command + ["--\(option.name)=\(value)"]
                Self.expectUsageError(try LDFCommandRunner.run(arguments), option: "--\(option.name)", arguments)
            }
        }
    }

    /// The values the audit found trapping, hanging or running for minutes.
    static let auditValues: [[String]] = {
        let file = RepositoryPaths.sample("rest-32hz-30min.csv").path
        return [
            ["bands", "--f0", "1e-9", file], ["bands", "--fmin", "1e-300", file], ["bands", "--voices", "1000000000", file],
            ["bands", "--hampel", "--hampel-window", "1e9", file], ["porh", "--hampel-window", "1e9", file],
            ["stream", "--window", "1e308"], ["stream", "--rate", "1e9"], ["stream", "--rate", "1000", "--window", "86400"],
            ["bands", "--surrogates", "1000000000", file], ["coherence", "--surrogates", "1000000000", file, file],
            ["simulate", "rest", "--duration", "1e9"], ["simulate", "rest", "--rate", "20000", "--duration", "604800"],
            ["simulate", "porh", "--peak-ratio", "1"], ["simulate", "porh", "--peak-ratio", "0.5"], ["simulate", "porh", "--peak-ratio", "0.99"],
            ["simulate", "porh", "--occlusions", "2", "--rest-seconds", "5", "--recovery-seconds", "5", "--time-to-peak", "30"],
            ["simulate", "rest", "--dropped", "100000000"], ["simulate", "rest", "--motion", "100000000"],
            ["simulate", "rest", "--duration", "600", "--dropped", "5000"], ["simulate", "rest", "--duration", "600", "--motion", "100"],
            ["simulate", "rest", "--duration", "600", "--gaps", "100", "--gap-seconds", "10"],
            ["spectrum", "--scalogram-step", "1e-300", file], ["study", "run", RepositoryPaths.sample("study/manifest.csv").path,
                                                               "--out", "/nonexistent/x", "--jobs", "0"],
        ]
    }()

    @Test(arguments: auditValues)
    func auditedValuesAreRefusedFast(_ arguments: [String]) throws {
        let started = Date()
        let out = try LDFCommandRunner.run(arguments)
        #expect(out.status == 64, "\(arguments): status \(out.status)\n\(out.stderr)")
        #expect(out.stderr.hasPrefix("error: --"), "\(arguments): \(out.stderr)")
        #expect(out.stderr.contains("Usage: ldf"), "\(arguments): \(out.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "\(arguments) took \(Date().timeIntervalSince(started)) s to refuse")
    }

    @Test func valuesAtTheBoundsAreAccepted() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try LDFCommandRunner.run(["simulate", "rest", "--duration", "1", "--rate", "20000", "--jitter", "0.49",
                                            "-o", dir.appendingPathComponent("a.csv").path])
        #expect(out.status == 0, "\(out.stderr)")
    }

    @Test func oneErrorPrefixForEveryKindOfUsageError() throws {
        let file = RepositoryPaths.sample("rest-32hz-30min.csv").path
        for arguments in [["bands", "--no-such-option", file], ["bands", "--f0", "abc", file], ["bands"],
                          ["bands", "--method", "nope", file], ["bands", "--bands", "a:-1-2", file]] {
            let out = try LDFCommandRunner.run(arguments)
            #expect(out.status == 64, "\(arguments): \(out.status) \(out.stderr)")
            #expect(out.stderr.hasPrefix("error: "), "\(arguments): \(out.stderr)")
            #expect(out.stderr.contains("Usage: ldf bands"), "\(arguments): \(out.stderr)")
        }
        let missing = try LDFCommandRunner.run(["bands", "/nonexistent/file.csv"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: ") && !missing.stderr.contains("Usage:"), "\(missing.stderr)")
    }
}
