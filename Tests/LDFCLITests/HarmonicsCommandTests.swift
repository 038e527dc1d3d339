import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf harmonics` end to end on the PyMODAlib fixture signal: what users read, and how bad
/// input is refused.
@Suite struct HarmonicsCommandTests {
    static let signal = RepositoryPaths.fixture("harmonics").appendingPathComponent("signal.csv").path
    static let small = ["--fmin", "0.08", "--fmax", "0.5", "--surrogates", "3", "--time-resolution", "0.2"]

    @Test func outputsNameTheHarmonicPair() throws {
        let table = try LDFCommandRunner.run(["harmonics", Self.signal] + Self.small)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("harmonic finder, 300 s at 20 Hz") && table.stdout.contains("3 AAFT surrogates (seed 1)"))
        let csv = try LDFCommandRunner.run(["harmonics", Self.signal, "--format", "csv"] + Self.small)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("source,channel,flux_unit,f1_hz,f2_hz,ratio,mutual_information,surrogate_mean,surrogate_sd,significance_sd") == true)
        let json = try LDFCommandRunner.run(["harmonics", Self.signal, "--format", "json"] + Self.small)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let frequencies = object?["frequencies_hz"] as? [Double] ?? []
        let pairs = object?["pairs"] as? [[String: Any]] ?? []
        #expect(pairs.count == frequencies.count * (frequencies.count - 1) / 2 && lines.count == pairs.count + 1)
        let strongest = object?["strongest"] as? [[String: Any]] ?? []
        let first = strongest.first.flatMap { s in (s["f1_hz"] as? Double).flatMap { f1 in (s["f2_hz"] as? Double).map { (f1, $0) } } }
        // The broad f0 = 1 Morlet spreads the (0.1, 0.2) Hz harmonic over a blob of neighbouring cells.
        #expect(first.map { (0.07...0.13).contains($0.0) && (0.15...0.26).contains($0.1) } == true, "\(strongest.first ?? [:])")
        #expect((object?["parameters"] as? [String: Any])?["surrogate_type"] as? String == "aaft")
    }

    @Test func badInputIsRefusedClearly() throws {
        let short = try LDFCommandRunner.run(["harmonics", Self.signal, "--fmin", "0.01"])
        #expect(short.status == 1 && short.stderr.contains("too short") && short.stderr.contains("--fmin"), "\(short.stderr)")
        let nyquist = try LDFCommandRunner.run(["harmonics", Self.signal, "--fmax", "12"])
        #expect(nyquist.status == 64 && nyquist.stderr.contains("Nyquist") && nyquist.stderr.contains("Usage: ldf harmonics"), "\(nyquist.stderr)")
        let step = try LDFCommandRunner.run(["harmonics", Self.signal, "--time-resolution", "0.125"] + ["--fmin", "0.1"])
        #expect(step.status == 64 && step.stderr.contains("whole number of samples"), "\(step.stderr)")
        let folder = try LDFCommandRunner.temporaryDirectory()
        let flat = folder.appendingPathComponent("flat.csv")
        try ("time [s],flux [PU]\n" + (0..<6000).map { "\(Double($0) / 20),50\n" }.joined()).write(to: flat, atomically: true, encoding: .utf8)
        let constant = try LDFCommandRunner.run(["harmonics", flat.path, "--fmin", "0.1"])
        #expect(constant.status == 1 && constant.stderr.contains("constant"), "\(constant.stderr)")
        let ratio = try LDFCommandRunner.run(["harmonics", Self.signal, "--scale-ratio", "1"])
        #expect(ratio.status == 64 && ratio.stderr.contains("--scale-ratio"))
    }
}
