import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFPORH

/// `ldf porh FILE...`: post-occlusive reactive hyperaemia parameters for every occlusion.
struct PorhCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "porh",
        abstract: "Post-occlusive reactive hyperaemia (PORH) parameters for every occlusion in one or more recordings.",
        discussion: """
            Occlusions are timed from the most trusted source available: --occlusion START-END, events \
            in the file, a cuff-pressure channel, or the flux alone (a sharp fall to a sustained low \
            level, then a sharp rise, judged against local levels; partial falls, noisy plateaus, any \
            site, several per recording, each with a confidence). Times are on the file's own axis. Each occlusion gets rest flux, biological \
            zero, peak, time to peak, ratios, T75/T50/T25, hyperaemia duration, repayment and debt \
            areas, plateau, CVC (with --map), %CVCmax (with --cvc-max) and the transient fit a*exp(-(t/b)^c)+d. A parameter \
            that cannot be computed is null with the reason. --site sets documented defaults for the \
            windows and smoothing and is recorded; every option that shaped a result is in the JSON \
            `parameters`. Results go to standard output, warnings to standard error; the exit status \
            is 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Probe site: finger-pad, forearm, hallux, calf, thenar or other (sets window defaults).")
    var site: TissueSite = .other

    /// --timing, --occlusion and --min-occlusion, shared with `ldf vot`.
    @OptionGroup var occlusionTiming: OcclusionTimingOptions

    @Option(name: .customLong("rest-window"), help: ArgumentHelp("Rest-flux window before the start (site default; 120)." + OptionRanges.restWindow.help, valueName: "SECONDS"))
    var restWindow: Double?

    @Option(name: .customLong("bz-window"),
            help: ArgumentHelp("Biological-zero window at the end of the occlusion (site default: 30, forearm/calf 60)." + OptionRanges.bzWindow.help, valueName: "SECONDS"))
    var bzWindow: Double?

    @Option(help: ArgumentHelp("Moving-mean length for peak and recovery times (site default: 2, forearm/calf 3)." + OptionRanges.smoothing.help, valueName: "SECONDS"))
    var smoothing: Double?

    @Option(name: .customLong("return-smoothing"), help: ArgumentHelp("Moving-mean length for the return to rest flux (10)." + OptionRanges.returnSmoothing.help, valueName: "SECONDS"))
    var returnSmoothing: Double?

    @Option(name: .customLong("plateau-window"), help: ArgumentHelp("Post-occlusive plateau window at the end of the recovery (60)." + OptionRanges.plateauWindow.help, valueName: "SECONDS"))
    var plateauWindow: Double?

    @Option(name: .customLong("peak-search"), help: ArgumentHelp("The peak is searched this long after release (60)." + OptionRanges.peakSearch.help, valueName: "SECONDS"))
    var peakSearch: Double?

    @Flag(name: .customLong("subtract-bz"), help: "Subtract the biological zero from every flux level (areas are unchanged).")
    var subtractBiologicalZero = false

    @Option(help: ArgumentHelp("Mean arterial pressure for CVC = flux / MAP." + OptionRanges.map.help, valueName: "MMHG"))
    var map: Double?

    @Option(name: .customLong("cvc-max"),
            help: ArgumentHelp("Maximal CVC measured separately (e.g. local heating to 43-44 °C), in flux/mmHg, for %CVCmax; needs --map."
                               + OptionRanges.cvcMax.help, valueName: "CVC"))
    var cvcMax: Double?

    @OptionGroup var hampel: HampelOptionGroup
    /// The validity rule of the --reperfusion-bands summaries.
    @OptionGroup var validity: BandValidityOptions

    @Option(name: .customLong("reperfusion-bands"),
            help: ArgumentHelp("Also give the flowmotion bands of the reperfusion segment after removing the transient, "
                               + "(x - fit)/d, with this band preset; table and JSON only.", valueName: "preset"))
    var reperfusionBands: BandPreset?

    @Option(help: "Output format: table, csv (one row per occlusion; units in flux_unit, map_mmhg and the names) or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write the annotated trace (time, flux, smoothed flux, phase) as CSV.", valueName: "PATH"))
    var trace: String?

    @Option(help: ArgumentHelp("Also write the summary across each recording's occlusions (n, mean, SD, CV of every parameter) "
                               + "as tidy CSV, one row per recording and parameter.", valueName: "PATH"))
    var summary: String?

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try OptionRanges.restWindow.check(restWindow)
        try OptionRanges.bzWindow.check(bzWindow)
        try OptionRanges.smoothing.check(smoothing)
        try OptionRanges.returnSmoothing.check(returnSmoothing)
        try OptionRanges.plateauWindow.check(plateauWindow)
        try OptionRanges.peakSearch.check(peakSearch)
        try OptionRanges.map.check(map)
        try OptionRanges.checkCVCMax(cvcMax, map: map)
        _ = try options()
    }

    /// The analysis options: site defaults, then every option given.
    func options() throws -> PORHOptions {
        var o = PORHOptions(site: site)
        o.timing = occlusionTiming.timing
        o.occlusions = try occlusionTiming.occlusions()
        if let restWindow { o.restWindowSeconds = restWindow }
        if let bzWindow { o.biologicalZeroWindowSeconds = bzWindow }
        if let smoothing { o.smoothingSeconds = smoothing }
        if let returnSmoothing { o.returnSmoothingSeconds = returnSmoothing }
        if let plateauWindow { o.plateauWindowSeconds = plateauWindow }
        if let peakSearch { o.peakSearchSeconds = peakSearch }
        if let minOcclusion = occlusionTiming.minOcclusion { o.minimumOcclusionSeconds = minOcclusion }
        o.subtractBiologicalZero = subtractBiologicalZero
        o.meanArterialPressureMmHg = map
        o.maximumCVC = cvcMax
        o.artifactFilter = hampel.filter(defaultWindowSeconds: PORHOptions.artifactWindowSeconds)
        o.reperfusionBands = reperfusionBands?.bandSet
        o.reperfusionValidity = validity.rule
        try o.validate()
        return o
    }

    /// The analysis, with the annotated trace when `--trace` asks for one.
    private func analyze(_ recording: Recording, options: PORHOptions) throws -> (PORHRecordingResult, PORHTrace?) {
        guard trace != nil else { return (try PORHAnalysis.analyze(recording, options: options), nil) }
        let (result, trace) = try PORHAnalysis.analyzeWithTrace(recording, options: options)
        return (result, trace)
    }

    func run() throws {
        let options = try options()
        var records: [PORHRecordingRecord] = []
        var results: [PORHRecordingResult] = []
        let traceWriter = try trace.map { try PorhTraceWriter(path: $0, inputs: files) }
        let summaryFile = try summary.map { try OutputFile($0, role: "the summary", inputs: files) }
        for path in files {
            do {
                let recordings = try input.readChannels(path)
                for recording in recordings {
                    let source = recording.provenance.source == path ? path : recording.provenance.source
                    let (result, trace) = try analyze(recording, options: options)
                    for d in result.diagnostics { printDiagnostic("\(source): \(d)") }
                    for o in result.occlusions {
                        for d in o.diagnostics { printDiagnostic("\(source): occlusion \(o.index): \(d)") }
                    }
                    records.append(PORHRecordingRecord(result))
                    results.append(result)
                    if let trace {
                        try traceWriter?.write(trace, source: source, channel: recording.perfusion.name, fluxUnit: recording.perfusion.unit)
                    }
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                records.append(PORHRecordingRecord(source: path, error: error.description))
            }
        }
        try traceWriter?.commit()
        if let summaryFile {
            try summaryFile.write(CSVTable(rows: results.flatMap(PORHSummaryRow.rows)).text)
            try summaryFile.commit()
        }
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(PORHOutputRecord(options: options, recordings: records)))
        case .csv:
            try StandardOutput.write(CSVTable(rows: results.flatMap(PORHOcclusionRow.rows)).text)
        case .table:
            try StandardOutput.writeLine(results.map { PORHRecordingText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n"))
        }
        if records.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
