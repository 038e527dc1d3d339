import LDFCore

/// `BandComponentExtractor` on one recording's perfusion channel, band by band: the analysed
/// stretch (the longest gap-free one, `BandAnalysisInput`), each band's component or reason, and
/// the diagnostics.
public struct BandComponentAnalysis: Sendable {
    public var source: String
    public var channel: String
    /// Unit of the perfusion channel; amplitudes and components are in it.
    public var unit: String
    public var sampleRateHz: Double
    /// The stretch's first sample on the file's time axis, in seconds, and its length.
    public var fileStartSeconds: Double
    public var analysedSeconds: Double
    public var outcomes: [BandComponentOutcome]
    public var diagnostics: [Diagnostic]

    /// Extracts every band of `bands` from `recording`.
    /// - Throws: `LDFError` for an unusable signal (no or too few valid samples) or a signal the
    ///   transform rejects.
    public init(recording: Recording, bands: [Band], extractor: BandComponentExtractor) throws {
        let input = try BandAnalysisInput(recording: recording)
        source = recording.provenance.source
        channel = recording.perfusion.name
        unit = recording.perfusion.unit
        sampleRateHz = input.sampleRateHz
        fileStartSeconds = input.timeOriginSeconds + input.startSeconds
        analysedSeconds = input.durationSeconds
        outcomes = try bands.map { try extractor.extract(input.values, sampleRateHz: input.sampleRateHz, band: $0) }
        diagnostics = input.diagnostics + outcomes.compactMap { outcome in
            guard case .unavailable(let band, let reason) = outcome else { return nil }
            return .warning("no_component", "\(band.name): \(reason)")
        }
    }

    /// Time of sample `n` of the stretch on the file's axis, in seconds.
    public func timeSeconds(_ n: Int) -> Double { fileStartSeconds + Double(n) / sampleRateHz }
}
