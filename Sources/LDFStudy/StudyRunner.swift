import Dispatch
import Foundation
import LDFCore
import LDFIO
import Synchronization

/// Progress of a study run, reported after each recording (the library never prints; the CLI
/// draws a bar or writes lines).
public struct StudyProgress: Sendable {
    /// Recordings finished so far, of `total` in this run (or shard).
    public var completed: Int
    public var total: Int
    /// Of those, taken from the cache, and failed.
    public var cached: Int
    public var failed: Int
    /// The recording just finished.
    public var id: String
}

/// Runs the analyses of a manifest's rows in parallel over all cores, with a per-recording cache
/// in `DIR/cache/<key>.json`: a row whose file bytes, parameters, toolkit version and analysis
/// fields are unchanged is read back instead of analysed (failures are cached too, so a bad file
/// is reported again without being re-read).
public struct StudyRunner: Sendable {
    public var manifest: StudyManifest
    public var parameters: StudyParameters
    /// The output directory (its `cache` folder is created).
    public var directory: URL
    /// Recordings analysed at once (default: the machine's active processor count).
    public var jobs: Int

    public init(manifest: StudyManifest, parameters: StudyParameters, directory: URL, jobs: Int? = nil) throws {
        try parameters.validate()
        if let jobs, jobs < 1 {
            throw LDFError("\(parameter: "jobs")", "\(jobs) parallel jobs; at least 1 is needed", fix: "omit \(parameter: "jobs") to use every core")
        }
        self.manifest = manifest
        self.parameters = parameters
        self.directory = directory
        self.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    }

    public var cacheDirectory: URL { directory.appendingPathComponent("cache", isDirectory: true) }

    /// Analyses the rows of `shard` (all rows when nil) and returns the outcomes by row position
    /// in `manifest.entries`.
    /// `onStale` is told of every cache file written by another version (`StudyCacheFormat`),
    /// whose recording is analysed again and the file overwritten.
    public func run(shard: StudyShard? = nil, progress: @escaping @Sendable (StudyProgress) -> Void = { _ in },
                    onStale: @escaping @Sendable (URL) -> Void = { _ in }) throws -> [Int: RecordingOutcome] {
        try OutputFolder.create(cacheDirectory.path, role: "the study cache")
        let positions = manifest.entries.indices.filter { shard?.contains(position: $0) ?? true }
        struct State { var outcomes: [Int: RecordingOutcome] = [:]; var cached = 0; var failed = 0; var writeErrors: [String] = [] }
        let state = Mutex(State())
        let queue = DispatchQueue(label: "ldf.study", attributes: .concurrent)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: jobs)
        for position in positions {
            slots.wait()
            queue.async(group: group) {
                defer { slots.signal() }
                let entry = manifest.entries[position]
                let (outcome, fromCache, writeError) = analyse(entry, onStale: onStale)
                let snapshot = state.withLock { s -> StudyProgress in
                    s.outcomes[position] = outcome
                    if fromCache { s.cached += 1 }
                    if !outcome.succeeded { s.failed += 1 }
                    if let writeError { s.writeErrors.append(writeError) }
                    return StudyProgress(completed: s.outcomes.count, total: positions.count, cached: s.cached, failed: s.failed,
                                         id: entry.id)
                }
                progress(snapshot)
            }
        }
        group.wait()
        let final = state.withLock { $0 }
        if let first = final.writeErrors.first {
            throw LDFError(cacheDirectory.path, "cannot write the result cache (\(first))", fix: "check the folder is writable and the disk not full")
        }
        return final.outcomes
    }

    /// The outcome of one row: from the cache when its key matches in the current format, else
    /// analysed and cached (a stale file for the key is reported to `onStale` and overwritten).
    func analyse(_ entry: ManifestEntry, onStale: (URL) -> Void) -> (RecordingOutcome, fromCache: Bool, writeError: String?) {
        let key: String
        do {
            key = try Self.cacheKey(entry, parameters: parameters)
        } catch {
            let outcome = RecordingOutcome(key: "", protocolKind: entry.protocolKind, failure: "\(error)",
                                           issues: [StudyIssue(row: 0, stage: .read, message: "\(error)")])
            return (outcome, false, nil)
        }
        switch Self.cachedOutcome(key: key, in: cacheDirectory) {
        case .found(let cached): return (cached, true, nil)
        case .stale(let file): onStale(file)
        case .missing: break
        }
        let outcome = RecordingStudyAnalysis.run(entry, key: key, parameters: parameters)
        do {
            try Self.store(outcome, in: cacheDirectory)
            return (outcome, false, nil)
        } catch {
            return (outcome, false, "\(error)")
        }
    }

    /// Hash of the file's bytes, the parameters, the toolkit version and the row's analysis
    /// fields (protocol, site, channel, rate, MAP, occlusions). Metadata that only labels the row
    /// (subject, group, condition, extra columns) is not part of it, so relabelling reuses results.
    public static func cacheKey(_ entry: ManifestEntry, parameters: StudyParameters) throws -> String {
        var hash = ContentHash()
        hash.update(Toolkit.version)
        var keyed = parameters
        keyed.coherence = nil // computed across recordings, never cached per recording
        hash.update(try keyed.canonicalJSON())
        hash.update([0])
        hash.update(entry.protocolKind.rawValue)
        hash.update(entry.tissueSite.rawValue)
        hash.update(entry.channel ?? "")
        hash.update(entry.rateHz.map { "\($0)" } ?? "")
        hash.update(entry.meanArterialPressureMmHg.map { "\($0)" } ?? "")
        hash.update(entry.occlusions.map(\.description).joined(separator: ";"))
        hash.update(entry.eventMap ?? "")
        guard let handle = FileHandle(forReadingAtPath: entry.resolvedPath) else {
            throw LDFError(entry.resolvedPath, "cannot open the recording", fix: "check that the file exists and is readable")
        }
        defer { try? handle.close() }
        // Through the chunk's raw bytes: Data's own byte iterator is many times slower.
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { chunk.withUnsafeBytes { hash.update($0) } }
        return hash.hex
    }

    /// What the cache holds for one key.
    public enum CacheLookup: Equatable {
        case found(RecordingOutcome)
        /// A file for the key written by another version (`StudyCacheFormat`): not decoded.
        case stale(URL)
        /// No readable file for the key.
        case missing

        public var outcome: RecordingOutcome? { if case .found(let o) = self { o } else { nil } }
    }

    /// The cached outcome for `key` in `folder`: found only when its file is of the current
    /// `StudyCacheFormat` and decodes with the same key.
    public static func cachedOutcome(key: String, in folder: URL) -> CacheLookup {
        let url = folder.appendingPathComponent("\(key).json")
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        if let version = StudyCacheFormat.version(of: data), version != StudyCacheFormat.current { return .stale(url) }
        guard let outcome = try? JSONDecoder().decode(RecordingOutcome.self, from: data), outcome.key == key else { return .missing }
        return .found(outcome)
    }

    /// Writes `outcome` to `folder/<key>.json` atomically (safe when shards share a folder).
    static func store(_ outcome: RecordingOutcome, in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try OutputFile.write(encoder.encode(outcome), to: folder.appendingPathComponent("\(outcome.key).json").path,
                             role: "the cached result")
    }
}
