import LDFPORH

/// Every PORH parameter of one occlusion (docs/METHODS.md §7.3), one field per
/// `PORHParameterKey` and named by it (the compiler checks the two agree): flux levels in the
/// recording's flux unit, times in s, areas in flux·s, CVC in flux/mmHg, percentages in %.
/// A parameter that cannot be computed is null; its reason is in the enclosing record.
public struct PORHParameterValues: Codable, Sendable, Equatable, ReportUnits {
    public typealias CodingKeys = PORHParameterKey

    @Nullable public var restFlux: Double? = nil
    @Nullable public var biologicalZero: Double? = nil
    @Nullable public var occlusionMinimum: Double? = nil
    @Nullable public var peakFlux: Double? = nil
    @Nullable public var peakTime: Double? = nil
    @Nullable public var timeToPeak: Double? = nil
    @Nullable public var peakRestRatio: Double? = nil
    @Nullable public var percentIncrease: Double? = nil
    @Nullable public var restPercentOfPeak: Double? = nil
    @Nullable public var bzCorrectedRatio: Double? = nil
    @Nullable public var plateauFlux: Double? = nil
    @Nullable public var t75: Double? = nil
    @Nullable public var t50: Double? = nil
    @Nullable public var t25: Double? = nil
    @Nullable public var hyperaemiaDuration: Double? = nil
    @Nullable public var repaymentArea: Double? = nil
    @Nullable public var debtArea: Double? = nil
    @Nullable public var repaymentDebtRatio: Double? = nil
    @Nullable public var cvcRest: Double? = nil
    @Nullable public var cvcPeak: Double? = nil
    @Nullable public var percentCVCMaxRest: Double? = nil
    @Nullable public var percentCVCMaxPeak: Double? = nil
    @Nullable public var fitA: Double? = nil
    @Nullable public var fitB: Double? = nil
    @Nullable public var fitC: Double? = nil
    @Nullable public var fitD: Double? = nil
    @Nullable public var fitRSquared: Double? = nil

    /// The values of `parameters` (nil for the missing ones).
    public init(_ parameters: [PORHParameter]) {
        for p in parameters { self[p.key] = p.value }
    }

    /// The value of `key`.
    public subscript(key: PORHParameterKey) -> Double? {
        get { self[keyPath: Self.field(key)] }
        set { self[keyPath: Self.field(key)] = newValue }
    }

    static func field(_ key: PORHParameterKey) -> WritableKeyPath<Self, Double?> {
        switch key {
        case .restFlux: \.restFlux
        case .biologicalZero: \.biologicalZero
        case .occlusionMinimum: \.occlusionMinimum
        case .peakFlux: \.peakFlux
        case .peakTime: \.peakTime
        case .timeToPeak: \.timeToPeak
        case .peakRestRatio: \.peakRestRatio
        case .percentIncrease: \.percentIncrease
        case .restPercentOfPeak: \.restPercentOfPeak
        case .bzCorrectedRatio: \.bzCorrectedRatio
        case .plateauFlux: \.plateauFlux
        case .t75: \.t75
        case .t50: \.t50
        case .t25: \.t25
        case .hyperaemiaDuration: \.hyperaemiaDuration
        case .repaymentArea: \.repaymentArea
        case .debtArea: \.debtArea
        case .repaymentDebtRatio: \.repaymentDebtRatio
        case .cvcRest: \.cvcRest
        case .cvcPeak: \.cvcPeak
        case .percentCVCMaxRest: \.percentCVCMaxRest
        case .percentCVCMaxPeak: \.percentCVCMaxPeak
        case .fitA: \.fitA
        case .fitB: \.fitB
        case .fitC: \.fitC
        case .fitD: \.fitD
        case .fitRSquared: \.fitRSquared
        }
    }

    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        return Dictionary(uniqueKeysWithValues: PORHParameterKey.allCases.map { ($0.rawValue, ReportUnit.named($0.unit(flux: flux))) })
    }
}
