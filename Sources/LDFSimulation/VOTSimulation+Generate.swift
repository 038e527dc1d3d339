import LDFCore

extension VOTSimulation {
    /// Generates the recording and its truth; the same configuration and seed give identical
    /// samples on every machine. Channels: "StO2" (%, analysed), then "Cuff pressure" (mmHg) when
    /// requested; events "Occlusion" and "Release" when requested.
    public func generate(seed: UInt64) throws -> SimulatedVOT {
        try validate()
        var random = SeededRandom(seed: seed)
        let n = Int((durationSeconds * sampleRateHz).rounded(.down))
        let sto2 = (0..<n).map { i in
            let t = Double(i) / sampleRateHz
            return min(100, max(0, saturation(at: t) + driftPerMinute * t / 60 + noise * random.gaussian()))
        }
        var channels = [Channel(name: "StO2", unit: "%", kind: .perfusion, values: sto2)]
        let occlusions = (0..<occlusionCount).map { k in (start: startSeconds(k), release: startSeconds(k) + occlusionSeconds) }
        if includesPressureChannel {
            let cuff = (0..<n).map { i in
                let t = Double(i) / sampleRateHz
                return occlusions.contains { t >= $0.start && t < $0.release } ? 250.0 : 0.0
            }
            channels.append(Channel(name: "Cuff pressure", unit: "mmHg", kind: .pressure, values: cuff))
        }
        var events: [Event] = []
        if includesEventMarkers {
            for o in occlusions {
                events.append(Event(timeSeconds: o.start, label: "Occlusion", kind: .occlusionStart))
                events.append(Event(timeSeconds: o.release, label: "Release", kind: .occlusionRelease))
            }
        }
        var provenance = Provenance(source: "simulated vascular occlusion test (seed \(seed))", reader: "simulation")
        provenance.nominalSampleRateHz = sampleRateHz
        let recording = Recording(channels: channels, sampleRateHz: sampleRateHz, events: events, provenance: provenance,
                                  timeOriginSeconds: timeOriginSeconds)
        return SimulatedVOT(recording: recording, truth: truth())
    }

    /// The model's exact read-outs (see `VOTTruth`).
    func truth() -> VOTTruth {
        let fall = baseline - minimum, t = occlusionSeconds, k = desaturationPerMinute / 60
        let floorReached = fall / k
        let ischaemic = floorReached < t ? fall * floorReached / 2 + fall * (t - floorReached) : k * t * t / 2
        return VOTTruth(
            occlusions: (0..<occlusionCount).map {
                VOTTruth.Occlusion(startSeconds: timeOriginSeconds + startSeconds($0), releaseSeconds: timeOriginSeconds + startSeconds($0) + t)
            },
            baseline: baseline, desaturationSlopePerMinute: -desaturationPerMinute, minimum: minimum,
            reoxygenationSlopePerSecond: reoxygenationPerSecond,
            timeTo50Seconds: 0.5 * fall / reoxygenationPerSecond, timeTo95Seconds: 0.95 * fall / reoxygenationPerSecond,
            timeToBaselineSeconds: fall / reoxygenationPerSecond, maximum: maximum, maximumTimeSeconds: riseSeconds,
            overshoot: overshoot, ischaemicArea: ischaemic,
            recoveryArea: overshoot * overshoot / (2 * reoxygenationPerSecond) + overshoot * hyperaemiaSeconds / 2 * (1 - 0.05 * 0.05),
            recoveryTimeSeconds: riseSeconds + 0.95 * hyperaemiaSeconds, driftPerMinute: driftPerMinute)
    }
}
