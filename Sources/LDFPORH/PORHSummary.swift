import LDFCore

/// One parameter summarised across the occlusions of a recording (repeated occlusions or
/// loadings): how many had a value, their mean, sample SD and coefficient of variation.
public struct PORHParameterSummary: Sendable, Equatable {
    public var key: PORHParameterKey
    /// Occlusions with a value for this parameter.
    public var count: Int
    /// Mean over those occlusions (nil when none has a value).
    public var mean: Double?
    /// Sample standard deviation (n - 1); nil for fewer than 2 values.
    public var standardDeviation: Double?
    /// 100 SD / |mean|, in %; nil for fewer than 2 values or a zero mean.
    public var coefficientOfVariationPercent: Double?
    /// Why SD and CV are nil, when they are.
    public var reason: String?

    /// Summarises `key` over `occlusions`.
    public init(_ key: PORHParameterKey, over occlusions: [PORHOcclusionResult]) {
        let values = occlusions.compactMap { $0[key].value }
        self.key = key
        count = values.count
        guard !values.isEmpty else {
            reason = "no occlusion has a value"
            return
        }
        let stats = SummaryStatistics(values)
        mean = stats.mean
        guard values.count >= 2 else {
            reason = "only one occlusion has a value"
            return
        }
        let sd = stats.standardDeviation
        standardDeviation = sd
        if stats.mean != 0 { coefficientOfVariationPercent = 100 * sd / abs(stats.mean) } else { reason = "the mean is 0" }
    }
}

extension PORHRecordingResult {
    /// Every parameter except the peak time summarised across the occlusions; empty for fewer
    /// than two occlusions.
    public var summary: [PORHParameterSummary] {
        guard occlusions.count >= 2 else { return [] }
        return PORHParameterKey.allCases.filter { $0 != .peakTime }.map { PORHParameterSummary($0, over: occlusions) }
    }
}
