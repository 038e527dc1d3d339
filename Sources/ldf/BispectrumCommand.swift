import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFReport
import LDFSpectral

/// `ldf bispectrum A [B]`: wavelet bispectra, biphase and biamplitude (MODA's bispectrum window).
struct BispectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bispectrum",
        abstract: "Wavelet bispectrum of one signal or a pair (111, 222, 122, 211), with surrogate significance and biphase over time.",
        discussion: """
            B(f1, f2) = mean over t of W(f1) W(f2) conj(W(f1 + f2)) with MODA's Morlet wavelet transform, \
            W at the exact sum frequency (MODA's bispecWavNew; Jamsek et al. 2007). One file gives the \
            auto-bispectrum 111; two files (or one with --channels X,Y) also 222 and the cross-bispectra \
            122 (W1(f1) W2(f2) conj(W2(f1+f2))) and 211. A pair is defined, as in MODA, when f1 + f2 <= \
            fmax and a grid frequency lies between max(f1, f2) and f1 + f2; auto-bispectra list f1 <= f2 \
            only. --surrogates N tests |B| against N seeded surrogates (iaaft2 by default, as MODA): \
            threshold = K-th largest surrogate value. --biphase F1,F2 (repeatable) follows biamplitude \
            |x(t)| and biphase arg x(t) over time; a steady biphase marks quadratic phase coupling. Same \
            grid, cone and preprocessing options as `ldf bands`.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var spectral: SpectralOptions
    @OptionGroup var pair: ChannelPairOptions
    @OptionGroup var surrogateTest: SurrogateTestOptions

    @Option(help: ArgumentHelp("Bispectra to compute, e.g. 111,122 (default: 111 for one signal, all four for two).", valueName: "K,..."))
    var kinds: String?

    @Option(help: ArgumentHelp("Follow biamplitude and biphase over time at F1,F2 Hz (repeatable).", valueName: "F1,F2"))
    var biphase: [String] = []

    @Option(help: "Output format: table, csv (tidy: one row per kind and frequency pair, and per time with --biphase) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("One recording (auto-bispectrum), two, or one with --channels X,Y; - reads standard input.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        try pair.validate(files: files, allowSingle: true)
        do { try settings().validate() } catch let error as LDFError { throw ValidationError(error.description) }
    }

    func settings() throws -> BispectrumSettings {
        let parsedKinds = try kinds.map { text in
            try text.split(separator: ",").map { part -> BispectrumKind in
                let name = part.trimmingCharacters(in: .whitespaces)
                guard let kind = BispectrumKind(rawValue: name) else {
                    throw LDFError("--kinds", "unknown bispectrum '\(name)'", fix: "use 111, 222, 122 or 211")
                }
                return kind
            }
        }
        return BispectrumSettings(spectral: try spectral.settings(), kinds: parsedKinds,
                                  surrogates: surrogateTest.options(defaultKind: .iaaftSpectrum),
                                  biphasePairs: try biphase.map { try FrequencyPair(parsing: $0, option: "--biphase") })
    }

    func run() throws {
        let settings = try settings()
        let analysis = try pair.analysis(files, input: input, purpose: "the cross-bispectra of its channels",
                                         alone: { try BispectrumAnalysis(recording: $0, settings: settings) },
                                         both: { try BispectrumAnalysis($0, $1, settings: settings) })
        for d in analysis.diagnostics { printDiagnostic("\(files.joined(separator: ", ")): \(d)") }
        try BispectrumOutputRecord(settings: settings, analysis: analysis).write(format)
    }
}
