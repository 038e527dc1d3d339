/// Every PORH parameter the toolkit reports (docs/METHODS.md §7.3), in output order. The raw value is
/// the key in JSON and the column name in CSV (the coding keys of `LDFReport.PORHParameterValues`).
public enum PORHParameterKey: String, Sendable, Codable, CaseIterable, CodingKey {
    case restFlux = "rest_flux"
    case biologicalZero = "biological_zero"
    case occlusionMinimum = "occlusion_minimum"
    case peakFlux = "peak_flux"
    case peakTime = "peak_time_s"
    case timeToPeak = "time_to_peak_s"
    case peakRestRatio = "peak_rest_ratio"
    case percentIncrease = "percent_increase"
    case restPercentOfPeak = "rest_percent_of_peak"
    case bzCorrectedRatio = "bz_corrected_ratio"
    case plateauFlux = "plateau_flux"
    case t75 = "t75_s"
    case t50 = "t50_s"
    case t25 = "t25_s"
    case hyperaemiaDuration = "hyperaemia_duration_s"
    case repaymentArea = "repayment_area"
    case debtArea = "debt_area"
    case repaymentDebtRatio = "repayment_debt_ratio"
    case cvcRest = "cvc_rest"
    case cvcPeak = "cvc_peak"
    case percentCVCMaxRest = "percent_cvc_max_rest"
    case percentCVCMaxPeak = "percent_cvc_max_peak"
    case fitA = "fit_a"
    case fitB = "fit_b_s"
    case fitC = "fit_c"
    case fitD = "fit_d"
    case fitRSquared = "fit_r2"

    /// Unit, with `flux` standing for the recording's flux unit (PU, BPU, ...).
    public func unit(flux: String) -> String {
        switch self {
        case .restFlux, .biologicalZero, .occlusionMinimum, .peakFlux, .plateauFlux, .fitA, .fitD: flux
        case .peakTime, .timeToPeak, .t75, .t50, .t25, .hyperaemiaDuration, .fitB: "s"
        case .peakRestRatio, .bzCorrectedRatio, .repaymentDebtRatio, .fitC, .fitRSquared: ""
        case .percentIncrease, .restPercentOfPeak, .percentCVCMaxRest, .percentCVCMaxPeak: "%"
        case .repaymentArea, .debtArea: "\(flux)·s"
        case .cvcRest, .cvcPeak: "\(flux)/mmHg"
        }
    }

    /// What it means, for table output and help.
    public var summary: String {
        switch self {
        case .restFlux: "rest flux: mean over the rest window"
        case .biologicalZero: "biological zero: mean over the last part of the occlusion"
        case .occlusionMinimum: "minimum of smoothed flux during the occlusion"
        case .peakFlux: "peak flux: maximum of smoothed flux after release"
        case .peakTime: "time of the peak on the file's time axis"
        case .timeToPeak: "time from release to the peak"
        case .peakRestRatio: "peak / rest"
        case .percentIncrease: "100 (peak - rest) / rest"
        case .restPercentOfPeak: "100 rest / peak (rest CVC as % of the PORH peak CVC)"
        case .bzCorrectedRatio: "(peak - BZ) / (rest - BZ)"
        case .plateauFlux: "post-occlusive plateau: mean over the end of the recovery"
        case .t75: "peak until flux falls to E + 75% of (peak - E), by the recovery fit or a crossing (recovery_times_method); E: plateau, or rest"
        case .t50: "peak until flux falls to E + 50% of (peak - E), by the recovery fit or a crossing (recovery_times_method); E: plateau, or rest"
        case .t25: "peak until flux falls to E + 25% of (peak - E), by the recovery fit or a crossing (recovery_times_method); E: plateau, or rest"
        case .hyperaemiaDuration: "release until smoothed flux returns to rest flux"
        case .repaymentArea: "integral of (smoothed flux - rest)+ from release to the return"
        case .debtArea: "integral of (rest - flux) over the occlusion"
        case .repaymentDebtRatio: "repayment area / debt area"
        case .cvcRest: "rest flux / mean arterial pressure"
        case .cvcPeak: "peak flux / mean arterial pressure"
        case .percentCVCMaxRest: "rest CVC as % of the maximal CVC given"
        case .percentCVCMaxPeak: "peak CVC as % of the maximal CVC given"
        case .fitA: "transient a in a exp(-(t/b)^c) + d from the peak"
        case .fitB: "transient b"
        case .fitC: "transient c"
        case .fitD: "transient d"
        case .fitRSquared: "R^2 of the transient fit"
        }
    }
}

/// One PORH parameter: a value, or null with the reason it could not be computed (never a guess).
public struct PORHParameter: Sendable, Codable, Equatable {
    public var key: PORHParameterKey
    /// The value, in the key's unit; nil when it cannot be computed.
    public var value: Double?
    /// Why `value` is nil (nil when there is a value).
    public var reason: String?

    public init(_ key: PORHParameterKey, value: Double) {
        precondition(value.isFinite, "\(key.rawValue) must be finite; report a reason instead")
        self.key = key
        self.value = value
        self.reason = nil
    }

    public init(_ key: PORHParameterKey, missing reason: String) {
        self.key = key
        self.value = nil
        self.reason = reason
    }

    /// A value when `value` is finite, else the reason.
    static func checked(_ key: PORHParameterKey, _ value: Double, otherwise reason: @autoclosure () -> String) -> PORHParameter {
        value.isFinite ? PORHParameter(key, value: value) : PORHParameter(key, missing: reason())
    }
}
