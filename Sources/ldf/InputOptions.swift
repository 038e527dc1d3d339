import ArgumentParser
import LDFCore
import LDFIO


/// How input files are read; shared by every subcommand that reads recordings.
struct InputOptions: ParsableArguments {
    @Option(help: "Reader to use: auto (by content), delimited, labchart, oxysoft (Artinis Oxysoft text), moxy (Moxy CSV), edf (EDF/EDF+/BDF), wfdb, acq (BIOPAC AcqKnowledge), cfwb (LabChart binary), mat (MATLAB) or xlsx (Excel).")
    var reader: ReaderKind = .auto

    @Option(help: ArgumentHelp("Excel sheet to read, by name or 1-based position; without it every sheet with data is read.",
                               valueName: "NAME|INDEX"))
    var sheet: String?

    @Option(name: .customLong("mat-signal"), help: ArgumentHelp("MATLAB variable holding the signal (a vector, a matrix of channels, or s.field).",
                                                                valueName: "NAME"))
    var matSignal: String?

    @Option(name: .customLong("mat-time"), help: ArgumentHelp("MATLAB variable holding the time in seconds.", valueName: "NAME"))
    var matTime: String?

    @Option(name: .customLong("mat-rate"), help: ArgumentHelp("MATLAB variable holding the sample rate, or the rate in Hz.", valueName: "NAME|HZ"))
    var matRate: String?

    @Option(help: ArgumentHelp("Sample rate in Hz; required when the file has no time column and its header states none." + OptionRanges.rate.help, valueName: "HZ"))
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
            help: ArgumentHelp("Longest run of missing samples bridged by linear interpolation; longer runs are reported as gaps." + OptionRanges.maxBridge.help,
                               valueName: "SECONDS"))
    var maxBridgeSeconds: Double = 1.0

    func validate() throws {
        try OptionRanges.rate.check(rate)
        try OptionRanges.maxBridge.check(maxBridgeSeconds)
        if let eventMap { _ = try EventMap(parsing: eventMap) }
        try readOptions.assembly.validate()
    }

    var channelSelector: ChannelSelector? { channel.map(ChannelSelector.init) }

    var readOptions: ReadOptions {
        ReadOptions(reader: reader,
                    assembly: AssemblyOptions(rateHz: rate, channel: channelSelector, maxBridgeSeconds: maxBridgeSeconds,
                                              eventMap: eventMap.flatMap { try? EventMap(parsing: $0) }),
                    sheet: sheet.map(SheetSelector.init),
                    mat: MATVariableChoice(signal: matSignal, time: matTime, rate: matRate),
                    timeColumn: timeColumn.map(ChannelSelector.init))
    }

    /// Reads one recording (its analysed channel the first `--channel` names) and prints its
    /// reading warnings to standard error; errors carry the file name and a fix.
    func read(_ path: String) throws -> Recording {
        let recording = try RecordingReader.read(path: path, options: readOptions)
        for d in recording.readingDiagnostics { printDiagnostic("\(path): \(d)") }
        return recording
    }

    /// Every recording of a file (one per sheet of a workbook read without --sheet), each once
    /// per channel `--channel` names (`all`, `1,3`, ...; the default channel alone without
    /// `--channel`) with that channel analysed. Warnings about the file are printed once, those
    /// about a channel with it.
    func readChannels(_ path: String) throws -> [Recording] {
        var analysed: [Recording] = []
        for recording in try RecordingReader.readAll(path: path, options: readOptions) {
            let source = recording.provenance.source == path ? path : recording.provenance.source
            for d in recording.provenance.diagnostics { printDiagnostic("\(source): \(d)") }
            for r in try recording.analysedRecordings(channelSelector) {
                for d in r.analysedChannelDiagnostics { printDiagnostic("\(source): \(d)") }
                analysed.append(r)
            }
        }
        return analysed
    }

    /// Every recording of a file (one per sheet of a workbook read without --sheet, else one),
    /// its reading warnings printed to standard error.
    func readAll(_ path: String) throws -> [Recording] {
        let recordings = try RecordingReader.readAll(path: path, options: readOptions)
        for recording in recordings {
            let source = recording.provenance.source == path ? path : recording.provenance.source
            for d in recording.readingDiagnostics { printDiagnostic("\(source): \(d)") }
        }
        return recordings
    }
}

/// Output layouts shared by the analysis subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
