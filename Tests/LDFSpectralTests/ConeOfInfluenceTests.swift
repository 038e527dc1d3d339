import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

@Suite("Cone of influence")
struct ConeOfInfluenceTests {
    @Test("MODA's eps = 1 % cone: ceil(2.5758 fs / f) samples a side for the Morlet, f0 = 1")
    func modaLengths() throws {
        let cone = ConeOfInfluence(rule: .moda, wavelet: MotherWavelet(kind: .morlet, f0: 1),
                                   frequenciesHz: [1, 0.1, 2], sampleCount: 10_000, sampleRateHz: 40)
        // 2.5758293 * 40 / 1 = 103.03 -> 104; / 0.1 -> 1030.33 -> 1031; / 2 -> 51.52 -> 52.
        #expect(cone.leadingInvalid == [104, 1031, 52])
        #expect(cone.trailingInvalid == [104, 1031, 52])
        #expect(cone.validRange(0) == 104..<(10_000 - 104))
        #expect(cone.validCount(1) == 10_000 - 2062)
        #expect(abs(cone.validFraction(2) - Double(10_000 - 104) / 10_000) < 1e-15)
    }

    @Test("Morlet with f0 = 2 scales the cone by ompeak: twice as long")
    func resolutionScales() {
        let cone = ConeOfInfluence(rule: .moda, wavelet: MotherWavelet(kind: .morlet, f0: 2),
                                   frequenciesHz: [1], sampleCount: 1000, sampleRateHz: 40)
        // 2.5758293 * 40 * (4 pi) / (2 pi) = 206.07 -> 207.
        #expect(cone.leadingInvalid == [207])
    }

    @Test("Torrence-Compo rule: valid from 6 sqrt(2) / (2 pi f) s after the start")
    func torrenceCompo() {
        let cone = ConeOfInfluence(rule: .torrenceCompo, wavelet: MotherWavelet(kind: .morlet, f0: 1),
                                   frequenciesHz: [1, 0.01], sampleCount: 1000, sampleRateHz: 40)
        // 6 sqrt 2 / (2 pi) = 1.35047 s -> 54.02 samples at 40 Hz -> 55; at 0.01 Hz: 5401.9 -> 5402.
        #expect(abs(ConeOfInfluence.torrenceCompoSeconds(frequencyHz: 1) - 1.3504744742356594) < 1e-12)
        #expect(cone.leadingInvalid == [55, 5402])
        #expect(cone.trailingInvalid == [55, 5402])
        #expect(cone.validRange(1).isEmpty && cone.validCount(1) == 0 && cone.validFraction(1) == 0)
    }

    @Test("coefficients outside the cone are excluded from the averages")
    func excludedFromAverages() throws {
        // A burst in the first 30 s only: inside-cone averages at 1 Hz must not see it.
        let rate = 10.0, count = 3000
        let signal = (0..<count).map { n -> Double in
            let t = Double(n) / rate
            return (t < 30 ? 5 : 0) * sin(2 * Double.pi * 1 * t) + 0.5 * sin(2 * Double.pi * 1 * t)
        }
        let transform = try WaveletTransform(sampleCount: count, sampleRateHz: rate,
                                             options: WaveletOptions(fminHz: 0.5, fmaxHz: 2, padding: .zero))
        let row = transform.frequenciesHz.firstIndex { $0 >= 1 }!
        let inside = try transform.timeAveragedSpectrum(of: signal)
        let all = try transform.timeAveragedSpectrum(of: signal, includeEdges: true)
        #expect(!inside.edgesIncluded && all.edgesIncluded)
        #expect(all.validFraction[row] == 1 && inside.validFraction[row] < 1)
        #expect(all.amplitude[row] > inside.amplitude[row])
        // The cone at 1 Hz is 26 samples (2.6 s) a side; the burst covers 0-30 s, so the inside
        // average still sees it (amplitude 2.75 for 27.4 s of 297.4 s, 0.25 elsewhere, roughly).
        let brute = try transform.fullRateRow(of: signal, frequencyIndex: row)
        let valid = transform.cone.validRange(row)
        let expected = valid.map { brute[$0].length }.reduce(0, +) / Double(valid.count)
        #expect(relativeDifference(inside.amplitude[row], expected) < 1e-3)
    }
}
