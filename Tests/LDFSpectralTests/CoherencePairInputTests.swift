import Foundation
import LDFCore
import LDFSpectral
import Testing

@Suite("Coherence pair alignment and bad input")
struct CoherencePairInputTests {
    static func signal(_ values: [Double], rate: Double, start: Date? = nil, name: String = "a.csv") -> CoherenceSignal {
        CoherenceSignal(source: name, channelName: "flux", values: values, sampleRateHz: rate, startDate: start)
    }

    static func ramp(_ count: Int) -> [Double] { (0..<count).map { sin(0.3 * Double($0)) + 0.001 * Double($0) } }

    @Test("equal rates and lengths pass through unchanged, without notes")
    func identical() throws {
        let x = Self.ramp(100)
        let input = try CoherencePairInput(Self.signal(x, rate: 10), Self.signal(x.reversed(), rate: 10, name: "b.csv"))
        #expect(input.first == x)
        #expect(input.second == Array(x.reversed()))
        #expect(input.diagnostics.isEmpty)
    }

    @Test("different rates: the faster signal is interpolated onto the slower rate, and a note says so")
    func differentRates() throws {
        // b at 20 Hz holds t itself, so resampled values at 10 Hz are exactly the 10 Hz times.
        let a = Self.ramp(100), b = (0..<200).map { Double($0) / 20 }
        let input = try CoherencePairInput(Self.signal(a, rate: 10), Self.signal(b, rate: 20, name: "b.csv"))
        #expect(input.sampleRateHz == 10)
        #expect(input.first.count == 100)
        for (j, v) in input.second.enumerated() { #expect(abs(v - Double(j) / 10) < 1e-12) }
        #expect(input.diagnostics.contains { $0.code == "resampled" && $0.message.contains("b.csv") })
    }

    @Test("different lengths: cut to the overlap, with a note")
    func differentLengths() throws {
        let input = try CoherencePairInput(Self.signal(Self.ramp(100), rate: 10), Self.signal(Self.ramp(60), rate: 10, name: "b.csv"))
        #expect(input.first.count == 60 && input.second.count == 60)
        #expect(input.diagnostics.contains { $0.code == "cut_to_overlap" })
        #expect(input.diagnostics.contains { $0.code == "aligned_at_start" })
    }

    @Test("start times align the pair on the wall clock")
    func wallClock() throws {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        let a = (0..<100).map { Double($0) }, b = (0..<100).map { Double($0) + 1000 }
        // b starts 3 s (30 samples) after a: the overlap is a[30...] with b[..<70].
        let input = try CoherencePairInput(Self.signal(a, rate: 10, start: t0),
                                           Self.signal(b, rate: 10, start: t0.addingTimeInterval(3), name: "b.csv"))
        #expect(input.first == Array(a[30...]))
        #expect(input.second == Array(b[..<70]))
        #expect(abs(input.startSeconds - 3) < 1e-12)
    }

    @Test("no overlap in time is an error naming both files")
    func noOverlap() {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        do {
            _ = try CoherencePairInput(Self.signal(Self.ramp(100), rate: 10, start: t0),
                                       Self.signal(Self.ramp(100), rate: 10, start: t0.addingTimeInterval(60), name: "b.csv"))
            Issue.record("expected an error")
        } catch let error as LDFError {
            #expect(error.context.contains("a.csv") && error.context.contains("b.csv"))
            #expect(error.message.contains("do not overlap"))
            #expect(error.fix != nil)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a constant signal is an error naming its file: it has no phase")
    func constant() {
        do {
            _ = try CoherencePairInput(Self.signal(Self.ramp(100), rate: 10), Self.signal([Double](repeating: 5, count: 100), rate: 10, name: "flat.csv"))
            Issue.record("expected an error")
        } catch let error as LDFError {
            #expect(error.context == "flat.csv")
            #expect(error.message.contains("constant"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("gaps: the longest stretch where both are gap-free is analysed, with a note")
    func gaps() throws {
        var a = Self.ramp(100), b = Self.ramp(100)
        a[20] = .nan
        b[70] = .nan
        let input = try CoherencePairInput(Self.signal(a, rate: 10), Self.signal(b, rate: 10, name: "b.csv"))
        #expect(input.first == Array(a[21..<70]))
        #expect(abs(input.startSeconds - 2.1) < 1e-12)
        #expect(input.diagnostics.contains { $0.code == "gap" })
    }

    @Test("the analysis refuses a Welch method, a bad window and too few surrogates before reading signals")
    func settingsValidation() {
        let spectral = BandAnalysisSettings(bandSet: BandSet(name: "t", bands: [Band("b", 0.1, 1)]))
        #expect(throws: LDFError.self) { try CoherenceSettings(spectral: BandAnalysisSettings(bandSet: spectral.bandSet, method: .welch)).validate() }
        #expect(throws: LDFError.self) { try CoherenceSettings(spectral: spectral, windowCycles: 0).validate() }
        #expect(throws: LDFError.self) { try CoherenceSettings(spectral: spectral, surrogates: SurrogateOptions(count: 10)).validate() }
        #expect(throws: Never.self) { try CoherenceSettings(spectral: spectral, surrogates: SurrogateOptions(count: 19)).validate() }
    }

    @Test("the whole analysis of a pair: bands, diagnostics, surrogate thresholds")
    func wholeAnalysis() throws {
        let n = 3000, rate = 10.0
        let shared = (0..<n).map { sin(2 * Double.pi * 0.3 * Double($0) / rate) }
        let x = CoherenceTestSignals.add(shared, CoherenceTestSignals.white(count: n, sd: 0.3, seed: 1))
        let y = CoherenceTestSignals.add(shared, CoherenceTestSignals.white(count: n, sd: 0.3, seed: 2))
        let bandSet = BandSet(name: "t", bands: [Band("respiratory", 0.145, 0.6), Band("cardiac", 0.6, 2)])
        let wavelet = WaveletOptions(fminHz: bandSet.lowestHz, fmaxHz: bandSet.highestHz, padding: .symmetric)
        let settings = CoherenceSettings(spectral: BandAnalysisSettings(bandSet: bandSet, wavelet: wavelet), timeLocalised: true,
                                         surrogates: SurrogateOptions(kind: .timeShift, count: 19, seed: 4))
        let analysis = try CoherenceAnalysis(Self.signal(x, rate: rate), Self.signal(y, rate: rate, name: "b.csv"), settings: settings)
        #expect(analysis.bands.bands.count == 2)
        #expect(analysis.bands.bands[0].coherence! > 0.5)
        #expect(analysis.bands.bands[0].threshold != nil)
        #expect(analysis.timeLocalised?.count == analysis.spectrum.frequenciesHz.count)
        #expect(analysis.surrogateTest?.surrogateCoherence.count == 19)
        #expect(analysis.analysedSeconds == 300)
        #expect(analysis.spectrum.options.fminHz == 0.145)
    }
}
