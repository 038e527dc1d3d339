import ArgumentParser
import LDFCore
import LDFIO


/// How input files are read; shared by every subcommand that reads recordings.
struct InputOptions: ParsableArguments {
    @Option(help: "Reader to use: auto (by content), delimited, labchart, edf (EDF/EDF+/BDF), wfdb, acq (BIOPAC AcqKnowledge), cfwb (LabChart binary), mat (MATLAB) or xlsx (Excel).")
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
                                              maxBridgeSeconds: maxBridgeSeconds),
                    sheet: sheet.map(SheetSelector.init),
                    mat: MATVariableChoice(signal: matSignal, time: matTime, rate: matRate))
    }

    /// Reads one recording; errors carry the file name and a fix.
    func read(_ path: String) throws -> Recording {
        try RecordingReader.read(path: path, options: readOptions)
    }

    /// Every recording of a file: one per sheet of a workbook read without --sheet, else one.
    func readAll(_ path: String) throws -> [Recording] {
        try RecordingReader.readAll(path: path, options: readOptions)
    }
}

/// Output layouts shared by the analysis subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
