import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf bands --surrogates N` end to end: band amplitudes against surrogates of each recording.
@Suite struct CoherenceBandsSurrogateTests {
    static let arguments = ["--bands", "myogenic:0.052-0.145,respiratory:0.145-0.6", "--padding", "symmetric",
                            "--surrogates", "19", "--surrogate-type", "ft", "--seed", "3"]

    @Test func jsonCarriesThresholdsPerBand() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try CoherenceCommandTests.writePair("pair.csv", in: dir, seconds: 300)
        let out = try LDFCommandRunner.run(["bands", file, "--channel", "flux1", "--format", "json"] + Self.arguments)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let parameters = try #require(json["parameters"] as? [String: Any])
        let surrogates = try #require(parameters["surrogates"] as? [String: Any])
        #expect(surrogates["type"] as? String == "ft" && surrogates["count"] as? Int == 19 && surrogates["seed"] as? Int == 3)
        #expect(parameters["preset"] as? String == "custom") // the usual parameters are still there
        let recording = try #require((json["recordings"] as? [[String: Any]])?.first)
        let bands = try #require(recording["bands"] as? [[String: Any]])
        let test = try #require(recording["surrogates"] as? [String: Any])
        let thresholds = try #require(test["bands"] as? [[String: Any]])
        #expect(thresholds.map { $0["band"] as? String } == bands.map { $0["band"] as? String })
        for (band, threshold) in zip(bands, thresholds) {
            let amplitude = try #require(band["amplitude"] as? Double)
            let limit = try #require(threshold["amplitude_threshold"] as? Double)
            let excess = try #require(threshold["amplitude_excess"] as? Double)
            #expect(abs(excess - (amplitude - limit)) < 1e-9 * max(1, amplitude))
            #expect(threshold["amplitude_significant"] as? Bool == (excess > 0))
            #expect(threshold["power_threshold"] is Double)
        }
    }

    @Test func csvAndTableAddTheThresholds() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try CoherenceCommandTests.writePair("pair.csv", in: dir, seconds: 300)
        let csv = try LDFCommandRunner.run(["bands", file, "--format", "csv"] + Self.arguments)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(header.contains("amplitude_threshold") && header.contains("amplitude_excess") && header.contains("source"))
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == header.count })
        let table = try LDFCommandRunner.run(["bands", file] + Self.arguments)
        #expect(table.status == 0)
        #expect(table.stdout.contains("against 19 ft surrogates (seed 3)"))
        // The same seed gives the same output.
        #expect(try LDFCommandRunner.run(["bands", file] + Self.arguments).stdout == table.stdout)
    }

    @Test func badSurrogateOptions() throws {
        let dir = try LDFCommandRunner.temporaryDirectory()
        let file = try CoherenceCommandTests.writePair("pair.csv", in: dir, seconds: 120)
        let few = try LDFCommandRunner.run(["bands", file, "--surrogates", "5"])
        #expect(few.status == 64)
        #expect(few.stderr.contains("N >= 19"))
        let cpp = try LDFCommandRunner.run(["bands", file, "--surrogates", "19", "--surrogate-type", "cpp", "--padding", "symmetric"])
        #expect(cpp.status == 1)
        #expect(cpp.stderr.contains("cpp"))
    }
}
