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
    @OptionGroup var validity: BandValidityOptions

    @Option(help: ArgumentHelp("Window length; bands the validity rule nulls in a window this long are dropped (see --short-bands)." + OptionRanges.streamWindow.help,
                               valueName: "SECONDS"))
    var window: Double = 600

    @Option(help: ArgumentHelp("Time between records." + OptionRanges.hop.help, valueName: "SECONDS"))
    var hop: Double = 60

    @Option(name: .customLong("short-bands"), help: "Bands too short for the window (unless --allow-short-bands): drop them (with a message) or stop.")
    var shortBands: ShortBandPolicy = .drop

    @Option(name: .customLong("artifact-threshold"),
            help: ArgumentHelp("Share of samples a Hampel detector may flag before a window is marked as artifact." + OptionRanges.artifactThreshold.help, valueName: "FRACTION"))
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

    @Option(name: .customLong("porh-recovery"), help: ArgumentHelp("Recovery time after a release before its PORH record is final." + OptionRanges.porhRecovery.help, valueName: "SECONDS"))
    var porhRecovery: Double = 300

    @Option(name: .customLong("porh-buffer"), help: ArgumentHelp("Flux kept for PORH (bounds memory; must hold rest, occlusion and recovery)." + OptionRanges.porhBuffer.help, valueName: "SECONDS"))
    var porhBuffer: Double = 1800

    @Option(help: ArgumentHelp("Mean arterial pressure for CVC in PORH records." + OptionRanges.map.help, valueName: "MMHG"))
    var map: Double?

    @Option(name: .customLong("cvc-max"),
            help: ArgumentHelp("Maximal CVC measured separately, in flux/mmHg, for %CVCmax in PORH records; needs --map."
                               + OptionRanges.cvcMax.help, valueName: "CVC"))
    var cvcMax: Double?

    @Option(help: ArgumentHelp("Windows analysed at once, records still written in order (default: all cores)." + OptionRanges.jobs.help, valueName: "N"))
    var jobs: Int?

    func validate() throws {
        try OptionRanges.jobs.check(jobs)
        try OptionRanges.streamWindow.check(window)
        try OptionRanges.hop.check(hop)
        try OptionRanges.artifactThreshold.check(artifactThreshold)
        try OptionRanges.porhRecovery.check(porhRecovery)
        try OptionRanges.porhBuffer.check(porhBuffer)
        try OptionRanges.map.check(map)
        try OptionRanges.checkCVCMax(cvcMax, map: map)
        if let rate = input.rate, rate * window > OptionRanges.streamWindowSamples {
            throw ValidationError("--window \(OptionRange<Double>.text(window)) s at --rate \(OptionRange<Double>.text(rate)) Hz holds "
                                  + "\(OptionRange<Double>.text((rate * window).rounded())) samples, more than one window may "
                                  + "(\(OptionRange<Double>.text(OptionRanges.streamWindowSamples))); use a shorter --window")
        }
        guard hop <= window else {
            throw ValidationError("--hop \(OptionRange<Double>.text(hop)) s is longer than the --window \(OptionRange<Double>.text(window)) s; "
                                  + "give a hop of at most the window")
        }
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
