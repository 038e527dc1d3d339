import Foundation
import LDFComplexity
import LDFCore
import LDFTestSupport
import Testing

/// The whole analysis of a recording: overall and per band, gaps as segments, nulls with reasons.
@Suite("Complexity analysis of recordings")
struct ComplexityAnalysisTests {
    static func recording(_ values: [Double], rate: Double) -> Recording {
        Recording(channels: [Channel(name: "flux", unit: "PU", kind: .perfusion, values: values)], sampleRateHz: rate,
                  provenance: Provenance(source: "test.csv", reader: "test"))
    }

    static func flowmotion(seconds: Double, rate: Double, seed: UInt64 = 5) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<Int(seconds * rate)).map { i in
            let t = Double(i) / rate
            return 100 + 5 * sin(2 * .pi * 0.1 * t) + 3 * sin(2 * .pi * 1.1 * t) + random.gaussian()
        }
    }

    static var settings: ComplexitySettings {
        var s = ComplexitySettings()
        s.maximumScale = 3
        s.dfaRanges = [ScalingRange(name: "short", lowSeconds: 1, highSeconds: 10)]
        s.mfdfaRange = ScalingRange(name: "short", lowSeconds: 1, highSeconds: 10)
        return s
    }

    @Test("overall and every band: computed bands have values, short or above-Nyquist bands a reason")
    func bands() throws {
        let a = try ComplexityAnalysis(recording: Self.recording(Self.flowmotion(seconds: 120, rate: 10), rate: 10), settings: Self.settings)
        #expect(a.segments.count == 1 && a.diagnostics.isEmpty)
        let signals = a.segments[0].signals
        #expect(signals.map(\.name) == ["overall"] + BandPreset.stefanovska.bands.map(\.name))
        let overall = signals[0]
        #expect(overall.sampleEntropy?.value != nil && overall.lag?.samples != nil && overall.dfa[0].alpha != nil)
        #expect(overall.multiscale?.scales.count == 3)
        let myogenic = signals.first { $0.name == "myogenic" }!, cardiac = signals.first { $0.name == "cardiac" }!
        #expect(myogenic.reason == nil && myogenic.filterOrder != nil && myogenic.sampleEntropy?.value != nil)
        #expect(cardiac.sampleEntropy?.value != nil)
        let endothelial = signals.first { $0.name == "endothelial" }!
        #expect(endothelial.sampleEntropy == nil && endothelial.reason?.contains("fewer than 5 cycles") == true)
        // The band-filtered 0.1 Hz oscillation is far more regular than the whole signal.
        #expect(myogenic.sampleEntropy!.value! < overall.sampleEntropy!.value!)
    }

    @Test("a band above Nyquist is skipped with the reason")
    func nyquist() throws {
        let a = try ComplexityAnalysis(recording: Self.recording(Self.flowmotion(seconds: 300, rate: 2), rate: 2), settings: Self.settings)
        let cardiac = a.segments[0].signals.first { $0.name == "cardiac" }!
        #expect(cardiac.reason?.contains("Nyquist") == true)
    }

    @Test("gaps: each gap-free segment on its own, too-short segments with the reason, a gap warning")
    func gaps() throws {
        var values = Self.flowmotion(seconds: 120, rate: 10)
        for i in 600..<650 { values[i] = .nan }
        for i in 1100..<1105 { values[i] = .nan }
        var settings = Self.settings
        settings.bands = nil
        let a = try ComplexityAnalysis(recording: Self.recording(values, rate: 10), settings: settings)
        #expect(a.segments.map(\.sampleCount) == [600, 450, 95])
        #expect(a.segments[0].signals.first?.sampleEntropy?.value != nil && a.segments[1].signals.count == 1)
        #expect(a.segments[2].signals.isEmpty && a.segments[2].reason?.contains("too few") == true)
        #expect(a.segments[1].startSeconds == 65 && a.segments[1].endSeconds == 110)
        #expect(a.diagnostics.first?.code == "gap")
    }

    @Test("a given lag is used everywhere; the automatic lag is each signal's own")
    func lags() throws {
        var settings = Self.settings
        settings.lag = 4
        let given = try ComplexityAnalysis(recording: Self.recording(Self.flowmotion(seconds: 120, rate: 10), rate: 10), settings: settings)
        #expect(given.segments[0].signals.compactMap(\.lag).allSatisfy { $0.samples == 4 && $0.method == .given })
        let auto = try ComplexityAnalysis(recording: Self.recording(Self.flowmotion(seconds: 120, rate: 10), rate: 10), settings: Self.settings)
        let myogenic = auto.segments[0].signals.first { $0.name == "myogenic" }!
        // A 0.1 Hz oscillation at 10 Hz: the minimum comes before a quarter period (25 samples).
        #expect(myogenic.lag?.method == .mutualInformation && myogenic.lag!.samples! <= 25)
    }

    @Test("a constant channel and a channel with no valid sample")
    func degenerate() throws {
        let constant = try ComplexityAnalysis(recording: Self.recording([Double](repeating: 5, count: 2000), rate: 10), settings: Self.settings)
        #expect(constant.segments[0].signals[0].reason?.contains("constant") == true)
        #expect(throws: LDFError.self) { try ComplexityAnalysis(recording: Self.recording([Double](repeating: .nan, count: 10), rate: 10), settings: Self.settings) }
    }
}
