import Testing
@testable import LDFProtocols

/// Tiny cases of the fits checked by hand (docs/METHODS.md §18.2-17.3).
@Suite struct HeatingHandCheckedTests {
    /// y = 5 until t = 10 s, then + 0.5 per s: the corner is at 10 s, level 5, slope 0.5.
    @Test func hingeFindsTheCornerOfAnExactRamp() throws {
        let y = (0..<200).map { i -> Double in let t = Double(i) / 4; return 5 + 0.5 * max(0, t - 10) }
        let fit = try #require(HingeFit(y, rateHz: 4, range: 0..<200))
        #expect(fit.cornerSeconds == 10)
        #expect(abs(fit.level - 5) < 1e-9 && abs(fit.slopePerSecond - 0.5) < 1e-9)
    }

    /// A peak at 20 s, level 7, bending 4x faster before it than after: the vertex is exact.
    @Test func vertexOfAnAsymmetricPeakIsExact() throws {
        let rate = 10.0
        let y = (0..<400).map { i -> Double in
            let d = Double(i) / rate - 20
            return 7 - (d < 0 ? 0.04 : 0.01) * d * d
        }
        let fit = try #require(ExtremumFit(y, rateHz: rate, window: 0..<400, candidates: 100..<300, peak: true))
        #expect(abs(fit.timeSeconds - 20) < 1e-9)
        #expect(abs(fit.level - 7) < 1e-9)
        #expect(ExtremumFit(y, rateHz: rate, window: 0..<400, candidates: 100..<300, peak: false) == nil, "a peak is no trough")
    }

    /// Steps of a temperature that rises 33 -> 42 °C at 0.05 °C/s from 60 s and settles.
    @Test func temperatureStepsOfARapidRamp() throws {
        let rate = 2.0
        let t = (0..<2400).map { i -> Double in
            let s = Double(i) / rate
            return s < 900 ? min(42, 33 + 0.05 * max(0, s - 60)) : min(44, 42 + 0.05 * (s - 900))
        }
        let steps = TemperatureSteps(celsius: t, rateHz: rate)
        #expect(steps.onset?.startSeconds == 60)
        #expect(abs((steps.onset?.rateCPerSecond ?? 0) - 0.05) < 1e-9)
        #expect(steps.setPointC == 42)
        #expect(steps.maximumStep?.startSeconds == 900)
        #expect(steps.maximumSetPointC == 44)
    }

    @Test func scalesFromUnitsAndValues() {
        #expect(TemperatureScale(unit: "°F") == .fahrenheit && TemperatureScale(unit: "degC") == .celsius && TemperatureScale(unit: "K") == .kelvin)
        #expect(TemperatureScale(unit: "mmHg") == nil)
        #expect(TemperatureScale(plausibleMedian: 91) == .fahrenheit && TemperatureScale(plausibleMedian: 306) == .kelvin)
        #expect(TemperatureScale(plausibleMedian: 200) == nil)
        #expect(abs(TemperatureScale.fahrenheit.celsius(107.6) - 42) < 1e-9)
    }
}
