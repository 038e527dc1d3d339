import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFSpectral

/// `ldf harmonics FILE`: the harmonic finder (MODA's, as PyMODAlib's `harmonicfinder`).
struct HarmonicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harmonics",
        abstract: "Harmonic finder: which oscillations are harmonics of one another (phase mutual information against AAFT surrogates).",
        discussion: """
            For every pair of wavelet scales (scales 1/fmax ... 1/fmin, neighbours --scale-ratio apart, \
            one step beyond fmin as the reference), the mutual information between the wavelet phase at \
            f1 and at f2 > f1, each phase put in --bins equal-population bins, normalised by the entropy \
            of the f2 phase (0 to 1); the phases are taken every --time-resolution seconds, leaving out \
            each scale's margin at both ends (Sheppard, Stefanovska & McClintock 2011; PyMODAlib's \
            harmonicfinder, whose defaults these are). The same measure with the f2 phase from each of \
            --surrogates AAFT surrogates of the signal gives the surrogate mean and SD, the significance \
            in surrogate SDs and how many surrogates fall below. The table lists the strongest candidate \
            pairs (f2/f1 >= 1.5, local maxima of the excess over the surrogate mean); csv has one row per pair f1 < f2; json both. The \
            recording's longest gap-free stretch is analysed, not detrended.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Lowest frequency in Hz (largest scale 1/fmin)." + OptionRanges.harmonicsFmin.help, valueName: "HZ"))
    var fmin: Double = HarmonicFinderSettings.defaultFminHz

    @Option(help: ArgumentHelp("Highest frequency in Hz (default: 2, lowered to the Nyquist frequency)." + OptionRanges.fmax.help, valueName: "HZ"))
    var fmax: Double?

    @Option(name: .customLong("scale-ratio"), help: ArgumentHelp("Ratio of neighbouring wavelet scales (PyMODAlib's sigma)." + OptionRanges.scaleRatio.help,
                                                                 valueName: "RATIO"))
    var scaleRatio: Double = 1.05

    @Option(name: .customLong("time-resolution"),
            help: ArgumentHelp("Spacing of the phase times; a whole number of samples dividing 1 s." + OptionRanges.timeResolution.help, valueName: "SECONDS"))
    var timeResolution: Double = 0.1

    @Option(help: ArgumentHelp("Equal-population bins per phase." + OptionRanges.phaseBins.help, valueName: "N"))
    var bins: Int = 24

    @Option(help: ArgumentHelp("Number of AAFT surrogates (0: no significance)." + OptionRanges.surrogates.help, valueName: "N"))
    var surrogates: Int = 10

    @Option(help: ArgumentHelp("Seed of the surrogates (the same seed gives the same surrogates on every run).", valueName: "N"))
    var seed: UInt64 = 1

    @Option(help: "Output format: table (the strongest pairs), csv (tidy: one row per frequency pair) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("The recording; - reads standard input.", valueName: "FILE"))
    var file: String

    func validate() throws {
        try OptionRanges.harmonicsFmin.check(fmin)
        try OptionRanges.fmax.check(fmax)
        try OptionRanges.scaleRatio.check(scaleRatio)
        try OptionRanges.timeResolution.check(timeResolution)
        try OptionRanges.phaseBins.check(bins)
        try OptionRanges.surrogates.check(surrogates)
        do { try settings.validate() } catch let error as LDFError { throw ValidationError(error.description) }
    }

    var settings: HarmonicFinderSettings {
        HarmonicFinderSettings(fminHz: fmin, fmaxHz: fmax, scaleRatio: scaleRatio, timeResolutionSeconds: timeResolution, bins: bins,
                               surrogateCount: surrogates, seed: seed)
    }

    func run() throws {
        let analysis = try HarmonicAnalysis(recording: try input.read(file), settings: settings)
        for d in analysis.diagnostics { printDiagnostic("\(file): \(d)") }
        try HarmonicsOutputRecord(settings: settings, analysis: analysis).write(format)
    }
}
