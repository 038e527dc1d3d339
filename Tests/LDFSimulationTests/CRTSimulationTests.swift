import Foundation
import Testing
import LDFCore
import LDFSimulation
import LDFTestSupport

/// The capillary-refill simulator (docs/METHODS.md §23.6): press times, exact exponential refill at
/// the frames' own times, jitter, partial blanching, drift, markers, determinism and bad settings.
@Suite struct CRTSimulationTests {
    @Test func noiseFreeRefillIsTheExactExponentialAtJitteredFrames() throws {
        var s = CRTSimulation()
        s.noiseLevel = 0
        s.frameJitter = 0.4
        s.crtSeconds = [2]
        let simulated = try s.generate(seed: 3)
        let times = try #require(simulated.table.times)
        let values = simulated.table.columns[0].values
        #expect(zip(times.dropFirst(), times).allSatisfy { $0 > $1 }, "frame times increase")
        #expect(times.enumerated().contains { abs($1 - Double($0) / 30) > 1e-3 }, "frames are jittered")
        let press = try #require(simulated.truth.presses.first)
        #expect(press.releaseSeconds == 10)
        #expect(abs(press.blanchingAtRelease - 1) < 1e-12)
        for (t, v) in zip(times, values) where t >= 10 {
            #expect(abs(v - (100 + 40 * exp(-(t - 10) / 2))) < 1e-9, "at \(t)")
        }
        for (t, v) in zip(times, values) where t < 5 { #expect(v == 100) }
    }

    @Test func risingDirectionPartialDepthAndDrift() throws {
        var s = CRTSimulation()
        s.direction = .rises
        s.noiseLevel = 0
        s.minimumDepth = 0.5
        s.driftPerMinute = 6
        let simulated = try s.generate(seed: 8)
        #expect(simulated.table.columns[0].name == "Flux")
        let depths = simulated.truth.presses.map(\.depth)
        #expect(depths.allSatisfy { $0 >= 0.5 && $0 <= 1 } && Set(depths).count == 3, "\(depths)")
        let times = try #require(simulated.table.times)
        let values = simulated.table.columns[0].values
        let i = try #require(times.firstIndex { $0 >= 9.5 })
        let expected = 100 + 6 * times[i] / 60 - 40 * depths[0] * (1 - exp(-(times[i] - 5) / 0.15))
        #expect(abs(values[i] - expected) < 1e-9)
    }

    @Test func markersAndDeterminism() throws {
        var s = CRTSimulation()
        s.includesEventMarkers = true
        s.timeOriginSeconds = -5
        let a = try s.generate(seed: 2), b = try s.generate(seed: 2), c = try s.generate(seed: 3)
        #expect(a.table.columns[0].values == b.table.columns[0].values)
        #expect(a.table.columns[0].values != c.table.columns[0].values)
        #expect(a.table.events.map(\.label) == ["Press", "Release", "Press", "Release", "Press", "Release"])
        #expect(a.table.events[1].timeSeconds == 5)
        #expect(a.truth.presses[1].releaseSeconds == 30)
    }

    @Test func badSettingsAreRefused() {
        var s = CRTSimulation()
        s.crtSeconds = [6]
        #expect(throws: LDFError.self) { try s.validate() }
        s = CRTSimulation()
        s.frameJitter = 0.5
        #expect(throws: LDFError.self) { try s.validate() }
        s = CRTSimulation()
        s.minimumDepth = 0
        #expect(throws: LDFError.self) { try s.validate() }
        s = CRTSimulation()
        s.crtSeconds = []
        #expect(throws: LDFError.self) { try s.validate() }
    }
}
