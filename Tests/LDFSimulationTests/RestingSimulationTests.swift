import Foundation
import Testing
import LDFCore
import LDFSimulation

/// Least-squares amplitude of a pure tone at `frequency` in `values` (a*cos + b*sin fit over a whole
/// number of cycles; other tones and noise average out).
private func toneAmplitude(_ values: [Double], rate: Double, frequency: Double) -> Double {
    var c = 0.0, s = 0.0
    for (i, v) in values.enumerated() {
        let angle = 2 * Double.pi * frequency * Double(i) / rate
        c += v * cos(angle)
        s += v * sin(angle)
    }
    return 2 * (c * c + s * s).squareRoot() / Double(values.count)
}

@Test func sameSeedSameRecordingOtherSeedOther() throws {
    let sim = RestingSimulation(sampleRateHz: 10, durationSeconds: 60)
    let a = try sim.generate(seed: 7), b = try sim.generate(seed: 7), c = try sim.generate(seed: 8)
    #expect(a.perfusion.values == b.perfusion.values)
    #expect(a.perfusion.values != c.perfusion.values)
}

@Test func pureTonesHaveTheirConfiguredAmplitudes() throws {
    // 1000 s at 20 Hz: every default frequency completes a whole number of cycles, so the
    // least-squares amplitudes of the noiseless tones are exact up to leakage between tones.
    var oscillations = RestingSimulation.defaultOscillations
    for i in oscillations.indices { oscillations[i].modulationDepth = 0 }
    let sim = RestingSimulation(sampleRateHz: 20, durationSeconds: 1000, baseline: 50, oscillations: oscillations,
                                pinkNoiseSD: 0, whiteNoiseSD: 0)
    let flux = try sim.generate(seed: 1).perfusion.values
    #expect(flux.count == 20_000)
    #expect(abs(Statistics.mean(flux) - 50) < 1e-6)
    for o in oscillations {
        #expect(abs(toneAmplitude(flux, rate: 20, frequency: o.frequencyHz) - o.amplitude) < 1e-6, "\(o.band)")
    }
}

@Test func phasorRecurrenceMatchesDirectCosine() {
    let o = Oscillation(band: "x", frequencyHz: 0.37, amplitude: 3, phase: 0.4)
    var values = [Double](repeating: 0, count: 20_000)
    o.add(to: &values, rate: 7)
    for i in stride(from: 0, to: values.count, by: 997) {
        #expect(abs(values[i] - o.value(at: Double(i) / 7)) < 1e-9)
    }
}

@Test func noiseHasTheRequestedSpread() throws {
    let sim = RestingSimulation(sampleRateHz: 10, durationSeconds: 2000, baseline: 0, oscillations: [],
                                pinkNoiseSD: 0, whiteNoiseSD: 2)
    let s = SummaryStatistics(try sim.generate(seed: 3).perfusion.values)
    #expect(abs(s.standardDeviation - 2) < 0.05)
    #expect(abs(s.mean) < 0.05)
    var random = SeededRandom(seed: 4)
    let pink = ColouredNoise.pink(count: 50_000, sd: 3, random: &random)
    #expect(abs(SummaryStatistics(pink).standardDeviation - 3) < 1e-3)
    // 1/f: neighbouring samples are strongly correlated, unlike white noise.
    let lag1 = zip(pink, pink.dropFirst()).map { $0 * $1 }.reduce(0, +) / Double(pink.count - 1) / 9
    #expect(lag1 > 0.5)
}

@Test func modulatedToneSweepsItsFrequencyRange() {
    // Instantaneous frequency f (1 + depth cos(2 pi fm t)): the phase advance over one modulation
    // period equals that of the centre frequency.
    let o = Oscillation(band: "m", frequencyHz: 0.1, amplitude: 1, modulationDepth: 0.2, modulationHz: 0.01)
    let rate = 50.0
    var crossings = 0
    var previous = o.value(at: 0)
    for i in 1..<Int(100 * rate) {
        let v = o.value(at: Double(i) / rate)
        if previous < 0 && v >= 0 { crossings += 1 }
        previous = v
    }
    #expect(crossings == 10)
}

@Test func invalidConfigurationsNameTheOption() {
    #expect(throws: LDFError.self) { try RestingSimulation(sampleRateHz: 0).generate(seed: 1) }
    #expect(throws: LDFError.self) { try RestingSimulation(sampleRateHz: 1, durationSeconds: 100).generate(seed: 1) } // cardiac above Nyquist
    #expect(throws: LDFError.self) { try RestingSimulation(durationSeconds: 0).generate(seed: 1) }
}
