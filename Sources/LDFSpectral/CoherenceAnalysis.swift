import LDFCore

/// The coherence analysis of one signal pair: alignment, the coherence spectrum, band
/// summaries, optionally the time-localised coherence and a surrogate test, with every
/// diagnostic in one list.
public struct CoherenceAnalysis: Sendable {
    /// The two sides as given (source, channel).
    public var first: CoherenceSignal.Identity
    public var second: CoherenceSignal.Identity
    public var sampleRateHz: Double
    /// Start and length of the analysed common stretch, seconds on the first signal's clock.
    public var startSeconds: Double
    public var analysedSeconds: Double
    public var spectrum: CoherenceSpectrum
    public var bands: CoherenceBandReport
    public var timeLocalised: [TimeLocalisedCoherence]?
    public var surrogateTest: CoherenceSurrogateTest?
    /// Alignment, gap, Hampel, range, transform, surrogate and band notes.
    public var diagnostics: [Diagnostic]

    /// Runs the analysis `settings` describe on the pair `a`, `b`.
    /// - Throws: `LDFError` for invalid settings, signals that do not overlap or are constant,
    ///   an fmax above the common Nyquist frequency, or options the wavelet transform rejects.
    public init(_ a: CoherenceSignal, _ b: CoherenceSignal, settings: CoherenceSettings) throws {
        try settings.validate()
        let input = try CoherencePairInput(a, b, hampel: settings.spectral.hampel)
        let source = a.source == b.source ? a.source : "\(a.source), \(b.source)"
        let range = try settings.spectral.frequencyRange(sampleRateHz: input.sampleRateHz, source: source)
        var options = settings.spectral.wavelet
        options.fminHz = range.low
        options.fmaxHz = range.high
        let transform = try WaveletTransform(sampleCount: input.first.count, sampleRateHz: input.sampleRateHz, options: options)
        let analyzer = CoherenceAnalyzer(transform: transform, includeEdges: settings.spectral.includeEdges)
        let spectrum = try analyzer.coherence(input.first, input.second)
        var notes = input.diagnostics + range.notes
        let empty = spectrum.sampleCounts.filter { $0 == 0 }.count
        if empty > 0 {
            notes.append(.warning("no_valid_coefficients",
                "\(empty) of \(spectrum.frequenciesHz.count) frequencies (below about \(MessageNumber.short(transform.lowestResolvableFrequencyHz)) Hz) have no coefficient inside the cone of influence: their coherence is null"))
        }
        if settings.timeLocalised {
            timeLocalised = try analyzer.timeLocalised(input.first, input.second, windowCycles: settings.windowCycles)
        }
        if let surrogates = settings.surrogates {
            let test = try analyzer.surrogateTest(input.first, input.second, options: surrogates)
            notes += test.diagnostics
            surrogateTest = test
        }
        bands = CoherenceBandReport(spectrum: spectrum, bandSet: settings.spectral.bandSet, test: surrogateTest)
        first = a.identity
        second = b.identity
        sampleRateHz = input.sampleRateHz
        startSeconds = input.startSeconds
        analysedSeconds = input.durationSeconds
        self.spectrum = spectrum
        diagnostics = notes + bands.diagnostics
    }
}

extension CoherenceSignal {
    /// Which file and channel a side of a pair came from.
    public struct Identity: Sendable, Equatable {
        public var source: String
        public var channelName: String
        /// The channel's unit ("" when the file gives none).
        public var unit: String
    }

    public var identity: Identity { Identity(source: source, channelName: channelName, unit: unit) }
}
