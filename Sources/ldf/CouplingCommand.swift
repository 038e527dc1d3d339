import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFCoupling
import LDFSpectral

/// `ldf coupling A [B] --bands X,Y`: dynamical Bayesian inference of phase coupling (MODA's
/// Bayesian window).
struct CouplingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coupling",
        abstract: "Phase coupling between two oscillations by dynamical Bayesian inference: strengths both ways and directionality over time.",
        discussion: """
            The first signal is band-pass filtered to band X and the second to band Y (one file without \
            --channels: both bands of its perfusion channel), their phases taken from the Hilbert \
            transform, and MODA's coupled phase model inferred window by window (Stankovski et al. 2012): \
            coupling strength 2 -> 1 and 1 -> 2 (norms of the inferred Fourier coefficients, MODA's dirc) \
            and directionality (c12 - c21)/(c12 + c21), positive when 1 drives 2. Defaults as MODA: \
            window 10 x the longest period (10 / lowest band edge), no overlap, propagation constant 0.2, \
            Fourier order 2. --surrogates N tests each window against N cycle-permuted (CPP) surrogate \
            phase pairs (threshold: K-th largest). Bands are preset names (--preset) or LO-HI in Hz.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var pair: ChannelPairOptions
    @OptionGroup var surrogateTest: SurrogateTestOptions

    @Option(help: ArgumentHelp("The two bands: names of the preset's bands or LO-HI in Hz, e.g. respiratory,cardiac or 0.145-0.6,0.6-2.",
                               valueName: "X,Y"))
    var bands: String

    @Option(help: "Band preset the names refer to.")
    var preset: BandPreset = .stefanovska

    @Option(help: ArgumentHelp("Window in seconds (default: 10 x the longest period, 10 / lowest band edge)." + OptionRanges.couplingWindow.help, valueName: "SECONDS"))
    var window: Double?

    @Option(help: ArgumentHelp("Step between windows in seconds (default: the window, no overlap)." + OptionRanges.couplingStep.help, valueName: "SECONDS"))
    var step: Double?

    @Option(help: ArgumentHelp("Propagation constant between windows (MODA's 0.2)." + OptionRanges.propagation.help, valueName: "C"))
    var propagation: Double = 0.2

    @Option(help: ArgumentHelp("Fourier order of the phase model's base functions (MODA's 2)." + OptionRanges.order.help, valueName: "N"))
    var order: Int = 2

    @Option(help: "Output format: table, csv (one row per window) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("One recording (both bands of it), two, or one with --channels X,Y; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try OptionRanges.couplingWindow.check(window)
        try OptionRanges.couplingStep.check(step)
        try OptionRanges.propagation.check(propagation)
        try OptionRanges.order.check(order)
        try pair.validate(files: files, allowSingle: true)
        do { try settings().validate() } catch let error as LDFError { throw ValidationError(error.description) }
    }

    /// The two bands of `--bands`: preset names or LO-HI ranges.
    func parsedBands() throws -> (Band, Band) {
        let set = preset.bandSet
        let parts = bands.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else {
            throw LDFError("--bands", "'\(bands)' is not two bands", fix: "give two band names or LO-HI ranges, e.g. --bands respiratory,cardiac")
        }
        return try (set.band(argument: parts[0], option: "--bands"), set.band(argument: parts[1], option: "--bands"))
    }

    func settings() throws -> CouplingSettings {
        let (x, y) = try parsedBands()
        return CouplingSettings(band1: x, band2: y, windowSeconds: window, stepSeconds: step, propagationConstant: propagation, order: order,
                                surrogates: surrogateTest.options(defaultKind: .cyclePhasePermutation))
    }

    func run() throws {
        let settings = try settings()
        let analysis = try pair.analysis(files, input: input, purpose: "the coupling between its channels",
                                         alone: { try CouplingAnalysis(CoherenceSignal(recording: $0), nil, settings: settings) },
                                         both: { try CouplingAnalysis($0, $1, settings: settings) })
        for d in analysis.diagnostics { printDiagnostic("\(files.joined(separator: ", ")): \(d)") }
        try CouplingOutputRecord(settings: settings, analysis: analysis).write(format)
    }
}
