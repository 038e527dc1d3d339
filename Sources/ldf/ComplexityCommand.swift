import ArgumentParser
import Foundation
import LDFComplexity
import LDFCore
import LDFIO
import LDFReport

/// `ldf complexity FILE...`: sample entropy, multiscale entropy, DFA and MFDFA, overall and per band.
struct ComplexityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complexity",
        abstract: "Sample entropy, multiscale entropy, DFA and MFDFA of recordings, overall and per band.",
        discussion: """
            Sample entropy (Richman & Moorman) with a time-lagged embedding: m points LAG samples apart, \
            tolerance r = TOLERANCE x the signal's SD; the lag is the first minimum of the auto-mutual \
            information (histogram estimate, --bins) unless --lag is given, since LDF is oversampled. \
            Multiscale entropy (Costa): the series coarse-grained at scales 1..--scales, r fixed from \
            scale 1, the lag kept in time (lag / scale coarse samples); complexity index = sum of the \
            curve. DFA-1: alpha over each --dfa-ranges range (seconds; log-spaced window sizes, \
            non-overlapping windows); MFDFA: h(q), the singularity spectrum and its width over \
            --mfdfa-range. Each measure is computed for the whole signal ("overall") and for the \
            band-pass filtered signal of each band (--preset or --bands; --overall-only for none); a \
            measure that cannot be computed (band above Nyquist or too short, too few templates, no \
            lag minimum) is null with the reason. A recording with gaps is analysed per gap-free \
            segment; the segment column says which. Results go to standard output, warnings to \
            standard error; the exit status is 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Embedding dimension m, 1-5.", valueName: "M"))
    var dimension: Int = 2

    @Option(help: ArgumentHelp("Tolerance r as a fraction of each signal's SD, 0.01-2.", valueName: "R"))
    var tolerance: Double = 0.2

    @Option(help: ArgumentHelp("Embedding lag in samples (1-10000), or auto: the first minimum of each signal's auto-mutual information.",
                               valueName: "N|auto"))
    var lag: String = "auto"

    @Option(help: ArgumentHelp("Histogram bins of the auto-mutual information, 4-256.", valueName: "N"))
    var bins: Int = 16

    @Option(name: .customLong("max-lag"), help: ArgumentHelp("Longest lag searched for the minimum (default: a tenth of the signal).", valueName: "SECONDS"))
    var maxLag: Double?

    @Option(help: ArgumentHelp("Largest multiscale-entropy scale, 1-100 (1: sample entropy only).", valueName: "N"))
    var scales: Int = 20

    @Option(name: .customLong("dfa-ranges"), help: ArgumentHelp("DFA scaling ranges in seconds, each fitted on its own.", valueName: "NAME:LO-HI,..."))
    var dfaRanges: String = "short:1-10,long:10-100"

    @Option(name: .customLong("scales-per-range"), help: ArgumentHelp("Window sizes per DFA range, log-spaced, 3-50.", valueName: "N"))
    var scalesPerRange: Int = 10

    @Option(name: .customLong("mfdfa-range"), help: ArgumentHelp("MFDFA scaling range in seconds.", valueName: "LO-HI"))
    var mfdfaRange: String = "10-100"

    @Option(help: ArgumentHelp("MFDFA orders q: at least 3 increasing values in -10..10.", valueName: "LIST"))
    var q: String = "-5,-3,-1,0,1,3,5"

    @Option(help: "Band preset (default: stefanovska; docs/METHODS.md §2).")
    var preset: BandPreset?

    @Option(help: ArgumentHelp("Own bands instead of a preset, in Hz, e.g. myogenic:0.052-0.145,cardiac:0.6-2.", valueName: "NAME:LO-HI,..."))
    var bands: String?

    @Flag(name: .customLong("overall-only"), help: "Analyse the whole signal only, no bands.")
    var overallOnly = false

    @Option(name: .customLong("min-cycles"), help: ArgumentHelp("Fewest cycles of a band's lower edge a segment must hold for the band.", valueName: "N"))
    var minCycles: Double = 5

    @Option(help: "Output format: table, csv (tidy: one row per measure) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    /// Library parameter names to the options that set them.
    static let optionNames = ["dimension": "--dimension", "tolerance": "--tolerance", "lag": "--lag", "bins": "--bins", "max-lag": "--max-lag",
                              "scales": "--scales", "scales-per-range": "--scales-per-range", "dfa-ranges": "--dfa-ranges", "q": "--q",
                              "min-cycles": "--min-cycles"]

    func validate() throws {
        if overallOnly && (preset != nil || bands != nil) { throw ValidationError("--overall-only takes no --preset or --bands") }
        if preset != nil && bands != nil { throw ValidationError("give --preset or --bands, not both") }
        do { try settings().validate() } catch let error as LDFError {
            var e = error
            e.context = Self.optionNames[e.context] ?? e.context
            throw ValidationError(e.description)
        }
    }

    func settings() throws -> ComplexitySettings {
        var s = ComplexitySettings()
        s.dimension = dimension
        s.toleranceSD = tolerance
        if lag.lowercased() != "auto" {
            guard let n = Int(lag) else { throw LDFError("--lag", "'\(lag)' is neither a number of samples nor auto", fix: "e.g. --lag 8 or --lag auto") }
            s.lag = n
        }
        s.mutualInformationBins = bins
        s.maximumLagSeconds = maxLag
        s.maximumScale = scales
        s.dfaRanges = try Self.ranges(dfaRanges)
        s.scalesPerRange = scalesPerRange
        let mf = try Self.ranges("mfdfa:" + mfdfaRange, option: "--mfdfa-range")
        s.mfdfaRange = mf[0]
        s.q = try q.split(separator: ",").map { item in
            guard let v = Double(item.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                throw LDFError("--q", "'\(item)' is not a number", fix: "give orders such as -5,-3,-1,0,1,3,5")
            }
            return v
        }
        s.bands = overallOnly ? nil : try bands.map(BandSet.parse(custom:)) ?? (preset ?? .stefanovska).bandSet
        s.minimumBandCycles = minCycles
        return s
    }

    /// `name:lo-hi,...` in seconds.
    static func ranges(_ text: String, option: String = "--dfa-ranges") throws -> [ScalingRange] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let edges = parts.count == 2 ? parts[1].split(separator: "-").map { Double($0.trimmingCharacters(in: .whitespaces)) } : []
            guard parts.count == 2, !parts[0].isEmpty, edges.count == 2, let lo = edges[0], let hi = edges[1] else {
                let shown = option == "--mfdfa-range" ? String(item.dropFirst("mfdfa:".count)) : String(item)
                throw LDFError(option, "cannot read '\(shown)'", fix: option == "--mfdfa-range" ? "give LO-HI in seconds, e.g. 10-100" : "give NAME:LO-HI in seconds, e.g. short:1-10,long:10-100")
            }
            return ScalingRange(name: parts[0], lowSeconds: lo, highSeconds: hi)
        }
    }

    func run() throws {
        let settings = try settings()
        var entries: [ComplexityOutputRecord.RecordingRecord] = []
        for path in files {
            do {
                for recording in try input.readChannels(path) {
                    let source = recording.provenance.source == path ? path : recording.provenance.source
                    let analysis = try ComplexityAnalysis(recording: recording, settings: settings)
                    for d in analysis.diagnostics { printDiagnostic("\(source): \(d)") }
                    entries.append(ComplexityOutputRecord.RecordingRecord(source: source, analysis: analysis))
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                entries.append(ComplexityOutputRecord.RecordingRecord(source: path, error: error.description))
            }
        }
        let report = ComplexityOutputRecord(settings: settings, lagText: lag, recordings: entries)
        switch format {
        case .json: try StandardOutput.writeLine(try ReportJSON.string(report))
        case .csv: try StandardOutput.write(CSVTable(rows: report.rows).text)
        case .table: try StandardOutput.writeLine(report.textBlocks.joined(separator: "\n\n"))
        }
        if entries.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
