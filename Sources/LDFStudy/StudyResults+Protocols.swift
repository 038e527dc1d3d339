import LDFCore
import LDFProtocols
import LDFReport

/// The values the iontophoresis, VOT and CRT protocols give a study's summaries and comparisons:
/// by the column names of `iontophoresis.csv` and `vot.csv`, and for CRT the means of `crt.csv`'s
/// `crt_s`, `r_squared` and `relative_uncertainty` over each recording's fitted presses
/// (`mean_crt_s`, as `ldf crt --format json` names the first).
extension StudyResults {
    /// Iontophoresis measures of each drug dose (flux_unit, %, s, flux_unit·s); the vehicle
    /// channel's response and the net change ride on the drug's rows, as `ldf iontophoresis`
    /// writes them.
    static let iontophoresisMeasures: [(name: String, value: @Sendable (IontophoresisDoseRow) -> Double?)] = [
        ("plateau", \.plateau), ("change", \.change), ("percent_change", \.percentChange), ("maximum", \.maximum),
        ("maximum_time_s", \.maximumTimeS), ("response_time_s", \.responseTimeS), ("half_rise_time_s", \.halfRiseTimeS),
        ("recovery_time_s", \.recoveryTimeS), ("delivery_area", \.deliveryArea), ("interval_area", \.intervalArea),
        ("vehicle_change", \.vehicleChange), ("vehicle_percent_change", \.vehiclePercentChange), ("net_change", \.netChange),
    ]

    /// VOT measures of each occlusion (StO2 %, % points, %/min, %/s, s, %·s); the fits' r² and the
    /// times on the file's axis are in `vot.csv` only.
    static let votMeasures: [(name: String, value: @Sendable (VOTOcclusionRow) -> Double?)] = [
        ("baseline", \.baseline), ("desaturation_slope", \.desaturationSlope), ("minimum", \.minimum), ("minimum_time_s", \.minimumTimeS),
        ("reoxygenation_slope", \.reoxygenationSlope), ("time_to_50_s", \.timeTo50S), ("time_to_95_s", \.timeTo95S),
        ("time_to_baseline_s", \.timeToBaselineS), ("maximum", \.maximum), ("maximum_time_s", \.maximumTimeS), ("overshoot", \.overshoot),
        ("ischaemic_area", \.ischaemicArea), ("recovery_area", \.recoveryArea), ("recovery_time_s", \.recoveryTimeS),
    ]

    /// Each iontophoresis row's dose as the `band` of its variables: drug and dose, `ach_dose1`.
    static func doseLabel(_ row: IontophoresisDoseRow) -> String { "\(row.drug)_dose\(row.dose)" }

    /// The observations of one recording's iontophoresis, VOT and CRT rows.
    static func protocolObservations(_ outcome: RecordingOutcome, position: Int) -> [Observation] {
        var out: [Observation] = []
        let doses = outcome.iontophoresis ?? []
        let drugCounts = Dictionary(grouping: Set(doses.map { [$0.channel, $0.drug] }), by: { $0[1] }).mapValues(\.count)
        for row in doses {
            let drugOrder = IontophoresisDrug(rawValue: row.drug).flatMap { IontophoresisDrug.allCases.firstIndex(of: $0) } ?? 0
            // The drug names a channel; its name is kept only where two channels of one file share a drug.
            let channel = (drugCounts[row.drug] ?? 1) > 1 ? row.channel : ""
            for measure in iontophoresisMeasures {
                guard let value = measure.value(row) else { continue }
                let variable = StudyVariable(analysis: .iontophoresis, measure: measure.name, band: doseLabel(row), occlusion: nil,
                                             order: drugOrder * 1000 + row.dose, channel: channel)
                out.append(Observation(position: position, variable: variable, value: value, fluxUnit: row.fluxUnit))
            }
        }
        for row in outcome.vot ?? [] {
            for (order, measure) in votMeasures.enumerated() {
                guard let value = measure.value(row) else { continue }
                let variable = StudyVariable(analysis: .vot, measure: measure.name, band: "", occlusion: row.occlusion, order: order,
                                             channel: outcome.variableChannel(row.channel))
                out.append(Observation(position: position, variable: variable, value: value, fluxUnit: row.unit))
            }
        }
        for summary in CRTRecordingSummary.summaries(outcome.crt ?? []) {
            for (order, measure) in CRTRecordingSummary.measures.enumerated() {
                guard let value = measure.value(summary) else { continue }
                let variable = StudyVariable(analysis: .crt, measure: measure.name, band: "", occlusion: nil, order: order,
                                             channel: outcome.variableChannel(summary.channel))
                out.append(Observation(position: position, variable: variable, value: value, fluxUnit: summary.unit))
            }
        }
        return out
    }

    /// Every CRT recording channel none of whose presses could be fitted: its CRT measures are
    /// null, left out and counted in `summary.csv` (`n_excluded`) with the presses' reasons.
    static func crtExclusions(_ outcomes: [Int: RecordingOutcome]) -> [MeasureExclusion] {
        var exclusions: [MeasureExclusion] = []
        for (position, outcome) in outcomes.sorted(by: { $0.key < $1.key }) where outcome.succeeded {
            for summary in CRTRecordingSummary.summaries(outcome.crt ?? []) where summary.meanCRTSeconds == nil {
                for (order, measure) in CRTRecordingSummary.measures.enumerated() {
                    let variable = StudyVariable(analysis: .crt, measure: measure.name, band: "", occlusion: nil, order: order,
                                                 channel: outcome.variableChannel(summary.channel))
                    exclusions.append(MeasureExclusion(position: position, variable: variable, reason: summary.nullReasons,
                                                       unit: variable.unit(fluxUnit: summary.unit)))
                }
            }
        }
        return exclusions
    }
}

/// A recording-level measure that is null with a reason, so it is left out of `summary.csv`'s
/// statistics and the comparisons and counted as `n_excluded`.
public struct MeasureExclusion: Sendable, Equatable {
    public var position: Int
    public var variable: StudyVariable
    public var reason: String
    /// The unit the value would have had.
    public var unit: String
}

/// One channel of a CRT recording as a study compares it: the mean over its fitted presses of the
/// CRT (s), the fit's r² and the relative 95 % uncertainty (2σ_b/|b|). Presses without a fit are
/// left out of the means (never counted as zero); with none fitted every mean is null and
/// `nullReasons` says why.
struct CRTRecordingSummary: Sendable {
    var channel: String
    var unit: String
    var meanCRTSeconds: Double?
    var meanRSquared: Double?
    var meanRelativeUncertainty: Double?
    /// The distinct reasons of the presses without a CRT, joined by " | ".
    var nullReasons: String

    /// The compared measures, by name, and their units.
    static let measures: [(name: String, unit: String, value: @Sendable (CRTRecordingSummary) -> Double?)] = [
        ("mean_crt_s", "s", \.meanCRTSeconds), ("mean_r_squared", ReportUnit.dimensionless, \.meanRSquared),
        ("mean_relative_uncertainty", ReportUnit.dimensionless, \.meanRelativeUncertainty),
    ]

    static var units: [String: String] { Dictionary(uniqueKeysWithValues: measures.map { ($0.name, $0.unit) }) }

    /// One summary per channel of `rows`, in the rows' order.
    static func summaries(_ rows: [CRTPressRow]) -> [CRTRecordingSummary] {
        var channels: [String] = []
        for row in rows where !channels.contains(row.channel) { channels.append(row.channel) }
        return channels.map { channel in
            let presses = rows.filter { $0.channel == channel }
            let fitted = presses.filter { $0.crtS != nil }
            func mean(_ value: (CRTPressRow) -> Double?) -> Double? {
                let values = fitted.compactMap(value)
                return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            }
            var reasons: [String] = []
            for press in presses { if let r = press.nullReason, !reasons.contains(r) { reasons.append(r) } }
            return CRTRecordingSummary(channel: channel, unit: presses[0].unit, meanCRTSeconds: mean(\.crtS), meanRSquared: mean(\.rSquared),
                                       meanRelativeUncertainty: mean(\.relativeUncertainty), nullReasons: reasons.joined(separator: " | "))
        }
    }
}
