import LDFCore

/// The spectrum a band analysis was computed from.
public enum AnalysedSpectrum: Sendable, Equatable {
    case wavelet(TimeAveragedSpectrum)
    case welch(WelchSpectrum)
}

/// The band analysis of one recording: which stretch was analysed, the spectrum, the band
/// summaries and every diagnostic (gaps, Hampel, Nyquist, spectrum and band notes) in one list.
public struct BandAnalysis: Sendable {
    /// The recording's source path ("-" for standard input).
    public var source: String
    /// Name of the analysed channel.
    public var channel: String
    /// Unit of the perfusion channel (e.g. "PU"); amplitudes are in it, powers in its square.
    public var unit: String
    public var sampleRateHz: Double
    /// Start (from the first sample) and length of the analysed stretch, in seconds.
    public var startSeconds: Double
    public var analysedSeconds: Double
    /// The recording's first sample on its own time axis; `fileStartSeconds` is the stretch's
    /// start as users read it.
    public var timeOriginSeconds: Double
    public var fileStartSeconds: Double { timeOriginSeconds + startSeconds }
    /// The Hampel filter's work, when it was applied.
    public var hampel: HampelResult?
    public var spectrum: AnalysedSpectrum
    public var report: BandSummaryReport
    /// Notes on the signal and the spectrum (gaps, Hampel, Nyquist, welch segment, transform).
    public var signalDiagnostics: [Diagnostic]
    /// `signalDiagnostics` followed by the band notes of `report`.
    public var diagnostics: [Diagnostic] { signalDiagnostics + report.diagnostics }

    /// The decimated scalogram of the analysed stretch, when one was asked for.
    public var scalogram: BandScalogram?

    /// Runs the analysis `settings` describe on `recording`'s perfusion channel; with
    /// `scalogramStepSeconds` (wavelet method only) also the scalogram at that time step.
    /// - Throws: `LDFError` for an unusable signal (no valid or only constant samples), an fmax
    ///   above the recording's Nyquist frequency, or options the wavelet transform rejects.
    public init(recording: Recording, settings: BandAnalysisSettings, scalogramStepSeconds: Double? = nil) throws {
        try settings.validate()
        let source = recording.provenance.source
        let input = try BandAnalysisInput(recording: recording, hampel: settings.hampel)
        let range = try settings.frequencyRange(sampleRateHz: input.sampleRateHz, source: source)
        var diagnostics = input.diagnostics + range.notes
        let seconds = input.durationSeconds
        let analysed: AnalysedSpectrum
        switch settings.method {
        case .wavelet:
            var options = settings.wavelet
            options.fminHz = range.low
            options.fmaxHz = range.high
            let transform = try WaveletTransform(sampleCount: input.values.count, sampleRateHz: input.sampleRateHz, options: options)
            let spectrum = try Self.waveletSpectrum(input, transform: transform, includeEdges: settings.includeEdges)
            if let step = scalogramStepSeconds {
                scalogram = try BandScalogram(input, transform: transform, timeStepSeconds: step)
            }
            diagnostics += spectrum.diagnostics
            analysed = .wavelet(spectrum)
            report = BandSummaryReport(spectrum: spectrum, bandSet: settings.bandSet, analysedSeconds: seconds,
                                       rule: settings.validityRule)
        case .welch:
            precondition(scalogramStepSeconds == nil, "a scalogram needs the wavelet method")
            let length = settings.welch.segmentLength(sampleRateHz: input.sampleRateHz, sampleCount: input.values.count,
                                                      lowestHz: range.low)
            if let asked = settings.welch.segmentSeconds, asked > seconds {
                diagnostics.append(.warning("welch_segment_capped",
                    "\(parameter: "welchSegment") \(MessageNumber.short(asked)) s is longer than the analysed \(MessageNumber.short(seconds)) s; one segment of the whole stretch was used"))
            }
            let estimator = WelchEstimator(segmentLength: length, overlapLength: settings.welch.overlapLength(segmentLength: length),
                                           sampleRateHz: input.sampleRateHz)
            let spectrum = estimator.estimate(input.values)
            analysed = .welch(spectrum)
            report = BandSummaryReport(welch: spectrum, bandSet: settings.bandSet, fminHz: range.low, fmaxHz: range.high,
                                       analysedSeconds: seconds, rule: settings.validityRule)
        }
        report.explainBandsAboveNyquist(input.sampleRateHz / 2, sampleRateHz: input.sampleRateHz)
        self.source = source
        self.channel = recording.perfusion.name
        self.unit = recording.perfusion.unit
        self.sampleRateHz = input.sampleRateHz
        self.startSeconds = input.startSeconds
        self.timeOriginSeconds = input.timeOriginSeconds
        self.analysedSeconds = seconds
        self.hampel = input.hampel
        self.spectrum = analysed
        self.signalDiagnostics = diagnostics
    }

    /// The time-averaged wavelet spectrum; when no frequency has a coefficient inside the cone of
    /// influence (recording too short for the whole range) every value is NaN with valid fraction
    /// 0, so each band reports that reason instead of the analysis failing.
    static func waveletSpectrum(_ input: BandAnalysisInput, transform: WaveletTransform, includeEdges: Bool) throws -> TimeAveragedSpectrum {
        let anyValid = transform.frequenciesHz.indices.contains { transform.cone.validCount($0) > 0 }
        if anyValid || includeEdges {
            return try transform.timeAveragedSpectrum(of: input.values, includeEdges: includeEdges)
        }
        let count = transform.frequenciesHz.count
        let nan = [Double](repeating: .nan, count: count)
        return TimeAveragedSpectrum(frequenciesHz: transform.frequenciesHz, amplitude: nan, power: nan,
                                    validFraction: [Double](repeating: 0, count: count), edgesIncluded: false,
                                    options: transform.options)
    }
}

extension BandSummaryReport {
    /// Replaces the reason of bands at or above the Nyquist frequency with that fact.
    mutating func explainBandsAboveNyquist(_ nyquist: Double, sampleRateHz: Double) {
        for i in bands.indices where bands[i].band.lowHz >= nyquist && !bands[i].isAvailable {
            bands[i].reason = Self.aboveNyquistReason(nyquist, sampleRateHz: sampleRateHz)
        }
        diagnostics = diagnostics.filter { $0.code != "band_unavailable" } + Self.unavailableDiagnostics(bands)
    }

    /// The reason of a band at or above the Nyquist frequency.
    static func aboveNyquistReason(_ nyquist: Double, sampleRateHz: Double) -> String {
        "the band lies above the Nyquist frequency \(MessageNumber.short(nyquist)) Hz of a \(MessageNumber.short(sampleRateHz)) Hz recording"
    }
}
