import Foundation
import LDFCore
import LDFReport
import LDFPORH

/// Writes a study's tables and its record (`study.json`) into the output directory.
public enum StudyOutput {
    /// File names of the tables, in the order they are written.
    public static let tableFiles = ["bands.csv", "spectra.csv", "porh.csv", "reperfusion_bands.csv", "epochs.csv", "summary.csv",
                                    "comparisons.csv", "spectra_comparisons.csv", "errors.csv"]

    /// What `study.json` records.
    public struct Record: Encodable {
        public struct ToolkitStamp: Encodable { var name = Toolkit.name; var version = Toolkit.version }
        public struct Counts: Encodable {
            var manifestRows: Int
            var analysable: Int
            var analysed: Int
            var failed: Int
            var errors: Int
            var warnings: Int
        }
        public struct Statistics: Encodable {
            var betweenGroups = "Mann-Whitney U, two-sided (scipy.stats.mannwhitneyu): exact when no ties and a group has <= 8 values, "
                + "else normal approximation with tie correction and continuity correction 0.5; one value per recording"
            var pairedConditions = "Wilcoxon signed-rank on level_b - level_a paired by subject, two-sided (scipy.stats.wilcoxon, "
                + "zero_method wilcox): exact when no zero or tied differences and <= 50 pairs, else normal approximation with tie and continuity corrections"
            var effectSize = "rank-biserial correlation of level_b over level_a, -1..1: Mann-Whitney (U_b - U_a)/(n_a n_b) = P(b > a) - P(b < a); "
                + "Wilcoxon matched-pairs (W+ - W-)/(W+ + W-) (Kerby 2014)"
            var bandsAndPORH = "Holm within each contrast across the bands of one measure (rest; reperfusion: per occlusion), "
                + "or the PORH parameters of one occlusion"
            var spectra: String
            var quartiles = "linear interpolation (type 7, numpy/pandas default)"
            var minimumCount = StudyResults.minimumCount
        }
        var toolkit = ToolkitStamp()
        var created: String
        var manifest: String
        var extraColumns: [String]
        var shard: String?
        var parameters: StudyParameters
        var porhParameterUnits: [String: String]
        var sampleRatesHz: [String: Int]
        var counts: Counts
        var statistics: Statistics
        var files: [String]
        var seconds: Double?
    }

    /// Writes every table and `study.json` to `directory`, plus `parameters.json` (read by merges).
    public static func write(_ results: StudyResults, to directory: URL, shard: StudyShard? = nil, seconds: Double? = nil) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tables = [results.bandsTable, results.spectraTable, results.porhTable, results.reperfusionBandsTable, results.epochsTable, results.summaryTable,
                      results.comparisonsTable, results.spectraComparisonsTable, results.errorsTable]
        var files = tableFiles
        for (name, table) in zip(tableFiles, tables) {
            try Data(table.text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
        }
        if let coherence = results.coherence {
            let extra = [("coherence.csv", coherence.subjectTable(results.manifest)), ("group_coherence.csv", coherence.groupTable),
                         ("coherence_comparisons.csv", coherence.comparisonsTable(bandSet: results.parameters.bandSet,
                                                                                  spectraAdjustment: results.parameters.spectraAdjustment))]
            for (name, table) in extra {
                try Data(table.text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
            }
            files += extra.map(\.0)
        }
        let units = Dictionary(uniqueKeysWithValues: PORHParameterKey.allCases.map { ($0.rawValue, $0.unit(flux: "flux")) })
        let record = Record(
            created: ISO8601DateFormatter().string(from: Date()), manifest: results.manifest.path,
            extraColumns: results.manifest.extraColumns, shard: shard?.description, parameters: results.parameters,
            porhParameterUnits: units,
            sampleRatesHz: Dictionary(uniqueKeysWithValues: results.sampleRateCounts.map { (format($0.key), $0.value) }),
            counts: Record.Counts(manifestRows: results.manifest.entries.count + results.manifest.issues.count,
                                  analysable: results.manifest.entries.count, analysed: results.outcomes.values.filter(\.succeeded).count,
                                  failed: results.outcomes.values.filter { !$0.succeeded }.count,
                                  errors: results.issues.filter { $0.severity == .error }.count,
                                  warnings: results.issues.filter { $0.severity == .warning }.count),
            statistics: Record.Statistics(spectra: "\(results.parameters.spectraAdjustment.rawValue) across the frequencies of each contrast"),
            files: files, seconds: seconds)
        try encoder().encode(record).write(to: directory.appendingPathComponent("study.json"), options: .atomic)
        try writeParameters(results.parameters, to: directory)
    }

    /// `parameters.json`: the parameters alone, so `ldf study merge` can recompute cache keys.
    public static func writeParameters(_ parameters: StudyParameters, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try parameters.canonicalJSON().write(to: directory.appendingPathComponent("parameters.json"), options: .atomic)
    }

    /// Reads `parameters.json` from a study or shard directory.
    public static func readParameters(in directory: URL) throws -> StudyParameters {
        let url = directory.appendingPathComponent("parameters.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LDFError(url.path, "no parameters.json: this folder is not the output of `ldf study`",
                           fix: "give the --out folders of the shard runs")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(StudyParameters.self, from: data)
        } catch {
            throw LDFError(url.path, "unreadable parameters (\(error))", fix: "run the shard again with this toolkit version")
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }
}
