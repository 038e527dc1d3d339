import LDFCore
import LDFPORH
import LDFProtocols
import LDFReport
import LDFSpectral

/// Everything a study keeps of one recording's analysis; cached as JSON in
/// `DIR/cache/<key>.json` so an unchanged recording is not analysed again. Missing values are
/// nil (JSON null), never NaN.
public struct RecordingOutcome: Sendable, Codable, Equatable {
    /// The cache layout version (`StudyCacheFormat`).
    public var format = StudyCacheFormat.current
    /// The cache key: hash of the file's bytes, the parameters, the toolkit version and the row's
    /// analysis fields (see `StudyRunner.cacheKey`).
    public var key: String
    public var protocolKind: StudyProtocol
    public var sampleRateHz: Double?
    public var durationSeconds: Double?
    /// Length of the stretch the band analysis used (the longest gap-free one), seconds.
    public var analysedSeconds: Double?
    /// Rest recordings: one row per channel and band, as `bands.csv` writes it.
    public var bands: [BandTableRow]
    /// Rest recordings: the time-averaged spectrum (of the first analysed channel).
    public var spectrum: SpectrumRows?
    /// Rest recordings with several analysed channels: the spectra of the others.
    public var otherSpectra: [SpectrumRows]?
    /// Channels analysed (more than one with a `channel` of `all` or a list); rows then carry
    /// their channel into the study's variables.
    public var channelCount: Int?
    /// PORH recordings: one row per occlusion.
    public var occlusions: [OcclusionRow]
    /// Epochs recordings: one row per interval (from the file's events) and channel.
    public var epochs: [EpochRecord]?
    /// Heating recordings: one row per analysed channel, as `ldf heating --format csv` writes it.
    public var heating: [HeatingRow]?
    /// Iontophoresis recordings: one row per analysed channel and dose, as `ldf iontophoresis
    /// --format csv` writes it (the vehicle channel's response beside each drug dose).
    public var iontophoresis: [IontophoresisDoseRow]?
    /// VOT recordings: one row per analysed saturation channel and occlusion, as `ldf vot --format csv` writes it.
    public var vot: [VOTOcclusionRow]?
    /// CRT recordings: one row per analysed channel and press, as `ldf crt --format csv` writes it
    /// (a press without a fit has a null CRT and its reason).
    public var crt: [CRTPressRow]?
    /// Flux unit of the perfusion channel, e.g. "PU".
    public var fluxUnit: String?
    /// The failure, when the recording could not be analysed; otherwise nil.
    public var failure: String?
    /// The stage that failed or warned, and every warning (row and id are filled when tables are
    /// written, from the current manifest).
    public var issues: [StudyIssue]

    public init(key: String, protocolKind: StudyProtocol, sampleRateHz: Double? = nil, durationSeconds: Double? = nil,
                analysedSeconds: Double? = nil, bands: [BandTableRow] = [], spectrum: SpectrumRows? = nil,
                occlusions: [OcclusionRow] = [], fluxUnit: String? = nil, failure: String? = nil, issues: [StudyIssue] = []) {
        self.key = key
        self.protocolKind = protocolKind
        self.sampleRateHz = sampleRateHz
        self.durationSeconds = durationSeconds
        self.analysedSeconds = analysedSeconds
        self.bands = bands
        self.spectrum = spectrum
        self.occlusions = occlusions
        self.fluxUnit = fluxUnit
        self.failure = failure
        self.issues = issues
    }

    public var succeeded: Bool { failure == nil }

    /// Every spectrum, the first channel's first.
    public var spectra: [SpectrumRows] { (spectrum.map { [$0] } ?? []) + (otherSpectra ?? []) }

    /// The channel label a row carries into the study's variables: its channel when the row
    /// analysed several, else "" (so single-channel files with different channel names compare).
    public func variableChannel(_ channel: String?) -> String { (channelCount ?? 1) > 1 ? channel ?? "" : "" }
}

extension BandSummaryRow {
    /// The value of a compared measure.
    public func value(_ measure: BandMeasure) -> Double? {
        switch measure {
        case .amplitude: amplitude
        case .power: power
        case .amplitudeRatioToMean: amplitudeRatioToMean
        case .powerRatioToMean: powerRatioToMean
        case .powerRatioToMedian: powerRatioToMedian
        case .powerShare: powerShare
        case .rmsRatioToTotal: rmsRatioToTotal
        }
    }
}

/// The band values a study summarises and compares (columns of `bands.csv`; docs/METHODS.md §5.3:
/// the wavelet ratios to the mean and the Welch shares are different quantities).
public enum BandMeasure: String, Sendable, Codable, CaseIterable {
    case amplitude, power
    case amplitudeRatioToMean = "amplitude_ratio_to_mean"
    case powerRatioToMean = "power_ratio_to_mean"
    case powerRatioToMedian = "power_ratio_to_median"
    case powerShare = "power_share"
    case rmsRatioToTotal = "rms_ratio_to_total"

    /// The measures `method` gives a value.
    public static func measures(of method: SpectralMethod) -> [BandMeasure] {
        switch method {
        case .wavelet: [.amplitude, .power, .amplitudeRatioToMean, .powerRatioToMean, .powerRatioToMedian]
        case .welch: [.amplitude, .power, .powerRatioToMedian, .powerShare, .rmsRatioToTotal]
        }
    }
}

/// A time-averaged spectrum as columns. Wavelet: mean |W| (`amplitude`, signal unit) and mean
/// |W|^2 (`power`) per analysed frequency. Welch: `power` holds the density (unit^2/Hz) between
/// fmin and fmax and `amplitude` is nil.
public struct SpectrumRows: Sendable, Codable, Equatable {
    /// The analysed channel's name.
    public var channel: String?
    public var frequenciesHz: [Double]
    public var amplitude: [Double?]?
    public var power: [Double?]
    /// Share of time inside the cone of influence (wavelet only).
    public var validFraction: [Double?]?

    public init(_ spectrum: AnalysedSpectrum, fminHz: Double, fmaxHz: Double, channel: String? = nil) {
        self.channel = channel
        switch spectrum {
        case .wavelet(let s):
            frequenciesHz = s.frequenciesHz
            amplitude = s.amplitude.map(finite)
            power = s.power.map(finite)
            validFraction = s.validFraction.map(finite)
        case .welch(let s):
            let bins = s.frequenciesHz.indices.filter { s.frequenciesHz[$0] >= fminHz && s.frequenciesHz[$0] <= fmaxHz }
            frequenciesHz = bins.map { s.frequenciesHz[$0] }
            amplitude = nil
            power = bins.map { finite(s.density[$0]) }
            validFraction = nil
        }
    }

    /// The values spectrum comparisons use: amplitude (wavelet) or density (Welch).
    public var comparedValues: [Double?] { amplitude ?? power }
    /// The name of `comparedValues` in outputs.
    public var comparedMeasure: String { amplitude == nil ? "density" : "amplitude" }
}

/// One occlusion of a PORH recording.
public struct OcclusionRow: Sendable, Codable, Equatable {
    /// The analysed channel's name.
    public var channel: String?
    /// 1-based position in the recording.
    public var index: Int
    /// Start, release, duration, timing source, confidence and rest reference, as `ldf porh`'s
    /// CSV writes them.
    public var timing: PORHOcclusionTimingColumns
    /// Every parameter in `PORHParameterKey` order; missing ones carry their reason.
    public var parameters: [PORHParameter]
    /// How T75/T50/T25 were read (`fit`, `crossing`), and the recovery fit's R² beyond white
    /// noise it was chosen on, as `ldf porh` writes them.
    public var recoveryTimesMethod: String?
    public var recoveryFitR2: Double?
    /// Band summaries of the reperfusion segment with the transient removed, (x - fit) / d, so
    /// amplitudes are fractions of the plateau d; empty unless asked for
    /// (`StudyParameters.reperfusionBands`) and computable.
    public var reperfusionBands: [BandSummaryRow]
    /// Why `reperfusionBands` is empty although it was asked for.
    public var reperfusionReason: String?

    public init(_ result: PORHOcclusionResult, channel: String? = nil) {
        self.channel = channel
        index = result.index
        timing = PORHOcclusionTimingColumns(result)
        parameters = result.parameters
        recoveryTimesMethod = result.recoveryTimesMethod?.rawValue
        recoveryFitR2 = result.recoveryFitRSquared.flatMap { $0.isFinite ? $0 : nil }
        reperfusionBands = result.reperfusionFlowmotion?.report.bands.map { BandSummaryRow($0, channel: channel ?? "", fluxUnit: "1") } ?? []
        reperfusionReason = result.reperfusionFlowmotionReason
    }

    public func value(_ key: PORHParameterKey) -> Double? { parameters.first { $0.key == key }?.value }
}

/// nil for a missing or non-finite value.
func finite(_ x: Double?) -> Double? {
    guard let x, x.isFinite else { return nil }
    return x
}
