import Foundation
import Synchronization
import Testing
import LDFCore
import LDFSpectral
import LDFReport
import LDFStudy
import LDFTestSupport

/// Runs on small real files: analyses, failures kept per row, the cache and resuming, shards and
/// their merge, and the written outputs.
@Suite struct StudyRunnerTests {
    /// Two bands only, so the debug-build transforms stay small.
    static let parameters = StudyParameters(settings: BandAnalysisSettings(
        bandSet: BandSet(name: "custom", bands: [Band("myogenic", 0.052, 0.145), Band("respiratory", 0.145, 0.6)])))

    /// 120 s at 10 Hz: 100 + a cos(2 pi 0.1 t) + 0.3 cos(2 pi 0.3 t).
    static func recording(amplitude: Double) -> String {
        var text = "time,flux\n"
        for n in 0..<1200 {
            let t = Double(n) / 10
            text += "\(t),\(100 + amplitude * cos(2 * .pi * 0.1 * t) + 0.3 * cos(2 * .pi * 0.3 * t))\n"
        }
        return text
    }

    /// A folder with s1, s2 (group a), s3, s4 (group b), a row with a missing file and one with an
    /// unreadable file.
    static func makeStudy() throws -> URL {
        let dir = try LDFCommandRunner.temporaryDirectory()
        for (i, amplitude) in [2.0, 2.5, 4.0, 4.5].enumerated() {
            try Data(recording(amplitude: amplitude).utf8).write(to: dir.appendingPathComponent("s\(i + 1).csv"))
        }
        try Data("not a recording at all\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let manifest = """
            subject,group,site,condition,protocol,path
            s1,a,forearm,rest,rest,s1.csv
            s2,a,forearm,rest,rest,s2.csv
            s3,b,forearm,rest,rest,s3.csv
            s4,b,forearm,rest,rest,s4.csv
            s5,b,forearm,rest,rest,missing.csv
            s6,b,forearm,rest,rest,bad.csv

            """
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        return dir
    }

    final class Counter: Sendable {
        let last = Mutex<StudyProgress?>(nil)
        func record(_ p: StudyProgress) { last.withLock { current in if current.map({ $0.completed < p.completed }) ?? true { current = p } } }
        var value: StudyProgress? { last.withLock { $0 } }
    }

    @Test func analysesCachesResumesAndKeepsFailures() throws {
        let dir = try Self.makeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        #expect(manifest.entries.count == 5 && manifest.issues.map(\.row) == [6])
        let out = dir.appendingPathComponent("out")
        let runner = try StudyRunner(manifest: manifest, parameters: Self.parameters, directory: out, jobs: 2)
        let first = Counter()
        let outcomes = try runner.run(progress: first.record)
        #expect(first.value?.completed == 5 && first.value?.cached == 0 && first.value?.failed == 1)
        let bad = try #require(outcomes[4])
        #expect(!bad.succeeded && bad.issues.first?.stage == .read)
        for p in 0..<4 {
            let o = try #require(outcomes[p])
            #expect(o.succeeded && o.sampleRateHz == 10 && o.durationSeconds == 120)
            let myogenic = try #require(o.bands.first { $0.summary.band == "myogenic" }?.summary)
            // The 0.1 Hz tone is the band's peak, within one grid step 2^(1/31).
            #expect(abs(log2(try #require(myogenic.peakHz) / 0.1)) <= 1.0 / 31)
            #expect(o.spectrum?.frequenciesHz.isEmpty == false)
        }

        // Unchanged inputs: everything comes from the cache, with the same outcomes.
        let second = Counter()
        let again = try runner.run(progress: second.record)
        #expect(second.value?.cached == 5 && again == outcomes)

        // One file changed: only it is analysed again.
        try Data(Self.recording(amplitude: 3).utf8).write(to: dir.appendingPathComponent("s1.csv"))
        let third = Counter()
        let changed = try runner.run(progress: third.record)
        #expect(third.value?.cached == 4)
        #expect(changed[0] != outcomes[0] && changed[1] == outcomes[1])

        // Relabelling a row (group) reuses its result; changing a parameter does not.
        var relabelled = manifest.entries[1]
        relabelled.group = "c"
        #expect(try StudyRunner.cacheKey(relabelled, parameters: Self.parameters) == StudyRunner.cacheKey(manifest.entries[1], parameters: Self.parameters))
        var other = Self.parameters
        other.maxBridgeSeconds = 2
        #expect(try StudyRunner.cacheKey(manifest.entries[1], parameters: other) != StudyRunner.cacheKey(manifest.entries[1], parameters: Self.parameters))
    }

    @Test func shardsMergeToTheFullRun() throws {
        let dir = try Self.makeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        let full = try StudyRunner(manifest: manifest, parameters: Self.parameters, directory: dir.appendingPathComponent("full")).run()
        var shardDirectories: [URL] = []
        for k in 1...2 {
            let shardDir = dir.appendingPathComponent("shard\(k)")
            let shard = try StudyShard(parsing: "\(k)/2")
            let part = try StudyRunner(manifest: manifest, parameters: Self.parameters, directory: shardDir).run(shard: shard)
            #expect(Set(part.keys) == Set(manifest.entries.indices.filter { $0 % 2 == k - 1 }))
            try StudyOutput.writeParameters(Self.parameters, to: shardDir)
            shardDirectories.append(shardDir)
        }
        let merged = dir.appendingPathComponent("merged")
        #expect(try StudyMerge.parameters(of: shardDirectories) == Self.parameters)
        let outcomes = try StudyMerge.outcomes(manifest: manifest, parameters: Self.parameters, from: shardDirectories, into: merged)
        #expect(outcomes == full)
        // Only one shard: the other shard's rows are reported as not analysed.
        let half = try StudyMerge.outcomes(manifest: manifest, parameters: Self.parameters, from: [shardDirectories[0]],
                                           into: dir.appendingPathComponent("half"))
        let results = StudyResults(manifest: manifest, parameters: Self.parameters, outcomes: half)
        #expect(results.issues.filter { $0.message.contains("not analysed") }.map(\.row) == [3, 5])
        // Shards run with other parameters cannot be merged.
        var other = Self.parameters
        other.porhTiming = .flux
        try StudyOutput.writeParameters(other, to: shardDirectories[1])
        #expect(throws: LDFError.self) { try StudyMerge.parameters(of: shardDirectories) }
        #expect(throws: LDFError.self) { try StudyShard(parsing: "3/2") }
        #expect(throws: LDFError.self) { try StudyShard(parsing: "one") }
    }

    @Test func writesEveryOutputAndTheRecord() throws {
        let dir = try Self.makeStudy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        let out = dir.appendingPathComponent("out")
        let outcomes = try StudyRunner(manifest: manifest, parameters: Self.parameters, directory: out).run()
        let results = StudyResults(manifest: manifest, parameters: Self.parameters, outcomes: outcomes)
        try StudyOutput.write(results, to: out, seconds: 1.5)
        for name in StudyOutput.tableFiles + ["study.json", "parameters.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("study.json"))) as? [String: Any])
        #expect((record["toolkit"] as? [String: Any])?["version"] as? String == Toolkit.version)
        let counts = try #require(record["counts"] as? [String: Int])
        #expect(counts["manifest_rows"] == 6 && counts["analysed"] == 4 && counts["failed"] == 1 && counts["errors"] == 2)
        #expect(try StudyOutput.readParameters(in: out) == Self.parameters)
        let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors.contains("6,s5/forearm/rest/rest,missing.csv,error,manifest,file not found"))
        #expect(errors.contains("7,s6/forearm/rest/rest,bad.csv,error,read,"))
        // Spectra comparisons: one row per frequency of the contrast a vs b, BH across them.
        let spectra = results.spectraComparisonsTable
        let frequencies = try #require(outcomes[0]?.spectrum?.frequenciesHz)
        #expect(spectra.rows.count == frequencies.count)
        #expect(spectra.rows.allSatisfy { $0[spectra.columns.firstIndex(of: "adjustment")!] == "bh" })
    }
}

/// PORH rows of a study: parameters per occlusion, and the reperfusion bands when asked for.
@Suite struct StudyPORHTests {
    @Test func porhParametersAndReperfusionBands() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = RepositoryPaths.sample("porh-finger-pad.csv").path
        let text = "subject,group,site,condition,protocol,path\ns1,a,finger-pad,rest,porh,\(sample)\n"
        let manifest = try StudyManifest(text: text, path: "m.csv", folder: dir)
        var parameters = StudyRunnerTests.parameters
        let plain = try StudyRunner(manifest: manifest, parameters: parameters, directory: dir.appendingPathComponent("a")).run()
        let occlusion = try #require(plain[0]?.occlusions.first)
        // The sample's markers are at 120 s and 300 s (samples/README.md).
        #expect(occlusion.timing.startS == 120 && occlusion.timing.releaseS == 300 && occlusion.timing.timingSource == "events")
        #expect(occlusion.reperfusionBands.isEmpty && occlusion.reperfusionReason == nil)
        let results = StudyResults(manifest: manifest, parameters: parameters, outcomes: plain)
        #expect(results.porhTable.rows.count == 1 && results.reperfusionBandsTable.rows.isEmpty)
        // The study's porh.csv has ldf porh's columns (timing, map_mmhg, parameters, null reasons).
        let porhColumns = Set(ReportColumns.names(of: PORHOcclusionRow.self)).subtracting(["source", "site", "cvc_max"])
        #expect(porhColumns.isSubset(of: Set(results.porhTable.columns)), "\(porhColumns.subtracting(results.porhTable.columns))")
        let row = results.porhTable.rows[0]
        func cell(_ name: String) -> String { row[results.porhTable.columns.firstIndex(of: name)!] }
        #expect(Double(cell("duration_s")) == 180, "\(cell("duration_s"))")
        #expect(cell("rest_reference") == "before_this_occlusion" && cell("map_mmhg").isEmpty, "\(cell("rest_reference"))")
        #expect(cell("null_reasons").contains("cvc_rest: "))

        parameters.reperfusionBands = parameters.bandSet
        let withBands = try StudyRunner(manifest: manifest, parameters: parameters, directory: dir.appendingPathComponent("b")).run()
        let bands = try #require(withBands[0]?.occlusions.first?.reperfusionBands)
        #expect(bands.map(\.band) == ["myogenic", "respiratory"])
        let table = StudyResults(manifest: manifest, parameters: parameters, outcomes: withBands).reperfusionBandsTable
        #expect(table.rows.count == 2)
        #expect(table.rows.allSatisfy { $0[table.columns.firstIndex(of: "occlusion")!] == "1" })
    }
}
