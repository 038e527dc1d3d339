import Foundation
import LDFCore
import LDFSpectral
import LDFTestSupport
import Testing

/// Group coherence against Tests/Fixtures/group-coherence (PyMODAlib's wphcoh of every pair, and
/// the residual coherence by PyMODAlib's documented procedure).
@Suite("Group coherence with inter-subject surrogates")
struct GroupCoherenceTests {
    struct Fixture: Decodable {
        var rateHz: Double
        var subjects: Int
        var frequenciesHz: [Double]
        var residual: [[Double?]]
        /// [i][j][frequency]: C of A_i with B_j.
        var pairwise: [[[Double?]]]
    }

    static func load() throws -> (Fixture, [(id: String, first: [Double], second: [Double])]) {
        let folder = RepositoryPaths.fixture("group-coherence")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: folder.appendingPathComponent("group-coherence.json")))
        let rows = try String(contentsOf: folder.appendingPathComponent("signals.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        var pairs: [(id: String, first: [Double], second: [Double])] = []
        for s in 0..<fixture.subjects {
            let first: [Double] = rows.map { $0[1 + 2 * s] }
            let second: [Double] = rows.map { $0[2 + 2 * s] }
            pairs.append((id: "s\(s)", first: first, second: second))
        }
        return (fixture, pairs)
    }

    static let options = WaveletOptions(fminHz: 0.05, fmaxHz: 2)

    @Test("every subject's coherence and residual, and every inter-subject pair, agree with PyMODAlib")
    func agreesWithPyMODAlib() throws {
        let (fixture, pairs) = try Self.load()
        let group = try GroupCoherence(pairs: pairs, sampleRateHz: fixture.rateHz, options: Self.options)
        #expect(zip(group.frequenciesHz, fixture.frequenciesHz).allSatisfy { abs($0 - $1) < 1e-12 * $1 })
        var worstResidual = 0.0
        for (i, member) in group.members.enumerated() {
            for k in group.frequenciesHz.indices {
                guard let c = fixture.pairwise[i][i][k], let r = fixture.residual[i][k] else {
                    #expect(member.coherence[k].isNaN)
                    continue
                }
                #expect(abs(member.coherence[k] - c) < 0.006, "subject \(i) \(group.frequenciesHz[k]) Hz")
                worstResidual = max(worstResidual, abs(member.residual[k] - r))
            }
        }
        #expect(worstResidual < 0.012)
        let peak = group.frequenciesHz.indices.min { abs(group.frequenciesHz[$0] - 0.1) < abs(group.frequenciesHz[$1] - 0.1) }!
        #expect(group.medianCoherence[peak] > group.surrogateMedian[peak] + 0.1 && group.members.contains { $0.residual[peak] > 0 })
    }

    @Test("the surrogates are the coherences of different subjects' signals: the diagonal of the pairwise matrix is each subject's own coherence")
    func diagonalIsTheSubjectsCoherence() throws {
        let (fixture, pairs) = try Self.load()
        let short: [(id: String, first: [Double], second: [Double])] = pairs.prefix(3).map {
            (id: $0.id, first: Array($0.first.prefix(1200)), second: Array($0.second.prefix(1000)))
        }
        let group = try GroupCoherence(pairs: short, sampleRateHz: fixture.rateHz, options: Self.options)
        #expect(group.sampleCount == 1000)
        let transform = try WaveletTransform(sampleCount: 1000, sampleRateHz: fixture.rateHz, options: Self.options)
        let single = try CoherenceAnalyzer(transform: transform).coherence(Array(short[1].first.prefix(1000)), short[1].second)
        for k in single.coherence.indices where !single.coherence[k].isNaN {
            #expect(abs(group.members[1].coherence[k] - single.coherence[k]) < 1e-12)
        }
    }

    @Test("one subject has no inter-subject surrogate: a clear error")
    func oneSubject() throws {
        let (fixture, pairs) = try Self.load()
        #expect {
            try GroupCoherence(pairs: [pairs[0]], sampleRateHz: fixture.rateHz, options: Self.options)
        } throws: { ($0 as? LDFError)?.message.contains("at least 2 subjects") == true }
    }
}
