import LDFCore
import LDFCoupling
import LDFSpectral

/// The options of `ldf coupling` as its JSON `parameters` records them (window and step in s).
public struct CouplingParametersRecord: Codable, Sendable, Equatable {
    public var band1: BandEdgesRecord
    public var band2: BandEdgesRecord
    public var windowS: Double
    public var stepS: Double
    public var overlap: Double
    public var propagationConstant: Double
    public var fourierOrder: Int
    public var filter = "Butterworth band-pass, zero phase (filtfilt), second-order sections, sharpest order whose transfer function holds (MODA's loop_butter idea); phase from the Hilbert transform"
    public var couplingStrength = "MODA's dirc: Euclidean norm of every inferred Fourier coefficient of the driven oscillator's equation except its natural frequency"
    @Nullable public var surrogates: SurrogateParametersRecord? = nil

    public init(settings: CouplingSettings, analysis a: CouplingAnalysis) {
        band1 = BandEdgesRecord(settings.band1)
        band2 = BandEdgesRecord(settings.band2)
        windowS = a.windowSeconds
        stepS = a.stepSeconds
        overlap = a.stepSeconds / a.windowSeconds
        propagationConstant = settings.propagationConstant
        fourierOrder = settings.order
        surrogates = settings.surrogates.map(SurrogateParametersRecord.init)
    }
}

/// One inference window: its centre time (s on the first signal's clock), the coupling strengths
/// (rad/s: norms of phase-equation coefficients), directionality (-1..1), the bands' mean
/// frequencies (Hz), surrogate thresholds and significance (null without a test).
public struct CouplingWindowRecord: Codable, Sendable, Equatable, ReportUnits {
    public var timeS: Double
    public var strength2To1: Double
    public var strength1To2: Double
    @Nullable public var directionality: Double? = nil
    public var frequency1Hz: Double
    public var frequency2Hz: Double
    @Nullable public var threshold2To1: Double? = nil
    @Nullable public var threshold1To2: Double? = nil
    @Nullable public var significant2To1: Bool? = nil
    @Nullable public var significant1To2: Bool? = nil
    public var loops: Int

    enum CodingKeys: String, CodingKey {
        case timeS = "time_s", strength2To1 = "strength_2_to_1", strength1To2 = "strength_1_to_2", directionality
        case frequency1Hz = "frequency_1_hz", frequency2Hz = "frequency_2_hz", threshold2To1 = "threshold_2_to_1"
        case threshold1To2 = "threshold_1_to_2", significant2To1 = "significant_2_to_1", significant1To2 = "significant_1_to_2", loops
    }

    public init(_ w: CouplingWindow, startSeconds: Double) {
        timeS = startSeconds + w.timeSeconds
        strength2To1 = w.strength.secondToFirst
        strength1To2 = w.strength.firstToSecond
        directionality = w.strength.directionality
        frequency1Hz = w.strength.angularFrequency1 / (2 * .pi)
        frequency2Hz = w.strength.angularFrequency2 / (2 * .pi)
        threshold2To1 = w.threshold2to1
        threshold1To2 = w.threshold1to2
        loops = w.loops
        let strengths = (w.strength.secondToFirst, w.strength.firstToSecond)
        significant2To1 = threshold2To1.map { strengths.0 > $0 }
        significant1To2 = threshold1To2.map { strengths.1 > $0 }
    }

    public static func units(fluxUnit: String) -> [String: String] {
        ["time_s": "s", "strength_2_to_1": "rad/s", "strength_1_to_2": "rad/s", "directionality": ReportUnit.dimensionless,
         "frequency_1_hz": "Hz", "frequency_2_hz": "Hz", "threshold_2_to_1": "rad/s", "threshold_1_to_2": "rad/s",
         "mean_strength_2_to_1": "rad/s", "mean_strength_1_to_2": "rad/s", "mean_directionality": ReportUnit.dimensionless,
         "window_s": "s", "step_s": "s", "sample_rate_hz": "Hz", "start_s": "s", "analysed_s": "s"]
    }
}

/// Means over the windows, and how many windows were significant (null without a test).
public struct CouplingSummaryRecord: Codable, Sendable, Equatable {
    public var windows: Int
    @Nullable public var meanStrength2To1: Double? = nil
    @Nullable public var meanStrength1To2: Double? = nil
    @Nullable public var meanDirectionality: Double? = nil
    @Nullable public var significantWindows2To1: Int? = nil
    @Nullable public var significantWindows1To2: Int? = nil

    enum CodingKeys: String, CodingKey {
        case windows, meanStrength2To1 = "mean_strength_2_to_1", meanStrength1To2 = "mean_strength_1_to_2"
        case meanDirectionality = "mean_directionality", significantWindows2To1 = "significant_windows_2_to_1"
        case significantWindows1To2 = "significant_windows_1_to_2"
    }

    public init(_ windows: [CouplingWindowRecord], tested: Bool) {
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        self.windows = windows.count
        meanStrength2To1 = mean(windows.map(\.strength2To1))
        meanStrength1To2 = mean(windows.map(\.strength1To2))
        meanDirectionality = mean(windows.compactMap(\.directionality))
        significantWindows2To1 = tested ? windows.filter { $0.significant2To1 == true }.count : nil
        significantWindows1To2 = tested ? windows.filter { $0.significant1To2 == true }.count : nil
    }
}

/// The whole output of `ldf coupling --format json`.
public struct CouplingOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: CouplingParametersRecord
    public var first: PairSideRecord
    public var second: PairSideRecord
    public var sampleRateHz: Double
    public var startS: Double
    public var analysedS: Double
    public var filterOrders: [Int]
    public var diagnostics: [Diagnostic]
    public var windows: [CouplingWindowRecord]
    public var summary: CouplingSummaryRecord
    public var units: [String: String]

    public init(settings: CouplingSettings, analysis a: CouplingAnalysis) {
        parameters = CouplingParametersRecord(settings: settings, analysis: a)
        first = PairSideRecord(a.first)
        second = PairSideRecord(a.second)
        sampleRateHz = a.sampleRateHz
        startS = a.startSeconds
        analysedS = a.analysedSeconds
        filterOrders = a.filterOrders
        diagnostics = a.diagnostics
        windows = a.windows.map { CouplingWindowRecord($0, startSeconds: a.startSeconds) }
        summary = CouplingSummaryRecord(windows, tested: settings.surrogates != nil)
        units = CouplingWindowRecord.units(fluxUnit: "")
    }

    /// The tidy CSV rows, one per window.
    public var rows: [CouplingRow] {
        windows.map {
            CouplingRow(pair: PairColumns(first, second), band1: parameters.band1.name,
                        band2: parameters.band2.name, window: $0, windowS: parameters.windowS, stepS: parameters.stepS,
                        propagationConstant: parameters.propagationConstant, fourierOrder: parameters.fourierOrder,
                        surrogates: parameters.surrogates?.count, seed: parameters.surrogates?.seed)
        }
    }

    /// The readable table: the pair and method, one line per window (units in the header), means.
    public var textLines: [String] {
        let short = ReportNumber.short, p = parameters
        var table = TextTable(header: ["time s", "2 -> 1 rad/s", "1 -> 2 rad/s", "direction", "f1 Hz", "f2 Hz", "thr 2->1", "thr 1->2"])
        for w in windows {
            table.append([short(w.timeS), short(w.strength2To1), short(w.strength1To2), short(w.directionality), short(w.frequency1Hz),
                          short(w.frequency2Hz), short(w.threshold2To1), short(w.threshold1To2)])
        }
        return ["\(first.source) [\(first.channel)] \(p.band1.name) \(short(p.band1.lowHz))–\(short(p.band1.highHz)) Hz (1) and "
                + "\(second.source) [\(second.channel)] \(p.band2.name) \(short(p.band2.lowHz))–\(short(p.band2.highHz)) Hz (2): "
                + "dynamical Bayesian inference, \(summary.windows) windows of \(short(p.windowS)) s every \(short(p.stepS)) s, "
                + "propagation \(short(p.propagationConstant)), order \(p.fourierOrder)"]
            + table.lines
            + ["mean: 2 -> 1 \(short(summary.meanStrength2To1)), 1 -> 2 \(short(summary.meanStrength1To2)) rad/s, directionality \(short(summary.meanDirectionality)) (positive: 1 drives 2)"
               + (summary.significantWindows1To2.map { "; significant windows 2 -> 1: \(summary.significantWindows2To1 ?? 0), 1 -> 2: \($0)" } ?? "")]
    }
}

/// One row of `ldf coupling --format csv`: the pair, the bands, a window and the settings.
public struct CouplingRow: Codable, Sendable, Equatable {
    public var pair: PairColumns
    public var band1: String
    public var band2: String
    public var window: CouplingWindowRecord
    public var windowS: Double
    public var stepS: Double
    public var propagationConstant: Double
    public var fourierOrder: Int
    @Nullable public var surrogates: Int? = nil
    @Nullable public var seed: UInt64? = nil

    enum CodingKeys: String, CodingKey {
        case pair, band1 = "band_1", band2 = "band_2", window, windowS, stepS, propagationConstant, fourierOrder, surrogates, seed
    }
}
