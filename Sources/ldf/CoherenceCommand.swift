import ArgumentParser
import Foundation
import LDFCore
import LDFSpectral

/// `ldf coherence A B` or `ldf coherence FILE --channels X,Y`: wavelet phase coherence of a pair.
struct CoherenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coherence",
        abstract: "Wavelet phase coherence of two signals per frequency and band, with surrogate significance.",
        discussion: """
            Phase coherence |mean exp(i(phi1 - phi2))| of the two signals' Morlet wavelet phases \
            (MODA's wphcoh; Bandrivskyy et al. 2004, Sheppard et al. 2012) over the cone of influence, \
            per frequency and averaged per band, with the mean phase difference (radians, positive when \
            the first signal leads). Same grid, cone and options as `ldf bands`. The pair is analysed at \
            the lower sampling rate, over the time both cover (aligned by the files' start times when \
            both have one), on the longest stretch where both are gap-free; each step is reported. \
            --surrogates N tests each value against N seeded surrogate pairs: the threshold is the K-th \
            largest surrogate value (rank test) or a percentile, and excess = coherence - threshold. \
            Results go to standard output, notes to standard error.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var spectral: SpectralOptions
    @OptionGroup var coherence: CoherenceCommandOptions

    @Option(help: "Output format: table, csv (tidy: one row per band and frequency, and time with --time-localised) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("Two recordings, or one with --channels X,Y; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard files.count == 2 || (files.count == 1 && coherence.channels != nil) else {
            throw ValidationError("give two files, or one file with --channels X,Y (got \(files.count) file(s))")
        }
        if files.count == 2 && files[0] == "-" && files[1] == "-" {
            throw ValidationError("standard input can be read only once; give it as one of the files, or use --channels")
        }
    }

    func run() throws {
        let settings = CoherenceSettings(spectral: try spectral.settings(), windowCycles: coherence.windowCycles,
                                         timeLocalised: coherence.timeLocalised, surrogates: coherence.surrogateTest.options)
        do {
            let (a, b) = try signals()
            let analysis = try CoherenceAnalysis(a, b, settings: settings)
            for d in analysis.diagnostics { printDiagnostic("\(files.joined(separator: ", ")): \(d)") }
            switch format {
            case .json:
                print(try JSONOutput.string(CoherenceOutputJSON(settings: settings, analysis: analysis)))
            case .csv:
                print(CoherenceText.columns.joined(separator: ","))
                CoherenceText.csvRows(analysis, settings: settings).forEach { print($0) }
            case .table:
                print(CoherenceText.table(analysis))
            }
        } catch let error as LDFError {
            printDiagnostic("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// The two sides: two channels of one file, or one channel of each of two files.
    func signals() throws -> (CoherenceSignal, CoherenceSignal) {
        let pair = try coherence.channelPair()
        if files.count == 1 {
            let recording = try input.read(files[0]).resampledToCommonGrid(for: "coherence between its channels")
            guard let pair else { throw LDFError("--channels", "one file needs two channels", fix: "add --channels X,Y") }
            let names = recording.channels.map(\.name)
            let first = try pair.0.resolve(in: names, source: files[0]), second = try pair.1.resolve(in: names, source: files[0])
            guard first != second else {
                throw LDFError("--channels", "both select channel '\(names[first])'", fix: "name two different channels")
            }
            return (CoherenceSignal(recording: recording, channelIndex: first), CoherenceSignal(recording: recording, channelIndex: second))
        }
        let recordings = try files.map { try input.read($0) }
        let indices = try [pair?.0, pair?.1].enumerated().map { i, selector in
            try selector.map { try $0.resolve(in: recordings[i].channels.map(\.name), source: files[i]) }
        }
        return (CoherenceSignal(recording: recordings[0], channelIndex: indices[0]),
                CoherenceSignal(recording: recordings[1], channelIndex: indices[1]))
    }
}
