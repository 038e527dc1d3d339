import Foundation
import Testing
import LDFCore
import LDFSpectral
import LDFStudy
import LDFTestSupport

/// Study manifests with several probes per file (`channel` = `all` or a list), an `event_map`
/// column, and manifests written in Windows-1252.
@Suite struct MultiChannelStudyTests {
    /// 120 s at 10 Hz, two probes: 100 + a cos(2 pi 0.1 t) (PU 1) and 50 + 2a cos(...) (PU 2).
    static func twoProbes(amplitude a: Double) -> String {
        var text = "time,PU 1,PU 2\n"
        for n in 0..<1200 {
            let t = Double(n) / 10
            let wave = cos(2 * .pi * 0.1 * t) + 0.1 * cos(2 * .pi * 0.3 * t)
            text += "\(t),\(100 + a * wave),\(50 + 2 * a * wave)\n"
        }
        return text
    }

    @Test func everyProbeIsAnalysedNamedAndComparedSeparately() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var manifest = "subject,group,site,condition,protocol,path,channel\n"
        for (i, a) in [2.0, 2.5, 4.0, 4.5].enumerated() {
            try Data(Self.twoProbes(amplitude: a).utf8).write(to: dir.appendingPathComponent("s\(i).csv"))
            manifest += "s\(i),\(i < 2 ? "a" : "b"),forearm,rest,rest,s\(i).csv,\(i == 0 ? "\"1,2\"" : "all")\n"
        }
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("manifest.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        #expect(m.issues.isEmpty)
        let parameters = StudyParameters(settings: BandAnalysisSettings(bandSet: BandSet(name: "custom", bands: [Band("myogenic", 0.052, 0.145)])))
        let runner = try StudyRunner(manifest: m, parameters: parameters, directory: dir.appendingPathComponent("out"), jobs: 2)
        let results = StudyResults(manifest: m, parameters: parameters, outcomes: try runner.run())
        let bands = results.bandsTable
        let channel = try #require(bands.columns.firstIndex(of: "channel"))
        #expect(bands.rows.count == 8)
        #expect(bands.rows.map { $0[channel] }.filter { $0 == "PU 2" }.count == 4)
        // Comparisons and summaries are per channel: PU 2 doubles every amplitude.
        let summary = results.summaryTable
        let sc = try #require(summary.columns.firstIndex(of: "channel"))
        let measure = try #require(summary.columns.firstIndex(of: "measure")), mean = try #require(summary.columns.firstIndex(of: "mean"))
        let group = try #require(summary.columns.firstIndex(of: "group"))
        func amplitudeMean(_ ch: String, _ g: String) -> Double? {
            summary.rows.first { $0[sc] == ch && $0[measure] == "amplitude" && $0[group] == g }.flatMap { Double($0[mean]) }
        }
        let one = try #require(amplitudeMean("PU 1", "a")), two = try #require(amplitudeMean("PU 2", "a"))
        #expect(abs(two / one - 2) < 0.01)
        #expect(results.comparisonsTable.rows.count == 2 * results.comparisonsTable.rows.filter { $0.contains("PU 1") }.count)
        #expect(results.spectraTable.rows.contains { $0.contains("PU 2") })
        // spectra.csv has ldf spectrum's columns: the unit in every row, wavelet density empty.
        let spectra = results.spectraTable
        #expect(Array(spectra.columns.suffix(7)) == ["channel", "flux_unit", "frequency_hz", "amplitude", "power", "valid_fraction", "density"])
        let unit = try #require(spectra.columns.firstIndex(of: "flux_unit")), density = try #require(spectra.columns.firstIndex(of: "density"))
        #expect(spectra.rows.allSatisfy { $0[unit] == "PU" && $0[density].isEmpty })
    }

    /// A Windows-1252 manifest keeps `grün` and `grän` apart (they used to merge into one group).
    @Test func cp1252ManifestsKeepTheirGroupsApart() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "subject,group,site,condition,protocol,path\ns1,grün,forearm,rest,rest,a.csv\ns2,grän,forearm,rest,rest,a.csv\n"
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }  // ISO-8859-1 = cp1252 here
        try Data(bytes).write(to: dir.appendingPathComponent("manifest.csv"))
        try Data(Self.twoProbes(amplitude: 1).utf8).write(to: dir.appendingPathComponent("a.csv"))
        let m = try StudyManifest(path: dir.appendingPathComponent("manifest.csv").path)
        #expect(m.entries.map(\.group) == ["grün", "grän"])
    }

    @Test func eventMapColumnIsParsedAndBadMapsFailTheirRow() throws {
        let m = try StudyManifest(text: """
            subject,group,site,condition,protocol,path,event_map
            s1,a,forearm,rest,porh,a.csv,K1=occlusion_start;K2=release
            s2,a,forearm,rest,porh,b.csv,"K1=occlusion_start,K2=release"
            s3,a,forearm,rest,porh,c.csv,K1=sideways
            """, path: "manifest.csv", folder: URL(fileURLWithPath: "/data"), checkFiles: false)
        #expect(m.entries.map(\.eventMap) == ["K1=occlusion_start,K2=occlusion_release", "K1=occlusion_start,K2=occlusion_release"])
        #expect(m.issues.count == 1 && m.issues[0].row == 4 && m.issues[0].message.contains("event_map"))
    }
}
