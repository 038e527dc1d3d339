import Testing
import LDFCore
import LDFPORH
import LDFSimulation
import LDFStream

/// A seeded recording for the stream-equals-offline check.
struct AgreementCase: CustomTestStringConvertible, Sendable {
    let label: String
    let simulation: PORHSimulation
    let seed: UInt64
    let site: TissueSite
    var testDescription: String { label }

    /// A forearm cuff occlusion at 10 Hz, its flux falling to the site's biological zero.
    static let clean: AgreementCase = {
        var sim = PORHSimulation.site(.forearm)
        sim.sampleRateHz = 10
        return AgreementCase(label: "clean forearm 10 Hz", simulation: sim, seed: 3, site: .forearm)
    }()

    /// The same with a partial fall to 40% of rest and a noisy plateau (spread 5% of rest, 20 dips
    /// or spikes a minute).
    static let partialFall: AgreementCase = {
        var sim = PORHSimulation.site(.forearm)
        sim.sampleRateHz = 10
        sim.biologicalZeroPU = 0.4 * sim.restFluxPU
        sim.plateauSpreadPU = 0.05 * sim.restFluxPU
        sim.plateauDipsPerMinute = 20
        return AgreementCase(label: "partial fall forearm 10 Hz", simulation: sim, seed: 4, site: .forearm)
    }()

    /// Four finger loadings at 2 Hz with short recoveries, the time axis 0 at the first loading.
    static let loading = AgreementCase(label: "loading 2 Hz", simulation: .fingerLoading(seed: 5), seed: 5, site: .fingerPad)
}

/// `ldf stream --porh` (OnlinePORH, fed 1 s chunks) finds the same occlusions as `ldf porh`
/// (PORHAnalysis on the whole recording), on the same time axis, and measures every parameter the
/// same, when its recovery buffer holds the whole recovery (docs/METHODS.md §13).
@Test(arguments: [AgreementCase.clean, .partialFall, .loading])
func streamEqualsOffline(_ c: AgreementCase) throws {
    let recording = c.simulation.generate(seed: c.seed).recording
    let options = PORHOptions(site: c.site)
    var online = try OnlinePORH(sampleRateHz: recording.sampleRateHz, options: options, timeOriginSeconds: recording.timeOriginSeconds)
    let values = recording.perfusion.values
    let chunk = Int(recording.sampleRateHz)
    var updates: [OnlinePORH.Update] = []
    for start in stride(from: 0, to: values.count, by: chunk) {
        updates += online.append(Array(values[start..<min(values.count, start + chunk)]))
    }
    updates += online.finish()
    let streamed = updates.compactMap { update -> PORHOcclusionResult? in
        if case .final(let result, _) = update { return result } else { return nil }
    }
    let offline = try PORHAnalysis.analyze(recording, options: options).occlusions
    try #require(streamed.count == offline.count, "\(c.label): \(streamed.count) streamed, \(offline.count) offline")
    for (k, (s, o)) in zip(streamed, offline).enumerated() {
        let label = "\(c.label) occlusion \(k + 1)"
        #expect(abs(s.timing.startSeconds - o.timing.startSeconds) < 1e-6, "\(label) start")
        #expect(abs(s.timing.releaseSeconds - o.timing.releaseSeconds) < 1e-6, "\(label) release")
        #expect(s.restReference == o.restReference, "\(label) rest reference")
        for key in PORHParameterKey.allCases {
            let a = s[key].value, b = o[key].value
            if let a, let b {
                #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(label) \(key.rawValue): stream \(a), offline \(b)")
            } else {
                let shown = "\(label) \(key.rawValue): stream \(String(describing: a)) (\(s[key].reason ?? "")), "
                    + "offline \(String(describing: b)) (\(o[key].reason ?? ""))"
                #expect(a == nil && b == nil, "\(shown)")
            }
        }
    }
}
