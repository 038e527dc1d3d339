import LDFCore
import LDFPORH
import LDFProtocols

/// One dose of one channel: the row `ldf iontophoresis` writes in CSV and in each JSON
/// recording's `doses`. Times on the file's axis (s) for the pulse, from the pulse start (s) for
/// the response times; levels in `flux_unit`; areas in flux_unit·s above rest; charges in mC;
/// percentages of rest. The vehicle columns hold the file's vehicle channel's response to the
/// same dose (empty on the vehicle's own rows). A value that cannot be computed is null and
/// `null_reasons` says why.
public struct IontophoresisDoseRow: Codable, Sendable, Equatable {
    public var source: String
    public var channel: String
    public var drug: String
    public var drugSource: String
    public var fluxUnit: String
    public var dose: Int
    public var startS: Double
    public var stopS: Double
    @Nullable public var chargeMc: Double? = nil
    @Nullable public var cumulativeChargeMc: Double? = nil
    @Nullable public var rest: Double? = nil
    @Nullable public var restSd: Double? = nil
    @Nullable public var reference: Double? = nil
    @Nullable public var plateau: Double? = nil
    @Nullable public var change: Double? = nil
    @Nullable public var percentChange: Double? = nil
    @Nullable public var maximum: Double? = nil
    @Nullable public var maximumTimeS: Double? = nil
    @Nullable public var responseTimeS: Double? = nil
    @Nullable public var halfRiseTimeS: Double? = nil
    @Nullable public var recoveryTimeS: Double? = nil
    @Nullable public var deliveryArea: Double? = nil
    @Nullable public var intervalArea: Double? = nil
    @Nullable public var vehicleChannel: String? = nil
    @Nullable public var vehicleChange: Double? = nil
    @Nullable public var vehiclePercentChange: Double? = nil
    @Nullable public var netChange: Double? = nil
    /// "field: reason" for every null value, joined by "; ".
    @Nullable public var nullReasons: String? = nil

    public init(_ r: IontophoresisResult, _ d: DoseResponse, entry: DoseResponseEntry?) {
        source = r.source
        channel = r.channel
        drug = r.drug.rawValue
        drugSource = r.drugSource.rawValue
        fluxUnit = r.fluxUnit
        dose = d.index
        startS = d.dose.startSeconds
        stopS = d.dose.stopSeconds
        chargeMc = d.dose.chargeMillicoulombs
        cumulativeChargeMc = d.cumulativeCharge.value
        rest = r.rest.value
        restSd = r.restSD.value
        reference = d.reference.value
        plateau = d.plateau.value
        change = d.change.value
        percentChange = d.percentChange.value
        maximum = d.maximum.value
        maximumTimeS = d.maximumTime.value
        responseTimeS = d.responseTime.value
        halfRiseTimeS = d.halfRiseTime.value
        recoveryTimeS = d.recoveryTime.value
        deliveryArea = d.deliveryArea.value
        intervalArea = d.intervalArea.value
        vehicleChannel = entry?.vehicleChannel
        vehicleChange = entry?.vehicleChange.value
        vehiclePercentChange = entry?.vehiclePercentChange.value
        netChange = entry?.netChange.value
        let reasons = Self.reasons(r, d, entry: entry).map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        nullReasons = reasons.isEmpty ? nil : reasons
    }

    /// The reason of every missing value, by field; a reason shared by a value and the values
    /// computed from it is given once (under the first).
    public static func reasons(_ r: IontophoresisResult, _ d: DoseResponse, entry: DoseResponseEntry?) -> [(field: String, reason: String)] {
        var fields: [(String, ProtocolMeasure)] = [
            ("rest", r.rest), ("cumulative_charge_mc", d.cumulativeCharge), ("plateau", d.plateau), ("change", d.change),
            ("percent_change", d.percentChange), ("maximum", d.maximum), ("response_time_s", d.responseTime),
            ("half_rise_time_s", d.halfRiseTime), ("recovery_time_s", d.recoveryTime), ("delivery_area", d.deliveryArea),
        ]
        if let entry, r.drug != .vehicle { fields += [("vehicle_change", entry.vehicleChange), ("net_change", entry.netChange)] }
        var seen = Set<String>()
        var out: [(String, String)] = []
        for (field, measure) in fields {
            guard let reason = measure.reason, seen.insert(reason).inserted else { continue }
            out.append((field, reason))
        }
        return out
    }
}

extension IontophoresisDoseRow: ReportUnits {
    public static func units(fluxUnit: String) -> [String: String] {
        let flux = ReportUnit.flux(fluxUnit)
        var units = ["start_s": "s", "stop_s": "s", "charge_mc": "mC", "cumulative_charge_mc": "mC", "maximum_time_s": "s",
                     "response_time_s": "s", "half_rise_time_s": "s", "recovery_time_s": "s", "percent_change": "%",
                     "vehicle_percent_change": "%", "delivery_area": "\(flux)·s", "interval_area": "\(flux)·s", "dose": ReportUnit.dimensionless]
        for field in ["rest", "rest_sd", "reference", "plateau", "change", "maximum", "vehicle_change", "net_change"] { units[field] = flux }
        return units
    }
}

/// One channel of `ldf iontophoresis --format json`: its doses with how they were found, or the
/// error of its file.
public struct IontophoresisRecordingRecord: Codable, Sendable, Equatable {
    public var source: String
    @Nullable public var error: String? = nil
    @Nullable public var channel: String? = nil
    @Nullable public var drug: String? = nil
    @Nullable public var timeOriginS: Double? = nil
    @Nullable public var pulsesFrom: String? = nil
    @Nullable public var restWindow: TimeWindowRecord? = nil
    public var pulses: [String]
    public var doses: [IontophoresisDoseRow]
    public var units: [String: String]
    public var diagnostics: [String]

    public init(_ r: IontophoresisResult, table: DoseResponseTable) {
        source = r.source
        channel = r.channel
        drug = r.drug.rawValue
        timeOriginS = r.timeOriginSeconds
        pulsesFrom = r.schedule.source
        restWindow = TimeWindowRecord(r.restWindow)
        pulses = r.schedule.doses.map(\.detail)
        doses = IontophoresisDoseRow.rows(r, table: table)
        units = IontophoresisDoseRow.units(fluxUnit: r.fluxUnit)
        diagnostics = r.diagnostics.map(\.description)
    }

    public init(source: String, error: String) {
        self.source = source
        self.error = error
        pulses = []
        doses = []
        units = [:]
        diagnostics = []
    }
}

extension IontophoresisDoseRow {
    /// The rows of every dose of `r`, with the table's vehicle columns.
    public static func rows(_ r: IontophoresisResult, table: DoseResponseTable) -> [IontophoresisDoseRow] {
        r.doses.map { d in IontophoresisDoseRow(r, d, entry: table.entries.first { $0.channel == r.channel && $0.dose == d.index }) }
    }
}

/// `ldf iontophoresis --format json`: toolkit, parameters, per channel its doses.
public struct IontophoresisOutputRecord: Codable, Sendable, Equatable {
    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var recordings: [IontophoresisRecordingRecord]

    /// Every setting that shaped the results (s, mA).
    public struct Parameters: Codable, Sendable, Equatable {
        @Nullable public var pulses: String?
        @Nullable public var currentMa: Double?
        @Nullable public var drugs: String?
        public var restWindowS: Double
        public var plateauWindowS: Double
        public var smoothingS: Double
        public var thresholdSd: Double
        public var sustainS: Double
        public var intervalRule = "pulse start to the next pulse's start; the last: its stop plus the median earlier gap (60 s with one pulse)"
        public var responseRule = "first time the smoothed flux stays above the reference (rest, then the previous plateau) + k SD(rest) for the sustain time"
        public var recoveryRule = "first time after the maximum the smoothed flux stays below rest + k SD(rest) for the sustain time"
    }

    public init(options o: IontophoresisOptions, recordings: [IontophoresisRecordingRecord]) {
        parameters = Parameters(pulses: o.pulses.map { $0.doses.map(Self.pulseText).joined(separator: ",") }, currentMa: o.currentMilliamps,
                                drugs: o.drugs?.description, restWindowS: o.restWindowSeconds, plateauWindowS: o.plateauWindowSeconds,
                                smoothingS: o.smoothingSeconds, thresholdSd: o.thresholdSD, sustainS: o.sustainSeconds)
        self.recordings = recordings
    }

    /// A pulse as `START+DURATION[:CHARGE]`.
    static func pulseText(_ d: Dose) -> String {
        "\(ReportNumber.exact(d.startSeconds))+\(ReportNumber.exact(d.durationSeconds))" + (d.chargeMillicoulombs.map { ":\(ReportNumber.exact($0))" } ?? "")
    }
}
