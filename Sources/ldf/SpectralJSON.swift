import LDFCore
import LDFSpectral

// JSON models of `ldf bands` and `ldf spectrum`. Optional values are encoded explicitly, so a
// missing value is `null` (never omitted, never NaN).

/// The analysis parameters, recorded in every JSON output.
struct SpectralParametersJSON: Encodable {
    var settings: BandAnalysisSettings

    enum Keys: String, CodingKey {
        case preset, bands, method, transform, wavelet, f0, voices, fmin, fmax, padding, cone, preprocessing
        case includeEdges = "include_edges", hampel, welch
    }
    enum HampelKeys: String, CodingKey { case windowSeconds = "window_s", threshold = "threshold_mads", widenSamples = "widen_samples" }
    enum WelchKeys: String, CodingKey { case segmentSeconds = "segment_s", overlap, window, detrend, scaling }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(settings.bandSet.name, forKey: .preset)
        try c.encode(settings.bandSet.bands.map(BandJSON.init), forKey: .bands)
        try c.encode(settings.method.rawValue, forKey: .method)
        try c.encode(settings.wavelet.transform.rawValue, forKey: .transform)
        try c.encode(settings.wavelet.kernelName, forKey: .wavelet)
        try c.encode(settings.wavelet.f0, forKey: .f0)
        try c.encode(settings.wavelet.voices, forKey: .voices)
        try c.encode(settings.fminHz ?? settings.bandSet.lowestHz, forKey: .fmin)
        try c.encode(settings.fmaxHz ?? settings.bandSet.highestHz, forKey: .fmax)
        try c.encode(settings.wavelet.padding.rawValue, forKey: .padding)
        try c.encode(settings.wavelet.coneRule.rawValue, forKey: .cone)
        try c.encode(settings.wavelet.preprocess, forKey: .preprocessing)
        try c.encode(settings.includeEdges, forKey: .includeEdges)
        if let hampel = settings.hampel {
            var h = c.nestedContainer(keyedBy: HampelKeys.self, forKey: .hampel)
            try h.encode(hampel.windowSeconds, forKey: .windowSeconds)
            try h.encode(hampel.threshold, forKey: .threshold)
            try h.encode(hampel.widenSamples, forKey: .widenSamples)
        } else {
            try c.encodeNil(forKey: .hampel)
        }
        var w = c.nestedContainer(keyedBy: WelchKeys.self, forKey: .welch)
        try w.encode(settings.welch.segmentSeconds, forKey: .segmentSeconds)
        try w.encode(settings.welch.overlapFraction, forKey: .overlap)
        try w.encode("hann", forKey: .window)
        try w.encode("constant", forKey: .detrend)
        try w.encode("density", forKey: .scaling)
    }
}

struct BandJSON: Encodable {
    var band: Band
    enum Keys: String, CodingKey { case name, lowHz = "low_hz", highHz = "high_hz" }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(band.name, forKey: .name)
        try c.encode(band.lowHz, forKey: .lowHz)
        try c.encode(band.highHz, forKey: .highHz)
    }
}

struct DiagnosticJSON: Encodable {
    var diagnostic: Diagnostic
    enum Keys: String, CodingKey { case severity, code, message }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(diagnostic.severity.rawValue, forKey: .severity)
        try c.encode(diagnostic.code, forKey: .code)
        try c.encode(diagnostic.message, forKey: .message)
    }
}

/// One band's summary: values or null with the reason.
struct BandSummaryJSON: Encodable {
    var summary: BandSummary
    enum Keys: String, CodingKey {
        case name, preset, lowHz = "low_hz", highHz = "high_hz", amplitude, power
        case relativeAmplitude = "relative_amplitude", relativePower = "relative_power"
        case relativePowerMedian = "relative_power_median", validFraction = "valid_fraction"
        case peakHz = "peak_hz", peakAmplitude = "peak_amplitude", frequencyCount = "frequency_count", reason
        case pixelAmplitude = "pixel_amplitude", pixelPower = "pixel_power"
    }
    func encode(to encoder: Encoder) throws {
        let s = summary
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(s.band.name, forKey: .name)
        try c.encode(s.presetName, forKey: .preset)
        try c.encode(s.band.lowHz, forKey: .lowHz)
        try c.encode(s.band.highHz, forKey: .highHz)
        try c.encode(jsonNumber(s.amplitude), forKey: .amplitude)
        try c.encode(jsonNumber(s.power), forKey: .power)
        try c.encode(jsonNumber(s.relativeAmplitude), forKey: .relativeAmplitude)
        try c.encode(jsonNumber(s.relativePower), forKey: .relativePower)
        try c.encode(jsonNumber(s.relativePowerMedian), forKey: .relativePowerMedian)
        try c.encode(jsonNumber(s.validFraction), forKey: .validFraction)
        try c.encode(jsonNumber(s.peakHz), forKey: .peakHz)
        try c.encode(jsonNumber(s.peakAmplitude), forKey: .peakAmplitude)
        try c.encode(jsonNumber(s.pixelAmplitude), forKey: .pixelAmplitude)
        try c.encode(jsonNumber(s.pixelPower), forKey: .pixelPower)
        try c.encode(s.frequencyCount, forKey: .frequencyCount)
        try c.encode(s.reason, forKey: .reason)
    }
}

/// One input of `ldf bands`: its band summaries, or the error that stopped it.
struct RecordingBandsJSON: Encodable {
    var source: String
    var analysis: BandAnalysis?
    var error: String?
    /// The recording's first-sample clock time as written, when the file gives it.
    var startTime: String?

    enum Keys: String, CodingKey {
        case source, channel, unit, error, diagnostics, bands, sampleRateHz = "sample_rate_hz", startSeconds = "start_s"
        case timeOriginSeconds = "time_origin_s", startTime = "start_time"
        case analysedSeconds = "analysed_s", fminHz = "fmin_hz", fmaxHz = "fmax_hz", voices, hampel
    }
    enum HampelKeys: String, CodingKey { case replacedPercent = "replaced_percent", replacedSamples = "replaced_samples", outliers }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(source, forKey: .source)
        try c.encode(error, forKey: .error)
        try c.encode(analysis?.channel, forKey: .channel)
        try c.encode(analysis?.unit, forKey: .unit)
        try c.encode((analysis?.diagnostics ?? []).map(DiagnosticJSON.init), forKey: .diagnostics)
        try c.encode((analysis?.report.bands ?? []).map(BandSummaryJSON.init), forKey: .bands)
        try c.encode(analysis?.sampleRateHz, forKey: .sampleRateHz)
        try c.encode(analysis?.fileStartSeconds, forKey: .startSeconds)
        try c.encode(analysis?.timeOriginSeconds, forKey: .timeOriginSeconds)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(analysis?.analysedSeconds, forKey: .analysedSeconds)
        try c.encode(analysis?.report.fminHz, forKey: .fminHz)
        try c.encode(analysis?.report.fmaxHz, forKey: .fmaxHz)
        try c.encode(analysis?.resolvedVoices, forKey: .voices)
        if let hampel = analysis?.hampel {
            var h = c.nestedContainer(keyedBy: HampelKeys.self, forKey: .hampel)
            try h.encode(hampel.replacedPercent, forKey: .replacedPercent)
            try h.encode(hampel.replacedCount, forKey: .replacedSamples)
            try h.encode(hampel.outlierCount, forKey: .outliers)
        } else {
            try c.encodeNil(forKey: .hampel)
        }
    }
}

/// The whole output of `ldf bands --format json`.
struct BandsOutputJSON: Encodable {
    var settings: BandAnalysisSettings
    var recordings: [RecordingBandsJSON]
    enum Keys: String, CodingKey { case toolkit, parameters, recordings }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ToolkitStamp(), forKey: .toolkit)
        try c.encode(SpectralParametersJSON(settings: settings), forKey: .parameters)
        try c.encode(recordings, forKey: .recordings)
    }
}

/// nil for a missing, NaN or infinite value.
func jsonNumber(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

extension BandAnalysis {
    /// Voices per octave the wavelet transform used (nil for Welch).
    var resolvedVoices: Int? {
        if case .wavelet(let spectrum) = spectrum { return spectrum.options.voices }
        return nil
    }
}
