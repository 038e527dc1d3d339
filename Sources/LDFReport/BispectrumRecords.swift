import LDFCore
import LDFSpectral

/// The bispectrum options beside the spectral ones in `parameters`.
public struct BispectrumOptionsRecord: Codable, Sendable, Equatable {
    @Nullable public var kinds: [String]? = nil
    /// Each --biphase pair as [f1_hz, f2_hz].
    public var biphasePairs: [[Double]]
    @Nullable public var surrogates: SurrogateParametersRecord? = nil

    public init(_ settings: BispectrumSettings) {
        kinds = settings.kinds?.map(\.rawValue)
        biphasePairs = settings.biphasePairs.map { [$0.f1Hz, $0.f2Hz] }
        surrogates = settings.surrogates.map(SurrogateParametersRecord.init)
    }
}

/// Frequency pairs left out of the grid, by cause.
public struct BispectrumUndefinedRecord: Codable, Sendable, Equatable {
    public var sumAboveFmax: Int
    public var noGridFrequencyBetween: Int
    public var outsideCone: Int
}

/// One defined cell of a bispectrum: the frequencies (Hz), |B| (signal unit³, MODA's wavelet
/// normalisation), the biphase (rad) and the surrogate threshold (null without a test).
public struct BispectrumCellRecord: Codable, Sendable, Equatable {
    public var f1Hz: Double
    public var f2Hz: Double
    public var sumHz: Double
    public var amplitude: Double
    @Nullable public var biphaseRad: Double? = nil
    @Nullable public var threshold: Double? = nil
    @Nullable public var excess: Double? = nil
    @Nullable public var significant: Bool? = nil
}

/// One bispectrum kind and its defined cells (f1 <= f2 for auto-bispectra).
public struct BispectrumKindRecord: Codable, Sendable, Equatable {
    public var kind: String
    /// What is averaged, in words.
    public var definition: String
    public var unit = "signal unit cubed (MODA's wavelet normalisation)"
    public var cells: [BispectrumCellRecord]

    public init(grid: BispectrumGrid, thresholds: [Double]?) {
        kind = grid.kind.rawValue
        let names = grid.kind.rawValue.map { "x\($0)" }
        definition = "mean over t of W[\(names[0])](f1) W[\(names[1])](f2) conj(W[\(names[2])](f1 + f2))"
        let f = grid.frequenciesHz, n = f.count
        cells = (0..<(n * n)).compactMap { cell in
            let amplitude = grid.amplitude[cell]
            guard !amplitude.isNaN else { return nil }
            let threshold = thresholds.flatMap { $0[cell].isFinite ? $0[cell] : nil }
            return BispectrumCellRecord(f1Hz: f[cell / n], f2Hz: f[cell % n], sumHz: f[cell / n] + f[cell % n], amplitude: amplitude,
                                        biphaseRad: grid.phase[cell], threshold: threshold, excess: threshold.map { amplitude - $0 },
                                        significant: threshold.map { amplitude > $0 })
        }
    }
}

/// Biamplitude (signal unit³) and biphase (rad) of one kind and frequency pair over time (s).
public struct BiphaseRecord: Codable, Sendable, Equatable {
    public var kind: String
    public var f1Hz: Double
    public var f2Hz: Double
    public var timeS: [Double]
    public var biamplitude: [Double?]
    public var biphaseRad: [Double?]
    @Nullable public var reason: String? = nil

    public init(_ s: BiphaseSeries) {
        kind = s.kind.rawValue
        f1Hz = s.pair.f1Hz
        f2Hz = s.pair.f2Hz
        timeS = s.timesSeconds
        biamplitude = s.biamplitude.map { $0.isFinite ? $0 : nil }
        biphaseRad = s.biphase.map { $0.isFinite ? $0 : nil }
        reason = s.reason
    }
}

/// The whole output of `ldf bispectrum --format json`; times in s on the first signal's clock.
public struct BispectrumOutputRecord: Codable, Sendable, Equatable, ReportUnits {
    public var toolkit = ToolkitStamp()
    public var parameters: Merged<SpectralParametersRecord, BispectrumOptionsRecord>
    public var first: PairSideRecord
    @Nullable public var second: PairSideRecord? = nil
    public var sampleRateHz: Double
    public var startS: Double
    public var analysedS: Double
    public var fminHz: Double
    public var fmaxHz: Double
    @Nullable public var voices: Int? = nil
    public var diagnostics: [Diagnostic]
    public var undefinedPairs: BispectrumUndefinedRecord
    public var bispectra: [BispectrumKindRecord]
    public var biphase: [BiphaseRecord]
    @Nullable public var iaaft: SurrogateIterationsRecord? = nil
    public var units: [String: String]

    public init(settings: BispectrumSettings, analysis a: BispectrumAnalysis) {
        parameters = Merged(SpectralParametersRecord(settings.spectral), BispectrumOptionsRecord(settings))
        first = PairSideRecord(a.first)
        second = a.second.map(PairSideRecord.init)
        sampleRateHz = a.sampleRateHz
        startS = a.startSeconds
        analysedS = a.analysedSeconds
        fminHz = a.options.fminHz
        fmaxHz = a.options.fmaxHz
        voices = a.options.voices
        diagnostics = a.diagnostics
        undefinedPairs = BispectrumUndefinedRecord(sumAboveFmax: a.undefined.sumAboveGrid, noGridFrequencyBetween: a.undefined.noFrequencyBetween,
                                                   outsideCone: a.undefined.outsideCone)
        bispectra = a.grids.map { BispectrumKindRecord(grid: $0, thresholds: a.surrogateTest?.thresholds[$0.kind]) }
        biphase = a.biphase.map(BiphaseRecord.init)
        iaaft = a.surrogateTest.flatMap { SurrogateIterationsRecord(iterations: $0.iterations, unconverged: $0.unconvergedCount) }
        units = Self.units(fluxUnit: "")
    }

    /// The bispectrum's unit is the cube of the signals' (not known here).
    public static func units(fluxUnit: String) -> [String: String] {
        let cubed = "\(ReportUnit.flux(fluxUnit))^3"
        return ["f1_hz": "Hz", "f2_hz": "Hz", "sum_hz": "Hz", "time_s": "s", "amplitude": cubed, "biamplitude": cubed, "threshold": cubed,
                "excess": cubed, "biphase_rad": "rad", "sample_rate_hz": "Hz", "start_s": "s", "analysed_s": "s", "fmin_hz": "Hz", "fmax_hz": "Hz"]
    }
}
