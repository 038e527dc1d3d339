import ArgumentParser
import LDFCore
import LDFSpectral

/// Spectral-analysis options shared by `ldf bands` and `ldf spectrum`.
struct SpectralOptions: ParsableArguments {
    @Option(help: "Band preset (default: stefanovska; docs/METHODS.md §2).")
    var preset: BandPreset?

    @Option(help: ArgumentHelp("Own bands instead of a preset, in Hz, e.g. myogenic:0.052-0.145,cardiac:0.6-2.",
                               valueName: "NAME:LO-HI,..."))
    var bands: String?

    @Option(help: "Spectral method: wavelet (time-averaged MODA wavelet spectrum) or welch.")
    var method: SpectralMethod = .wavelet

    @Option(help: "Transform: wavelet, or wft (MODA's windowed Fourier transform, Gaussian window).")
    var transform: TransformKind = .wavelet

    @Option(help: "Mother wavelet.")
    var wavelet: WaveletKind = .morlet

    @Option(help: ArgumentHelp("Resolution parameter f0: the wavelet's (default 1; w0 = 2 pi f0 for the Morlet)" + OptionRanges.f0.help
                               + ", or with --transform wft the Gaussian window's SD in seconds (default MODA's 1 / fmin)" + OptionRanges.windowF0.help + ".",
                               valueName: "F0"))
    var f0: Double?

    @Option(help: ArgumentHelp("Voices per octave (default: MODA's automatic choice, 31 for the Morlet with f0 = 1)." + OptionRanges.voices.help, valueName: "N"))
    var voices: Int?

    @Option(help: ArgumentHelp("Lowest analysed frequency in Hz (default: the band set's lowest edge)." + OptionRanges.fmin.help, valueName: "HZ"))
    var fmin: Double?

    @Option(help: ArgumentHelp("Highest analysed frequency in Hz (default: the band set's highest edge, lowered to the Nyquist frequency)." + OptionRanges.fmax.help,
                               valueName: "HZ"))
    var fmax: Double?

    @Flag(name: .customLong("no-preprocess"), help: "Skip MODA's preprocessing (cubic detrend and FFT band-pass to fmin–fmax).")
    var noPreprocess = false

    @Option(help: "Padding of the signal's ends (predictive: MODA's forecast).")
    var padding: Padding = .predictive

    @Option(help: "Cone of influence: moda (eps = 1%) or torrence-compo (Hultman's e-folding rule).")
    var cone: ConeOfInfluenceRule = .moda

    @Flag(name: .customLong("include-edges"), help: "Average wavelet coefficients outside the cone of influence too.")
    var includeEdges = false

    @Option(name: .customLong("welch-segment"),
            help: ArgumentHelp("Welch segment length (default: 5 cycles of fmin, e.g. 1000 s for 0.005 Hz, at most the recording)." + OptionRanges.welchSegment.help,
                               valueName: "SECONDS"))
    var welchSegment: Double?

    @Option(name: .customLong("welch-overlap"), help: ArgumentHelp("Welch segment overlap as a fraction." + OptionRanges.welchOverlap.help, valueName: "FRACTION"))
    var welchOverlap: Double = 0.5

    @OptionGroup var hampel: HampelOptionGroup

    /// Option errors exit with the usage status (64) and the option's own message.
    func validate() throws {
        try (transform == .wft ? OptionRanges.windowF0 : OptionRanges.f0).check(f0)
        try OptionRanges.voices.check(voices)
        try OptionRanges.fmin.check(fmin)
        try OptionRanges.fmax.check(fmax)
        try OptionRanges.welchSegment.check(welchSegment)
        try OptionRanges.welchOverlap.check(welchOverlap)
        do {
            try settings().validate()
        } catch let error as LDFError {
            throw ValidationError(error.description)
        }
    }

    /// The band set: `--bands` when given, else `--preset`.
    func bandSet() throws -> BandSet {
        if let bands {
            guard preset == nil else {
                throw LDFError("--preset/--bands", "both a preset and own bands were given", fix: "use one of them")
            }
            return try BandSet.parse(custom: bands)
        }
        return (preset ?? .stefanovska).bandSet
    }

    /// The analysis settings these options describe (not yet validated).
    func settings() throws -> BandAnalysisSettings {
        let set = try bandSet()
        let low = fmin ?? set.lowestHz
        let resolution = f0 ?? (transform == .wft ? WaveletOptions.defaultWindowF0(fminHz: low) : 1)
        let options = WaveletOptions(transform: transform, wavelet: wavelet, f0: resolution, voices: voices, fminHz: low,
                                     fmaxHz: fmax ?? set.highestHz, preprocess: !noPreprocess, padding: padding, coneRule: cone)
        return BandAnalysisSettings(
            bandSet: set, method: method, wavelet: options, fminHz: fmin, fmaxHz: fmax, includeEdges: includeEdges,
            welch: WelchOptions(segmentSeconds: welchSegment, overlapFraction: welchOverlap),
            hampel: hampel.filter(defaultWindowSeconds: HampelOptions().windowSeconds))
    }
}
