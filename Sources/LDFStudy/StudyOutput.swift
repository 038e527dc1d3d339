import Foundation
import LDFCore
import LDFIO
import LDFReport

/// Writes a study's tables and its record (`study.json`) into the output directory, as one set:
/// every file is first written and flushed in a staging folder (`DIR/.ldf-partial-tables-PID`);
/// then the old `study.json` is removed, the tables are moved in, and the new `study.json` (with
/// this run's `run_id`) is moved in last. A run killed while writing leaves the old set whole; one
/// killed while moving leaves no `study.json`, so a folder whose `study.json` is missing holds an
/// incomplete set. Tables of an earlier run that this one does not write (coherence) are removed.
public enum StudyOutput {
    /// File names of the tables, in the order they are written.
    public static let tableFiles = ["bands.csv", "spectra.csv", "porh.csv", "reperfusion_bands.csv", "epochs.csv", "heating.csv",
                                    "iontophoresis.csv", "vot.csv", "crt.csv",
                                    "summary.csv",
                                    "comparisons.csv", "spectra_comparisons.csv", "errors.csv"]
    /// Tables written only when the study computes coherence.
    public static let coherenceFiles = ["coherence.csv", "group_coherence.csv", "coherence_comparisons.csv"]
    /// Every file a study writes in its folder (besides `cache/`).
    public static var writtenFiles: [String] { tableFiles + coherenceFiles + ["study.json", "parameters.json"] }

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
        /// Identifies the run that wrote this set of tables.
        var runId: String
        var created: String
        var manifest: String
        var extraColumns: [String]
        var shard: String?
        var parameters: StudyParameters
        /// Table name (file name without `.csv`) → column → unit (`StudyTableUnits`).
        var units: [String: [String: String]]
        var sampleRatesHz: [String: Int]
        var counts: Counts
        var statistics: Statistics
        var files: [String]
        var seconds: Double?
    }

    /// Writes every table and `study.json` to `directory`, plus `parameters.json` (read by merges).
    public static func write(_ results: StudyResults, to directory: URL, shard: StudyShard? = nil, seconds: Double? = nil) throws {
        try OutputFolder.create(directory.path, role: "the study folder")
        let tables = self.tables(of: results)
        let record = Record(
            runId: UUID().uuidString.lowercased(),
            created: ISO8601DateFormatter().string(from: Date()), manifest: results.manifest.path,
            extraColumns: results.manifest.extraColumns, shard: shard?.description, parameters: results.parameters,
            units: StudyTableUnits.units(of: tables.map { (name: tableName($0.0), table: $0.1) }, extraColumns: results.manifest.extraColumns),
            sampleRatesHz: Dictionary(uniqueKeysWithValues: results.sampleRateCounts.map { (ReportNumber.precise($0.key), $0.value) }),
            counts: Record.Counts(manifestRows: results.manifest.entries.count + results.manifest.issues.count,
                                  analysable: results.manifest.entries.count, analysed: results.outcomes.values.filter(\.succeeded).count,
                                  failed: results.outcomes.values.filter { !$0.succeeded }.count,
                                  errors: results.issues.filter { $0.severity == .error }.count,
                                  warnings: results.issues.filter { $0.severity == .warning }.count),
            statistics: Record.Statistics(spectra: "\(results.parameters.spectraAdjustment.rawValue) across the frequencies of each contrast"),
            files: tables.map(\.0), seconds: seconds)
        let files = tables.map { ($0.0, Data($0.1.text.utf8)) } + [("study.json", try encoder().encode(record))]
        try switchIn(files, into: directory, stale: coherenceFiles)
        try writeParameters(results.parameters, to: directory)
    }

    /// The tables of `results` by file name, in the order they are written (coherence last, when computed).
    static func tables(of results: StudyResults) -> [(String, CSVTable)] {
        var tables = Array(zip(tableFiles, [results.bandsTable, results.spectraTable, results.porhTable, results.reperfusionBandsTable,
                                            results.epochsTable, results.heatingTable,
                                            results.iontophoresisTable, results.votTable, results.crtTable, results.summaryTable, results.comparisonsTable,
                                            results.spectraComparisonsTable, results.errorsTable]))
        if let coherence = results.coherence {
            tables += zip(coherenceFiles, [coherence.subjectTable(results.manifest), coherence.groupTable,
                                           coherence.comparisonsTable(bandSet: results.parameters.bandSet,
                                                                      spectraAdjustment: results.parameters.spectraAdjustment)])
        }
        return tables
    }

    /// A table's name in `study.json`'s `units`: its file name without `.csv`.
    static func tableName(_ file: String) -> String { file.hasSuffix(".csv") ? String(file.dropLast(4)) : file }

    /// Writes `files` into a staging folder inside `directory`, then moves them in, the last one
    /// (the record) after the others and after its old version was removed; `stale` names are
    /// removed when not among `files`.
    static func switchIn(_ files: [(String, Data)], into directory: URL, stale: [String]) throws {
        let staging = directory.appendingPathComponent(OutputFile.temporaryMarker + "tables-\(getpid())").path
        OutputFolder.removeTree(staging)
        try OutputFolder.create(staging, role: "the study folder")
        defer { OutputFolder.removeTree(staging) }
        for (name, data) in files {
            try OutputFile.write(data, to: staging + "/" + name, role: "the study table \(name)")
        }
        guard let record = files.last?.0 else { return }
        try OutputFolder.remove(directory.appendingPathComponent(record).path)
        for name in stale where !files.contains(where: { $0.0 == name }) {
            try OutputFolder.remove(directory.appendingPathComponent(name).path)
        }
        for (name, _) in files {
            try OutputFolder.move(staging + "/" + name, to: directory.appendingPathComponent(name).path)
        }
    }

    /// Refuses an output folder that would overwrite what the study reads: a recording of the
    /// manifest kept directly in the folder (or in its `cache`), or a manifest named like one of
    /// the study's files there.
    public static func requireSafeFolder(_ directory: URL, manifest: StudyManifest) throws {
        let folders = [directory, directory.appendingPathComponent("cache", isDirectory: true)].compactMap { FileIdentity(path: $0.path) }
        guard !folders.isEmpty else { return }
        for entry in manifest.entries {
            let parent = URL(fileURLWithPath: entry.resolvedPath).deletingLastPathComponent().path
            if let identity = FileIdentity(path: parent), folders.contains(identity) {
                throw LDFError(directory.path, "the output folder holds the recording \(entry.path) of manifest row \(entry.row), "
                               + "which the study's tables or cache could overwrite", fix: "give \(parameter: "out") a folder of its own, e.g. \(directory.path)/results")
            }
        }
        for name in writtenFiles {
            try OutputPathCheck.requireNotAnInput(directory.appendingPathComponent(name).path, role: "the study file \(name)",
                                                  inputs: [manifest.path])
        }
    }

    /// `parameters.json`: the parameters alone, so `ldf study merge` can recompute cache keys.
    public static func writeParameters(_ parameters: StudyParameters, to directory: URL) throws {
        try OutputFolder.create(directory.path, role: "the study folder")
        try OutputFile.write(parameters.canonicalJSON(), to: directory.appendingPathComponent("parameters.json").path,
                             role: "the study parameters")
    }

    /// Reads `parameters.json` from a study or shard directory.
    public static func readParameters(in directory: URL) throws -> StudyParameters {
        let url = directory.appendingPathComponent("parameters.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LDFError(url.path, "no parameters.json: this folder is not the output of `ldf study`",
                           fix: "give the \(parameter: "out") folders of the shard runs")
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
