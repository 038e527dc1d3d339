import Foundation
import Testing
import LDFCore
import LDFSpectral
import LDFTestSupport

@Suite struct WelchEstimatorTests {
    /// scipy.signal.welch golden values (Tests/Fixtures/scipy/welch.json): even and odd segment
    /// lengths, 50% overlap, trailing samples dropped.
    @Test func agreesWithScipyWelch() throws {
        let data = try Data(contentsOf: RepositoryPaths.fixture("scipy/welch.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(cases.count == 2)
        for c in cases {
            let estimator = WelchEstimator(segmentLength: try #require(c["segment_length"] as? Int),
                                           overlapLength: try #require(c["overlap_length"] as? Int),
                                           sampleRateHz: try #require(c["sample_rate_hz"] as? Double))
            let spectrum = estimator.estimate(try #require(c["input"] as? [Double]))
            let frequencies = try #require(c["frequencies_hz"] as? [Double])
            let density = try #require(c["density"] as? [Double])
            #expect(spectrum.frequenciesHz.count == frequencies.count)
            let peak = density.max() ?? 1
            for (a, b) in zip(spectrum.frequenciesHz, frequencies) { #expect(abs(a - b) < 1e-12) }
            for (a, b) in zip(spectrum.density, density) {
                #expect(abs(a - b) <= 1e-10 * peak, "\(c["name"] ?? "") density \(a) vs scipy \(b)")
            }
        }
    }

    /// Hand-checked: a sine of amplitude a has power a^2 / 2. With a = 2 on a bin centre (0.25 Hz,
    /// 64-sample segments at 8 Hz, so df = 0.125 Hz) the Hann leakage stays in the neighbouring
    /// bins, and the band 0.1–0.4 Hz holds exactly 2 (plus nothing from the removed offset).
    @Test func sinePowerIsHalfTheSquaredAmplitude() {
        let rate = 8.0
        let x = (0..<640).map { 7 + 2 * Double.sin(2 * .pi * 0.25 * Double($0) / rate + 0.3) }
        let spectrum = WelchEstimator(segmentLength: 64, overlapLength: 32, sampleRateHz: rate).estimate(x)
        #expect(spectrum.resolutionHz == 0.125)
        #expect(spectrum.segmentCount == 19)
        #expect(isClose(spectrum.power(in: Band("b", 0.1, 0.4)), 2.0, relative: 1e-10))
        #expect(spectrum.power(in: Band("high", 1, 4)) < 1e-20)
    }

    /// An off-bin sine leaks a little further; a band of several bins still holds a^2 / 2 to 1%.
    @Test func offBinSinePowerWithinOnePercent() {
        let rate = 10.0
        let x = (0..<4000).map { 3 * Double.sin(2 * .pi * 0.1237 * Double($0) / rate) }
        let spectrum = WelchEstimator(segmentLength: 1000, overlapLength: 500, sampleRateHz: rate).estimate(x)
        #expect(isClose(spectrum.power(in: Band("myogenic", 0.052, 0.145)), 4.5, relative: 0.01))
    }

    /// Default segment: 5 cycles of the lowest frequency, capped at the recording; overlap half.
    @Test func defaultSegmentLength() throws {
        let options = WelchOptions()
        try options.validate()
        #expect(WelchOptions.defaultSegmentSeconds(lowestHz: 0.005) == 1000)
        #expect(options.segmentLength(sampleRateHz: 20, sampleCount: 36_000, lowestHz: 0.005) == 20_000)
        #expect(options.segmentLength(sampleRateHz: 20, sampleCount: 6_000, lowestHz: 0.005) == 6_000)
        #expect(options.overlapLength(segmentLength: 199) == 99)
        #expect(throws: LDFError.self) { try WelchOptions(overlapFraction: 1).validate() }
        #expect(throws: LDFError.self) { try WelchOptions(segmentSeconds: -5).validate() }
    }
}
