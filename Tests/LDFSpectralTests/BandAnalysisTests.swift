import Foundation
import Testing
import LDFCore
import LDFSimulation
import LDFSpectral
import LDFTestSupport

@Suite struct BandAnalysisTests {
    static func recording(_ values: [Double], rate: Double, source: String = "test.csv") -> Recording {
        Recording(channels: [Channel(name: "flux", unit: "PU", values: values)], sampleRateHz: rate,
                  provenance: Provenance(source: source, reader: "test"))
    }

    static func tone(count: Int, rate: Double, hz: Double, amplitude: Double, seed: UInt64 = 1) -> [Double] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { 50 + amplitude * Double.sin(2 * .pi * hz * Double($0) / rate) + 0.05 * rng.gaussian() }
    }

    static let twoBands = try! BandSet.parse(custom: "myogenic:0.052-0.145,respiratory:0.145-0.6")

    /// Known truth: a 0.1 Hz tone of amplitude 4 reads about 2 on its wavelet ridge (MODA's
    /// normalisation: a cosine of amplitude a reads a / 2), and the myogenic band holds the peak.
    @Test func waveletPeakOfASeededTone() throws {
        let x = Self.tone(count: 1200, rate: 4, hz: 0.1, amplitude: 4)
        let analysis = try BandAnalysis(recording: Self.recording(x, rate: 4), settings: BandAnalysisSettings(bandSet: Self.twoBands))
        let myogenic = analysis.report.bands[0], respiratory = analysis.report.bands[1]
        #expect(abs(try #require(myogenic.peakHz) - 0.1) < 0.003)
        #expect(isClose(try #require(myogenic.peakAmplitude), 2, relative: 0.02))
        #expect(try #require(myogenic.power) > 50 * (respiratory.power ?? .infinity))
        #expect(analysis.analysedSeconds == 300)
    }

    /// NaN runs left by the assembler: the longest gap-free stretch is analysed, with a warning.
    @Test func longestGapFreeStretchIsAnalysed() throws {
        var x = Self.tone(count: 2000, rate: 4, hz: 0.2, amplitude: 1)
        for i in 300..<340 { x[i] = .nan }
        let settings = BandAnalysisSettings(bandSet: Self.twoBands, method: .welch, welch: WelchOptions(segmentSeconds: 100))
        let analysis = try BandAnalysis(recording: Self.recording(x, rate: 4), settings: settings)
        #expect(analysis.startSeconds == 85)
        #expect(analysis.analysedSeconds == 415)
        #expect(analysis.diagnostics.contains { $0.code == "gap" && $0.message.contains("85–500 s") })
        #expect(isClose(try #require(analysis.report.bands[1].power), 0.5, relative: 0.02))
    }

    @Test func constantAndEmptySignalsAreErrors() {
        let settings = BandAnalysisSettings(bandSet: Self.twoBands, method: .welch)
        #expect { try BandAnalysis(recording: Self.recording([Double](repeating: 7, count: 400), rate: 4), settings: settings) }
            throws: { ($0 as? LDFError)?.message.contains("constant") == true && ($0 as? LDFError)?.context == "test.csv" }
        #expect { try BandAnalysis(recording: Self.recording([Double](repeating: .nan, count: 400), rate: 4), settings: settings) }
            throws: { ($0 as? LDFError)?.message.contains("no valid sample") == true }
    }

    @Test func badSettingsNameTheOption() {
        func context(_ settings: BandAnalysisSettings) -> String? {
            do { try settings.validate(); return nil } catch { return (error as? LDFError)?.context }
        }
        let bands = BandPreset.stefanovska.bandSet
        #expect(context(BandAnalysisSettings(bandSet: bands, fminHz: 1, fmaxHz: 0.5)) == "fmin/fmax")
        #expect(context(BandAnalysisSettings(bandSet: bands, fminHz: 3)) == "fmin/fmax")
        #expect(context(BandAnalysisSettings(bandSet: bands, wavelet: WaveletOptions(f0: 0, fminHz: 0.005, fmaxHz: 2))) == "f0")
        #expect(context(BandAnalysisSettings(bandSet: bands, wavelet: WaveletOptions(voices: 0, fminHz: 0.005, fmaxHz: 2))) == "voices")
        #expect(context(BandAnalysisSettings(bandSet: bands, fminHz: -1)) == "fmin")
        #expect(context(BandAnalysisSettings(bandSet: bands, hampel: HampelOptions(windowSeconds: -2))) == "hampelWindow")
        #expect(context(BandAnalysisSettings(bandSet: bands)) == nil)
    }

    /// A 2 Hz recording: a given fmax above its Nyquist frequency (1 Hz) is an error; the default
    /// upper edge is lowered to 1 Hz with a warning, and a band above it says why it is empty.
    @Test func nyquistLimits() throws {
        let x = Self.tone(count: 1200, rate: 2, hz: 0.1, amplitude: 1)
        let bands = try BandSet.parse(custom: "myogenic:0.052-0.145,high:1.2-1.8")
        let given = BandAnalysisSettings(bandSet: bands, method: .welch, fmaxHz: 1.5)
        #expect { try BandAnalysis(recording: Self.recording(x, rate: 2), settings: given) }
            throws: { ($0 as? LDFError)?.context == "fmax" }
        let analysis = try BandAnalysis(recording: Self.recording(x, rate: 2),
                                        settings: BandAnalysisSettings(bandSet: bands, method: .welch))
        #expect(analysis.report.fmaxHz == 1)
        #expect(analysis.diagnostics.contains { $0.code == "nyquist" })
        #expect(analysis.report.bands[1].reason?.contains("Nyquist") == true)
        #expect(analysis.report.bands[1].power == nil)
        #expect(analysis.report.bands[0].isAvailable)
    }

    /// 150 s at 4 Hz is too short for the lowest Stefanovska bands: they come back without values
    /// and with the reason, the others are computed.
    @Test func shortRecordingLeavesLowBandsEmpty() throws {
        let x = Self.tone(count: 600, rate: 4, hz: 0.3, amplitude: 2)
        let analysis = try BandAnalysis(recording: Self.recording(x, rate: 4),
                                        settings: BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet))
        let lowest = analysis.report.bands[0]
        #expect(lowest.amplitude == nil && lowest.power == nil)
        #expect(lowest.reason?.contains("too short") == true)
        #expect(analysis.report.bands[4].isAvailable)
        // The reason is given once, not repeated as a too-few-cycles warning.
        #expect(analysis.diagnostics.contains { $0.code == "band_unavailable" && $0.message.contains("endothelial_no_independent") })
        #expect(!analysis.diagnostics.contains { $0.code == "too_few_cycles" && $0.message.contains("endothelial_no_independent") })
    }

    @Test func hampelIsAppliedAndReported() throws {
        var x = Self.tone(count: 1200, rate: 4, hz: 0.2, amplitude: 1)
        x[500] += 40
        x[900] -= 40
        let settings = BandAnalysisSettings(bandSet: Self.twoBands, method: .welch, welch: WelchOptions(segmentSeconds: 100),
                                            hampel: HampelOptions(windowSeconds: 20, threshold: 5, widenSamples: 1))
        let analysis = try BandAnalysis(recording: Self.recording(x, rate: 4), settings: settings)
        let hampel = try #require(analysis.hampel)
        #expect(hampel.outlierCount == 2 && hampel.replacedCount == 6)
        #expect(analysis.diagnostics.contains { $0.code == "hampel" && $0.message.contains("replaced 6 samples") })
        #expect(isClose(try #require(analysis.report.bands[1].power), 0.5, relative: 0.02))
    }
}
