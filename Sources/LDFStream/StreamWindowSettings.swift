import LDFCore
import LDFSpectral

/// What to do with a band the validity rule withholds from every window (`BandValidityRule`:
/// fewer than 5 cycles of its lower edge, or too few coefficients inside the cone of influence).
public enum ShortBandPolicy: String, Sendable, Codable, CaseIterable {
    /// Leave the band out of every record and say so once (the default).
    case drop
    /// Refuse to start, naming the window length the band needs.
    case stop
}

/// The sliding window of `ldf stream` and the band analysis run on each window.
public struct StreamWindowSettings: Sendable {
    /// Window length in seconds (default 600 s: 5 cycles of every stefanovska band from 0.0095 Hz up).
    public var windowSeconds: Double
    /// Time between records in seconds (default 60 s).
    public var hopSeconds: Double
    /// The same settings `ldf bands` takes; each window is analysed exactly as `ldf bands` would
    /// analyse that stretch saved as a file.
    public var analysis: BandAnalysisSettings
    public var shortBands: ShortBandPolicy
    /// Hampel settings used only to flag artifacts in the quality block (not to change the data,
    /// unless `analysis.hampel` asks for that too).
    public var artifactDetector: HampelOptions
    /// Share of samples the artifact detector may flag before a window is marked `artifact`
    /// (default 0.01 = 1 %).
    public var artifactFlagFraction: Double

    public init(windowSeconds: Double = 600, hopSeconds: Double = 60, analysis: BandAnalysisSettings,
                shortBands: ShortBandPolicy = .drop, artifactDetector: HampelOptions = HampelOptions(),
                artifactFlagFraction: Double = 0.01) {
        self.windowSeconds = windowSeconds
        self.hopSeconds = hopSeconds
        self.analysis = analysis
        self.shortBands = shortBands
        self.artifactDetector = artifactDetector
        self.artifactFlagFraction = artifactFlagFraction
    }

    /// Checks the window against the bands. Returns the settings actually used (bands too short
    /// for the window removed under `.drop`) and a diagnostic per dropped band.
    public func resolved(sampleRateHz: Double) throws -> (settings: StreamWindowSettings, dropped: [Diagnostic]) {
        guard windowSeconds > 0, windowSeconds.isFinite else {
            throw LDFError("\(parameter: "window")", "\(windowSeconds) s must be positive", fix: "e.g. \(parameter: "window") 600")
        }
        guard hopSeconds > 0, hopSeconds.isFinite else {
            throw LDFError("\(parameter: "hop")", "\(hopSeconds) s must be positive", fix: "e.g. \(parameter: "hop") 60")
        }
        guard hopSeconds <= windowSeconds else {
            throw LDFError("\(parameter: "hop")", "hop \(hopSeconds) s is longer than the window \(windowSeconds) s; samples between windows would never be analysed",
                           fix: "use a hop no longer than the window, e.g. \(parameter: "hop") \(windowSeconds / 10)")
        }
        guard windowSeconds * sampleRateHz >= Double(BandAnalysisInput.minimumSampleCount) else {
            throw LDFError("\(parameter: "window")", "\(windowSeconds) s holds fewer than \(BandAnalysisInput.minimumSampleCount) samples at \(sampleRateHz) Hz",
                           fix: "use a longer window")
        }
        try analysis.validate()
        var copy = self
        var dropped: [Diagnostic] = []
        let windowSamples = Int((windowSeconds * sampleRateHz).rounded())
        let availability = try analysis.bandAvailability(sampleCount: windowSamples, sampleRateHz: sampleRateHz, source: "\(parameter: "window")")
        // Bands the validity rule (or an empty cone) nulls in every full window.
        let short = availability.filter { !$0.isAvailable && $0.shortfall != nil }
        if !short.isEmpty {
            let needed = short.map { $0.band.secondsForCycles(BandValidityRule.minimumCycles) }.max()!
            let names = short.map { "\($0.band.name) (\($0.shortfall!.message))" }
            switch shortBands {
            case .stop:
                throw LDFError("\(parameter: "window")", "\(MessageNumber.short(windowSeconds)) s is too short for " + names.joined(separator: ", "),
                               fix: "use \(parameter: "window") \(Int(needed.rounded(.up))) or longer, \(parameter: "shortBands") drop, "
                                   + "or \(parameter: "allowShortBands")")
            case .drop:
                let kept = availability.filter { band in !short.contains(band) }.map(\.band)
                guard !kept.isEmpty else {
                    throw LDFError("\(parameter: "window")", "\(MessageNumber.short(windowSeconds)) s is too short for every band (" + names.joined(separator: ", ") + ")",
                                   fix: "use \(parameter: "window") \(Int(needed.rounded(.up))) or \(parameter: "allowShortBands")")
                }
                copy.analysis.bandSet = BandSet(name: analysis.bandSet.name, bands: kept)
                for entry in short {
                    dropped.append(.warning("band_dropped",
                        "\(entry.band.name) dropped: in a \(MessageNumber.short(windowSeconds)) s window \(entry.shortfall!.message)"))
                }
            }
        }
        return (copy, dropped)
    }
}
