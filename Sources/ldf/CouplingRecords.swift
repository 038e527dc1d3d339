import Foundation
import LDFCore
import LDFReport
import LDFCoupling
import LDFSpectral

/// The output of `ldf coupling` as Codable records (snake_case keys through JSONOutput): one place
/// for the JSON, the tidy CSV and the table.
struct CouplingReport: Encodable {
    var toolkit = ToolkitStamp()
    var parameters: Parameters
    var first: SignalRecord
    var second: SignalRecord
    var sampleRateHz: Double
    var startS: Double
    var analysedS: Double
    var filterOrders: [Int]
    var diagnostics: [DiagnosticRecord]
    var windows: [WindowRecord]
    var summary: Summary

    struct Parameters: Encodable {
        var band1: BandRecord
        var band2: BandRecord
        var windowS: Double
        var stepS: Double
        var overlap: Double
        var propagationConstant: Double
        var fourierOrder: Int
        var filter = "Butterworth band-pass, zero phase (filtfilt), second-order sections, sharpest order whose transfer function holds (MODA's loop_butter idea); phase from the Hilbert transform"
        var couplingStrength = "MODA's dirc: Euclidean norm of every inferred Fourier coefficient of the driven oscillator's equation except its natural frequency"
        var surrogates: SurrogateParametersRecord?
    }

    struct BandRecord: Encodable {
        var name: String
        var lowHz: Double
        var highHz: Double
        init(_ band: Band) { name = band.name; lowHz = band.lowHz; highHz = band.highHz }
    }

    struct WindowRecord: Encodable {
        var timeS: Double
        var strength2To1: Double
        var strength1To2: Double
        var directionality: Double?
        var frequency1Hz: Double
        var frequency2Hz: Double
        var threshold2To1: Double?
        var threshold1To2: Double?
        var significant2To1: Bool?
        var significant1To2: Bool?
        var loops: Int

        enum CodingKeys: String, CodingKey {
            case timeS = "time_s", strength2To1 = "strength_2_to_1", strength1To2 = "strength_1_to_2", directionality
            case frequency1Hz = "frequency_1_hz", frequency2Hz = "frequency_2_hz", threshold2To1 = "threshold_2_to_1"
            case threshold1To2 = "threshold_1_to_2", significant2To1 = "significant_2_to_1", significant1To2 = "significant_1_to_2", loops
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(timeS, forKey: .timeS)
            try c.encode(strength2To1, forKey: .strength2To1)
            try c.encode(strength1To2, forKey: .strength1To2)
            try c.encode(directionality, forKey: .directionality)
            try c.encode(frequency1Hz, forKey: .frequency1Hz)
            try c.encode(frequency2Hz, forKey: .frequency2Hz)
            try c.encode(threshold2To1, forKey: .threshold2To1)
            try c.encode(threshold1To2, forKey: .threshold1To2)
            try c.encode(significant2To1, forKey: .significant2To1)
            try c.encode(significant1To2, forKey: .significant1To2)
            try c.encode(loops, forKey: .loops)
        }
    }

    struct Summary: Encodable {
        var windows: Int
        var meanStrength2To1: Double?
        var meanStrength1To2: Double?
        var meanDirectionality: Double?
        var significantWindows2To1: Int?
        var significantWindows1To2: Int?

        enum CodingKeys: String, CodingKey {
            case windows, meanStrength2To1 = "mean_strength_2_to_1", meanStrength1To2 = "mean_strength_1_to_2"
            case meanDirectionality = "mean_directionality", significantWindows2To1 = "significant_windows_2_to_1"
            case significantWindows1To2 = "significant_windows_1_to_2"
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(windows, forKey: .windows)
            try c.encode(meanStrength2To1, forKey: .meanStrength2To1)
            try c.encode(meanStrength1To2, forKey: .meanStrength1To2)
            try c.encode(meanDirectionality, forKey: .meanDirectionality)
            try c.encode(significantWindows2To1, forKey: .significantWindows2To1)
            try c.encode(significantWindows1To2, forKey: .significantWindows1To2)
        }
    }

    init(settings: CouplingSettings, analysis a: CouplingAnalysis) {
        parameters = Parameters(band1: BandRecord(settings.band1), band2: BandRecord(settings.band2), windowS: a.windowSeconds,
                                stepS: a.stepSeconds, overlap: a.stepSeconds / a.windowSeconds,
                                propagationConstant: settings.propagationConstant, fourierOrder: settings.order,
                                surrogates: settings.surrogates.map(SurrogateParametersRecord.init))
        first = SignalRecord(a.first)
        second = SignalRecord(a.second)
        sampleRateHz = a.sampleRateHz
        startS = a.startSeconds
        analysedS = a.analysedSeconds
        filterOrders = a.filterOrders
        diagnostics = a.diagnostics.map(DiagnosticRecord.init)
        windows = a.windows.map { w in
            WindowRecord(timeS: a.startSeconds + w.timeSeconds, strength2To1: w.strength.secondToFirst, strength1To2: w.strength.firstToSecond,
                         directionality: finiteOrNil(w.strength.directionality), frequency1Hz: w.strength.angularFrequency1 / (2 * .pi),
                         frequency2Hz: w.strength.angularFrequency2 / (2 * .pi), threshold2To1: w.threshold2to1.flatMap(finiteOrNil),
                         threshold1To2: w.threshold1to2.flatMap(finiteOrNil),
                         significant2To1: w.threshold2to1.flatMap(finiteOrNil).map { w.strength.secondToFirst > $0 },
                         significant1To2: w.threshold1to2.flatMap(finiteOrNil).map { w.strength.firstToSecond > $0 }, loops: w.loops)
        }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : finiteOrNil(values.reduce(0, +) / Double(values.count)) }
        let tested = settings.surrogates != nil
        summary = Summary(windows: windows.count, meanStrength2To1: mean(windows.map(\.strength2To1)),
                          meanStrength1To2: mean(windows.map(\.strength1To2)), meanDirectionality: mean(windows.compactMap(\.directionality)),
                          significantWindows2To1: tested ? windows.filter { $0.significant2To1 == true }.count : nil,
                          significantWindows1To2: tested ? windows.filter { $0.significant1To2 == true }.count : nil)
    }

    static let csvColumns = ["first", "second", "band_1", "band_2", "time_s", "strength_2_to_1", "strength_1_to_2", "directionality",
                             "frequency_1_hz", "frequency_2_hz", "threshold_2_to_1", "threshold_1_to_2", "significant_2_to_1",
                             "significant_1_to_2", "window_s", "step_s", "propagation_constant", "fourier_order", "surrogates", "seed"]

    var csvRows: [String] {
        let n: (Double?) -> String = ReportNumber.exact, p = parameters
        let head = ["\(first.source):\(first.channel)", "\(second.source):\(second.channel)", p.band1.name, p.band2.name]
        let tail = [n(p.windowS), n(p.stepS), n(p.propagationConstant), String(p.fourierOrder),
                    p.surrogates.map { String($0.count) } ?? "", p.surrogates.map { String($0.seed) } ?? ""]
        return windows.map { w in
            (head + [n(w.timeS), n(w.strength2To1), n(w.strength1To2), n(w.directionality), n(w.frequency1Hz), n(w.frequency2Hz),
                     n(w.threshold2To1), n(w.threshold1To2), w.significant2To1.map(String.init) ?? "", w.significant1To2.map(String.init) ?? ""]
             + tail).map(CSVWriter.field).joined(separator: ",")
        }
    }

    var table: String {
        let short = ReportNumber.short, p = parameters
        var lines = ["\(first.source) [\(first.channel)] \(p.band1.name) \(short(p.band1.lowHz))–\(short(p.band1.highHz)) Hz (1) and "
                     + "\(second.source) [\(second.channel)] \(p.band2.name) \(short(p.band2.lowHz))–\(short(p.band2.highHz)) Hz (2): "
                     + "dynamical Bayesian inference, \(summary.windows) windows of \(short(p.windowS)) s every \(short(p.stepS)) s, "
                     + "propagation \(short(p.propagationConstant)), order \(p.fourierOrder)"]
        var rows = [["time s", "2 -> 1", "1 -> 2", "direction", "f1 Hz", "f2 Hz", "thr 2->1", "thr 1->2"]]
        for w in windows {
            rows.append([short(w.timeS), short(w.strength2To1), short(w.strength1To2), short(w.directionality), short(w.frequency1Hz),
                         short(w.frequency2Hz), short(w.threshold2To1), short(w.threshold1To2)])
        }
        lines += TextTable.align(rows)
        lines.append("mean: 2 -> 1 \(short(summary.meanStrength2To1)), 1 -> 2 \(short(summary.meanStrength1To2)), directionality \(short(summary.meanDirectionality)) (positive: 1 drives 2)"
                     + (summary.significantWindows1To2.map { "; significant windows 2 -> 1: \(summary.significantWindows2To1 ?? 0), 1 -> 2: \($0)" } ?? ""))
        return lines.joined(separator: "\n")
    }
}
