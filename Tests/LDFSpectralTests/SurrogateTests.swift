import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

@Suite("Surrogates")
struct SurrogateTests {
    static let signal = CoherenceTestSignals.red(count: 512, seed: 11)

    func make(_ kind: SurrogateKind, seed: UInt64 = 5, signal: [Double] = SurrogateTests.signal) throws -> Surrogate {
        var random = SeededRandom(seed: seed)
        return try SurrogateGenerator(signal: signal).surrogate(kind, random: &random)
    }

    @Test("random permutation keeps the values exactly and changes their order")
    func permutationKeepsDistribution() throws {
        let s = try make(.randomPermutation)
        #expect(s.values.sorted() == Self.signal.sorted())
        #expect(s.values != Self.signal)
    }

    @Test("FT surrogates keep the amplitude spectrum exactly (even and odd lengths)", arguments: [512, 511])
    func fourierKeepsSpectrum(count: Int) throws {
        let x = Array(Self.signal.prefix(count))
        let s = try make(.fourier, signal: x)
        let original = CoherenceTestSignals.amplitudeSpectrum(x), surrogate = CoherenceTestSignals.amplitudeSpectrum(s.values)
        let scale = original.max()!
        for k in original.indices { #expect(abs(original[k] - surrogate[k]) < 1e-10 * scale) }
        // ... while the phases (hence the samples) change.
        #expect(zip(x, s.values).map { abs($0 - $1) }.max()! > 0.1)
    }

    @Test("AAFT keeps the values exactly")
    func aaftKeepsDistribution() throws {
        let s = try make(.aaft)
        #expect(s.values.sorted() == Self.signal.sorted())
        #expect(s.values != Self.signal)
    }

    @Test("IAAFT1 keeps the values exactly and the spectrum within 5 %, far closer than a permutation")
    func iaaftDistribution() throws {
        let s = try make(.iaaftDistribution)
        #expect(s.values.sorted() == Self.signal.sorted())
        #expect(s.iterations! >= 2)
        let distance = CoherenceTestSignals.spectralDistance(s.values, to: Self.signal)
        let shuffled = CoherenceTestSignals.spectralDistance(try make(.randomPermutation).values, to: Self.signal)
        #expect(distance < 0.05)
        #expect(distance < shuffled / 5)
    }

    @Test("IAAFT2 keeps the spectrum exactly and the values closely")
    func iaaftSpectrum() throws {
        let s = try make(.iaaftSpectrum)
        let original = CoherenceTestSignals.amplitudeSpectrum(Self.signal), surrogate = CoherenceTestSignals.amplitudeSpectrum(s.values)
        let scale = original.max()!
        for k in original.indices { #expect(abs(original[k] - surrogate[k]) < 1e-10 * scale) }
        let sortedOriginal = Self.signal.sorted(), sortedSurrogate = s.values.sorted()
        let spread = sortedOriginal.last! - sortedOriginal.first!
        let worst = zip(sortedOriginal, sortedSurrogate).map { abs($0 - $1) }.max()!
        #expect(worst < 0.1 * spread)
    }

    @Test("the IAAFT stops at the iteration cap and says it did not converge")
    func iaaftCap() throws {
        var random = SeededRandom(seed: 5)
        let s = try SurrogateGenerator(signal: Self.signal, maxIterations: 1).surrogate(.iaaftDistribution, random: &random)
        #expect(s.iterations == 1)
        #expect(s.converged == false)
    }

    @Test("time shift is a cyclic rotation by 1 ... L-1 samples")
    func timeShift() throws {
        let s = try make(.timeShift).values
        let lag = (1..<Self.signal.count).first { lag in (0..<Self.signal.count).allSatisfy { s[$0] == Self.signal[($0 + lag) % Self.signal.count] } }
        #expect(lag != nil)
    }

    @Test("a fixed seed gives the same surrogates on every call, whatever the thread schedule; another seed differs")
    func determinism() throws {
        let generator = try SurrogateGenerator(signal: Self.signal)
        for kind in SurrogateKind.allCases where kind != .cyclePhasePermutation {
            let once = generator.surrogates(kind, count: 3, seed: 99)
            let again = generator.surrogates(kind, count: 3, seed: 99)
            #expect(once == again)
            #expect(once[0].values != once[1].values)
            #expect(generator.surrogates(kind, count: 1, seed: 100)[0].values != once[0].values)
        }
    }

    /// The permutations of an independent Python implementation of the generator, the stream
    /// derivation and the shuffle (Tests/Fixtures/coherence/permutations.json): the same
    /// surrogates on every machine, not only within one run.
    @Test("random permutations equal those of the independent Python implementation")
    func permutationsMatchPython() throws {
        struct Case: Decodable { var seed: UInt64; var stream: Int; var count: Int; var values: [Int] }
        struct File: Decodable { var cases: [Case] }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: RepositoryPaths.fixture("coherence/permutations.json")))
        #expect(file.cases.count == 6)
        for c in file.cases {
            let generator = try SurrogateGenerator(signal: (0..<c.count).map(Double.init))
            var random = SurrogateGenerator.random(seed: c.seed, stream: c.stream)
            let values = generator.surrogate(.randomPermutation, random: &random).values
            #expect(values.map { Int($0) } == c.values)
        }
    }

    @Test("bad signals are refused with the rule")
    func badSignals() {
        #expect(throws: LDFError.self) { try SurrogateGenerator(signal: [1, 2, 3]) }
        #expect(throws: LDFError.self) { try SurrogateGenerator(signal: [1, 2, .nan, 4, 5]) }
        #expect(throws: LDFError.self) { try SurrogateGenerator(signal: [1, 2, 3, 4], maxIterations: 0) }
    }
}

@Suite("Cyclic phase permutation")
struct CyclePhasePermutationTests {
    /// A phase advancing by 2 pi x 0.07 per sample with a wobble, so the cycles differ.
    static let phase = (0..<400).map { n in 2 * Double.pi * 0.07 * Double(n) + 0.3 * sin(0.05 * Double(n)) }

    @Test("cycles are reordered, the partial end cycles stay, the result is unwrapped")
    func permutesCycles() {
        var random = SeededRandom(seed: 3)
        let surrogate = SurrogateGenerator.cyclePhasePermutation(phase: Self.phase, random: &random)
        #expect(surrogate.count == Self.phase.count)
        let twoPi = 2 * Double.pi
        func wrap(_ x: Double) -> Double { let r = x.truncatingRemainder(dividingBy: twoPi); return r < 0 ? r + twoPi : r }
        // Same wrapped values (a permutation of whole cycles), different order.
        let a = Self.phase.map(wrap).sorted(), b = surrogate.map(wrap).sorted()
        for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-9) }
        #expect(zip(Self.phase.map(wrap), surrogate.map(wrap)).contains { abs($0 - $1) > 1e-6 })
        // Unwrapped: no step beyond pi, and it ends a whole number of turns from the start like the original.
        #expect(zip(surrogate, surrogate.dropFirst()).allSatisfy { abs($1 - $0) < Double.pi })
        // First partial cycle unchanged: the original's first samples up to its first wrap.
        let firstWrap = (0..<(Self.phase.count - 1)).first { wrap(Self.phase[$0 + 1]) - wrap(Self.phase[$0]) < -Double.pi }!
        for n in 0...firstWrap { #expect(abs(wrap(surrogate[n]) - wrap(Self.phase[n])) < 1e-12) }
    }

    @Test("unwrap follows NumPy's rule on a hand case")
    func unwrapHandCase() {
        // Steps of +3 rad (< pi) stay; a wrap from 6 to 0.5 (step -5.5) becomes +0.783 (= -5.5 + 2 pi).
        let result = SurrogateGenerator.unwrap([0, 3, 6, 0.5, 3.5])
        let expected = [0, 3, 6, 0.5 + 2 * Double.pi, 3.5 + 2 * Double.pi]
        for (x, y) in zip(result, expected) { #expect(abs(x - y) < 1e-12) }
    }

    @Test("fewer than two whole cycles: the phase comes back unwrapped")
    func tooFewCycles() {
        var random = SeededRandom(seed: 1)
        let short = (0..<10).map { 0.5 * Double($0) }
        let result = SurrogateGenerator.cyclePhasePermutation(phase: short, random: &random)
        for (x, y) in zip(result, short) { #expect(abs(x - y) < 1e-12) }
    }
}
