import Testing
import LDFCore
import LDFPORH
@testable import LDFProtocols

/// A recording of one saturation channel in %, for the VOT tests.
func saturationRecording(_ values: [Double], rateHz: Double, unit: String = "%", events: [Event] = [], origin: Double = 0) -> Recording {
    Recording(channels: [Channel(name: "StO2", unit: unit, kind: .perfusion, values: values)], sampleRateHz: rateHz, events: events,
              provenance: Provenance(source: "hand.csv", reader: "test"), timeOriginSeconds: origin)
}

/// A piecewise-linear VOT curve whose read-outs follow by hand (docs/METHODS.md §22.3), at 10 Hz:
/// 70 % until 60 s; falls 0.2 %/s (12 %/min) to a floor of 36 %, reached at 230 s and held to
/// the release at 240 s; rises 2 %/s to 84 % at 264 s, holds to 285 s, falls 0.5 %/s to
/// 68 % at 317 s, then holds 68 % to 400 s.
func handCurve(_ t: Double) -> Double {
    switch t {
    case ..<60: 70
    case ..<240: max(36, 70 - 0.2 * (t - 60))
    case ..<264: 36 + 2 * (t - 240)
    case ..<285: 84
    case ..<317: 84 - 0.5 * (t - 285)
    default: 68
    }
}

@Suite struct VOTHandCheckedTests {
    static let rate = 10.0
    static let values = (0..<4000).map { handCurve(Double($0) / rate) }

    /// Every read-out of the hand curve, timed by the user (start 60 s, release 240 s):
    /// - baseline 70; desaturation over 10-90 % of the 34-point fall (66.6 % at 77 s to 39.4 % at
    ///   213 s), all on the straight fall: exactly -12 %/min, r² = 1;
    /// - minimum 36 (the floor); reoxygenation over 240-250 s: exactly 2 %/s, r² = 1;
    /// - 50 % (53 %) at 248.5 s, 95 % (68.3 %) at 256.15 s, baseline at 257 s: 8.5, 16.15 and 17 s;
    /// - maximum 84, overshoot 14; back within 5 % of it (70.7 %) at 311.6 s: recovery 71.6 s;
    /// - ischaemic area 34 × 170 / 2 + 34 × 10 = 3230 %·s; recovery area 14 × 7 / 2 + 14 × 21 +
    ///   14 × 28 / 2 × (1 - 0.05²) = 538.51 %·s, less Δ·h²/6 at each bend of the smoothed curve (slope
    ///   change Δ of 2 and 0.5 %/s at 264 and 285 s, half-window h = 1.05 s): 538.05 %·s.
    /// The 2 s moving mean equals the curve on its straight parts, so the crossings are exact.
    @Test func readOutsOfAPiecewiseLinearCurveAreExact() throws {
        var options = VOTOptions()
        options.occlusions = [OcclusionInterval(startSeconds: 60, releaseSeconds: 240)]
        let result = try VOTAnalysis.analyze(saturationRecording(Self.values, rateHz: Self.rate), options: options)
        let o = try #require(result.occlusions.first)
        func near(_ m: ProtocolMeasure, _ expected: Double, _ tolerance: Double = 1e-6) -> Bool { abs((m.value ?? .nan) - expected) <= tolerance }
        #expect(near(o.baseline, 70))
        #expect(near(o.desaturation.slope, -12, 1e-9))
        #expect(abs((o.desaturation.rSquared ?? 0) - 1) < 1e-12)
        let window = try #require(o.desaturation.window)
        #expect(window.startSeconds >= 77 - 1e-9 && window.startSeconds <= 77.1 + 1e-9, "from the 10 % crossing at 77 s")
        #expect(window.endSeconds >= 212.9 - 1e-9 && window.endSeconds <= 213 + 1e-9, "to the 90 % crossing at 213 s")
        #expect(near(o.minimum, 36))
        #expect(near(o.reoxygenation.slope, 2, 1e-9))
        #expect(abs((o.reoxygenation.rSquared ?? 0) - 1) < 1e-12)
        #expect(o.reoxygenation.count == 101)
        #expect(near(o.timeTo50, 8.5))
        #expect(near(o.timeTo95, 16.15))
        #expect(near(o.timeToBaseline, 17))
        #expect(near(o.maximum, 84))
        #expect(near(o.overshoot, 14))
        #expect(near(o.recoveryTime, 71.6))
        #expect(near(o.ischaemicArea, 3230, 1e-6))
        // Summed to the first sample after the return: up to one 0.1 s step of about 0.7 % more.
        #expect(near(o.recoveryArea, 49 + 294 + 196 * (1 - 0.05 * 0.05) - 2.5 * 1.05 * 1.05 / 6, 0.1))
        #expect(o.diagnostics.isEmpty)
    }

    /// A least-squares line through 5 points by hand: t = 0..4, y = 1, 3, 2, 5, 4 gives
    /// Sxx = 10, Sxy = 8, Syy = 10: slope 0.8, intercept 1.4, r² = 0.64.
    @Test func linearFitByHand() throws {
        let fit = try #require(LinearFit(times: [0, 1, 2, 3, 4], values: [1, 3, 2, 5, 4]))
        #expect(abs(fit.slope - 0.8) < 1e-12 && abs(fit.intercept - 1.4) < 1e-12)
        #expect(abs((fit.rSquared ?? 0) - 0.64) < 1e-12)
        #expect(fit.time(atLevel: 3) == 2)
        #expect(LinearFit(times: [0, 1, 2], values: [5, 5, 5])?.rSquared == nil, "a flat line explains nothing")
        #expect(LinearFit(times: [1, 1, 1], values: [1, 2, 3]) == nil, "equal times give no line")
    }

    /// Two lines joined at 12.3 s (falling 0.2 %/s, then rising 3 %/s) at 0.5 Hz: the corner is
    /// found between the samples, to the 0.1 s grid.
    @Test func cornerFitPlacesAVBetweenSamples() throws {
        let y = (0..<40).map { i -> Double in let t = Double(i) * 2; return t < 12.3 ? 50 - 0.2 * (t - 12.3) : 50 + 3 * (t - 12.3) }
        let fit = try #require(CornerFit(y, rate: 0.5, around: 6, before: 12, after: 10))
        #expect(abs(fit.cornerSeconds - 12.3) < 0.051)
        #expect(abs(fit.slopeBefore + 0.2) < 0.01 && abs(fit.slopeAfter - 3) < 0.01)
    }

    /// The saturation alone times a clean V: 70 % to 60 s, falling 0.25 %/s to 40 % at 180 s,
    /// then rising 2 %/s back to 70 % and holding: onset 60 s, release 180 s.
    @Test func detectorTimesACleanVFromTheSaturation() throws {
        let values = (0..<3000).map { i -> Double in
            let t = Double(i) / 10
            return t < 60 ? 70 : t < 180 ? 70 - 0.25 * (t - 60) : min(70, 40 + 2 * (t - 180))
        }
        var options = VOTOptions()
        options.timing = .flux
        let result = try VOTAnalysis.analyze(saturationRecording(values, rateHz: 10, origin: -60), options: options)
        let timing = try #require(result.occlusions.first?.timing)
        #expect(result.occlusions.count == 1)
        #expect(timing.source == .flux)
        #expect(abs(timing.startSeconds - 0) < 0.2, "onset on the file axis (zeroed 60 s in)")
        #expect(abs(timing.releaseSeconds - 120) < 0.2)
    }
}
