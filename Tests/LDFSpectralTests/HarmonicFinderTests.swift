import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// The harmonic finder on seeded signals with known truth, its grid rules and bad input.
@Suite struct HarmonicFinderTests {
    /// 100 + a 0.05 Hz oscillation with a wandering frequency and its phase-locked second
    /// harmonic, an unrelated 0.37 Hz oscillation with its own wander, and Gaussian noise.
    static func signal(seconds: Double = 600, rate: Double = 10, seed: UInt64 = 3) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<Int(seconds * rate)).map { i in
            let t = Double(i) / rate
            let phi = 2 * Double.pi * 0.05 * t + 2.5 * sin(2 * Double.pi * 0.001 * t)
            let psi = 2 * Double.pi * 0.37 * t + 2.6 * sin(2 * Double.pi * 0.0071 * t + 1)
            return 100 + 6 * sin(phi) + 3 * sin(2 * phi + 0.7) + 4 * sin(psi) + 1.5 * random.gaussian()
        }
    }

    static func analyse(_ values: [Double], rate: Double = 10, settings: HarmonicFinderSettings) throws -> HarmonicFinderResult {
        let grid = try HarmonicWaveletGrid(sampleCount: values.count, sampleRateHz: rate, fminHz: settings.fminHz,
                                           fmaxHz: settings.fmaxHz ?? 2, settings: settings)
        return try HarmonicFinder(grid: grid, settings: settings).analyse(values)
    }

    static let settings = HarmonicFinderSettings(fminHz: 0.04, fmaxHz: 0.6, timeResolutionSeconds: 0.2, surrogateCount: 10, seed: 9)

    @Test func harmonicPairFoundUnrelatedPairNot() throws {
        let result = try Self.analyse(Self.signal(), settings: Self.settings)
        let f = result.frequenciesHz
        let fundamental = HarmonicFinderReferenceTests.nearest(0.05, f), harmonic = HarmonicFinderReferenceTests.nearest(0.1, f)
        let unrelated = HarmonicFinderReferenceTests.nearest(0.37, f)
        let locked = result.pair(fundamental, harmonic), independent = result.pair(fundamental, unrelated)
        #expect(locked.surrogatesBelow == 10 && (locked.significanceSD ?? 0) > 5, "\(locked)")
        #expect(abs(independent.significanceSD ?? 99) < 3, "\(independent)")
        #expect(locked.mutualInformation > 5 * independent.mutualInformation)
        // The Morlet with f0 = 1 is broad (a 0.14 Hz wavelet still sees the 0.1 Hz harmonic), so the
        // harmonic shows as a blob around (0.05, 0.1) Hz, not a single cell; it leads the list.
        let strongest = result.strongestPairs(limit: 3)
        #expect(strongest.first.map { (0.04...0.065).contains($0.f1Hz) && (0.08...0.16).contains($0.f2Hz) } == true, "\(strongest)")
        #expect(!strongest.contains { abs($0.f2Hz - 0.37) < 0.05 })
    }

    @Test func sameSeedSameResultOtherSeedOtherSurrogates() throws {
        let values = Self.signal(seconds: 300)
        var settings = Self.settings
        settings.fminHz = 0.1
        settings.surrogateCount = 4
        let a = try Self.analyse(values, settings: settings), b = try Self.analyse(values, settings: settings)
        let same = a == b // not #expect(a == b): a failure would print both grids
        #expect(same)
        settings.seed = 10
        let c = try Self.analyse(values, settings: settings)
        let surrogatesDiffer = c.observed == a.observed && c.surrogateMean != a.surrogateMean
        #expect(surrogatesDiffer)
    }

    @Test func gridFollowsTheReferenceRules() throws {
        // fmax 0.5 Hz, fmin 0.05 Hz, ratio 1.05: floor(ln 10 / ln 1.05) + 2 = 49 scales from 2 s.
        let settings = HarmonicFinderSettings(fminHz: 0.05, fmaxHz: 0.5, surrogateCount: 0)
        let grid = try HarmonicWaveletGrid(sampleCount: 3000, sampleRateHz: 10, fminHz: 0.05, fmaxHz: 0.5, settings: settings)
        #expect(grid.frequenciesHz.count == 49 && grid.scalesSeconds[0] == 2 && grid.timeCount == 3001 && grid.stride == 1)
        #expect(grid.frequenciesHz.last! < 0.05)
        // Margins: the first time the Gaussian falls below 0.1 (2.146 s per second of scale), up to whole seconds.
        #expect(grid.marginsSeconds[0] == 5 && grid.marginsSeconds.last! == (2.1460 * grid.scalesSeconds.last!).rounded(.up))
    }

    @Test func phaseMeasureOnHandCases() throws {
        // A signal's phases against themselves: the measure is 1 on the diagonal.
        let result = try Self.analyse(Self.signal(seconds: 300), settings: HarmonicFinderSettings(fminHz: 0.1, fmaxHz: 0.6, surrogateCount: 0))
        for i in result.frequenciesHz.indices { #expect(abs(result.mutualInformation(i, i) - 1) < 1e-12) }
        #expect(result.observed.allSatisfy { $0 >= -1e-12 && $0 <= 1 + 1e-12 })
        #expect(result.surrogateMean == nil && result.pair(1, 0).significanceSD == nil)
    }

    @Test func badInput() throws {
        let short = Self.signal(seconds: 100)
        #expect(throws: LDFError.self) { try Self.analyse(short, settings: Self.settings) } // 0.04 Hz needs about 250 s
        do {
            _ = try Self.analyse(short, settings: Self.settings)
        } catch let error as LDFError {
            #expect(error.description.contains("too short") && error.description.contains("fmin"))
        }
        let odd = HarmonicFinderSettings(fminHz: 0.1, fmaxHz: 1, timeResolutionSeconds: 0.15)
        #expect(throws: LDFError.self) { try Self.analyse(Self.signal(seconds: 300), settings: odd) } // 1.5 samples
        #expect(throws: LDFError.self) { try HarmonicFinderSettings(fminHz: 0.1, fmaxHz: 6).resolvedFmaxHz(sampleRateHz: 10) }
        #expect(throws: LDFError.self) { try HarmonicFinderSettings(fminHz: 1, fmaxHz: 0.5).validate() }
        #expect(throws: LDFError.self) { try HarmonicFinderSettings(scaleRatio: 1).validate() }
    }
}
