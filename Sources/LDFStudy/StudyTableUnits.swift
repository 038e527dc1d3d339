import LDFCore
import LDFProtocols
import LDFReport

/// The unit of every column of every table `ldf study` writes: the `units` map of `study.json`,
/// table name (the CSV file's name without `.csv`) → column → unit.
///
/// - Numbers: their unit; `1` for dimensionless numbers, counts and indices (n, family size,
///   occlusion, manifest line; sample counts `samples`), `%` for percentages.
/// - Values in the recordings' flux unit: that unit (e.g. `PU`, powers `PU^2`) when every row of
///   the table shares one, else written with `flux_unit`, the column that holds each row's unit
///   (`flux_unit^2` for powers, `flux_unit/mmHg` for CVC).
/// - Values of a VOT saturation or a CRT signal (`vot`, `crt`): likewise with `unit`, the column
///   those tables hold each row's signal unit in (`%` for StO2).
/// - Summaries and comparisons of several measures (`summary`, `comparisons`,
///   `spectra_comparisons`): `unit`, the column that holds each row's unit.
/// - Text (identifiers, labels, flags, reasons) and the manifest's extra columns, whose units the
///   toolkit does not know: the empty string.
///
/// Units follow the record types the tables share with `ldf bands`, `spectrum`, `porh` and `epochs`
/// (`BandSummaryRow`, `SpectrumColumnsRecord`, `PORHOcclusionRecord`, `EpochRecord`, `HeatingRow`,
/// `IontophoresisDoseRow`, `VOTOcclusionRow`, `CRTPressRow`).
public enum StudyTableUnits {
    /// The unit written for a column whose rows carry different flux units: the flux unit column's name.
    public static let varyingFlux = "flux_unit"
    /// The unit written for a summary or comparison value: the name of the column holding each row's unit.
    public static let perRow = "unit"
    /// The unit of a text column.
    public static let text = ""

    /// Columns of study tables that hold text (or true/false), in any table.
    static let textColumns: Set<String> = [
        "id", "subject", "group", "site", "condition", "protocol", "source", "channel", "flux_unit", "band", "reason",
        "preset", "method", "wavelet", "padding", "cone", "preprocessing", "include_edges", "allow_short_bands", "timing_source",
        "rest_reference", "recovery_times_method", "null_reasons", "interval", "analysis", "measure", "unit", "excluded_reason",
        "design", "level_a", "level_b", "test", "statistic_kind", "effect_size_kind", "adjustment", "path", "severity", "stage",
        "message", "first_id", "second_id", "stratum", "scope", "onset_source", "maximum_step_source", "biphasic", "cvc_max_source",
        "drug", "drug_source", "vehicle_channel", "refill", "release_source", "fit_end_rule", "null_reason",
    ]

    /// The rank test's numbers (`RankTestColumns`, and the same columns of `comparisons.csv`).
    static let rankTest = ["statistic": "1", "p_value": "1", "effect_size": "1", "family_size": "1", "p_adjusted": "1"]

    /// The units of each table's columns; a column that has no entry is a defect (`StudyTableUnitsTests`).
    ///
    /// - Parameters:
    ///   - tables: the tables by name (`bands`, `summary`, ...), as the study writes them.
    ///   - extraColumns: the manifest's extra columns, which lead every per-recording table.
    public static func units(of tables: [(name: String, table: CSVTable)], extraColumns: [String]) -> [String: [String: String]] {
        Dictionary(tables.map { name, table in
            let numbers = numericUnits(table: name, flux: fluxUnit(of: table, column: signalUnitColumn(of: name)))
            let units = table.columns.compactMap { column -> (String, String)? in
                if extraColumns.contains(column) || textColumns.contains(column) { return (column, text) }
                return numbers[column].map { (column, $0) }
            }
            return (name, Dictionary(units) { first, _ in first })
        }) { first, _ in first }
    }

    /// The column that holds each row's signal unit: `unit` in the tables of `ldf vot` (StO2)
    /// and `ldf crt` (intensity or flux), whose rows are not always flux, else `flux_unit`.
    static func signalUnitColumn(of table: String) -> String { ["vot", "crt"].contains(table) ? "unit" : varyingFlux }

    /// The unit the rows of `table` share in `column` (`ReportUnit.flux` of it), else `column`'s
    /// name (each row's own unit is in that column).
    static func fluxUnit(of table: CSVTable, column name: String = varyingFlux) -> String {
        guard let column = table.columns.firstIndex(of: name) else { return name }
        let units = Set(table.rows.map { $0[column] })
        guard units.count == 1, let unit = units.first else { return name }
        return ReportUnit.flux(unit)
    }

    /// The units of the numeric columns of the table `name` whose rows' flux unit is `flux`.
    static func numericUnits(table name: String, flux: String) -> [String: String] {
        let recording = ["sample_rate_hz": "Hz", "occlusion": "1"]
        let statistics = Dictionary(uniqueKeysWithValues: ["mean", "sd", "median", "q1", "q3", "iqr"].map { ($0, perRow) })
        let levels = ["n_a": "1", "n_b": "1", "median_a": perRow, "median_b": perRow]
        switch name {
        case "bands":
            return recording.merging(bandUnits(flux: flux)) { a, _ in a }.merging(BandAnalysisColumns.units) { a, _ in a }
                .merging(["f0": "1", "voices": "1/octave", "min_valid_fraction": "1"]) { a, _ in a }
        case "reperfusion_bands":
            return recording.merging(bandUnits(flux: ReportUnit.dimensionless)) { a, _ in a }
        case "spectra":
            return recording.merging(SpectrumColumnsRecord.units(fluxUnit: flux).mapValues(simplified)) { a, _ in a }
        case "porh":
            return recording.merging(PORHOcclusionRecord.units(fluxUnit: flux)) { a, _ in a }.merging(["map_mmhg": "mmHg"]) { a, _ in a }
        case "epochs":
            return recording.merging(EpochRecord.units(fluxUnit: flux)) { a, _ in a }
        case "heating":
            return HeatingRow.units(fluxUnit: flux)
        case "iontophoresis":
            return IontophoresisDoseRow.units(fluxUnit: flux)
        case "vot":
            return recording.merging(VOTOcclusionRow.units(fluxUnit: flux)) { a, _ in a }
        case "crt":
            return CRTPressRow.units(fluxUnit: flux)
        case "summary":
            return statistics.merging(["occlusion": "1", "n": "1", "n_excluded": "1"]) { a, _ in a }
        case "comparisons":
            return rankTest.merging(levels) { a, _ in a }.merging(["occlusion": "1"]) { a, _ in a }
        case "spectra_comparisons":
            return rankTest.merging(levels) { a, _ in a }
                .merging(["frequency_hz": "Hz", "q1_a": perRow, "q3_a": perRow, "q1_b": perRow, "q3_b": perRow]) { a, _ in a }
        case "errors":
            return ["row": "1"]
        case "coherence":
            return ["frequency_hz": "Hz", "coherence": "1", "surrogate_threshold": "1", "residual_coherence": "1", "analysed_s": "s",
                    "sample_rate_hz": "Hz", "percentile": "%"]
        case "group_coherence":
            return ["subjects": "1", "frequency_hz": "Hz", "median_coherence": "1", "median_residual_coherence": "1",
                    "surrogate_median": "1", "surrogate_threshold": "1", "analysed_s": "s"]
        case "coherence_comparisons":
            return rankTest.merging(["frequency_hz": "Hz", "n_a": "1", "n_b": "1", "median_a": "1", "median_b": "1"]) { a, _ in a }
        default:
            return [:]
        }
    }

    /// A band row's units (`BandSummaryRow.units`) with its count of frequencies.
    static func bandUnits(flux: String) -> [String: String] {
        BandSummaryRow.units(fluxUnit: flux).mapValues(simplified).merging(["frequency_count": "1"]) { a, _ in a }
    }

    /// The unit of a row whose values come from recordings with `units`: the one they share, else
    /// every unit, sorted and joined by " | " (a summary across units is flagged, not hidden).
    static func rowUnit(_ units: Set<String>) -> String { units.sorted().joined(separator: " | ") }

    /// A unit with powers of the dimensionless unit reduced: `1^2` → `1`, `1^2/Hz` → `1/Hz`.
    static func simplified(_ unit: String) -> String {
        unit.hasPrefix("1^2") ? "1" + unit.dropFirst(3) : unit
    }
}

extension StudyVariable {
    /// The unit of this variable's values in a recording whose flux unit is `fluxUnit`: a band
    /// measure's (reperfusion bands: fractions of the plateau, dimensionless), a PORH parameter's
    /// an epoch statistic's, a heating level's, an iontophoresis or VOT measure's (VOT: of the
    /// saturation's unit) or a CRT mean's.
    func unit(fluxUnit: String) -> String {
        let units = switch analysis {
        case .bands: StudyTableUnits.bandUnits(flux: fluxUnit)
        case .reperfusion: StudyTableUnits.bandUnits(flux: ReportUnit.dimensionless)
        case .porh: PORHOcclusionRecord.units(fluxUnit: fluxUnit)
        case .epochs: EpochRecord.units(fluxUnit: fluxUnit)
        case .heating: HeatingRow.units(fluxUnit: fluxUnit)
        case .iontophoresis: IontophoresisDoseRow.units(fluxUnit: fluxUnit)
        case .vot: VOTOcclusionRow.units(fluxUnit: fluxUnit)
        case .crt: CRTRecordingSummary.units
        }
        guard let unit = units[measure] else { preconditionFailure("no unit for the study measure \(measure) of \(analysis.rawValue)") }
        return unit
    }
}
