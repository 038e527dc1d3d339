import Foundation
import LDFCore

extension IontophoresisSimulation {
    /// Generates the recording and its truth; the same configuration and seed give identical
    /// samples on every machine. Channels: the drug probe ("ACh" or "SNP") and "Vehicle", both PU
    /// perfusion; events "Pulse N on" / "Pulse N off" when requested.
    public func generate(seed: UInt64) throws -> SimulatedIontophoresis {
        try validate()
        var random = SeededRandom(seed: seed)
        let probes = [(drug.channelName, IontophoresisModelCurve(s: self, rest: restFlux, plateaus: plateaus)),
                      ("Vehicle", IontophoresisModelCurve(s: self, rest: vehicleRestFlux, plateaus: vehiclePlateaus))]
        let n = Int((durationSeconds * sampleRateHz).rounded(.down))
        var channels: [Channel] = []
        for (name, curve) in probes {
            let flowmotion = Flowmotion(amplitude: flowmotionAmplitude, sampleRateHz: sampleRateHz, random: &random)
            var flux = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let t = Double(i) / sampleRateHz
                let level = curve.flux(at: t)
                let motion = flowmotion.relative(at: t, vasomotorWeight: 1 - curve.dilation(at: t))
                flux[i] = level * (1 + motion) + noiseLevel * level * random.gaussian()
            }
            channels.append(Channel(name: name, unit: "PU", kind: .perfusion, values: flux))
        }
        var events: [Event] = []
        if includesEventMarkers {
            for i in 0..<pulseCount {
                events.append(Event(timeSeconds: pulseStart(i), label: "Pulse \(i + 1) on", kind: .comment))
                events.append(Event(timeSeconds: pulseStart(i) + pulseSeconds, label: "Pulse \(i + 1) off", kind: .comment))
            }
        }
        var provenance = Provenance(source: "simulated iontophoresis (\(drug.rawValue) and vehicle, seed \(seed))", reader: "simulation")
        provenance.nominalSampleRateHz = sampleRateHz
        let recording = Recording(channels: channels, sampleRateHz: sampleRateHz, events: events, provenance: provenance)
        return SimulatedIontophoresis(recording: recording, truth: truth(probes: probes))
    }

    /// The model's exact levels, times and areas (docs/METHODS.md §21.6).
    func truth(probes: [(String, IontophoresisModelCurve)]) -> IontophoresisTruth {
        let charge = currentMilliamps * pulseSeconds
        let probeTruths = probes.enumerated().map { k, probe in
            let curve = probe.1
            let doses = curve.plateaus.enumerated().map { i, level -> IontophoresisTruth.DoseTruth in
                let start = pulseStart(i)
                return IontophoresisTruth.DoseTruth(
                    index: i + 1, startSeconds: start, stopSeconds: start + pulseSeconds, chargeMillicoulombs: charge,
                    cumulativeChargeMillicoulombs: charge * Double(i + 1), plateau: level, change: level - curve.rest,
                    percentChange: 100 * (level - curve.rest) / curve.rest, halfRiseSeconds: latencySeconds + riseSeconds / 2,
                    plateauReachedSeconds: latencySeconds + riseSeconds,
                    deliveryArea: area(curve, from: start, to: start + pulseSeconds),
                    intervalArea: area(curve, from: start, to: start + pulseSeconds + gapSeconds))
            }
            return IontophoresisTruth.ProbeTruth(channel: probe.0, drug: k == 0 ? drug.rawValue : "vehicle", rest: curve.rest, doses: doses)
        }
        return IontophoresisTruth(probes: probeTruths, recoveredAfterLastPulseSeconds: lastDoseEndSeconds + fallSeconds - pulseStart(pulseCount - 1),
                                  dipStartsSeconds: dipsAtPulses ? (0..<pulseCount).map(pulseStart) : [])
    }

    /// Σ (F(t_j) - rest) / rate over the samples t_j = j / rate in [from, to).
    func area(_ curve: IontophoresisModelCurve, from: Double, to: Double) -> Double {
        let first = Int((from * sampleRateHz - 1e-9).rounded(.up)), end = Int((to * sampleRateHz - 1e-9).rounded(.up))
        return (first..<end).reduce(0) { $0 + curve.flux(at: Double($1) / sampleRateHz) - curve.rest } / sampleRateHz
    }
}
