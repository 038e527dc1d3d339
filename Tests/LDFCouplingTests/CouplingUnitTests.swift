import Foundation
import LDFCore
import LDFCoupling
import LDFSpectral
import Testing

@Suite("Bayesian coupling: hand-checked pieces and bad input")
struct CouplingUnitTests {
    @Test("coupling strengths are the norms of the non-constant coefficients of each equation; directionality in [-1, 1]")
    func strengths() {
        // K = 25 for order 2: oscillator 1's constant 3, one coefficient 0.3 and one 0.4 (norm 0.5);
        // oscillator 2's constant 7 and one coefficient 1.5.
        var c = [Double](repeating: 0, count: 50)
        c[0] = 3; c[5] = 0.3; c[24] = 0.4
        c[25] = 7; c[30] = 1.5
        let s = CouplingStrength(parameters: c)
        #expect(abs(s.secondToFirst - 0.5) < 1e-15 && abs(s.firstToSecond - 1.5) < 1e-15)
        #expect(abs(s.directionality - 0.5) < 1e-15)
        #expect(s.angularFrequency1 == 3 && s.angularFrequency2 == 7)
    }

    @Test("uncoupled oscillators with their own noise: both strengths stay at the noise level")
    func uncoupled() throws {
        var random = SeededRandom(seed: 5)
        var (a, b) = (0.0, 0.0)
        var phase1: [Double] = [], phase2: [Double] = []
        for _ in 0..<4000 {
            a += 2 * Double.pi * 0.3 / 20 + 0.02 * random.gaussian()
            b += 2 * Double.pi * 1.3 / 20 + 0.02 * random.gaussian()
            phase1.append(a)
            phase2.append(b)
        }
        let inference = BayesianPhaseInference(order: 2, windowSamples: 1000, stepSamples: 1000, sampleIntervalSeconds: 0.05,
                                               propagationConstant: 0.2)
        let windows = try inference.infer(phase1, phase2)
        #expect(windows.count == 4)
        for window in windows {
            let s = CouplingStrength(parameters: window.parameters)
            #expect(s.firstToSecond < 0.3 && s.secondToFirst < 0.3)
            #expect(abs(s.angularFrequency1 / (2 * Double.pi) - 0.3) < 0.02 && abs(s.angularFrequency2 / (2 * Double.pi) - 1.3) < 0.02)
        }
    }

    @Test("phases shorter than the window, and constant phases, are refused with reasons")
    func badPhases() throws {
        let inference = BayesianPhaseInference(order: 2, windowSamples: 500, stepSamples: 500, sampleIntervalSeconds: 0.1,
                                               propagationConstant: 0.2)
        #expect { try inference.infer([Double](repeating: 0, count: 100), [Double](repeating: 0, count: 100)) } throws: {
            ($0 as? LDFError)?.context == "window"
        }
        #expect { try inference.infer([Double](repeating: 1, count: 600), [Double](repeating: 2, count: 600)) } throws: {
            ($0 as? LDFError)?.message.contains("singular") == true
        }
    }

    @Test("settings: non-CPP surrogates, a bad order, window or band are refused naming the option")
    func settings() {
        let bands = (Band("a", 0.1, 0.3), Band("b", 0.6, 2))
        let cases: [(CouplingSettings, String)] = [
            (CouplingSettings(band1: bands.0, band2: bands.1, surrogates: SurrogateOptions(kind: .iaaftSpectrum, count: 19)), "surrogateType"),
            (CouplingSettings(band1: bands.0, band2: bands.1, order: 0), "order"),
            (CouplingSettings(band1: bands.0, band2: bands.1, windowSeconds: -1), "window"),
            (CouplingSettings(band1: Band("x", 0.5, 0.2), band2: bands.1), "bands"),
        ]
        for (settings, option) in cases {
            #expect { try settings.validate() } throws: { ($0 as? LDFError)?.context == option }
        }
        #expect(CouplingSettings(band1: bands.0, band2: bands.1).resolvedWindowSeconds == 100)
    }
}
