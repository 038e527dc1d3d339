import LDFCore

/// The harmonic finder on one recording's perfusion channel: its longest gap-free stretch
/// (`BandAnalysisInput`, not detrended, as the reference), the grid and the surrogate test.
/// Methods: docs/METHODS.md §19.
public struct HarmonicAnalysis: Sendable {
    public var source: String
    public var channel: String
    /// Unit of the perfusion channel.
    public var unit: String
    public var sampleRateHz: Double
    /// Start of the analysed stretch in the file's time, seconds.
    public var fileStartSeconds: Double
    public var analysedSeconds: Double
    /// The resolved frequency range, Hz (fmax lowered to Nyquist when not given).
    public var fminHz: Double
    public var fmaxHz: Double
    public var result: HarmonicFinderResult
    public var diagnostics: [Diagnostic]

    /// - Throws: `LDFError` for invalid settings, a channel without a usable (non-constant)
    ///   stretch, fmax above Nyquist or a stretch too short for fmin.
    public init(recording: Recording, settings: HarmonicFinderSettings) throws {
        try settings.validate()
        let input = try BandAnalysisInput(recording: recording)
        let fmax = try settings.resolvedFmaxHz(sampleRateHz: input.sampleRateHz)
        let grid: HarmonicWaveletGrid
        do {
            grid = try HarmonicWaveletGrid(sampleCount: input.values.count, sampleRateHz: input.sampleRateHz, fminHz: settings.fminHz,
                                           fmaxHz: fmax, settings: settings)
        } catch var error as LDFError where error.context == "signal" {
            error.context = recording.provenance.source
            throw error
        }
        result = try HarmonicFinder(grid: grid, settings: settings).analyse(input.values)
        source = recording.provenance.source
        channel = recording.perfusion.name
        unit = recording.perfusion.unit
        sampleRateHz = input.sampleRateHz
        fileStartSeconds = input.timeOriginSeconds + input.startSeconds
        analysedSeconds = input.durationSeconds
        fminHz = settings.fminHz
        fmaxHz = fmax
        diagnostics = input.diagnostics
    }
}
