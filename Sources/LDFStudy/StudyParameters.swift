import Foundation
import LDFCore
import LDFIO
import LDFPORH
import LDFProtocols
import LDFReport
import LDFSpectral

/// Every setting of a study run that can change a result; written to `study.json` and
/// `parameters.json`, and hashed into each recording's cache key. Every key is written, unset ones
/// as null (`Nullable`), so `study.json` shows each choice.
public struct StudyParameters: Sendable, Codable, Equatable {
    /// Band set, method, wavelet, frequency range, edges, Welch and Hampel settings of the band
    /// analysis (`ldf bands` options).
    public var bandSet: BandSet
    public var method: SpectralMethod
    public var wavelet: WaveletOptions
    @Nullable public var fminHz: Double?
    @Nullable public var fmaxHz: Double?
    public var includeEdges: Bool
    public var welch: WelchOptions
    @Nullable public var hampel: HampelOptions?
    /// The band validity rule (`BandValidityRule`): bands that fall short are null in `bands.csv`
    /// and left out of the summaries and comparisons, unless `allowsShortBands`.
    public var minimumValidFraction: Double
    public var allowsShortBands: Bool
    /// How files are read (per-row `channel` and `rate_hz` come from the manifest).
    public var reader: ReaderKind
    /// Longest run of missing samples bridged by interpolation, seconds (default 1).
    public var maxBridgeSeconds: Double
    /// How PORH and VOT occlusions are timed when the manifest gives no times (default `auto`).
    public var porhTiming: TimingPreference
    /// Which way the signal of CRT rows moves during refill (default `falls`, camera intensity;
    /// `rises` for LDF flux or PPG).
    public var crtRefill: RefillDirection
    /// Correction across the frequencies of a spectrum comparison (default Benjamini–Hochberg).
    public var spectraAdjustment: PValueAdjustment
    /// PORH recordings: also the band summaries of the reperfusion segment after the transient
    /// is removed (`ReperfusionFlowmotion`) in these bands; nil (the default) for none.
    @Nullable public var reperfusionBands: BandSet?
    /// Group coherence of paired signals (`--coherence A,B`); nil for none. Not part of the
    /// recordings' cache keys: it is computed across recordings after they are analysed.
    @Nullable public var coherence: CoherencePairing?

    /// Correction across the bands (per measure) or PORH parameters of a comparison: Holm.
    public static let familyAdjustment = PValueAdjustment.holm

    public init(settings: BandAnalysisSettings, reader: ReaderKind = .auto, maxBridgeSeconds: Double = 1,
                porhTiming: TimingPreference = .auto, crtRefill: RefillDirection = .falls,
                spectraAdjustment: PValueAdjustment = .benjaminiHochberg,
                reperfusionBands: BandSet? = nil, coherence: CoherencePairing? = nil) {
        bandSet = settings.bandSet
        method = settings.method
        wavelet = settings.wavelet
        fminHz = settings.fminHz
        fmaxHz = settings.fmaxHz
        includeEdges = settings.includeEdges
        welch = settings.welch
        hampel = settings.hampel
        minimumValidFraction = settings.minimumValidFraction
        allowsShortBands = settings.allowsShortBands
        self.reader = reader
        self.maxBridgeSeconds = maxBridgeSeconds
        self.porhTiming = porhTiming
        self.crtRefill = crtRefill
        self.spectraAdjustment = spectraAdjustment
        self.reperfusionBands = reperfusionBands
        self.coherence = coherence
    }

    /// The band-analysis settings these parameters hold.
    public var bandSettings: BandAnalysisSettings {
        BandAnalysisSettings(bandSet: bandSet, method: method, wavelet: wavelet, fminHz: fminHz, fmaxHz: fmaxHz,
                             includeEdges: includeEdges, welch: welch, hampel: hampel,
                             minimumValidFraction: minimumValidFraction, allowsShortBands: allowsShortBands)
    }

    /// Read options for one manifest row.
    func readOptions(for entry: ManifestEntry) -> ReadOptions {
        ReadOptions(reader: reader, assembly: AssemblyOptions(rateHz: entry.rateHz, channel: entry.channel.map(ChannelSelector.init),
                                                              maxBridgeSeconds: maxBridgeSeconds,
                                                              eventMap: entry.eventMap.flatMap { try? EventMap(parsing: $0) }))
    }

    /// PORH options for one manifest row: the row's site defaults, its MAP and occlusion times.
    func porhOptions(for entry: ManifestEntry) -> PORHOptions {
        var options = PORHOptions(site: entry.tissueSite)
        options.timing = porhTiming
        options.occlusions = entry.occlusions
        options.meanArterialPressureMmHg = entry.meanArterialPressureMmHg
        options.reperfusionBands = reperfusionBands
        options.reperfusionValidity = bandSettings.validityRule
        return options
    }

    /// Local-heating options for one manifest row: the defaults (timing by events, then the probe
    /// temperature) with the row's MAP for CVC and %CVCmax.
    func heatingOptions(for entry: ManifestEntry) -> HeatingOptions {
        var options = HeatingOptions()
        options.meanArterialPressureMmHg = entry.meanArterialPressureMmHg
        return options
    }

    /// Iontophoresis options of every row: the defaults (pulses from the file's marks, each
    /// channel's drug from its name or the marks); the manifest has no pulse schedule column.
    var iontophoresisOptions: IontophoresisOptions { IontophoresisOptions() }

    /// VOT options for one manifest row: the defaults with the row's occlusion times, else timed
    /// like PORH occlusions (`porhTiming`: events, a cuff-pressure channel, then the saturation).
    func votOptions(for entry: ManifestEntry) -> VOTOptions {
        var options = VOTOptions()
        options.timing = porhTiming
        options.occlusions = entry.occlusions
        return options
    }

    /// Capillary-refill options of every row: the defaults (releases from events, else detected;
    /// the fit's end by the least uncertainty) with the study's refill direction.
    var crtOptions: CRTOptions {
        var options = CRTOptions()
        options.refill = crtRefill
        return options
    }

    /// Checks the settings before any file is read.
    public func validate() throws {
        try bandSettings.validate()
        try AssemblyOptions(maxBridgeSeconds: maxBridgeSeconds).validate()
        try coherence?.validate()
    }

    /// Canonical JSON (sorted keys), the form hashed and written.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}
