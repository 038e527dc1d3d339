import ArgumentParser
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
        subcommands: [InfoCommand.self, SimulateCommand.self, BandsCommand.self, SpectrumCommand.self, PorhCommand.self, EpochsCommand.self, StreamCommand.self, StudyCommand.self, CoherenceCommand.self, BispectrumCommand.self, CouplingCommand.self, ComplexityCommand.self]
    )

    /// Runs the command. SIGPIPE is ignored so that a closed standard output reaches the writers as
    /// EPIPE (`OutputClosed`), which ends the run quietly with status 0; every other error takes
    /// ArgumentParser's path (message and status).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch is OutputClosed {
            #if canImport(Glibc)
            Glibc.exit(0)
            #else
            Darwin.exit(0)
            #endif
        } catch {
            exit(withError: error)
        }
    }
}
