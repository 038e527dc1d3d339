import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFSpectral

/// `ldf bands FILE...`: band amplitudes and powers of one or more recordings.
struct BandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bands",
        abstract: "Band amplitudes and powers (time-averaged wavelet spectrum, or Welch) of one or more recordings.",
        discussion: """
            Per band: amplitude and power (mean of the time-averaged wavelet spectrum over the band's \
            frequencies; for --method welch the integral of the power spectral density and its square \
            root), relative values against the whole fmin–fmax range (wavelet: ratios to its mean, \
            power_ratio_to_mean; Welch: shares of its total, power_share), the ratio of medians, the \
            peak, and the share of coefficients inside the cone of influence. A band that cannot be \
            computed is reported with no value and the reason. --channel all (or a list such as 1,3) \
            analyses several probes of one file in turn; every row and JSON entry names its channel, \
            and times are on the file's own axis (time_origin_s is its first sample). Recordings with gaps are analysed on \
            their longest gap-free stretch (with a warning). Results go to standard output, warnings \
            to standard error; the exit status is 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var spectral: SpectralOptions
    @OptionGroup var validity: BandValidityOptions
    @OptionGroup var surrogateTest: SurrogateTestOptions

    @Option(help: "Output format: table, csv (one row per recording and band) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        let settings = validity.applied(to: try spectral.settings())
        let surrogates = surrogateTest.options(defaultKind: .iaaftDistribution)
        var entries: [BandsEntry] = []
        for path in files {
            do {
                for recording in try input.readChannels(path) {
                    let source = recording.provenance.source == path ? path : recording.provenance.source
                    let analysis = try BandAnalysis(recording: recording, settings: settings)
                    let test = try surrogates.map { try BandSurrogateTest(recording: recording, settings: settings, observed: analysis, options: $0) }
                    for d in analysis.diagnostics + (test?.diagnostics ?? []) { printDiagnostic("\(source): \(d)") }
                    entries.append(BandsEntry(record: RecordingBandsRecord(source: source, analysis: analysis, startTime: recording.clockStart?.text),
                                              analysis: analysis, test: test))
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                entries.append(BandsEntry(record: RecordingBandsRecord(source: path, error: error.description), analysis: nil, test: nil))
            }
        }
        if let surrogates {
            try BandsSurrogateOutput.write(format, settings: settings, options: surrogates, entries: entries)
        } else {
            try StandardOutput.write(BandsEntry.output(entries, format: format, settings: settings))
        }
        if entries.contains(where: { $0.record.error != nil }) { throw ExitCode.failure }
    }
}

/// One analysed input of `ldf bands`: its JSON record and, when it succeeded, the analysis the
/// CSV and table rows come from.
struct BandsEntry {
    var record: RecordingBandsRecord
    var analysis: BandAnalysis?
    var test: BandSurrogateTest?

    /// The whole output in `format`, ending with a line break.
    static func output(_ entries: [BandsEntry], format: OutputFormat, settings: BandAnalysisSettings) throws -> String {
        switch format {
        case .json:
            return try ReportJSON.string(BandsOutputRecord(settings: settings, recordings: entries.map(\.record))) + "\n"
        case .csv:
            return CSVTable(rows: entries.compactMap(\.analysis).flatMap { BandTableRow.rows($0, settings: settings) }).text
        case .table:
            return entries.compactMap(\.analysis).map { BandAnalysisText.lines($0).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
        }
    }
}
