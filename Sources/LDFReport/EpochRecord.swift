import LDFEpochs

/// One interval and channel of an epoch analysis: the record `ldf epochs` writes as a CSV row and
/// a JSON object, and `ldf study` as an `epochs.csv` row. Times are on the file's axis
/// (seconds), statistics in the channel's `flux_unit`, `cvc` in unit/mmHg, `percent_change` in %,
/// `valid_share` 0-1; a value that cannot be computed is null and `null_reasons` says why.
public struct EpochRecord: Codable, Sendable, Equatable {
    public var interval: String
    public var startS: Double
    public var endS: Double
    public var durationS: Double
    public var channel: String
    public var fluxUnit: String
    public var samples: Int
    @Nullable public var validShare: Double? = nil
    @Nullable public var mean: Double? = nil
    @Nullable public var median: Double? = nil
    @Nullable public var sd: Double? = nil
    @Nullable public var min: Double? = nil
    @Nullable public var max: Double? = nil
    @Nullable public var cvc: Double? = nil
    @Nullable public var change: Double? = nil
    @Nullable public var percentChange: Double? = nil
    /// "field: reason" for every null value, joined by "; ".
    @Nullable public var nullReasons: String? = nil

    public init(_ s: EpochChannelStatistics) {
        interval = s.interval.name
        startS = s.interval.startSeconds
        endS = s.interval.endSeconds
        durationS = s.interval.durationSeconds
        channel = s.channel
        fluxUnit = s.unit
        samples = s.sampleCount
        validShare = s.validShare
        mean = s.mean
        median = s.median
        sd = s.standardDeviation
        min = s.minimum
        max = s.maximum
        cvc = s.cvc
        change = s.changeFromReference
        percentChange = s.percentChangeFromReference
        let reasons = s.reasons.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
        nullReasons = reasons.isEmpty ? nil : reasons
    }
}

/// One input of `ldf epochs --format json`: its rows, or the error that stopped it.
public struct EpochsRecordingRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var timeOriginS: Double? = nil
    public var rows: [EpochRecord]
    /// Per channel, the unit of every numeric field of its rows (`EpochRecord.units`).
    public var units: [String: [String: String]]
    public var diagnostics: [String]

    public init(report: EpochReport) {
        source = report.source
        timeOriginS = report.timeOriginSeconds
        rows = report.rows.map(EpochRecord.init)
        units = Dictionary(rows.map { ($0.channel, EpochRecord.units(fluxUnit: $0.fluxUnit)) }) { first, _ in first }
        diagnostics = report.diagnostics.map(\.description)
    }

    public init(source: String, error: String) {
        self.source = source
        self.error = error
        rows = []
        units = [:]
        diagnostics = []
    }
}

extension EpochRecord: ReportUnits {
    /// Times in s, statistics and changes in the channel's unit, CVC per mmHg, shares 0-1.
    public static func units(fluxUnit: String) -> [String: String] {
        let unit = ReportUnit.flux(fluxUnit)
        var units = ["start_s": "s", "end_s": "s", "duration_s": "s", "samples": "samples", "valid_share": ReportUnit.dimensionless,
                     "cvc": "\(unit)/mmHg", "percent_change": "%"]
        for field in ["mean", "median", "sd", "min", "max", "change"] { units[field] = unit }
        return units
    }
}
