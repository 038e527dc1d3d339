import LDFCore
import LDFReport
import LDFSpectral

// JSON model of `ldf coherence`, laid out like `ldf bands`: toolkit, parameters (the spectral
// ones plus the coherence and surrogate options), and the pair's results. Missing values are null.

/// The whole output of `ldf coherence --format json`.
struct CoherenceOutputJSON: Encodable {
    var settings: CoherenceSettings
    var analysis: CoherenceAnalysis
    enum Keys: String, CodingKey { case toolkit, parameters, pairs }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ToolkitStamp(), forKey: .toolkit)
        try c.encode(CoherenceParametersJSON(settings: settings), forKey: .parameters)
        try c.encode([CoherencePairJSON(analysis: analysis)], forKey: .pairs)
    }
}

/// `ldf bands`' parameters plus `coherence` (window, time-localised) and `surrogates` (or null).
struct CoherenceParametersJSON: Encodable {
    var settings: CoherenceSettings
    enum Keys: String, CodingKey { case coherence, surrogates }
    enum CoherenceKeys: String, CodingKey { case windowCycles = "window_cycles", timeLocalised = "time_localised" }
    func encode(to encoder: Encoder) throws {
        try SpectralParametersRecord(settings.spectral).encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        var w = c.nestedContainer(keyedBy: CoherenceKeys.self, forKey: .coherence)
        try w.encode(settings.windowCycles, forKey: .windowCycles)
        try w.encode(settings.timeLocalised, forKey: .timeLocalised)
        try c.encode(settings.surrogates.map(SurrogateParametersJSON.init), forKey: .surrogates)
    }
}

/// The surrogate options as recorded in `parameters.surrogates`.
struct SurrogateParametersJSON: Encodable {
    var options: SurrogateOptions
    enum Keys: String, CodingKey {
        case type, count, seed, significance, test, iaaftMaxIterations = "iaaft_max_iterations", rank
    }
    func encode(to encoder: Encoder) throws {
        var n = encoder.container(keyedBy: Keys.self)
        try n.encode(options.kind.rawValue, forKey: .type)
        try n.encode(options.count, forKey: .count)
        try n.encode(options.seed, forKey: .seed)
        try n.encode(options.level, forKey: .significance)
        try n.encode(options.test.rawValue, forKey: .test)
        try n.encode(options.maxIterations, forKey: .iaaftMaxIterations)
        try n.encode(options.test == .rank ? options.rank : nil, forKey: .rank)
    }
}

/// One pair's results.
struct CoherencePairJSON: Encodable {
    var analysis: CoherenceAnalysis
    enum Keys: String, CodingKey {
        case first, second, diagnostics, sampleRateHz = "sample_rate_hz", startSeconds = "start_s", analysedSeconds = "analysed_s"
        case fminHz = "fmin_hz", fmaxHz = "fmax_hz", voices, bands, frequencies, timeLocalised = "time_localised", iaaft
    }
    enum SideKeys: String, CodingKey { case source, channel }
    enum IterationKeys: String, CodingKey { case meanIterations = "mean_iterations", maxIterations = "max_iterations", unconverged }

    func encode(to encoder: Encoder) throws {
        let a = analysis
        var c = encoder.container(keyedBy: Keys.self)
        for (key, side) in [(Keys.first, a.first), (.second, a.second)] {
            var s = c.nestedContainer(keyedBy: SideKeys.self, forKey: key)
            try s.encode(side.source, forKey: .source)
            try s.encode(side.channelName, forKey: .channel)
        }
        try c.encode(a.diagnostics, forKey: .diagnostics)
        try c.encode(a.sampleRateHz, forKey: .sampleRateHz)
        try c.encode(a.startSeconds, forKey: .startSeconds)
        try c.encode(a.analysedSeconds, forKey: .analysedSeconds)
        try c.encode(a.spectrum.options.fminHz, forKey: .fminHz)
        try c.encode(a.spectrum.options.fmaxHz, forKey: .fmaxHz)
        try c.encode(a.spectrum.options.voices, forKey: .voices)
        try c.encode(a.bands.bands.map(BandCoherenceJSON.init), forKey: .bands)
        try c.encode(a.spectrum.frequenciesHz.indices.map { FrequencyCoherenceJSON(analysis: a, index: $0) }, forKey: .frequencies)
        try c.encode(a.timeLocalised?.map(TimeLocalisedJSON.init), forKey: .timeLocalised)
        if let test = a.surrogateTest, !test.iterations.isEmpty {
            var i = c.nestedContainer(keyedBy: IterationKeys.self, forKey: .iaaft)
            try i.encode(Double(test.iterations.reduce(0, +)) / Double(test.iterations.count), forKey: .meanIterations)
            try i.encode(test.iterations.max(), forKey: .maxIterations)
            try i.encode(test.unconvergedCount, forKey: .unconverged)
        } else {
            try c.encodeNil(forKey: .iaaft)
        }
    }
}

struct BandCoherenceJSON: Encodable {
    var band: BandCoherence
    enum Keys: String, CodingKey {
        case name, preset, lowHz = "low_hz", highHz = "high_hz", coherence, phaseDifference = "phase_difference_rad"
        case threshold, excess, significant, validFraction = "valid_fraction", frequencyCount = "frequency_count", reason
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(band.band.name, forKey: .name)
        try c.encode(band.presetName, forKey: .preset)
        try c.encode(band.band.lowHz, forKey: .lowHz)
        try c.encode(band.band.highHz, forKey: .highHz)
        try c.encode(jsonNumber(band.coherence), forKey: .coherence)
        try c.encode(jsonNumber(band.phaseDifference), forKey: .phaseDifference)
        try c.encode(jsonNumber(band.threshold), forKey: .threshold)
        try c.encode(jsonNumber(band.excess), forKey: .excess)
        try c.encode(band.isSignificant, forKey: .significant)
        try c.encode(jsonNumber(band.validFraction), forKey: .validFraction)
        try c.encode(band.frequencyCount, forKey: .frequencyCount)
        try c.encode(band.reason, forKey: .reason)
    }
}

struct FrequencyCoherenceJSON: Encodable {
    var analysis: CoherenceAnalysis
    var index: Int
    enum Keys: String, CodingKey {
        case frequencyHz = "frequency_hz", coherence, phaseDifference = "phase_difference_rad", threshold, excess
        case validFraction = "valid_fraction", samples
    }
    func encode(to encoder: Encoder) throws {
        let s = analysis.spectrum, k = index
        let threshold = analysis.surrogateTest.map { $0.thresholds[k] }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(s.frequenciesHz[k], forKey: .frequencyHz)
        try c.encode(jsonNumber(s.coherence[k]), forKey: .coherence)
        try c.encode(jsonNumber(s.phaseDifference[k]), forKey: .phaseDifference)
        try c.encode(jsonNumber(threshold), forKey: .threshold)
        try c.encode(jsonNumber(threshold.map { s.coherence[k] - $0 }), forKey: .excess)
        try c.encode(s.validFraction[k], forKey: .validFraction)
        try c.encode(s.sampleCounts[k], forKey: .samples)
    }
}

struct TimeLocalisedJSON: Encodable {
    var row: TimeLocalisedCoherence
    enum Keys: String, CodingKey { case frequencyHz = "frequency_hz", windowSeconds = "window_s", timesSeconds = "time_s", coherence }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(row.frequencyHz, forKey: .frequencyHz)
        try c.encode(row.windowSeconds, forKey: .windowSeconds)
        try c.encode(row.timesSeconds, forKey: .timesSeconds)
        try c.encode(row.coherence, forKey: .coherence)
    }
}
