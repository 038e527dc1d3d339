import ArgumentParser
import LDFCore
import LDFIO


/// How input files are read; shared by every subcommand that reads recordings.
struct InputOptions: ParsableArguments {
    @Option(help: "Reader to use: auto (by content), delimited or labchart.")
    var reader: ReaderKind = .auto

    @Option(help: ArgumentHelp("Sample rate in Hz; required when the file has no time column.", valueName: "HZ"))
    var rate: Double?

    @Option(help: ArgumentHelp("Perfusion channel by name or 1-based column number (time column not counted).",
                               valueName: "NAME|INDEX"))
    var channel: String?

    @Option(name: .customLong("max-bridge"),
            help: ArgumentHelp("Longest run of missing samples bridged by linear interpolation; longer runs are reported as gaps.",
                               valueName: "SECONDS"))
    var maxBridgeSeconds: Double = 1.0

    func validate() throws {
        try readOptions.assembly.validate()
    }

    var readOptions: ReadOptions {
        ReadOptions(reader: reader,
                    assembly: AssemblyOptions(rateHz: rate, channel: channel.map(ChannelSelector.init),
                                              maxBridgeSeconds: maxBridgeSeconds))
    }

    /// Reads one recording; errors carry the file name and a fix.
    func read(_ path: String) throws -> Recording {
        try RecordingReader.read(path: path, options: readOptions)
    }
}

/// Output layouts shared by the analysis subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
