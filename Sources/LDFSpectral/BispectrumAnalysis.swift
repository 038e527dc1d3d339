import LDFCore

/// Every choice of a bispectrum analysis (`ldf bispectrum`), validated before any file is read.
public struct BispectrumSettings: Sendable, Equatable {
    /// Wavelet options, frequency range, cone (edges) and Hampel filter as for `ldf bands` (the
    /// method must be the wavelet; bands are not used).
    public var spectral: BandAnalysisSettings
    /// Kinds to compute; nil: 111 for one signal, all four for two.
    public var kinds: [BispectrumKind]?
    /// The surrogate test; nil for none (the default).
    public var surrogates: SurrogateOptions?
    /// Frequency pairs whose biamplitude and biphase are followed over time.
    public var biphasePairs: [FrequencyPair]

    public init(spectral: BandAnalysisSettings, kinds: [BispectrumKind]? = nil, surrogates: SurrogateOptions? = nil,
                biphasePairs: [FrequencyPair] = []) {
        self.spectral = spectral
        self.kinds = kinds
        self.surrogates = surrogates
        self.biphasePairs = biphasePairs
    }

    /// Checks what can be checked without a recording; errors name the CLI option.
    public func validate() throws {
        guard spectral.method == .wavelet else {
            throw LDFError("\(parameter: "method")", "the bispectrum needs the complex wavelet transform; '\(spectral.method.rawValue)' has no phase per time",
                           fix: "omit \(parameter: "method") (wavelet is the default)")
        }
        guard spectral.wavelet.transform == .wavelet else {
            throw LDFError("\(parameter: "transform")", "the wavelet bispectrum (MODA's bispecWavNew) is defined on the wavelet transform's log-spaced grid, not the windowed Fourier transform", fix: "omit \(parameter: "transform") (wavelet is the default)")
        }
        try spectral.validate()
        if let kinds, kinds.isEmpty {
            throw LDFError("\(parameter: "kinds")", "no bispectrum kind given", fix: "use e.g. \(parameter: "kinds") 111,122 or omit it for all")
        }
        try surrogates?.validate()
        if surrogates?.kind.needsPhase == true {
            throw LDFError("\(parameter: "surrogateType")", "cpp permutes the cycles of a phase; a bispectrum needs surrogates of the signals themselves",
                           fix: "use iaaft2 (the default, as MODA), iaaft1, aaft, ft or rp")
        }
    }
}

/// The bispectrum analysis of one signal (auto-bispectrum 111) or a pair (111, 222, 122, 211):
/// input selection and alignment, the grids, the optional surrogate test and biphase series,
/// with every diagnostic in one list.
public struct BispectrumAnalysis: Sendable {
    public var first: CoherenceSignal.Identity
    public var second: CoherenceSignal.Identity?
    public var sampleRateHz: Double
    /// Start and length of the analysed stretch, seconds (on the first signal's clock).
    public var startSeconds: Double
    public var analysedSeconds: Double
    /// Wavelet options with fmin, fmax and voices resolved.
    public var options: WaveletOptions
    public var grids: [BispectrumGrid]
    public var surrogateTest: BispectrumSurrogateTest?
    public var biphase: [BiphaseSeries]
    /// Grid pairs left undefined, by reason.
    public var undefined: BispectrumAnalyzer.UndefinedCounts
    public var diagnostics: [Diagnostic]

    /// The auto-bispectrum of `recording`'s perfusion channel (its longest gap-free stretch).
    /// - Throws: `LDFError` for invalid settings, an unusable signal or kinds other than 111.
    public init(recording: Recording, settings: BispectrumSettings) throws {
        try settings.validate()
        let input = try BandAnalysisInput(recording: recording, hampel: settings.spectral.hampel)
        let identity = CoherenceSignal(recording: recording).identity
        try self.init(first: identity, second: nil, values: [input.values], rate: input.sampleRateHz, start: input.startSeconds,
                      notes: input.diagnostics, settings: settings)
    }

    /// The bispectra of the pair `a`, `b`, aligned as for the coherence (`CoherencePairInput`).
    /// - Throws: `LDFError` for invalid settings, signals that do not overlap or are constant,
    ///   or a biphase pair out of range.
    public init(_ a: CoherenceSignal, _ b: CoherenceSignal, settings: BispectrumSettings) throws {
        try settings.validate()
        let input = try CoherencePairInput(a, b, hampel: settings.spectral.hampel)
        try self.init(first: a.identity, second: b.identity, values: [input.first, input.second], rate: input.sampleRateHz,
                      start: input.startSeconds, notes: input.diagnostics, settings: settings)
    }

    private init(first: CoherenceSignal.Identity, second: CoherenceSignal.Identity?, values: [[Double]], rate: Double,
                 start: Double, notes: [Diagnostic], settings: BispectrumSettings) throws {
        let source = second.map { "\(first.source), \($0.source)" } ?? first.source
        let range = try settings.spectral.frequencyRange(sampleRateHz: rate, source: source)
        var options = settings.spectral.wavelet
        options.fminHz = range.low
        options.fmaxHz = range.high
        let transform = try WaveletTransform(sampleCount: values[0].count, sampleRateHz: rate, options: options)
        let analyzer = BispectrumAnalyzer(transform: transform, includeEdges: settings.spectral.includeEdges)
        let kinds = settings.kinds ?? (values.count == 1 ? [.b111] : BispectrumKind.allCases)
        if values.count == 1, let kind = kinds.first(where: \.needsSecondSignal) {
            throw LDFError("\(parameter: "kinds")", "bispectrum \(kind.rawValue) needs a second signal", fix: "give two files (or \(parameter: "channels") X,Y), or ask for 111 only")
        }
        let other = values.count > 1 ? values[1] : nil
        for pair in settings.biphasePairs { try analyzer.check(pair) }
        grids = try analyzer.bispectra(values[0], other, kinds: kinds)
        biphase = try settings.biphasePairs.flatMap { try analyzer.biphase(values[0], other, kinds: kinds, pair: $0) }
        var diagnostics = notes + range.notes
        if let surrogates = settings.surrogates {
            let test = try analyzer.surrogateTest(values[0], other, kinds: kinds, options: surrogates)
            diagnostics += test.diagnostics
            surrogateTest = test
        }
        let undefined = analyzer.undefinedCounts
        if undefined.outsideCone > 0 {
            diagnostics.append(.warning("no_valid_coefficients",
                "\(undefined.outsideCone) frequency pairs have no time inside the cone of influence of the lower frequency (below about \(MessageNumber.short(transform.lowestResolvableFrequencyHz)) Hz): they are null"))
        }
        for series in biphase where series.reason != nil {
            diagnostics.append(.warning("biphase_empty", "biphase \(series.kind.rawValue) at \(MessageNumber.short(series.pair.f1Hz)), \(MessageNumber.short(series.pair.f2Hz)) Hz: \(series.reason!)"))
        }
        self.first = first
        self.second = second
        sampleRateHz = rate
        startSeconds = start
        analysedSeconds = Double(values[0].count) / rate
        self.options = transform.options
        self.undefined = undefined
        self.diagnostics = diagnostics
    }
}
