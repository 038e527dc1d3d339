import ArgumentParser
import Foundation
import LDFCore
import LDFIO
import LDFPORH
import LDFProtocols
import LDFSpectral
import LDFStudy
import Synchronization

/// `ldf study`: many recordings from a manifest, in parallel, with tidy tables and group
/// comparisons. `ldf study MANIFEST --out DIR` runs (the default subcommand); `ldf study merge`
/// joins shard runs.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Analyse every recording of a manifest and compare groups and conditions.",
        usage: DefaultSubcommandHelp.usage(of: StudyRunCommand.self, through: "ldf study", fallback: "ldf study [run] ...")
            + "\nldf study <subcommand>",
        discussion: """
            The manifest is a CSV with columns path, subject, group, site, condition, protocol (rest, \
            porh, epochs, heating, iontophoresis, vot or crt), optionally id, channel, rate_hz, map_mmhg, \
            occlusions (START-END;...) or occlusion_start_s/occlusion_release_s (porh and vot); other \
            columns are copied to every output row. Heating, iontophoresis, vot and crt rows use their \
            command's defaults (timing from the file's events, else detected; crt rows refill as \
            --crt-refill says). \
            Paths are relative to the manifest's folder. Rows are identified by the id column, or \
            else by subject/site/condition/protocol.

            Writes to DIR: bands.csv, spectra.csv, porh.csv, reperfusion_bands.csv (with \
            --reperfusion-bands), epochs.csv, heating.csv, iontophoresis.csv, vot.csv and crt.csv (the \
            columns of ldf heating, iontophoresis, vot and crt), summary.csv, comparisons.csv \
            (Mann-Whitney U between groups, Wilcoxon signed-rank between conditions paired by \
            subject; rank-biserial effect sizes; Holm across bands or PORH parameters), \
            spectra_comparisons.csv (per frequency; Benjamini-Hochberg by default), errors.csv and \
            study.json. With --coherence A,B, each subject's two signals (rows that share subject, group \
            and condition and whose --coherence-by column, site by default, reads A and B) give group \
            wavelet phase coherence with inter-subject surrogates (MODA, PyMODAlib's group_coherence): \
            coherence.csv, group_coherence.csv and coherence_comparisons.csv (residual coherence per \
            frequency and band between groups and paired conditions). A bad row or recording is listed in errors.csv with its manifest line and the \
            rest still runs. Results are cached per recording in DIR/cache: a second run analyses \
            only rows whose file, parameters or analysis fields changed, or whose cached result another \
            version of ldf wrote (`ldf study merge` refuses such a shard, naming the file).

            `ldf study MANIFEST --out DIR` runs `ldf study run`, which takes:

            """ + "\n" + DefaultSubcommandHelp.sections(of: StudyRunCommand.self, title: "RUN", fallback: "See 'ldf study run --help'."),
        subcommands: [StudyRunCommand.self, StudyMergeCommand.self],
        defaultSubcommand: StudyRunCommand.self)
}

/// `ldf study run MANIFEST --out DIR` (also `ldf study MANIFEST --out DIR`).
struct StudyRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Analyse a manifest's recordings (all cores; cached; --shard for cluster array jobs).",
        discussion: """
            With --shard K/N only every N-th analysable row (K-th share) is analysed and its results \
            cached in DIR; no tables are written. Join the shards with `ldf study merge MANIFEST --out \
            DIR SHARD_DIR...` (shards may also share one DIR). Progress goes to standard error: a bar \
            on a terminal, plain lines otherwise. Exit status 0 when the study ran (row errors are in \
            errors.csv), 1 when no recording could be analysed.
            """)

    @Argument(help: ArgumentHelp("Manifest CSV.", valueName: "MANIFEST"))
    var manifest: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (created if needed).", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("Run one share of the manifest, K of N (1-based).", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Recordings analysed at once (default: all cores)." + OptionRanges.jobs.help, valueName: "N"))
    var jobs: Int?

    @OptionGroup var study: StudyOptions
    @OptionGroup var spectral: SpectralOptions
    @OptionGroup var validity: BandValidityOptions

    func validate() throws {
        try OptionRanges.jobs.check(jobs)
        if let shard { _ = try asUsageError { try StudyShard(parsing: shard) } }
    }

    func run() throws {
        let parameters = try study.parameters(settings: validity.applied(to: spectral.settings()))
        let shard = try self.shard.map { try StudyShard(parsing: $0) }
        let manifest = try StudyManifest(path: self.manifest)
        try parameters.coherence?.validate(extraColumns: manifest.extraColumns)
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try StudyOutput.requireSafeFolder(directory, manifest: manifest)
        let runner = try StudyRunner(manifest: manifest, parameters: parameters, directory: directory, jobs: jobs)
        for issue in manifest.issues { printDiagnostic(issue.description) }
        let started = Date()
        let reporter = StudyProgressReporter()
        let stale = Mutex<[URL]>([])
        let outcomes = try runner.run(shard: shard, progress: reporter.report, onStale: { file in stale.withLock { $0.append(file) } })
        reporter.finish()
        if let first = stale.withLock({ $0.sorted { $0.path < $1.path } }).first {
            printDiagnostic("note: analysed again, as written by another version of ldf: \(stale.withLock { $0.count }) cached "
                            + "result file(s), the first \(first.path)")
        }
        let seconds = Date().timeIntervalSince(started)
        try StudyOutput.writeParameters(parameters, to: directory)
        if let shard {
            let failed = outcomes.values.filter { !$0.succeeded }.count
            printDiagnostic("shard \(shard): \(outcomes.count) recordings (\(failed) failed) cached in \(runner.cacheDirectory.path) "
                            + "in \(String(format: "%.1f", seconds)) s; join the shards with `ldf study merge \(self.manifest) --out DIR SHARD_DIR...`")
            return
        }
        let results = StudyResults(manifest: manifest, parameters: parameters, outcomes: outcomes)
        try StudyOutput.write(results, to: directory, seconds: seconds)
        try StudyCommand.finish(results, directory: directory, seconds: seconds)
    }
}

/// `ldf study merge MANIFEST --out DIR SHARD_DIR...`.
struct StudyMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join shard runs into one study (tables, comparisons and study.json).",
        discussion: """
            Reads the parameters and cached results of each SHARD_DIR (the --out folders of \
            `ldf study run --shard K/N`), checks the parameters agree, looks every manifest row up by \
            its current cache key, and writes the tables to DIR (which may be one of the shard \
            folders). Rows no shard analysed are listed in errors.csv.
            """)

    @Argument(help: ArgumentHelp("Manifest CSV the shards ran.", valueName: "MANIFEST"))
    var manifest: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder.", valueName: "DIR"))
    var out: String

    @Argument(help: ArgumentHelp("Output folders of the shard runs.", valueName: "SHARD_DIR"))
    var shards: [String]

    func run() throws {
        let directories = shards.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let parameters = try StudyMerge.parameters(of: directories)
        let manifest = try StudyManifest(path: self.manifest)
        for issue in manifest.issues { printDiagnostic(issue.description) }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try StudyOutput.requireSafeFolder(directory, manifest: manifest)
        let outcomes = try StudyMerge.outcomes(manifest: manifest, parameters: parameters, from: directories, into: directory)
        let results = StudyResults(manifest: manifest, parameters: parameters, outcomes: outcomes)
        try StudyOutput.write(results, to: directory)
        try StudyCommand.finish(results, directory: directory, seconds: nil)
    }
}

extension StudyCommand {
    /// The closing summary on standard error; exit status 1 when nothing could be analysed.
    static func finish(_ results: StudyResults, directory: URL, seconds: Double?) throws {
        let analysed = results.outcomes.values.filter(\.succeeded).count
        let errors = results.issues.filter { $0.severity == .error }
        let warnings = results.issues.filter { $0.severity == .warning }
        // Manifest problems were shown before the run; here failed recordings and study-wide notes.
        for issue in results.issues where issue.stage != .manifest && (issue.severity == .error || issue.row == 0) {
            printDiagnostic(issue.description)
        }
        let time = seconds.map { " in \(String(format: "%.1f", $0)) s" } ?? ""
        printDiagnostic("study: \(analysed) of \(results.manifest.entries.count + results.manifest.issues.count) recordings analysed\(time); "
                        + "\(errors.count) errors, \(warnings.count) warnings (see errors.csv); tables in \(directory.path)")
        if analysed == 0 { throw ExitCode.failure }
    }
}

/// Options of a study besides the band-analysis ones.
struct StudyOptions: ParsableArguments {
    @Option(help: "Reader to use for every file: auto (by content), delimited or labchart.")
    var reader: ReaderKind = .auto

    @Option(name: .customLong("max-bridge"),
            help: ArgumentHelp("Longest run of missing samples bridged by linear interpolation." + OptionRanges.maxBridge.help, valueName: "SECONDS"))
    var maxBridgeSeconds: Double = 1.0

    @Option(help: ArgumentHelp("Occlusion timing of PORH and VOT rows whose manifest row gives no occlusion times: auto (events, "
                               + "then pressure, then the flux or saturation), events, pressure or flux (the flux or saturation)."))
    var timing: TimingPreference = .auto

    @Option(name: .customLong("crt-refill"),
            help: "CRT rows: which way the signal moves during refill: falls (camera or reflectance intensity) or rises (LDF flux, PPG amplitude).")
    var crtRefill: RefillDirection = .falls

    @Option(name: .customLong("spectra-correction"),
            help: ArgumentHelp("Correction across frequencies in spectra_comparisons.csv: bh (Benjamini-Hochberg), holm or none.",
                               valueName: "METHOD"))
    var spectraCorrection: PValueAdjustment = .benjaminiHochberg

    @Option(name: .customLong("reperfusion-bands"),
            help: ArgumentHelp("PORH recordings: also the flowmotion bands of the reperfusion segment after removing the transient, "
                               + "with this band preset (reperfusion_bands.csv, compared like PORH parameters).", valueName: "preset"))
    var reperfusionBands: BandPreset?

    @Option(help: ArgumentHelp("Group coherence of each subject's two signals: the rows whose --coherence-by column reads A and B (same subject, group, condition); inter-subject surrogates; coherence.csv, group_coherence.csv, coherence_comparisons.csv.",
                               valueName: "A,B"))
    var coherence: String?

    @Option(name: .customLong("coherence-by"), help: ArgumentHelp("Manifest column that names the two signals (site, channel or an extra column).", valueName: "COLUMN"))
    var coherenceBy: String = "site"

    @Option(name: .customLong("coherence-percentile"), help: ArgumentHelp("Percentile of the inter-subject surrogates subtracted from each coherence (PyMODAlib's 95)." + OptionRanges.coherencePercentile.help, valueName: "P"))
    var coherencePercentile: Double = 95

    func validate() throws {
        try OptionRanges.maxBridge.check(maxBridgeSeconds)
        try OptionRanges.coherencePercentile.check(coherencePercentile)
    }

    /// The pairing of `--coherence A,B`, or nil.
    func pairing() throws -> CoherencePairing? {
        guard let coherence else { return nil }
        let parts = coherence.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw LDFError("--coherence", "'\(coherence)' is not two values", fix: "give the two values of the --coherence-by column, e.g. --coherence forearm,finger")
        }
        return CoherencePairing(column: coherenceBy, first: parts[0], second: parts[1], percentile: coherencePercentile)
    }

    func parameters(settings: BandAnalysisSettings) throws -> StudyParameters {
        let parameters = StudyParameters(settings: settings, reader: reader, maxBridgeSeconds: maxBridgeSeconds,
                                         porhTiming: timing, crtRefill: crtRefill, spectraAdjustment: spectraCorrection,
                                         reperfusionBands: reperfusionBands?.bandSet, coherence: try asUsageError { try pairing() })
        try asUsageError { try parameters.validate() }
        return parameters
    }
}

/// Runs `body`, turning an `LDFError` into a usage error (exit status 64) with its message.
private func asUsageError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LDFError {
        throw ValidationError(error.description)
    }
}
