import Foundation
import LDFCore
import LDFTestSupport
import Testing

/// `ldf bispectrum` and `ldf coupling` end to end on the MODA reference signals
/// (Tests/Fixtures/moda): what users read, and how bad input is refused.
@Suite struct BispectrumCouplingCommandTests {
    static let pair = RepositoryPaths.fixture("moda").appendingPathComponent("bispectrum-pair.csv").path
    static let oscillators = RepositoryPaths.fixture("moda").appendingPathComponent("coupled-oscillators.csv").path
    static let small = ["--fmin", "0.1", "--fmax", "1", "--voices", "8", "--padding", "zero"]

    @Test func bispectrumJSON() throws {
        let out = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channels", "x,y", "--kinds", "111,122", "--surrogates", "19",
                                            "--biphase", "0.15,0.3", "--format", "json"] + Self.small)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        #expect((json["toolkit"] as? [String: Any])?["version"] as? String == Toolkit.version)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["kinds"] as? [String] == ["111", "122"] && parameters["padding"] as? String == "zero")
        #expect((parameters["surrogates"] as? [String: Any])?["type"] as? String == "iaaft2")
        let kinds = try #require(json["bispectra"] as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["111", "122"])
        for kind in kinds {
            let cells = try #require(kind["cells"] as? [[String: Any]])
            #expect(cells.count > 20)
            for cell in cells {
                let (f1, f2, sum) = (cell["f1_hz"] as! Double, cell["f2_hz"] as! Double, cell["sum_hz"] as! Double)
                #expect(abs(sum - f1 - f2) < 1e-12 && sum <= 1.0001)
                if kind["kind"] as? String == "111" { #expect(f1 <= f2) }
                let amplitude = cell["amplitude"] as! Double, threshold = try #require(cell["threshold"] as? Double)
                #expect(cell["significant"] as? Bool == (amplitude > threshold))
            }
        }
        let series = try #require((json["biphase"] as? [[String: Any]])?.first { $0["kind"] as? String == "122" })
        #expect((series["time_s"] as? [Double])?.count ?? 0 > 100)
        #expect((series["biphase_rad"] as? [Double])?.count == (series["time_s"] as? [Double])?.count)
    }

    @Test func bispectrumCSVAndTable() throws {
        let csv = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channel", "x", "--format", "csv", "--biphase", "0.15,0.4"] + Self.small)
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("first,second,flux_unit,second_flux_unit,scope,kind,f1_hz,f2_hz,sum_hz,time_s,amplitude,biphase_rad") == true)
        #expect(lines.contains { $0.contains(",bispectrum,111,") } && lines.contains { $0.contains(",biphase,111,") })
        let table = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channel", "x"] + Self.small)
        #expect(table.status == 0 && table.stdout.contains("bispectrum 111:") && table.stdout.contains("strongest"))
    }

    @Test func bispectrumBadInput() throws {
        let aboveNyquist = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channel", "x", "--biphase", "3,2.5", "--fmax", "5"])
        // Errors that name an option exit 64 with the usage, as in every command (CommandFailure).
        #expect(aboveNyquist.status == 64 && aboveNyquist.stderr.contains("--biphase") && aboveNyquist.stderr.contains("Nyquist"))
        let sumAboveRange = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channel", "x", "--biphase", "0.6,0.6"] + Self.small)
        #expect(sumAboveRange.status == 64 && sumAboveRange.stderr.contains("f1 + f2 = 1.2 Hz"))
        let fmax = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channel", "x", "--fmax", "6"])
        #expect(fmax.status == 64 && fmax.stderr.contains("Nyquist") && fmax.stderr.contains("Usage: ldf bispectrum"))
        let cross = try LDFCommandRunner.run(["bispectrum", Self.pair, "--channel", "x", "--kinds", "122"] + Self.small)
        #expect(cross.status == 64 && cross.stderr.contains("needs a second signal"))
        let cpp = try LDFCommandRunner.run(["bispectrum", Self.pair, "--surrogates", "19", "--surrogate-type", "cpp"] + Self.small)
        #expect(cpp.status == 64 && cpp.stderr.contains("--surrogate-type"))
        let kind = try LDFCommandRunner.run(["bispectrum", Self.pair, "--kinds", "123"])
        #expect(kind.status == 64 && kind.stderr.contains("unknown bispectrum '123'"))
    }

    static let coupling = ["coupling", oscillators, "--channels", "x1,x2", "--bands", "0.2-0.4,0.7-1.6"]

    @Test func couplingJSONAndCSV() throws {
        let out = try LDFCommandRunner.run(Self.coupling + ["--format", "json", "--surrogates", "19"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(out.json)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["window_s"] as? Double == 50 && parameters["propagation_constant"] as? Double == 0.2)
        #expect(parameters["fourier_order"] as? Int == 2 && (parameters["surrogates"] as? [String: Any])?["type"] as? String == "cpp")
        let windows = try #require(json["windows"] as? [[String: Any]])
        #expect(windows.count == 12)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect((summary["mean_strength_1_to_2"] as? Double ?? 0) > 0.6 && (summary["mean_directionality"] as? Double ?? 0) > 0.5)
        #expect((summary["significant_windows_1_to_2"] as? Int ?? 0) >= 10 && (summary["significant_windows_2_to_1"] as? Int ?? 99) <= 2)
        let csv = try LDFCommandRunner.run(Self.coupling + ["--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == 13)
    }

    @Test func couplingBadInput() throws {
        let short = try LDFCommandRunner.run(Self.coupling + ["--window", "900"])
        #expect(short.status == 1 && short.stderr.contains("shorter than the Bayesian window"))
        let defaultWindow = try LDFCommandRunner.run(["coupling", Self.oscillators, "--channel", "x1", "--bands", "endothelial,cardiac"])
        #expect(defaultWindow.status == 1 && defaultWindow.stderr.contains("10 periods of the lowest band edge"))
        let nyquist = try LDFCommandRunner.run(["coupling", Self.oscillators, "--channel", "x1", "--bands", "0.2-0.4,4-6"])
        #expect(nyquist.status == 64 && nyquist.stderr.contains("Nyquist"))
        let order = try LDFCommandRunner.run(Self.coupling + ["--order", "9"])
        #expect(order.status == 64 && order.stderr.contains("--order"))
        let bands = try LDFCommandRunner.run(["coupling", Self.oscillators, "--bands", "cardiac"])
        #expect(bands.status == 64 && bands.stderr.contains("not two bands"))
    }
}
