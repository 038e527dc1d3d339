import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// Coherence against PyMODAlib's `wphcoh` and `tlphcoh` on its own Morlet transforms of a
/// seeded pair (Tests/Fixtures/coherence/generate.py; README there).
@Suite("Coherence agreement with PyMODAlib")
struct CoherenceReferenceTests {
    struct Fixture: Decodable {
        struct Local: Decodable {
            var frequencyIndex: Int
            var frequencyHz: Double
            var coherence: [Double?]
        }
        var durationSeconds: Double
        var rateHz: Double
        var firstSeed: UInt64
        var secondSeed: UInt64
        var shiftSamples: Int
        var fminHz: Double
        var fmaxHz: Double
        var frequenciesHz: [Double]
        var coherence: [Double?]
        var phaseDifference: [Double?]
        var timeLocalised: [Local]
    }

    static let fixture: Fixture = {
        let data = try! Data(contentsOf: RepositoryPaths.fixture("coherence/pair-600s-10Hz.json"))
        return try! JSONDecoder().decode(Fixture.self, from: data)
    }()

    /// The pair of generate.py: the agreement signal with seed 21, and with seed 22 advanced by
    /// `shiftSamples` (same tones, independent noise, the second leading by 0.4 s).
    static func pair(_ f: Fixture) -> (first: [Double], second: [Double]) {
        let first = AgreementSignal.samples(durationSeconds: f.durationSeconds, rateHz: f.rateHz, seed: f.firstSeed)
        let longer = AgreementSignal.samples(durationSeconds: f.durationSeconds + Double(f.shiftSamples) / f.rateHz,
                                             rateHz: f.rateHz, seed: f.secondSeed)
        return (first, Array(longer.dropFirst(f.shiftSamples)))
    }

    static func analyzer(_ f: Fixture, count: Int) throws -> CoherenceAnalyzer {
        let transform = try WaveletTransform(sampleCount: count, sampleRateHz: f.rateHz,
                                             options: WaveletOptions(fminHz: f.fminHz, fmaxHz: f.fmaxHz))
        return CoherenceAnalyzer(transform: transform)
    }

    @Test("coherence and mean phase difference per frequency agree with wphcoh")
    func timeAveraged() throws {
        let f = Self.fixture
        let (first, second) = Self.pair(f)
        let analyzer = try Self.analyzer(f, count: first.count)
        let result = try analyzer.coherence(first, second)
        #expect(result.frequenciesHz.count == f.frequenciesHz.count)
        var worstCoherence = 0.0, worstPhase = 0.0
        for k in f.frequenciesHz.indices {
            #expect(abs(result.frequenciesHz[k] / f.frequenciesHz[k] - 1) < 1e-12)
            guard let reference = f.coherence[k], let phase = f.phaseDifference[k] else {
                #expect(result.coherence[k].isNaN)
                continue
            }
            worstCoherence = max(worstCoherence, abs(result.coherence[k] - reference))
            if reference > 0.5 {
                var d = abs(result.phaseDifference[k] - phase)
                d = min(d, 2 * Double.pi - d)
                worstPhase = max(worstPhase, d)
            }
        }
        #expect(worstCoherence < 0.006)
        #expect(worstPhase < 0.01)
    }

    @Test("time-localised coherence agrees with tlphcoh at the decimated times")
    func timeLocalised() throws {
        let f = Self.fixture
        let (first, second) = Self.pair(f)
        let analyzer = try Self.analyzer(f, count: first.count)
        let rows = try analyzer.timeLocalised(first, second, windowCycles: 10)
        for reference in f.timeLocalised {
            let row = rows[reference.frequencyIndex]
            #expect(abs(row.frequencyHz / reference.frequencyHz - 1) < 1e-9)
            var worst = 0.0, sum = 0.0, count = 0
            for (time, value) in zip(row.timesSeconds, row.coherence) {
                let sample = Int((time * f.rateHz).rounded())
                guard let expected = reference.coherence[sample] else { continue }
                worst = max(worst, abs(value - expected))
                sum += abs(value - expected)
                count += 1
            }
            #expect(count > row.coherence.count / 2)
            #expect(worst < 0.05)
            #expect(sum / Double(count) < 0.015)
        }
    }
}
