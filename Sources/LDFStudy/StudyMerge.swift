import Foundation
import LDFCore
import LDFIO

/// Joins the results of shard runs (`ldf study merge`): every run wrote its outcomes to its own
/// `cache` folder (or a shared one); the merge looks each manifest row's current cache key up in
/// all of them and copies what it finds into the merged directory's cache.
public enum StudyMerge {
    /// The parameters the runs in `directories` used; they must all agree.
    public static func parameters(of directories: [URL]) throws -> StudyParameters {
        guard let first = directories.first else {
            throw LDFError("ldf study merge", "no shard folders given", fix: "list the \(parameter: "out") folders of the shard runs")
        }
        let parameters = try StudyOutput.readParameters(in: first)
        for directory in directories.dropFirst() where try StudyOutput.readParameters(in: directory) != parameters {
            throw LDFError(directory.path, "its parameters differ from those of \(first.path)",
                           fix: "run every shard with the same options, or merge them separately")
        }
        return parameters
    }

    /// Outcomes by manifest position found in the shard folders, copied into `output/cache`.
    public static func outcomes(manifest: StudyManifest, parameters: StudyParameters, from directories: [URL],
                                into output: URL) throws -> [Int: RecordingOutcome] {
        let cache = output.appendingPathComponent("cache", isDirectory: true)
        try OutputFolder.create(cache.path, role: "the study cache")
        var found: [Int: RecordingOutcome] = [:]
        for directory in directories { try StudyCacheFormat.requireCurrent(in: directory.appendingPathComponent("cache")) }
        for (position, entry) in manifest.entries.enumerated() {
            guard let key = try? StudyRunner.cacheKey(entry, parameters: parameters) else { continue }
            for directory in directories {
                guard let outcome = StudyRunner.cachedOutcome(key: key, in: directory.appendingPathComponent("cache")).outcome else { continue }
                found[position] = outcome
                if directory.standardizedFileURL != output.standardizedFileURL { try StudyRunner.store(outcome, in: cache) }
                break
            }
        }
        return found
    }
}
