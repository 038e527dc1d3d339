import ArgumentParser
import Foundation
import LDFCore
import LDFSpectral

/// `ldf bands FILE...`: band amplitudes and powers of one or more recordings.
struct BandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bands",
        abstract: "Band amplitudes and powers (time-averaged wavelet spectrum, or Welch) of one or more recordings.",
        discussion: """
            Per band: amplitude and power (mean of the time-averaged wavelet spectrum over the band's \
            frequencies; for --method welch the integral of the power spectral density and its square \
            root), relative values against the whole fmin–fmax range, relative power by medians, the \
            peak, and the share of coefficients inside the cone of influence. A band that cannot be \
            computed is reported with no value and the reason. --channel all (or a list such as 1,3) \
            analyses several probes of one file in turn; every row and JSON entry names its channel, \
            and times are on the file's own axis (time_origin_s is its first sample). Recordings with gaps are analysed on \
            their longest gap-free stretch (with a warning). Results go to standard output, warnings \
            to standard error; the exit status is 1 when any file failed.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var spectral: SpectralOptions
    @OptionGroup var surrogateTest: SurrogateTestOptions

    @Option(help: "Output format: table, csv (one row per recording and band) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Recording files; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        let settings = try spectral.settings()
        let surrogates = surrogateTest.options(defaultKind: .iaaftDistribution)
        var entries: [RecordingBandsJSON] = []
        var tests: [BandSurrogateTest?] = []
        for path in files {
            do {
                for recording in try input.readChannels(path) {
                    let source = recording.provenance.source == path ? path : recording.provenance.source
                    let analysis = try BandAnalysis(recording: recording, settings: settings)
                    let test = try surrogates.map { try BandSurrogateTest(recording: recording, settings: settings, observed: analysis, options: $0) }
                    for d in analysis.diagnostics + (test?.diagnostics ?? []) { printDiagnostic("\(source): \(d)") }
                    entries.append(RecordingBandsJSON(source: source, analysis: analysis, startTime: recording.clockStart?.text))
                    tests.append(test)
                }
            } catch let error as LDFError {
                printDiagnostic("error: \(error)")
                entries.append(RecordingBandsJSON(source: path, error: error.description))
                tests.append(nil)
            }
        }
        if let surrogates {
            try BandsSurrogateOutput.print(format, settings: settings, options: surrogates, entries: entries, tests: tests)
        } else {
            switch format {
            case .json:
                print(try JSONOutput.string(BandsOutputJSON(settings: settings, recordings: entries)))
            case .csv:
                print(SpectralText.bandColumns.joined(separator: ","))
                for analysis in entries.compactMap(\.analysis) {
                    SpectralText.bandCSVRows(analysis, settings: settings).forEach { print($0) }
                }
            case .table:
                print(entries.compactMap(\.analysis).map(SpectralText.bandTable).joined(separator: "\n\n"))
            }
        }
        if entries.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }
}
