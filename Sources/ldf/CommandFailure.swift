import ArgumentParser
import Foundation
import LDFCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `ldf` reports a failure: one prefix (`error:`), one line of message, and for an invalid
/// option the usage line of the command and status 64 (`EX_USAGE`); other failures exit 1.
enum CommandFailure {
    /// Status of an invalid option or argument.
    static let usageStatus: Int32 = 64

    /// A failure while parsing or validating `arguments`: help and version requests print and
    /// exit 0; everything else is a usage error of the (sub)command the arguments name.
    static func parsing(_ error: Error, arguments: [String]) -> Never {
        let code = LDF.exitCode(for: error)
        if code == .success { LDF.exit(withError: error) }
        let command = commandType(named: arguments)
        if code == .validationFailure {
            // ArgumentParser's own text: message, usage, pointer to --help.
            report(LDF.fullMessage(for: error), status: usageStatus)
        }
        usage(message(for: error), command: command)
    }

    /// A failure of `command`'s run: an `LDFError` about an option is a usage error, anything else
    /// a failure of the run.
    static func running(_ error: Error, command: ParsableCommand.Type) -> Never {
        if let error = error as? LDFError, error.context.hasPrefix("--") {
            usage(error.description, command: command)
        }
        if let error = error as? ValidationError { usage(error.message, command: command) }
        // Help (the help subcommand's CleanExit) and a plain ExitCode keep ArgumentParser's handling.
        if error is ExitCode || LDF.exitCode(for: error) == .success { LDF.exit(withError: error) }
        report("error: " + message(for: error), status: 1)
    }

    /// Ends the process with `status`.
    static func end(_ status: Int32) -> Never {
        exit(status)
    }

    /// Writes `message` with the usage of `command` and exits 64.
    static func usage(_ message: String, command: ParsableCommand.Type) -> Never {
        var text = "error: " + message + "\nUsage: " + LDF.usageString(for: command).trimmingCharacters(in: .whitespacesAndNewlines)
        let name = ([LDF.self] + chain(to: command)).map { $0._commandName }.joined(separator: " ")
        text += "\n  See '\(name) --help' for more information."
        report(text, status: usageStatus)
    }

    /// One line for any error: an `LDFError`'s description; for a Foundation error its reason
    /// and file, never the raw domain and code.
    static func message(for error: Error) -> String {
        let text: String
        switch error {
        case let error as LDFError:
            text = error.description
        case let error as CocoaError:
            let path = error.filePath ?? error.url?.path
            let reason = (error.underlying as? POSIXError).map { String(cString: strerror($0.code.rawValue)) }
                ?? error.localizedDescription
            text = path.map { "\($0): \(reason)" } ?? reason
        default:
            text = LDF.message(for: error)
        }
        return oneLine(text)
    }

    /// `text` on one line (newlines become "; ").
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Writes `text` to standard error with the one `error:` prefix and exits with `status`.
    private static func report(_ text: String, status: Int32) -> Never {
        var text = text
        if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst("Error: ".count) }
        if !text.hasSuffix("\n") { text += "\n" }
        FileHandle.standardError.write(Data(text.utf8))
        exit(status)
    }

    /// The deepest subcommand named by the leading words of `arguments` (the root when none).
    static func commandType(named arguments: [String]) -> ParsableCommand.Type {
        var current: ParsableCommand.Type = LDF.self
        for word in arguments {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            current = next
        }
        if ObjectIdentifier(current) != ObjectIdentifier(LDF.self), let fallback = current.configuration.defaultSubcommand,
           arguments.contains(where: { $0 == current._commandName }),
           !current.configuration.subcommands.contains(where: { sub in arguments.contains(sub._commandName) }) {
            return fallback
        }
        return current
    }

    /// The subcommands from the root's child down to `command`.
    private static func chain(to command: ParsableCommand.Type) -> [ParsableCommand.Type] {
        func search(_ node: ParsableCommand.Type, _ path: [ParsableCommand.Type]) -> [ParsableCommand.Type]? {
            if ObjectIdentifier(node) == ObjectIdentifier(command) { return path }
            for sub in node.configuration.subcommands {
                if let found = search(sub, path + [sub]) { return found }
            }
            return nil
        }
        return search(LDF.self, []) ?? []
    }
}
