import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// The bispectra of Tests/Fixtures/moda/bispectrum-pair.csv against MODA's own `bispecWavNew`,
/// `wtAtf2` and `wt` run in GNU Octave (see that folder's README.md).
@Suite("Wavelet bispectrum against MODA")
struct BispectrumReferenceTests {
    struct Fixture: Decodable {
        struct Kind: Decodable {
            var definedCount: Int
            /// [j, k, |B|, arg B].
            var cells: [[Double]]
        }
        struct Series: Decodable {
            var f1Hz: Double
            var f2Hz: Double
            var biamplitude: [Double?]
            var biphase: [Double?]
        }
        var rateHz: Double
        var fminHz: Double
        var fmaxHz: Double
        var f0: Double
        var frequenciesHz: [Double]
        var kinds: [String: Kind]
        var biphase122: Series
    }

    static func load() throws -> (Fixture, [Double], [Double]) {
        let folder = RepositoryPaths.fixture("moda")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: folder.appendingPathComponent("bispectrum-pair.json")))
        let rows = try String(contentsOf: folder.appendingPathComponent("bispectrum-pair.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        return (fixture, rows.map { $0[1] }, rows.map { $0[2] })
    }

    static func analyzer(_ fixture: Fixture, count: Int) throws -> BispectrumAnalyzer {
        let options = WaveletOptions(f0: fixture.f0, fminHz: fixture.fminHz, fmaxHz: fixture.fmaxHz, padding: .zero)
        return BispectrumAnalyzer(transform: try WaveletTransform(sampleCount: count, sampleRateHz: fixture.rateHz, options: options))
    }

    @Test("grid, defined pairs and every stored |B| and arg B of 111, 222, 122 and 211 agree with MODA")
    func grids() throws {
        let (fixture, x, y) = try Self.load()
        let analyzer = try Self.analyzer(fixture, count: x.count)
        let f = analyzer.transform.frequenciesHz
        #expect(f.count == fixture.frequenciesHz.count)
        #expect(zip(f, fixture.frequenciesHz).allSatisfy { abs($0 - $1) < 1e-12 * $1 })
        let kinds: [BispectrumKind] = [.b111, .b222, .b122, .b211]
        let grids = try analyzer.bispectra(x, y, kinds: kinds)
        var worstAmplitude = 0.0, worstPhase = 0.0
        for grid in grids {
            let reference = try #require(fixture.kinds[grid.kind.rawValue])
            #expect(grid.amplitude.filter { !$0.isNaN }.count == reference.definedCount, "\(grid.kind)")
            let peak = reference.cells.map { $0[2] }.max()!
            for cell in reference.cells {
                let (j, k) = (Int(cell[0]), Int(cell[1]))
                let amplitude = grid.amplitude(j, k)
                worstAmplitude = max(worstAmplitude, abs(amplitude - cell[2]) / peak)
                #expect(abs(amplitude - cell[2]) <= 1e-6 * peak, "\(grid.kind) \(f[j]) \(f[k]): \(amplitude) vs \(cell[2])")
                if cell[2] > 0.01 * peak {
                    let difference = abs(remainder(grid.phase[j * f.count + k] - cell[3], 2 * Double.pi))
                    worstPhase = max(worstPhase, difference)
                    #expect(difference < 1e-5, "\(grid.kind) \(f[j]) \(f[k])")
                }
            }
        }
        #expect(worstAmplitude > 0 && worstPhase > 0) // the comparisons ran (measured: 2e-8 of the peak, 6e-8 rad)
    }

    @Test("biamplitude and biphase of 122 at (0.15, 0.3) Hz over time agree with MODA's at the same samples")
    func biphase() throws {
        let (fixture, x, y) = try Self.load()
        let analyzer = try Self.analyzer(fixture, count: x.count)
        let reference = fixture.biphase122
        let series = try analyzer.biphase(x, y, kinds: [.b122], pair: FrequencyPair(f1Hz: reference.f1Hz, f2Hz: reference.f2Hz))[0]
        let peak = reference.biamplitude.compactMap { $0 }.max()!
        var compared = 0
        for (time, (amplitude, phase)) in zip(series.timesSeconds, zip(series.biamplitude, series.biphase)) {
            let n = Int((time * fixture.rateHz).rounded())
            guard let a = reference.biamplitude[n], let p = reference.biphase[n] else { continue }
            #expect(abs(amplitude - a) < 1e-6 * peak, "t = \(time)")
            if a > 0.05 * peak { #expect(abs(remainder(phase - p, 2 * Double.pi)) < 1e-5, "t = \(time)") }
            compared += 1
        }
        // MODA's NaN edges (each row's own cone) cover at most what the toolkit leaves out.
        #expect(compared >= series.timesSeconds.count - 2 && compared > 100)
    }
}
