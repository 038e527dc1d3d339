import ArgumentParser
import Foundation

/// The help of a parent command's default subcommand, generated from that subcommand, so that
/// the parent's `--help` shows what it runs (`ldf study --help` lists the arguments and options of
/// `ldf study run`) and cannot drift from it.
///
/// ArgumentParser makes every command's configuration whenever `ldf` starts, `ldf bands` included,
/// and generating a subcommand's help costs about 50 million instructions (7 ms, most of a short
/// run's start). So it is generated only when this process prints help; otherwise the parent's
/// usage and discussion, which are shown only in help, take the given short `fallback`.
enum DefaultSubcommandHelp {
    /// Width the sections are laid out at: the parent's help keeps lines up to its own width.
    static let columns = 80

    /// Whether the command line asks for help: `-h`, `--help`, `--help-hidden`, `help ...` or
    /// ArgumentParser's tool-info dump.
    static let isPrinted: Bool = {
        let arguments = CommandLine.arguments.dropFirst()
        let helpFlags: Set = ["-h", "--help", "--help-hidden", "--experimental-dump-help"]
        return arguments.first == "help" || arguments.contains(where: helpFlags.contains)
    }()

    /// `subcommand`'s usage line(s), spelt as reached through `parent` (e.g. `ldf study [run] ...`),
    /// or `fallback` when no help is printed.
    static func usage(of subcommand: ParsableCommand.Type, through parent: String, fallback: String) -> String {
        guard isPrinted else { return fallback }
        let lines = help(of: subcommand)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("USAGE: ") }) else { return parent }
        let usage = lines[start...].prefix { !$0.isEmpty }.joined(separator: "\n").dropFirst("USAGE: ".count)
        let name = subcommand.configuration.commandName ?? ""
        return "\(parent) [\(name)]" + usage.dropFirst(name.count)
    }

    /// `subcommand`'s ARGUMENTS and OPTIONS sections (without `--help`, which the parent lists),
    /// their headings prefixed with `title`, or `fallback` when no help is printed.
    static func sections(of subcommand: ParsableCommand.Type, title: String, fallback: String) -> String {
        guard isPrinted else { return fallback }
        let lines = help(of: subcommand)
        let start = lines.firstIndex { $0 == "ARGUMENTS:" || $0 == "OPTIONS:" } ?? lines.endIndex
        return lines[start...]
            .filter { !$0.hasPrefix("  -h, --help") }
            .map { $0.hasSuffix(":") && $0.first?.isUppercase == true ? "\(title) \($0)" : $0 }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
    }

    static func help(of subcommand: ParsableCommand.Type) -> [String] {
        subcommand.helpMessage(columns: columns).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
