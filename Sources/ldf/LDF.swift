import ArgumentParser
import Foundation
import LDFCore
import LDFIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `ldf` command: laser Doppler flowmetry analysis. One thin file per subcommand; the work
/// happens in the library modules.
@main
struct LDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ldf",
        abstract: "Laser Doppler flowmetry analysis: spectral bands, PORH, streaming and studies.",
        discussion: """
            Reads delimited text (CSV, semicolon with decimal commas, tab, whitespace) and LabChart text \
            exports; "-" reads standard input. Results go to standard output, warnings to standard error.
            """,
        version: Toolkit.version,
        subcommands: [InfoCommand.self, ExportCommand.self, SimulateCommand.self, BandsCommand.self, SpectrumCommand.self, PorhCommand.self, HeatingCommand.self, IontophoresisCommand.self, VOTCommand.self, CRTCommand.self, EpochsCommand.self, StreamCommand.self, StudyCommand.self, CoherenceCommand.self, BispectrumCommand.self, CouplingCommand.self, RidgesCommand.self, ComplexityCommand.self, HarmonicsCommand.self]
    )

    /// Runs the command, with one error path (`CommandFailure`):
    /// - an invalid option (a parse or `validate()` error, or a run-time `LDFError` naming an
    ///   option) exits 64 with the command's usage line;
    /// - any other failure exits 1 with one `error:` line;
    /// - a closed standard output (`OutputClosed`; SIGPIPE is ignored so it arrives as EPIPE) ends
    ///   quietly with status 0.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        ProcessMemory.keepLargeBlocksInHeap()
        ParameterSpelling.install(FlagSpelling.flag)
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            CommandFailure.parsing(error, arguments: Array(CommandLine.arguments.dropFirst()))
        }
        do {
            try command.run()
        } catch is OutputClosed {
            CommandFailure.end(0)
        } catch {
            CommandFailure.running(error, command: type(of: command))
        }
    }
}
