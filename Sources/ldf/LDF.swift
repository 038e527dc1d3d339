import ArgumentParser
import LDFCore

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
        subcommands: [InfoCommand.self, SimulateCommand.self, BandsCommand.self, SpectrumCommand.self, PorhCommand.self, StreamCommand.self, StudyCommand.self, CoherenceCommand.self, BispectrumCommand.self, CouplingCommand.self]
    )
}
