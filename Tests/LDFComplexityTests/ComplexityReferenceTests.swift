import Foundation
import LDFComplexity
import LDFTestSupport
import Testing

/// Sample entropy, multiscale entropy, auto-mutual information, DFA and MFDFA of the signals in
/// Tests/Fixtures/complexity/complexity.json against NeuroKit2 and brute-force NumPy counts (see
/// that folder's README.md for the definitions and tolerances).
@Suite("Complexity measures against NeuroKit2 and brute-force counts")
struct ComplexityReferenceTests {
    struct Fixture: Decodable {
        var neurokit2: String
        var signals: [Signal]
    }
    struct Counts: Decodable { var A: Int; var B: Int; var templates: Int; var neurokit2: Double? }
    struct ScaleCounts: Decodable { var scale: Int; var A: Int; var B: Int; var templates: Int }
    struct Fluctuation: Decodable {
        var range: String
        var low_s: Double
        var high_s: Double
        var scales: [Int]
        var alpha: Double
        var fluctuation: [Double]
        var q: [Double]
        var h: [Double]
        var singularity: [Double]
        var dimension: [Double]
        var width: Double
    }
    struct Signal: Decodable {
        var name: String
        var sample_rate_hz: Double
        var values: [Double]
        var sd: Double
        var tolerance: Double
        var dimension: Int
        var ami_bins: Int
        var ami: [Double]
        var lag: Int
        var sampen_lag1: Counts
        var sampen_lag: Counts
        var mse_lag1_neurokit2: [Double]
        var mse_lag_brute: [ScaleCounts]
        var dfa: [Fluctuation]
    }

    static let fixture: Fixture = {
        let url = RepositoryPaths.fixture("complexity").appendingPathComponent("complexity.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static var names: [String] { fixture.signals.map(\.name) }
    static func signal(_ name: String) -> Signal { fixture.signals.first { $0.name == name }! }

    @Test("sample entropy counts equal the brute-force counts at lag 1 and at the lag; lag 1 equals NeuroKit2", arguments: names)
    func sampleEntropy(name: String) {
        let s = Self.signal(name)
        for (lag, counts) in [(1, s.sampen_lag1), (s.lag, s.sampen_lag)] {
            let e = SampleEntropy(s.values, dimension: s.dimension, lag: lag, tolerance: s.tolerance)
            #expect(e.templateCount == counts.templates, "\(name) lag \(lag)")
            #expect(e.templateMatches == counts.B, "\(name) lag \(lag) B")
            #expect(e.extendedMatches == counts.A, "\(name) lag \(lag) A")
            let serial = SampleEntropy(s.values, dimension: s.dimension, lag: lag, tolerance: s.tolerance, parallel: false)
            #expect(serial == e)
        }
        let nk = s.sampen_lag1.neurokit2!
        let e = SampleEntropy(s.values, dimension: s.dimension, lag: 1, tolerance: s.tolerance)
        #expect(abs(e.value! - nk) < 1e-12, "\(name): \(e.value!) vs NeuroKit2 \(nk)")
    }

    @Test("the standard deviation and tolerance are NumPy's (n - 1)", arguments: names)
    func tolerance(name: String) {
        let s = Self.signal(name)
        let mean = s.values.reduce(0, +) / Double(s.values.count)
        let sd = (s.values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(s.values.count - 1)).squareRoot()
        #expect(isClose(sd, s.sd, relative: 1e-12))
    }

    @Test("multiscale entropy at lag 1 equals NeuroKit2's MSEn curve; at the lag, brute-force counts", arguments: names)
    func multiscale(name: String) {
        let s = Self.signal(name)
        let curve = MultiscaleEntropy(s.values, maximumScale: s.mse_lag1_neurokit2.count, dimension: s.dimension, lag: 1, tolerance: s.tolerance)
        for (scale, nk) in zip(curve.scales, s.mse_lag1_neurokit2) {
            // Undefined scales (too few templates) are still computed; compare the raw counts' value.
            let raw = SampleEntropy(MultiscaleEntropy.coarseGrained(s.values, factor: scale.factor), dimension: s.dimension, lag: 1, tolerance: s.tolerance)
            #expect(abs(raw.value! - nk) < 1e-10, "\(name) scale \(scale.factor): \(raw.value!) vs \(nk)")
            #expect(scale.lag == 1)
        }
        let lagged = MultiscaleEntropy(s.values, maximumScale: s.mse_lag_brute.count, dimension: s.dimension, lag: s.lag, tolerance: s.tolerance)
        for (scale, counts) in zip(lagged.scales, s.mse_lag_brute) {
            #expect(scale.entropy.templateMatches == counts.B && scale.entropy.extendedMatches == counts.A && scale.entropy.templateCount == counts.templates,
                    "\(name) scale \(scale.factor)")
        }
    }

    @Test("auto-mutual information equals NeuroKit2's histogram estimate (bits)", arguments: names)
    func mutualInformation(name: String) {
        let s = Self.signal(name)
        for (i, nk) in s.ami.enumerated() {
            let mine = AutoMutualInformation.information(s.values, lag: i + 1, bins: s.ami_bins)
            #expect(abs(mine - nk) < 1e-9, "\(name) lag \(i + 1): \(mine) vs \(nk)")
        }
        let search = AutoMutualInformation(s.values, bins: s.ami_bins, maximumLag: s.ami.count)
        let expected = (1..<(s.ami.count - 1)).first { s.ami[$0] < s.ami[$0 - 1] && s.ami[$0] <= s.ami[$0 + 1] }.map { $0 + 1 }
        #expect(search.firstMinimum == expected, "\(name)")
    }

    @Test("DFA alpha, F(n) and MFDFA h(q), spectrum and width equal NeuroKit2 (overlap=False)", arguments: names)
    func fluctuation(name: String) {
        let s = Self.signal(name)
        let scaling = FluctuationScaling(s.values, sampleRateHz: s.sample_rate_hz)
        for reference in s.dfa {
            let range = ScalingRange(name: reference.range, lowSeconds: reference.low_s, highSeconds: reference.high_s)
            let dfa = scaling.dfa(range, count: 10)
            #expect(dfa.scales == reference.scales, "\(name) \(reference.range)")
            #expect(abs(dfa.alpha! - reference.alpha) < 1e-9, "\(name) alpha \(dfa.alpha!) vs \(reference.alpha)")
            for (mine, nk) in zip(dfa.fluctuations, reference.fluctuation) { #expect(isClose(mine, nk, relative: 1e-9)) }
            let mf = scaling.mfdfa(range, count: 10, q: reference.q)
            for (mine, nk) in zip(mf.h + mf.singularity + mf.dimension, reference.h + reference.singularity + reference.dimension) {
                #expect(abs(mine - nk) < 1e-8, "\(name) MFDFA \(mine) vs \(nk)")
            }
            #expect(abs(mf.width! - reference.width) < 1e-8)
        }
    }

    @Test("known truth: DFA alpha 0.5 (white), 1 (1/f), 1.5 (Brownian); white-noise SampEn -ln erf(r / 2 sigma); a sine's is low")
    func knownTruth() {
        func alpha(_ name: String) -> Double {
            let s = Self.signal(name), r = s.dfa[0]
            return FluctuationScaling(s.values, sampleRateHz: 1).dfa(ScalingRange(name: "all", lowSeconds: r.low_s, highSeconds: r.high_s), count: 10).alpha!
        }
        #expect(abs(alpha("white") - 0.5) < 0.08)
        #expect(abs(alpha("pink") - 1.0) < 0.08)
        #expect(abs(alpha("brown") - 1.5) < 0.08)
        let white = Self.signal("white")
        let theory = -log(erf(0.2 / 2))
        let e = SampleEntropy(white.values, dimension: 2, lag: 1, tolerance: 0.2 * white.sd).value!
        #expect(abs(e - theory) < 0.06, "white SampEn \(e) vs theory \(theory)")
        let sine = Self.signal("periodic")
        let periodic = SampleEntropy(sine.values, dimension: 2, lag: sine.lag, tolerance: 0.2 * sine.sd).value!
        #expect(periodic < 0.05, "sine at a quarter period: \(periodic)")
        #expect(periodic < e / 20)
    }
}
