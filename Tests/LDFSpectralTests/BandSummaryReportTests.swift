import Foundation
import Testing
import LDFCore
import LDFSpectral
import LDFTestSupport

@Suite struct BandSummaryReportTests {
    /// A hand-built spectrum: the first frequency has no valid coefficient. Finite amplitudes
    /// 2,4,6,1,3,5,2,1,3 (mean 3), powers 4,16,36,1,9,25,4,1,9 (mean 105/9, median 9).
    static let spectrum = TimeAveragedSpectrum(
        frequenciesHz: [0.006, 0.008, 0.01, 0.015, 0.03, 0.04, 0.1, 0.3, 1.0, 1.5],
        amplitude: [.nan, 2, 4, 6, 1, 3, 5, 2, 1, 3],
        power: [.nan, 4, 16, 36, 1, 9, 25, 4, 1, 9],
        validFraction: [0, 0.5, 0.8, 0.9, 1, 1, 1, 1, 1, 1],
        edgesIncluded: false,
        options: WaveletOptions(fminHz: 0.005, fmaxHz: 2))

    @Test func presetBandsByHand() throws {
        let report = BandSummaryReport(spectrum: Self.spectrum, bandSet: try BandSet.preset(named: "stefanovska"),
                                       analysedSeconds: 600, rule: BandValidityRule(allowsShortBands: true))
        #expect(report.method == .wavelet)
        #expect(report.bands.map(\.band.name) == ["endothelial_no_independent", "endothelial", "neurogenic",
                                                  "myogenic", "respiratory", "cardiac"])
        #expect(report.bands.allSatisfy { $0.presetName == "stefanovska" && $0.isAvailable })

        let nitric = report.bands[0]
        #expect(nitric.frequencyCount == 2)
        #expect(nitric.amplitude == 2)
        #expect(nitric.validFraction == 0.25)
        #expect(nitric.peakHz == 0.008)

        let endothelial = report.bands[1]
        #expect(endothelial.amplitude == 5)
        #expect(endothelial.power == 26)
        #expect(isClose(try #require(endothelial.amplitudeRatioToMean), 5.0 / 3.0, relative: 1e-14))
        #expect(isClose(try #require(endothelial.powerRatioToMean), 26.0 / (105.0 / 9.0), relative: 1e-14))
        #expect(isClose(try #require(endothelial.powerRatioToMedian), 26.0 / 9.0, relative: 1e-14))
        #expect(isClose(try #require(endothelial.validFraction), 0.85, relative: 1e-14))
        #expect(endothelial.peakHz == 0.015)
        #expect(endothelial.peakAmplitude == 6)
        // Pixel averages weigh 4 by 0.8 and 6 by 0.9: (3.2 + 5.4) / 1.7; powers (12.8 + 32.4) / 1.7.
        #expect(isClose(try #require(endothelial.pixelAmplitude), 8.6 / 1.7, relative: 1e-14))
        #expect(isClose(try #require(endothelial.pixelPower), 45.2 / 1.7, relative: 1e-14))
        #expect(nitric.pixelAmplitude == 2) // only 0.008 Hz has valid coefficients

        let cardiac = report.bands[5]
        #expect(cardiac.amplitude == 2)
        #expect(cardiac.peakHz == 1.5)
        // median of the band's powers (1, 9) is 5; the overall median is 9.
        #expect(isClose(try #require(cardiac.powerRatioToMedian), 5.0 / 9.0, relative: 1e-14))

        // 600 s holds fewer than 5 cycles of 0.005 Hz (1000 s) but enough of 0.0095 Hz (526 s):
        // computed under allowsShortBands, with a caution.
        let short = report.diagnostics.filter { $0.code == "too_few_cycles" }
        #expect(short.count == 1)
        #expect(short.first?.message.contains("0.005 Hz") == true)
        #expect(short.first?.message.contains("caution") == true)
    }

    /// The default rule withholds the band with fewer than 5 cycles: null values, the reason, and
    /// its valid fraction kept; the other bands are unchanged.
    @Test func defaultRuleWithholdsTheShortBand() throws {
        let bands = try BandSet.preset(named: "stefanovska")
        let withheld = BandSummaryReport(spectrum: Self.spectrum, bandSet: bands, analysedSeconds: 600)
        let allowed = BandSummaryReport(spectrum: Self.spectrum, bandSet: bands, analysedSeconds: 600,
                                        rule: BandValidityRule(allowsShortBands: true))
        let nitric = withheld.bands[0]
        #expect(!nitric.isAvailable && nitric.amplitude == nil && nitric.power == nil && nitric.peakHz == nil)
        #expect(nitric.reason?.contains("fewer than 5 cycles of 0.005 Hz (5 cycles need 1000 s)") == true)
        #expect(nitric.validFraction == 0.25 && nitric.frequencyCount == 2)
        #expect(!withheld.diagnostics.contains { $0.code == "too_few_cycles" })
        #expect(Array(withheld.bands.dropFirst()) == Array(allowed.bands.dropFirst()))
    }

    /// Bands that cannot be computed carry nil values and a reason, never a number.
    @Test func unavailableBandsSayWhy() throws {
        let bands = try BandSet.parse(custom: "vlf:0.005-0.007,between:0.045-0.05,above:3-4")
        let report = BandSummaryReport(spectrum: Self.spectrum, bandSet: bands, analysedSeconds: 2000)
        #expect(report.bands.allSatisfy { !$0.isAvailable && $0.amplitude == nil && $0.power == nil && $0.peakHz == nil })
        let vlf = report.bands[0], between = report.bands[1], above = report.bands[2]
        #expect(vlf.reason?.contains("cone of influence") == true)
        #expect(vlf.frequencyCount == 1 && vlf.validFraction == 0)
        #expect(between.reason?.contains("too coarse") == true)
        #expect(above.reason?.contains("outside the analysed range") == true)
        #expect(report.diagnostics.filter { $0.code == "band_unavailable" }.count == 3)
    }

    @Test func partlyAnalysedBandIsFlagged() throws {
        let bands = try BandSet.parse(custom: "wide:1-3")
        let report = BandSummaryReport(spectrum: Self.spectrum, bandSet: bands, analysedSeconds: 2000)
        #expect(report.bands[0].amplitude == 2)
        #expect(report.diagnostics.map(\.code) == ["band_partly_analysed"])
    }

    /// Welch with known truth: sines of amplitude 2 at 0.1 Hz and 1 at 1 Hz (on bin centres with
    /// 100 s segments) give band powers 2 and 0.5 and relative powers 0.8 and 0.2; the lowest band
    /// is narrower than the 0.01 Hz resolution and holds no bin.
    @Test func welchBandPowersOfTwoSines() throws {
        let rate = 8.0
        let x = (0..<3200).map { i -> Double in
            let t = Double(i) / rate
            return 20 + 2 * Double.sin(2 * .pi * 0.1 * t) + Double.sin(2 * .pi * 1.0 * t + 1)
        }
        let spectrum = WelchEstimator(segmentLength: 800, overlapLength: 400, sampleRateHz: rate).estimate(x)
        let report = BandSummaryReport(welch: spectrum, bandSet: BandPreset.stefanovska.bandSet,
                                       fminHz: 0.005, fmaxHz: 2, analysedSeconds: 400)
        #expect(report.method == .welch)
        let byName = Dictionary(uniqueKeysWithValues: report.bands.map { ($0.band.name, $0) })
        let myogenic = try #require(byName["myogenic"]), cardiac = try #require(byName["cardiac"])
        #expect(isClose(try #require(myogenic.power), 2, relative: 1e-9))
        #expect(isClose(try #require(myogenic.amplitude), 2.0.squareRoot(), relative: 1e-9))
        #expect(isClose(try #require(cardiac.power), 0.5, relative: 1e-9))
        #expect(isClose(try #require(myogenic.powerShare), 0.8, relative: 1e-6))
        #expect(isClose(try #require(cardiac.powerShare), 0.2, relative: 1e-6))
        #expect(isClose(try #require(myogenic.rmsRatioToTotal), 0.8.squareRoot(), relative: 1e-6))
        // Welch has shares, not the wavelet's ratios to the mean.
        #expect(myogenic.powerRatioToMean == nil && myogenic.amplitudeRatioToMean == nil)
        #expect(myogenic.peakHz == 0.1 && cardiac.peakHz == 1.0)
        #expect(myogenic.validFraction == 1)
        #expect(myogenic.pixelAmplitude == nil && myogenic.pixelPower == nil)
        let lowest = try #require(byName["endothelial_no_independent"])
        #expect(lowest.power == nil)
        #expect(lowest.reason?.contains("welchSegment") == true)
        // 400 s holds fewer than 5 cycles of 0.0095 Hz (526 s): withheld by the validity rule.
        let endothelial = try #require(byName["endothelial"])
        #expect(endothelial.power == nil && endothelial.reason?.contains("fewer than 5 cycles") == true)
    }

    /// Independent reference: PyMODAlib's time-averaged spectrum of the 30 min, 32 Hz agreement
    /// signal, summarised by numpy in Tests/Fixtures/scipy/make_fixtures.py (bands-pymodalib.json).
    @Test func agreesWithNumpyOnPymodalibSpectrum() throws {
        func load(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: RepositoryPaths.fixture(name))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let moda = try load("pymodalib/30min-32Hz.json"), reference = try load("scipy/bands-pymodalib.json")
        let samples = Double(try #require(reference["samples"] as? Int))
        let numbers = { (key: String) throws -> [Double] in try #require(moda[key] as? [Any]).map { ($0 as? Double) ?? .nan } }
        let spectrum = TimeAveragedSpectrum(
            frequenciesHz: try numbers("frequenciesHz"), amplitude: try numbers("amplitude"), power: try numbers("power"),
            validFraction: try numbers("validCount").map { $0 / samples }, edgesIncluded: false,
            options: WaveletOptions(fminHz: 0.005, fmaxHz: 2))
        let report = BandSummaryReport(spectrum: spectrum, bandSet: BandPreset.stefanovska.bandSet, analysedSeconds: 1800)
        let expected = try #require(reference["bands"] as? [[String: Any]])
        #expect(report.bands.count == expected.count)
        // The fixture keeps make_fixtures.py's names for the wavelet ratios (relative_* there).
        for (summary, want) in zip(report.bands, expected) {
            #expect(summary.band.name == want["name"] as? String)
            #expect(summary.frequencyCount == want["frequency_count"] as? Int)
            let pairs: [(Double?, String)] = [
                (summary.amplitude, "amplitude"), (summary.power, "power"), (summary.amplitudeRatioToMean, "relative_amplitude"),
                (summary.powerRatioToMean, "relative_power"), (summary.powerRatioToMedian, "relative_power_median"),
                (summary.validFraction, "valid_fraction"), (summary.peakHz, "peak_hz"), (summary.peakAmplitude, "peak_amplitude"),
                (summary.pixelAmplitude, "pixel_amplitude"), (summary.pixelPower, "pixel_power"),
            ]
            for (value, key) in pairs {
                let target = try #require(want[key] as? Double)
                #expect(isClose(try #require(value), target, relative: 1e-12), "\(summary.band.name) \(key)")
            }
        }
    }
}
