import Foundation
import LDFCore

extension CRTSimulation {
    /// Generates the frames and their truth; the same configuration and seed give identical
    /// samples on every machine. One column, "Intensity" (a.u.) for `falls` or "Flux" (PU) for
    /// `rises`, at the frame times; 'Press' and 'Release' events when requested.
    public func generate(seed: UInt64) throws -> SimulatedCRT {
        try validate()
        var random = SeededRandom(seed: seed)
        let presses = pressTruths(random: &random)
        let frames = Int((durationSeconds * frameRateHz).rounded(.down))
        let sign = direction == .falls ? 1.0 : -1.0
        var times: [Double] = [], values: [Double] = []
        times.reserveCapacity(frames)
        values.reserveCapacity(frames)
        for k in 0..<frames {
            let offset = frameJitter > 0 ? (2 * random.uniform() - 1) * frameJitter / frameRateHz : 0
            let t = max(0, Double(k) / frameRateHz + offset)
            let level = restLevel + driftPerMinute * t / 60 + sign * blanchAmplitude * blanching(at: t, presses: presses)
            times.append(timeOriginSeconds + t)
            values.append(level + noiseLevel * blanchAmplitude * random.gaussian())
        }
        var events: [Event] = []
        if includesEventMarkers {
            for p in presses {
                events.append(Event(timeSeconds: timeOriginSeconds + p.startSeconds, label: "Press", kind: .comment))
                events.append(Event(timeSeconds: timeOriginSeconds + p.releaseSeconds, label: "Release", kind: .comment))
            }
        }
        let column = direction == .falls ? SampleTable.Column(name: "Intensity", unit: "a.u.", values: values)
            : SampleTable.Column(name: "Flux", unit: "PU", values: values)
        let table = SampleTable(source: "simulated capillary refill (\(crtSeconds.count) presses, seed \(seed))", reader: "simulation",
                                times: times, columns: [column], events: events, declaredRateHz: frameRateHz)
        return SimulatedCRT(table: table, truth: CRTTruth(presses: presses.map { $0.onFileAxis(timeOriginSeconds) }))
    }

    /// Each press's times (from the first frame), depth and blanching at release.
    func pressTruths(random: inout SeededRandom) -> [CRTPressTruth] {
        var residual = 0.0, lastRelease = -Double.infinity, lastCRT = 1.0
        return crtSeconds.indices.map { p in
            let (start, release) = pressTimes(p)
            let depth = minimumDepth < 1 ? minimumDepth + (1 - minimumDepth) * random.uniform() : 1
            let atStart = residual * exp(-(start - lastRelease) / lastCRT)
            let atRelease = depth - (depth - atStart) * exp(-pressSeconds / pressOnsetSeconds)
            residual = atRelease
            lastRelease = release
            lastCRT = crtSeconds[p]
            return CRTPressTruth(startSeconds: start, releaseSeconds: release, crtSeconds: crtSeconds[p], depth: depth,
                                 blanchingAtStart: atStart, blanchingAtRelease: atRelease)
        }
    }

    /// The blanching B(t) of the model (0 at rest), `t` s from the first frame.
    func blanching(at t: Double, presses: [CRTPressTruth]) -> Double {
        guard let p = presses.lastIndex(where: { $0.startSeconds <= t }) else { return 0 }
        let press = presses[p]
        if t < press.releaseSeconds {
            return press.depth - (press.depth - press.blanchingAtStart) * exp(-(t - press.startSeconds) / pressOnsetSeconds)
        }
        return press.blanchingAtRelease * exp(-(t - press.releaseSeconds) / press.crtSeconds)
    }
}
