import Testing
import LDFCore
import LDFProtocols
import LDFSimulation
import LDFTestSupport

/// One simulated case of the CRT accuracy grid.
struct CRTCase: CustomTestStringConvertible, Sendable {
    var frameRateHz: Double
    var noise: Double
    var jitter = 0.0
    var crts = [0.5, 2.0, 5.0]
    var direction = CRTSimulation.Direction.falls
    var minimumDepth = 1.0
    var driftPerMinute = 0.0
    var markers = false
    var seed: UInt64

    var testDescription: String {
        "\(frameRateHz) fps noise \(noise) jitter \(jitter) CRT \(crts) \(direction.rawValue) depth ≥ \(minimumDepth) drift \(driftPerMinute)\(markers ? " marked" : "") seed \(seed)"
    }

    var simulation: CRTSimulation {
        var s = CRTSimulation()
        s.frameRateHz = frameRateHz
        s.noiseLevel = noise
        s.frameJitter = jitter
        s.crtSeconds = crts
        s.direction = direction
        s.minimumDepth = minimumDepth
        s.driftPerMinute = driftPerMinute
        s.includesEventMarkers = markers
        return s
    }

    /// Frame rates 15-60 fps, noise 0-3 % of the blanching, even and jittered frames, CRTs
    /// 0.5-5 s, both directions, partial blanching, drift, marked and detected releases.
    static let grid: [CRTCase] = [
        CRTCase(frameRateHz: 30, noise: 0, seed: 1),
        CRTCase(frameRateHz: 15, noise: 0.01, crts: [1.0, 3.0, 4.0], seed: 2),
        CRTCase(frameRateHz: 30, noise: 0.02, jitter: 0.3, seed: 3),
        CRTCase(frameRateHz: 60, noise: 0.03, crts: [0.8, 1.5, 2.5], seed: 4),
        CRTCase(frameRateHz: 30, noise: 0.02, direction: .rises, seed: 5),
        CRTCase(frameRateHz: 30, noise: 0.02, jitter: 0.45, minimumDepth: 0.6, seed: 6),
        CRTCase(frameRateHz: 30, noise: 0.01, driftPerMinute: 2, seed: 7),
        CRTCase(frameRateHz: 25, noise: 0.02, jitter: 0.2, markers: true, seed: 8),
    ]
}

/// The frames of a simulated recording as the analysis's samples, at their own (uneven) times.
func crtSamples(_ simulated: SimulatedCRT) -> CRTSamples {
    let table = simulated.table
    return CRTSamples(source: table.source, channel: table.columns[0].name, unit: table.columns[0].unit, times: table.times!,
                      values: table.columns[0].values, events: table.events, irregular: true)
}

/// Seeded accuracy grid of `CRTAnalysis` against the simulator's exact time constants
/// (issue 16 item 5: CRT within 5 %; docs/METHODS.md §23.6).
@Suite struct CRTAccuracyTests {
    @Test(arguments: CRTCase.grid)
    func crtWithinFivePercentOfTruth(_ c: CRTCase) throws {
        let simulated = try c.simulation.generate(seed: c.seed)
        var options = CRTOptions()
        options.refill = c.direction == .falls ? .falls : .rises
        let result = try CRTAnalysis.analyze(crtSamples(simulated), options: options)
        #expect(result.presses.count == c.crts.count, "found \(result.presses.map(\.release.seconds))")
        for (press, truth) in zip(result.presses, simulated.truth.presses) {
            #expect(press.release.source == (c.markers ? .events : .detected))
            // A detected release is the first sample after the blanched level ends: never early
            // (that would fit the plateau), at most a few frames late (docs/METHODS.md §23.2).
            let late = press.release.seconds - truth.releaseSeconds
            #expect(late >= -0.5 / c.frameRateHz - 1e-9 && late <= 0.4, "release \(press.release.seconds) for \(truth.releaseSeconds)")
            let crt = try #require(press.crtSeconds, "press \(press.number): \(press.reason ?? "")")
            #expect(relativeDifference(crt, truth.crtSeconds) <= 0.05, "press \(press.number): CRT \(crt) for \(truth.crtSeconds)")
            let uncertainty = try #require(press.crtUncertaintySeconds)
            #expect(uncertainty >= 0 && uncertainty < 0.2 * crt, "±\(uncertainty) s")
            if c.noise == 0 { #expect(relativeDifference(crt, truth.crtSeconds) <= 1e-3) }
        }
    }

    /// Over 20 seeds of 2 % noise the 95 % interval holds the true CRT in most presses (a check that
    /// the covariance is of the right size, not too small by orders of magnitude).
    @Test func intervalCoversTheTruthMostOfTheTime() throws {
        var covered = 0, total = 0
        for seed in UInt64(100)..<120 {
            var s = CRTSimulation()
            s.crtSeconds = [1.5]
            s.refillSeconds = 10
            s.noiseLevel = 0.02
            var options = CRTOptions()
            options.fitEndSeconds = 6
            options.windowSeconds = 10
            let simulated = try s.generate(seed: seed)
            let press = try #require(CRTAnalysis.analyze(crtSamples(simulated), options: options).presses.first)
            total += 1
            let crt = try #require(press.crtSeconds), uncertainty = try #require(press.crtUncertaintySeconds)
            if abs(crt - 1.5) <= uncertainty { covered += 1 }
        }
        #expect(covered >= 15, "\(covered) of \(total) intervals hold the truth")
    }

    /// pyCRT's "strict" rule (the largest divergence peak) ends noise-free fits early but exactly;
    /// with noise those short fits are the reason the least-uncertainty rule is the default.
    @Test func divergenceRuleIsExactWithoutNoise() throws {
        let simulated = try CRTCase(frameRateHz: 30, noise: 0, jitter: 0.3, seed: 9).simulation.generate(seed: 9)
        var options = CRTOptions()
        options.fitEndRule = .divergence
        let result = try CRTAnalysis.analyze(crtSamples(simulated), options: options)
        #expect(result.presses.count == 3)
        for (press, truth) in zip(result.presses, simulated.truth.presses) {
            let crt = try #require(press.crtSeconds, "\(press.reason ?? "")")
            #expect(relativeDifference(crt, truth.crtSeconds) <= 1e-6, "CRT \(crt) for \(truth.crtSeconds)")
            #expect(press.fitEndRule == "divergence peak")
        }
    }
}
