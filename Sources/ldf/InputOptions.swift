import ArgumentParser
import LDFCore
import LDFIO


/// How input files are read; shared by every subcommand that reads recordings.
struct InputOptions: ParsableArguments {
    @Option(help: "Reader to use: auto (by content), delimited or labchart.")
    var reader: ReaderKind = .auto

    @Option(help: ArgumentHelp("Sample rate in Hz; required when the file has no time column and its header states none.", valueName: "HZ"))
    var rate: Double?

    @Option(help: ArgumentHelp("Perfusion channel(s): a name or 1-based column number (time column not counted), a list "
                               + "such as 1,3, or all (every perfusion channel, each analysed in turn).",
                               valueName: "NAME|INDEX|LIST|all"))
    var channel: String?

    @Option(name: .customLong("time-column"),
            help: ArgumentHelp("The time column of a delimited file, by name or 1-based column number (all columns counted), "
                               + "when the reader's choice is wrong or two time columns disagree.", valueName: "NAME|INDEX"))
    var timeColumn: String?

    @Option(name: .customLong("event-map"),
            help: ArgumentHelp("Event kinds for the file's own labels, e.g. 'cuff up=occlusion_start,cuff down=release' "
                               + "(kinds: occlusion_start, release, comment, marker).", valueName: "LABEL=KIND,..."))
    var eventMap: String?

    @Option(name: .customLong("max-bridge"),
            help: ArgumentHelp("Longest run of missing samples bridged by linear interpolation; longer runs are reported as gaps.",
                               valueName: "SECONDS"))
    var maxBridgeSeconds: Double = 1.0

    func validate() throws {
        if let eventMap { _ = try EventMap(parsing: eventMap) }
        try readOptions.assembly.validate()
    }

    var channelSelector: ChannelSelector? { channel.map(ChannelSelector.init) }

    var readOptions: ReadOptions {
        ReadOptions(reader: reader,
                    assembly: AssemblyOptions(rateHz: rate, channel: channelSelector, maxBridgeSeconds: maxBridgeSeconds,
                                              eventMap: eventMap.flatMap { try? EventMap(parsing: $0) }),
                    timeColumn: timeColumn.map(ChannelSelector.init))
    }

    /// Reads one recording (its analysed channel the first `--channel` names) and prints its
    /// reading warnings to standard error; errors carry the file name and a fix.
    func read(_ path: String) throws -> Recording {
        let recording = try RecordingReader.read(path: path, options: readOptions)
        for d in recording.readingDiagnostics { printDiagnostic("\(path): \(d)") }
        return recording
    }

    /// Reads one recording and returns it once per channel `--channel` names (`all`, `1,3`, ...;
    /// the default channel alone without `--channel`), each with that channel analysed. Warnings
    /// about the file are printed once, those about a channel with it.
    func readChannels(_ path: String) throws -> [Recording] {
        let recording = try RecordingReader.read(path: path, options: readOptions)
        for d in recording.provenance.diagnostics { printDiagnostic("\(path): \(d)") }
        let analysed = try recording.analysedRecordings(channelSelector)
        for r in analysed {
            for d in r.analysedChannelDiagnostics { printDiagnostic("\(path): \(d)") }
        }
        return analysed
    }
}

/// Output layouts shared by the analysis subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
