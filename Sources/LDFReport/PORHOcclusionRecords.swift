import LDFCore
import LDFPORH

/// When an occlusion was and how it was timed: the columns `ldf porh` CSV rows and JSON
/// occlusions share. Times in s on the file's axis; `confidence` 0-1 (null when not detected).
public struct PORHOcclusionTimingColumns: Codable, Sendable, Equatable, ReportUnits {
    public var startS: Double
    public var releaseS: Double
    public var durationS: Double
    public var timingSource: String
    @Nullable public var confidence: Double? = nil
    /// Where the rest flux was measured (`before_this_occlusion`, `before_first_occlusion`).
    public var restReference: String

    public init(_ o: PORHOcclusionResult) {
        startS = o.timing.startSeconds
        releaseS = o.timing.releaseSeconds
        durationS = o.timing.durationSeconds
        timingSource = o.timing.source.rawValue
        confidence = o.timing.confidence
        restReference = o.restReference.rawValue
    }

    public static func units(fluxUnit: String) -> [String: String] {
        ["start_s": "s", "release_s": "s", "duration_s": "s", "confidence": ReportUnit.dimensionless]
    }
}

/// A stretch of the file's time axis, s.
public struct TimeWindowRecord: Codable, Sendable, Equatable {
    public var startS: Double
    public var endS: Double

    public init(_ w: TimeWindow) {
        startS = w.startSeconds
        endS = w.endSeconds
    }
}

/// The windows an occlusion was measured over; null when a window could not be placed.
public struct PORHWindowsRecord: Codable, Sendable, Equatable {
    @Nullable public var rest: TimeWindowRecord? = nil
    @Nullable public var biologicalZero: TimeWindowRecord? = nil
    @Nullable public var peakSearch: TimeWindowRecord? = nil
    @Nullable public var plateau: TimeWindowRecord? = nil
    public var recovery: TimeWindowRecord

    public init(_ w: PORHWindows) {
        rest = w.rest.map(TimeWindowRecord.init)
        biologicalZero = w.biologicalZero.map(TimeWindowRecord.init)
        peakSearch = w.peakSearch.map(TimeWindowRecord.init)
        plateau = w.plateau.map(TimeWindowRecord.init)
        recovery = TimeWindowRecord(w.recovery)
    }
}

/// Band summaries of (flux - transient fit) / d over the reperfusion segment: dimensionless, so
/// the band rows' flux unit is "1".
public struct ReperfusionFlowmotionRecord: Codable, Sendable, Equatable {
    public var segment: TimeWindowRecord
    public var signal = "(flux - transient fit) / d, dimensionless"
    public var preset: String
    public var bands: [BandSummaryRow]
    public var units: [String: String]
    public var diagnostics: [Diagnostic]

    public init(_ flowmotion: ReperfusionFlowmotion, channel: String) {
        segment = TimeWindowRecord(flowmotion.segment)
        preset = flowmotion.report.bandSet.name
        bands = flowmotion.report.bands.map { BandSummaryRow($0, channel: channel, fluxUnit: ReportUnit.dimensionless) }
        units = BandSummaryRow.units(fluxUnit: ReportUnit.dimensionless)
        diagnostics = flowmotion.diagnostics
    }
}

/// What a JSON occlusion adds to the shared columns: the timing's explanation, each null
/// parameter's reason, the units of every field, the windows and notes.
public struct PORHOcclusionDetails: Codable, Sendable, Equatable {
    /// 1-based position of the occlusion in the recording.
    public var index: Int
    public var timingDetail: String
    /// Why each null parameter is null.
    public var reasons: [String: String]
    /// How T75/T50/T25 were read (`fit`, `crossing`); null without them.
    @Nullable public var recoveryTimesMethod: String? = nil
    /// R² beyond white noise of the recovery fit, the quantity the method was chosen on (dimensionless).
    @Nullable public var recoveryFitR2: Double? = nil
    public var units: [String: String]
    public var windows: PORHWindowsRecord
    /// When smoothed flux came back to rest flux, s on the file's axis.
    @Nullable public var returnS: Double? = nil
    public var diagnostics: [String]
    @Nullable public var reperfusionFlowmotion: ReperfusionFlowmotionRecord? = nil
    /// Why the reperfusion bands are null although they were asked for.
    @Nullable public var reperfusionFlowmotionReason: String? = nil

    public init(_ o: PORHOcclusionResult, channel: String, fluxUnit: String) {
        index = o.index
        timingDetail = o.timing.detail
        reasons = Dictionary(uniqueKeysWithValues: o.parameters.compactMap { p in p.reason.map { (p.key.rawValue, $0) } })
        recoveryTimesMethod = o.recoveryTimesMethod?.rawValue
        recoveryFitR2 = o.recoveryFitRSquared
        units = PORHOcclusionRecord.units(fluxUnit: fluxUnit)
        windows = PORHWindowsRecord(o.windows)
        returnS = o.windows.returnSeconds
        diagnostics = o.diagnostics.map(\.description)
        reperfusionFlowmotion = o.reperfusionFlowmotion.map { ReperfusionFlowmotionRecord($0, channel: channel) }
        reperfusionFlowmotionReason = o.reperfusionFlowmotionReason
    }
}

/// One occlusion of `ldf porh --format json` (and of the `porh` record of `ldf stream`): the
/// timing columns, every parameter and the details as one flat object.
public typealias PORHOcclusionRecord = Merged<PORHOcclusionTimingColumns, Merged<PORHParameterValues, PORHOcclusionDetails>>

extension Merged: ReportUnits where First == PORHOcclusionTimingColumns, Second == Merged<PORHParameterValues, PORHOcclusionDetails> {
    public init(_ o: PORHOcclusionResult, channel: String, fluxUnit: String) {
        self.init(PORHOcclusionTimingColumns(o), Merged<PORHParameterValues, PORHOcclusionDetails>(
            PORHParameterValues(o.parameters), PORHOcclusionDetails(o, channel: channel, fluxUnit: fluxUnit)))
    }

    /// The timing columns, the parameters and the return time.
    public static func units(fluxUnit: String) -> [String: String] {
        PORHOcclusionTimingColumns.units(fluxUnit: fluxUnit).merging(PORHParameterValues.units(fluxUnit: fluxUnit)) { a, _ in a }
            .merging(["return_s": "s", "recovery_fit_r2": ReportUnit.dimensionless]) { a, _ in a }
    }
}

/// One row of `ldf porh --format csv`: an occlusion with its recording, channel, flux unit, the
/// site and the pressures CVC is computed from (`map_mmhg`, mmHg; `cvc_max`, flux/mmHg), every
/// parameter (empty cells for nulls), how T75/T50/T25 were read (`recovery_times_method`, with the
/// recovery fit's `recovery_fit_r2`) and the reasons of the nulls ("key: reason; ...").
public struct PORHOcclusionRow: Codable, Sendable, Equatable, ReportUnits {
    public var source: String
    public var channel: String
    public var fluxUnit: String
    public var occlusion: Int
    public var timing: PORHOcclusionTimingColumns
    public var site: String
    @Nullable public var mapMmhg: Double? = nil
    @Nullable public var cvcMax: Double? = nil
    public var values: PORHParameterValues
    @Nullable public var recoveryTimesMethod: String? = nil
    @Nullable public var recoveryFitR2: Double? = nil
    @Nullable public var nullReasons: String? = nil

    public init(_ o: PORHOcclusionResult, of result: PORHRecordingResult) {
        source = result.source
        channel = result.fluxChannel
        fluxUnit = result.fluxUnit
        occlusion = o.index
        timing = PORHOcclusionTimingColumns(o)
        site = result.options.site.rawValue
        mapMmhg = result.options.meanArterialPressureMmHg
        cvcMax = result.options.maximumCVC
        values = PORHParameterValues(o.parameters)
        recoveryTimesMethod = o.recoveryTimesMethod?.rawValue
        recoveryFitR2 = o.recoveryFitRSquared
        nullReasons = Self.nullReasons(o.parameters)
    }

    /// "key: reason" for every missing parameter, joined by "; "; nil when none is missing.
    public static func nullReasons(_ parameters: [PORHParameter]) -> String? {
        let reasons = parameters.compactMap { p in p.reason.map { "\(p.key.rawValue): \($0)" } }.joined(separator: "; ")
        return reasons.isEmpty ? nil : reasons
    }

    /// One row per occlusion of `result`.
    public static func rows(_ result: PORHRecordingResult) -> [PORHOcclusionRow] {
        result.occlusions.map { PORHOcclusionRow($0, of: result) }
    }

    public static func units(fluxUnit: String) -> [String: String] {
        PORHOcclusionTimingColumns.units(fluxUnit: fluxUnit).merging(PORHParameterValues.units(fluxUnit: fluxUnit)) { a, _ in a }
            .merging(["map_mmhg": "mmHg", "cvc_max": "\(ReportUnit.flux(fluxUnit))/mmHg",
                      "recovery_fit_r2": ReportUnit.dimensionless]) { a, _ in a }
    }
}
