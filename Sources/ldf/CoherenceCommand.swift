import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
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
        try coherence.pair.validate(files: files, allowSingle: false)
    }

    func run() throws {
        let settings = CoherenceSettings(spectral: try spectral.settings(), windowCycles: coherence.windowCycles,
                                         timeLocalised: coherence.timeLocalised, surrogates: coherence.surrogateTest.options(defaultKind: .iaaftDistribution))
        let (a, b) = try coherence.pair.signals(files, input: input)
        let analysis = try CoherenceAnalysis(a, b, settings: settings)
        for d in analysis.diagnostics { printDiagnostic("\(files.joined(separator: ", ")): \(d)") }
        switch format {
        case .json:
            try StandardOutput.writeLine(ReportJSON.string(CoherenceOutputRecord(settings: settings, analysis: analysis)))
        case .csv:
            try StandardOutput.write(CSVTable(rows: CoherenceRow.rows(analysis, settings: settings)).text)
        case .table:
            try StandardOutput.writeLines(CoherenceText.lines(analysis))
        }
    }
}
