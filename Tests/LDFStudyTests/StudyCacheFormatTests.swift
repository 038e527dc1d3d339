import Foundation
import Synchronization
import Testing
import LDFCore
import LDFStudy
import LDFTestSupport

/// A cache file written by an earlier version (Tests/Fixtures/study-cache, README there) is never
/// read as a result: a run analyses its recording again and says so, a merge refuses the shard,
/// naming the file.
@Suite struct StudyCacheFormatTests {
    /// The fixture, stored under `key` in `folder`; returns its path.
    static func plantOldFile(key: String, in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = try String(contentsOf: RepositoryPaths.fixture("study-cache/format1-rest.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"key\":\"KEY\"", with: "\"key\":\"\(key)\"")
        let url = folder.appendingPathComponent("\(key).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func theFixtureIsFormatOne() throws {
        let data = try Data(contentsOf: RepositoryPaths.fixture("study-cache/format1-rest.json"))
        #expect(StudyCacheFormat.version(of: data) == 1 && StudyCacheFormat.current == 2)
        #expect(StudyCacheFormat.version(of: Data("not json".utf8)) == nil)
    }

    @Test func aRunAnalysesAnOldCacheFileAgainAndReportsIt() throws {
        let dir = try StudyRunnerTests.makeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        let runner = try StudyRunner(manifest: manifest, parameters: StudyRunnerTests.parameters, directory: dir.appendingPathComponent("out"))
        let key = try StudyRunner.cacheKey(manifest.entries[0], parameters: StudyRunnerTests.parameters)
        let old = try Self.plantOldFile(key: key, in: runner.cacheDirectory)
        #expect(StudyRunner.cachedOutcome(key: key, in: runner.cacheDirectory) == .stale(old))

        let progress = StudyRunnerTests.Counter()
        let stale = Mutex<[URL]>([])
        let outcomes = try runner.run(progress: progress.record, onStale: { url in stale.withLock { $0.append(url) } })
        #expect(stale.withLock { $0 } == [old])
        #expect(progress.value?.cached == 0)
        // Analysed afresh: the values the old names held are there under the current names.
        let myogenic = try #require(outcomes[0]?.bands.first { $0.summary.band == "myogenic" }?.summary)
        #expect(myogenic.powerRatioToMean != nil && myogenic.peakAmplitude != nil)
        // The file is overwritten in the current format and read from the cache next time.
        #expect(StudyCacheFormat.version(of: try Data(contentsOf: old)) == StudyCacheFormat.current)
        #expect(StudyRunner.cachedOutcome(key: key, in: runner.cacheDirectory) == .found(try #require(outcomes[0])))
    }

    @Test func aMergeRefusesAShardWithAnOldCacheFileNamingIt() throws {
        let dir = try StudyRunnerTests.makeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        let shard = dir.appendingPathComponent("shard1")
        try StudyOutput.writeParameters(StudyRunnerTests.parameters, to: shard)
        let key = try StudyRunner.cacheKey(manifest.entries[0], parameters: StudyRunnerTests.parameters)
        let old = try Self.plantOldFile(key: key, in: shard.appendingPathComponent("cache"))
        let error = #expect(throws: LDFError.self) {
            try StudyMerge.outcomes(manifest: manifest, parameters: StudyRunnerTests.parameters, from: [shard],
                                    into: dir.appendingPathComponent("merged"))
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains(old.path) && message.contains("cache format 1") && !message.contains("\n"), "\(message)")
    }
}
