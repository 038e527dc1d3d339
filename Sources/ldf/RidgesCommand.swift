import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFSpectral

/// `ldf ridges FILE --band NAME|LO-HI`: the dominant oscillation of each band over time (MODA's
/// filtering window).
struct RidgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ridges",
        abstract: "Instantaneous frequency, amplitude and phase of the dominant oscillation in each band over time (MODA's ridge extraction or band-pass filtering).",
        discussion: """
            Ridge method (default), as MODA's filtering window: the band's own wavelet transform (or \
            --transform wft) with fmin and fmax at the band's edges, the ridge by MODA's ecurve (scheme \
            II with path optimisation and its default penalties), and the component by rectfr's direct \
            reconstruction. --method butterworth band-passes instead (MODA's loop_butter order, zero \
            phase) and takes amplitude and phase from the Hilbert transform. Output: per band the mean \
            and SD of frequency and amplitude (table, or csv/json with --summary), or the tidy time \
            series (csv: time_s, band, frequency_hz, amplitude, phase_rad, component; json: both). A \
            band with no oscillation (flat signal, no amplitude peak inside it, above Nyquist) is \
            reported with the reason instead of numbers.
            """)

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("band"),
            help: ArgumentHelp("A band: a name of the preset's bands or LO-HI in Hz; repeat or separate with commas (e.g. --band cardiac,0.145-0.6).",
                               valueName: "NAME|LO-HI"))
    var bandArguments: [String] = []

    @Option(help: "Band preset the names refer to (default: stefanovska).")
    var preset: BandPreset?

    @Option(help: ArgumentHelp("Extraction: ridge (default; ecurve and rectfr) or butterworth (MODA's band-pass filter and Hilbert phase).",
                               valueName: "METHOD"))
    var method: ComponentMethod = .ridge

    @Option(help: ArgumentHelp("Transform for the ridge method: wavelet (default) or wft (windowed Fourier transform).", valueName: "KIND"))
    var transform: TransformKind = .wavelet

    @Option(help: ArgumentHelp("Wavelet: morlet (default) or lognormal.", valueName: "KIND"))
    var wavelet: WaveletKind = .morlet

    @Option(help: ArgumentHelp("Resolution f0: the wavelet's (default 1), or the WFT window's SD in seconds (default 1 / the band's low edge, MODA's).",
                               valueName: "F0"))
    var f0: Double?

    @Option(help: ArgumentHelp("Padding: zero, symmetric, periodic or predictive (default, MODA's).", valueName: "KIND"))
    var padding: Padding = .predictive

    @Flag(name: .customLong("no-preprocess"), help: "Skip MODA's preprocessing (cubic detrend and FFT band-pass to the band).")
    var noPreprocess = false

    @Flag(help: "Only the per-band summaries (csv and json).")
    var summary = false

    @Option(help: "Output format: table (per-band summaries), csv (the time series, or summaries with --summary) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("The recording; - reads standard input.", valueName: "FILE"))
    var file: String

    func validate() throws {
        do {
            let bands = try parsedBands()
            for band in bands where !(band.lowHz > 0 && band.lowHz < band.highHz && band.highHz.isFinite) {
                throw LDFError("--band", "'\(band.name)': the edges must satisfy 0 < LO < HI Hz", fix: "e.g. --band 0.6-2")
            }
            if let f0, !(f0 > 0 && f0.isFinite) {
                throw LDFError("--f0", "\(f0) must be positive", fix: "omit --f0 for MODA's default")
            }
            if method == .butterworth && (f0 != nil || transform != .wavelet) {
                throw LDFError("--method butterworth", "--f0 and --transform apply to the ridge method", fix: "drop them, or use --method ridge")
            }
        } catch let error as LDFError {
            throw ValidationError(error.description)
        }
    }

    /// The bands of every `--band`, in order.
    func parsedBands() throws -> [Band] {
        let set = (preset ?? .stefanovska).bandSet
        let texts = bandArguments.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        guard !texts.isEmpty else {
            throw LDFError("--band", "no band given", fix: "e.g. --band cardiac or --band 0.6-2 (names of preset \(set.name): \(set.bands.map(\.name).joined(separator: ", ")))")
        }
        return try texts.map { try set.band(argument: $0, option: "--band") }
    }

    func extractor() -> BandComponentExtractor {
        let options = WaveletOptions(transform: transform, wavelet: wavelet, f0: transform == .wavelet ? (f0 ?? 1) : 1, fminHz: 1, fmaxHz: 2,
                                     preprocess: !noPreprocess, padding: padding)
        return BandComponentExtractor(method: method, transform: options, windowF0: transform == .wft ? f0 : nil)
    }

    func run() throws {
        do {
            let analysis = try BandComponentAnalysis(recording: try input.read(file), bands: try parsedBands(), extractor: extractor())
            for d in analysis.diagnostics { printDiagnostic("\(file): \(d)") }
            let report = RidgesOutputRecord(analysis: analysis, extractor: extractor(), includeSeries: !summary)
            switch format {
            case .json:
                try StandardOutput.writeLine(ReportJSON.string(report))
            case .csv where summary:
                try StandardOutput.write(CSVTable(rows: report.summaryRows).text)
            case .csv:
                try StandardOutput.writeLine(CSVWriter.record(ReportColumns.names(of: RidgesSeriesRow.self)))
                try RidgesSeriesRow.forEach(analysis) { try StandardOutput.writeLine(CSVWriter.record(ReportColumns.texts(of: $0))) }
            case .table:
                try StandardOutput.writeLines(report.textLines)
            }
        } catch let error as LDFError {
            printDiagnostic("error: \(error)")
            throw ExitCode.failure
        }
    }
}
