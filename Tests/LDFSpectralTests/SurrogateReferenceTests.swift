import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// Surrogates against NumPy implementations of the same algorithms fed by an independent
/// Python copy of the seeded generator (Tests/Fixtures/coherence/generate.py, surrogates.json).
@Suite("Surrogates agree with the NumPy reference")
struct SurrogateReferenceTests {
    struct Case: Decodable {
        var count: Int
        var kind: String
        var seed: UInt64
        var stream: Int
        var iterations: Int?
        var converged: Bool?
        var values: [Double]
    }
    struct File: Decodable { var cases: [Case] }

    /// The fixture's signal: sin(0.3 k) + 0.5 sin(0.05 k^1.3) + 0.2 cos(1.7 k + 0.01 k^2).
    static func signal(_ n: Int) -> [Double] {
        (0..<n).map { i in
            let k = Double(i)
            return sin(0.3 * k) + 0.5 * sin(0.05 * pow(k, 1.3)) + 0.2 * cos(1.7 * k + 0.01 * k * k)
        }
    }

    @Test("FT, AAFT, IAAFT1, IAAFT2 and time shift equal the reference for even and odd lengths")
    func matchesReference() throws {
        let data = try Data(contentsOf: RepositoryPaths.fixture("coherence/surrogates.json"))
        let file = try JSONDecoder().decode(File.self, from: data)
        #expect(file.cases.count == 10)
        for c in file.cases {
            let kind = try #require(SurrogateKind(rawValue: c.kind))
            var random = SurrogateGenerator.random(seed: c.seed, stream: c.stream)
            let surrogate = try SurrogateGenerator(signal: Self.signal(c.count)).surrogate(kind, random: &random)
            #expect(surrogate.values.count == c.values.count)
            let worst = zip(surrogate.values, c.values).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst < 1e-9, "\(c.kind), \(c.count) samples: worst difference \(worst)")
            #expect(surrogate.iterations == c.iterations)
            #expect(surrogate.converged == c.converged)
        }
    }
}
