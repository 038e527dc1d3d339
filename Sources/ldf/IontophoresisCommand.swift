import ArgumentParser
import LDFCore
import LDFIO
import LDFProtocols
import LDFReport

/// `ldf iontophoresis FILE...`: dose responses to iontophoresis of ACh, SNP and the vehicle.
struct IontophoresisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iontophoresis",
        abstract: "Iontophoresis: per dose the plateau, change from rest, maximum, response and recovery times and areas; a dose-response table with the vehicle beside each drug.",
        discussion: """
            Pulses are --pulses START+DURATION[:CHARGE],... (s on the file's axis, s, mC; e.g. \
            '300+20:2,380+20:2'), else the file's marks: a label naming a pulse, the current, a dose \
            or a drug starts one ('Pulse 1 on', 'ACh start'), with off/stop/end it stops it. Charges \
            not given are --current × duration. Without --channel every perfusion channel is analysed \
            (drug and vehicle probes); a channel's drug is --drugs (one drug, or 'CHANNEL=DRUG,...' \
            with ach, snp, vehicle), else the one its name spells ('ACh', 'Vehicle'), else the one the \
            pulse marks name. Rest: mean over --rest-window before the first pulse, and the SD of the \
            flux smoothed over --smoothing. A dose's interval runs to the next pulse (the last: its \
            stop plus the median gap); plateau: mean over its last --plateau-window; change from rest \
            in flux units and %; maximum of the smoothed flux; response: first time the smoothed flux \
            stays above the level before the pulse + --threshold-sd SD for --sustain; half-rise: first \
            time halfway to the plateau; recovery: back below rest + --threshold-sd SD after the \
            maximum; areas above rest during the pulse and over the interval. Dose times from each \
            pulse start. A value that cannot be computed is null with the reason. Exit status 1 when \
            any file failed.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Pulses as START+DURATION[:CHARGE],... (s on the file's axis, s, mC), instead of the file's marks.",
                               valueName: "START+DURATION[:MC],..."))
    var pulses: String?

    @Option(help: ArgumentHelp("Current of every pulse, for charges not given (charge = current × duration)." + OptionRanges.iontophoresisCurrent.help, valueName: "MA"))
    var current: Double?

    @Option(help: ArgumentHelp("Drug of every channel (ach, snp, vehicle) or per channel as 'CHANNEL=DRUG,...' (names or 1-based numbers).",
                               valueName: "DRUG|CHANNEL=DRUG,..."))
    var drugs: String?

    @Option(name: .customLong("rest-window"), help: ArgumentHelp("Rest window before the first pulse (120)." + OptionRanges.restWindow.help, valueName: "SECONDS"))
    var restWindow: Double?

    @Option(name: .customLong("plateau-window"), help: ArgumentHelp("Plateau window at the end of each dose's interval (30)." + OptionRanges.heatingPlateauWindow.help, valueName: "SECONDS"))
    var plateauWindow: Double?

    @Option(help: ArgumentHelp("Moving-mean length for the maximum, response and recovery (5)." + OptionRanges.heatingSmoothing.help, valueName: "SECONDS"))
    var smoothing: Double?

    @Option(name: .customLong("threshold-sd"), help: ArgumentHelp("k of the thresholds level + k SD(rest) for response and recovery (2)." + OptionRanges.thresholdSD.help, valueName: "K"))
    var thresholdSD: Double?

    @Option(help: ArgumentHelp("How long the smoothed flux must stay beyond a threshold (10)." + OptionRanges.sustain.help, valueName: "SECONDS"))
    var sustain: Double?

    @Option(help: "Output format: table, csv (one row per channel and dose; units in flux_unit and the names) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try OptionRanges.iontophoresisCurrent.check(current)
        try OptionRanges.restWindow.check(restWindow)
        try OptionRanges.heatingPlateauWindow.check(plateauWindow)
        try OptionRanges.heatingSmoothing.check(smoothing)
        try OptionRanges.thresholdSD.check(thresholdSD)
        try OptionRanges.sustain.check(sustain)
        _ = try options()
    }

    /// The analysis options: defaults, then every option given.
    func options() throws -> IontophoresisOptions {
        var o = IontophoresisOptions()
        o.pulses = try pulses.map(DoseSchedule.init(parsing:))
        o.currentMilliamps = current
        o.drugs = try drugs.map(DrugAssignment.init(parsing:))
        if let restWindow { o.restWindowSeconds = restWindow }
        if let plateauWindow { o.plateauWindowSeconds = plateauWindow }
        if let smoothing { o.smoothingSeconds = smoothing }
        if let thresholdSD { o.thresholdSD = thresholdSD }
        if let sustain { o.sustainSeconds = sustain }
        try o.validate()
        return o
    }

    /// Each recording of `path` (one per sheet) with its channels to analyse: those --channel
    /// names, every perfusion channel without it. Warnings are printed once per file and channel.
    func channelSets(_ path: String) throws -> [[Recording]] {
        try input.readAll(path).map { recording in
            let source = recording.provenance.source == path ? path : recording.provenance.source
            return try recording.analysedRecordings(input.channelSelector ?? .all).map { r in
                for d in r.analysedChannelDiagnostics where !recording.readingDiagnostics.contains(d) { printDiagnostic("\(source): \(d)") }
                return r
            }
        }
    }

    func run() throws {
        let options = try options()
        var records: [IontophoresisRecordingRecord] = []
        var files: [IontophoresisFileResult] = []
        for path in self.files {
            do {
                for channels in try channelSets(path) {
                    let file = try IontophoresisAnalysis.analyze(channels, options: options)
                    for r in file.channels {
                        for d in r.diagnostics { printDiagnostic("\(r.source) \(r.channel): \(d)") }
                        records.append(IontophoresisRecordingRecord(r, table: file.table))
                    }
                    for d in file.table.diagnostics { printDiagnostic("\(file.channels[0].source): \(d)") }
                    files.append(file)
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                records.append(IontophoresisRecordingRecord(source: path, error: error.description))
            }
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(IontophoresisOutputRecord(options: options, recordings: records)))
        case .csv:
            let rows = files.flatMap { file in file.channels.flatMap { IontophoresisDoseRow.rows($0, table: file.table) } }
            try StandardOutput.write(CSVTable(rows: rows).text)
        case .table:
            try StandardOutput.writeLine(files.map { IontophoresisText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n"))
        }
        if records.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
