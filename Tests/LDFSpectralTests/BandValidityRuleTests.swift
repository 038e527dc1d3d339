import Foundation
import Testing
import LDFCore
import LDFSpectral
import LDFSimulation
import LDFTestSupport

/// The band validity rule (docs/METHODS.md §5.4) at its thresholds, on hand-built spectra and on
/// seeded simulations.
@Suite struct BandValidityRuleTests {
    static let band = Band("b", 0.01, 0.02)

    /// 5 cycles of 0.01 Hz take exactly 500 s: 500 s passes, a millisecond less does not.
    @Test func exactlyFiveCyclesPass() {
        let rule = BandValidityRule()
        #expect(rule.shortfall(of: Self.band, validFraction: 1, analysedSeconds: 500) == nil)
        #expect(rule.shortfall(of: Self.band, validFraction: 1, analysedSeconds: 499.999)?.code == "too_few_cycles")
    }

    /// At the minimum valid fraction the band passes; just below it does not.
    @Test func minimumValidFractionIsInclusive() {
        let rule = BandValidityRule(minimumValidFraction: 0.2)
        #expect(rule.shortfall(of: Self.band, validFraction: 0.2, analysedSeconds: 1000) == nil)
        #expect(rule.shortfall(of: Self.band, validFraction: 0.2001, analysedSeconds: 1000) == nil)
        #expect(rule.shortfall(of: Self.band, validFraction: 0.1999, analysedSeconds: 1000)?.code == "low_valid_fraction")
        #expect(BandValidityRule(minimumValidFraction: 0).shortfall(of: Self.band, validFraction: 0.001, analysedSeconds: 1000) == nil)
    }

    @Test func fractionOutsideZeroToOneIsRejectedByParameterName() {
        for bad in [-0.1, 1.5, Double.nan] {
            #expect(throws: LDFError.self) { try BandValidityRule(minimumValidFraction: bad).validate() }
            let error = try? #require(throws: LDFError.self) { try BandValidityRule(minimumValidFraction: bad).validate() }
            #expect(error?.context == "minValid")
        }
    }

    /// A band of two grid frequencies with row fractions (a, 0.21): mean (a + 0.21) / 2 against 0.2.
    static func report(rowFractions a: Double, rule: BandValidityRule = BandValidityRule()) -> BandSummaryReport {
        let spectrum = TimeAveragedSpectrum(frequenciesHz: [0.012, 0.015, 0.1], amplitude: [2, 4, 1], power: [4, 16, 1],
                                            validFraction: [a, 0.21, 1], edgesIncluded: false,
                                            options: WaveletOptions(fminHz: 0.01, fmaxHz: 0.2))
        return BandSummaryReport(spectrum: spectrum, bandSet: BandSet(name: "custom", bands: [band]), analysedSeconds: 1000, rule: rule)
    }

    @Test func handBuiltBandAtTheValidFractionThreshold() throws {
        let above = Self.report(rowFractions: 0.19) // mean 0.2
        #expect(above.bands[0].amplitude == 3 && above.bands[0].isAvailable)
        let below = Self.report(rowFractions: 0.18) // mean 0.195
        #expect(below.bands[0].amplitude == nil)
        #expect(below.bands[0].reason?.contains("fewer than 20% of its coefficients lie inside the cone") == true)
        #expect(isClose(try #require(below.bands[0].validFraction), 0.195, relative: 1e-12))
        let allowed = Self.report(rowFractions: 0.18, rule: BandValidityRule(allowsShortBands: true))
        #expect(allowed.bands[0].amplitude == 3)
        #expect(allowed.diagnostics.map(\.code) == ["low_valid_fraction"])
    }

    /// Known signal: a 0.007 Hz oscillation of amplitude 5 PU in 600 s (3 cycles of 0.005 Hz).
    /// The default rule withholds `endothelial_no_independent` with the reason; allowsShortBands
    /// computes it; a 1200 s recording computes it under the default rule.
    @Test func seededShortRecordingWithholdsTheLowestBand() throws {
        func analyse(_ seconds: Double, allowsShortBands: Bool = false) throws -> BandSummary {
            let simulation = RestingSimulation(sampleRateHz: 4, durationSeconds: seconds,
                                               oscillations: [Oscillation(band: "endothelial_no_independent", frequencyHz: 0.007, amplitude: 5)])
            let settings = BandAnalysisSettings(bandSet: BandPreset.stefanovska.bandSet, allowsShortBands: allowsShortBands)
            return try BandAnalysis(recording: simulation.generate(seed: 7), settings: settings).report.bands[0]
        }
        let short = try analyse(600)
        #expect(short.amplitude == nil)
        #expect(short.reason?.contains("fewer than 5 cycles of 0.005 Hz") == true)
        let allowed = try analyse(600, allowsShortBands: true)
        #expect(try #require(allowed.amplitude) > 0)
        let long = try analyse(1200)
        #expect(long.isAvailable)
        #expect(isClose(try #require(long.peakHz), 0.007, relative: 0.05))
    }

    /// `bandAvailability` (what `ldf info` lists) names exactly the bands `BandAnalysis` nulls,
    /// on lengths either side of the 5-cycle limits and at another rate.
    @Test func availabilityAgreesWithTheAnalysis() throws {
        for (seconds, rate) in [(300.0, 4.0), (600, 4), (999, 4), (1000, 4), (1300, 2), (240, 10)] {
            let simulation = RestingSimulation(sampleRateHz: rate, durationSeconds: seconds,
                                               oscillations: [Oscillation(band: "myogenic", frequencyHz: 0.1, amplitude: 3)])
            let recording = try simulation.generate(seed: 3)
            for preset in BandPreset.allCases {
                let settings = BandAnalysisSettings(bandSet: preset.bandSet)
                let listed = try settings.bandAvailability(recording: recording)
                let analysed = try BandAnalysis(recording: recording, settings: settings).report.bands
                #expect(listed.map(\.isAvailable) == analysed.map(\.isAvailable), "\(preset) \(seconds) s at \(rate) Hz")
                #expect(listed.map(\.reason) == analysed.map(\.reason), "\(preset) \(seconds) s at \(rate) Hz")
            }
        }
    }
}
