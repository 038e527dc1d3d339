import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFPORH
import LDFSpectral
import LDFStream

extension ShortBandPolicy: ExpressibleByArgument {}

/// `ldf stream`: live band analysis of perfusion arriving on standard input.
struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Analyse perfusion arriving on standard input in a sliding window; one record per hop.",
        discussion: """
            Input, read as it arrives: one value per line (with --rate), time,value lines, or delimited \
            text with a header (the perfusion column found by name or unit, or chosen with --channel). \
            Output, flushed line by line: JSON Lines (a header record with every parameter, one \
            "window" record per hop, an "end" record), CSV with --format csv (a header row, then one \
            row per window and band, readable by pandas as is; --header-file keeps the parameters) or \
            aligned text with --format text. Every window carries the mean, median and SD of the \
            perfusion over it. Each window's bands \
            equal `ldf bands` on the same stretch with the same options. Memory depends on the window, \
            not on the stream's length. Malformed lines are skipped and counted (line numbers on \
            standard error) or stop the run with --strict. End of input, SIGINT and SIGTERM flush a \
            final record; a closed standard output ends the program quietly.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var spectral: SpectralOptions

    @Option(help: ArgumentHelp("Window length; bands needing more than the window for 5 cycles are dropped (see --short-bands).",
                               valueName: "SECONDS"))
    var window: Double = 600

    @Option(help: ArgumentHelp("Time between records.", valueName: "SECONDS"))
    var hop: Double = 60

    @Option(name: .customLong("short-bands"), help: "Bands too short for the window: drop them (with a message) or stop.")
    var shortBands: ShortBandPolicy = .drop

    @Option(name: .customLong("artifact-threshold"),
            help: ArgumentHelp("Share of samples a Hampel detector may flag before a window is marked as artifact.", valueName: "FRACTION"))
    var artifactThreshold: Double = 0.01

    @Option(help: "Output: jsonl (JSON Lines: header, window and end records), csv (one row per window and band; no comment line) or text (one aligned line per window, for a terminal).")
    var format: StreamFormat = .jsonl

    @Option(name: .customLong("header-file"),
            help: ArgumentHelp("Also write the header record (toolkit, every parameter, channels) as JSON to this file; the CSV and text outputs carry no parameters themselves.", valueName: "PATH"))
    var headerFile: String?

    @Flag(help: "Stop at the first malformed line instead of skipping it.")
    var strict = false

    @Flag(help: "Also find occlusions (input markers, then the flux) and report PORH: interim records after each release, a final one once settled.")
    var porh = false

    @Option(help: "PORH probe site (sets window defaults, as in ldf porh): finger-pad, forearm, hallux, calf, thenar or other.")
    var site: TissueSite = .other

    @Option(name: .customLong("porh-recovery"), help: ArgumentHelp("Recovery time after a release before its PORH record is final.", valueName: "SECONDS"))
    var porhRecovery: Double = 300

    @Option(name: .customLong("porh-buffer"), help: ArgumentHelp("Flux kept for PORH (bounds memory; must hold rest, occlusion and recovery).", valueName: "SECONDS"))
    var porhBuffer: Double = 1800

    @Option(help: ArgumentHelp("Mean arterial pressure for CVC in PORH records.", valueName: "MMHG"))
    var map: Double?

    func validate() throws {
        guard input.reader == .auto || input.reader == .delimited else {
            throw LDFError("--reader", "only delimited text can be streamed (not \(input.reader.rawValue))",
                           fix: "stream delimited text, or analyse the file with ldf bands")
        }
        guard artifactThreshold >= 0, artifactThreshold <= 1 else {
            throw LDFError("--artifact-threshold", "\(artifactThreshold) must be between 0 and 1", fix: "e.g. --artifact-threshold 0.01")
        }
    }

    func run() throws {
        installStreamSignalHandlers()
        var session = try StreamSession(command: self)
        try session.run()
    }
}

enum StreamFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, text
}
