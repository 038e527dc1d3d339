import Foundation
import LDFCore
import LDFCoupling
import LDFSpectral
import LDFTestSupport
import Testing

/// Dynamical Bayesian inference of Tests/Fixtures/moda/coupled-oscillators.csv against MODA's own
/// loop_butter, hilbert, bayes_main and dirc run in GNU Octave (see that folder's README.md), and
/// against the simulation's known coupling (the first oscillator drives the second with 0.8 rad/s).
@Suite("Bayesian coupling against MODA and the simulation")
struct CouplingReferenceTests {
    struct Fixture: Decodable {
        struct Inference: Decodable {
            var tm: [Double]
            var parameters: [[Double]]
            var cpl1: [Double]
            var cpl2: [Double]
        }
        var rateHz: Double
        var band1: [Double]
        var band2: [Double]
        var windowSeconds: Double
        var propagation: Double
        var order: Int
        var modaFilterOrders: [Int]
        var stableOrders: [Int]
        var fixedOrders: [Int]
        var numerator1: [Double]
        var denominator1: [Double]
        var phase1: [Double]
        var phase2: [Double]
        var filtered: Inference
        var truePhases: Inference
    }

    static func load() throws -> (Fixture, [[Double]]) {
        let folder = RepositoryPaths.fixture("moda")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: folder.appendingPathComponent("coupled-oscillators.json")))
        let rows = try String(contentsOf: folder.appendingPathComponent("coupled-oscillators.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        return (fixture, (1...4).map { c in rows.map { $0[c] } })
    }

    static func inference(_ f: Fixture) -> BayesianPhaseInference {
        let window = Int((f.windowSeconds * f.rateHz).rounded())
        return BayesianPhaseInference(order: f.order, windowSamples: window, stepSamples: window,
                                      sampleIntervalSeconds: 1 / f.rateHz, propagationConstant: f.propagation)
    }

    @Test("Butterworth coefficients as Octave's butter; MODABandPass takes the highest order whose transfer function still computes the exact response, below the root-stable order (Octave's roots) and MODA's loop_butter choice")
    func filterOrders() throws {
        let (f, columns) = try Self.load()
        let filter = try ButterworthBandPass(order: f.fixedOrders[0], lowHz: f.band1[0], highHz: f.band1[1], sampleRateHz: f.rateHz)
        let scale = f.denominator1.map(abs).max()!
        #expect(zip(filter.numerator, f.numerator1).allSatisfy { abs($0 - $1) < 1e-13 * scale })
        #expect(zip(filter.denominator, f.denominator1).allSatisfy { abs($0 - $1) < 1e-13 * scale })
        for (index, band) in [f.band1, f.band2].enumerated() {
            let filtered = try MODABandPass(columns[index], lowHz: band[0], highHz: band[1], sampleRateHz: f.rateHz)
            #expect(filtered.order >= 3 && filtered.order <= f.stableOrders[index] && f.stableOrders[index] < f.modaFilterOrders[index])
            func deviation(_ order: Int) throws -> Double {
                try ButterworthBandPass(order: order, lowHz: band[0], highHz: band[1], sampleRateHz: f.rateHz).transferFunctionDeviation(columns[index])
            }
            #expect(try deviation(filtered.order) < MODABandPass.tolerance)
            #expect(try deviation(filtered.order + 1) >= MODABandPass.tolerance)
            #expect(try deviation(f.modaFilterOrders[index]) > 0.1) // MODA's own choice: wrong by more than 10 %
        }
    }

    @Test("phases of the band-passed signals at fixed orders equal MODA's bandpass_butter and hilbert (second-order sections against Octave's transfer function)")
    func phases() throws {
        let (f, columns) = try Self.load()
        for (index, (band, reference)) in [(f.band1, f.phase1), (f.band2, f.phase2)].enumerated() {
            let filter = try ButterworthBandPass(order: f.fixedOrders[index], lowHz: band[0], highHz: band[1], sampleRateHz: f.rateHz)
            let phase = AnalyticSignal.phase(try filter.filtfilt(columns[index]))
            let worst = zip(phase, reference).map { abs(remainder($0 - $1, 2 * Double.pi)) }.max()!
            #expect(worst < 1e-6, "band \(band): worst phase difference \(worst) rad")
        }
    }

    @Test("window parameters and coupling strengths from MODA's phases equal bayes_main and dirc")
    func inferenceMatchesMODA() throws {
        let (f, columns) = try Self.load()
        for (phases, reference) in [((f.phase1, f.phase2), f.filtered), ((columns[2], columns[3]), f.truePhases)] {
            let windows = try Self.inference(f).infer(phases.0, phases.1)
            #expect(windows.map(\.centreSeconds) == reference.tm)
            for (window, (parameters, (c1, c2))) in zip(windows, zip(reference.parameters, zip(reference.cpl1, reference.cpl2))) {
                let scale = parameters.map(abs).max()!
                #expect(zip(window.parameters, parameters).allSatisfy { abs($0 - $1) < 1e-7 * scale })
                let strength = CouplingStrength(parameters: window.parameters)
                #expect(abs(strength.secondToFirst - c1) < 1e-7 * max(c1, 1e-3))
                #expect(abs(strength.firstToSecond - c2) < 1e-7 * c2)
            }
        }
    }

    @Test("the known coupling: 1 -> 2 near 0.8 rad/s, far above 2 -> 1; directionality positive; natural frequencies recovered")
    func knownCoupling() throws {
        let (f, columns) = try Self.load()
        let strengths = try Self.inference(f).infer(columns[2], columns[3]).map { CouplingStrength(parameters: $0.parameters) }
        let mean = strengths.map(\.firstToSecond).reduce(0, +) / Double(strengths.count)
        #expect(abs(mean - 0.8) < 0.1)
        #expect(strengths.allSatisfy { $0.firstToSecond > 2.5 * $0.secondToFirst && $0.directionality > 0.4 })
        #expect(strengths.allSatisfy { abs($0.angularFrequency1 / (2 * Double.pi) - 0.25) < 0.01 })
        #expect(strengths.allSatisfy { abs($0.angularFrequency2 / (2 * Double.pi) - 1.1) < 0.02 })
    }

    @Test("the whole analysis on the recorded signals: 1 -> 2 near 0.8 rad/s, CPP surrogates make 1 -> 2 significant in most windows and 2 -> 1 in few")
    func analysisWithSurrogates() throws {
        let (f, columns) = try Self.load()
        let a = CoherenceSignal(source: "x1", channelName: "x1", values: columns[0], sampleRateHz: f.rateHz)
        let b = CoherenceSignal(source: "x2", channelName: "x2", values: columns[1], sampleRateHz: f.rateHz)
        let settings = CouplingSettings(band1: Band("slow", f.band1[0], f.band1[1]),
                                        band2: Band("fast", f.band2[0], f.band2[1]),
                                        surrogates: SurrogateOptions(kind: .cyclePhasePermutation, count: 19, seed: 3))
        let analysis = try CouplingAnalysis(a, b, settings: settings)
        #expect(analysis.windowSeconds == f.windowSeconds && zip(analysis.filterOrders, f.stableOrders).allSatisfy { $0 <= $1 })
        #expect(analysis.windows.map(\.timeSeconds) == f.filtered.tm)
        let mean = analysis.windows.map(\.strength.firstToSecond).reduce(0, +) / Double(analysis.windows.count)
        #expect(abs(mean - 0.8) < 0.15)
        #expect(analysis.windows.allSatisfy { $0.strength.directionality > 0.5 })
        let forward = analysis.windows.filter { $0.strength.firstToSecond > $0.threshold1to2! }.count
        let backward = analysis.windows.filter { $0.strength.secondToFirst > $0.threshold2to1! }.count
        #expect(forward >= analysis.windows.count - 2)
        #expect(backward <= 2)
    }
}
