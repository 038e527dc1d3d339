import Foundation
import LDFCore

extension HeatingSimulation {
    /// Generates the recording and its truth; the same configuration and seed give identical
    /// samples on every machine. Channels: "Flux" (PU, perfusion), then "Probe temperature" in
    /// `temperatureUnit` when requested; events "Heating on" and "Heating <max> °C" when requested.
    public func generate(seed: UInt64) throws -> SimulatedHeating {
        try validate()
        var random = SeededRandom(seed: seed)
        let curve = HeatingModelCurve(s: self)
        let n = Int((durationSeconds * sampleRateHz).rounded(.down))
        let flowmotion = Flowmotion(amplitude: flowmotionAmplitude, sampleRateHz: sampleRateHz, random: &random)
        var flux = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let t = Double(i) / sampleRateHz
            let level = curve.flux(at: t)
            let motion = flowmotion.relative(at: t, vasomotorWeight: 1 - curve.dilation(at: t))
            flux[i] = level * (1 + motion) + noiseLevel * level * random.gaussian()
        }
        var channels = [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)]
        if includesTemperatureChannel {
            let probe = (0..<n).map { i in
                temperatureUnit.value(celsius: curve.temperature(at: Double(i) / sampleRateHz) + temperatureNoiseC * random.gaussian())
            }
            channels.append(Channel(name: "Probe temperature", unit: temperatureUnit.symbol, kind: .temperature, values: probe))
        }
        var events: [Event] = []
        if includesEventMarkers {
            events.append(Event(timeSeconds: onsetSeconds, label: "Heating on", kind: .comment))
            if let step = maximumStepSeconds {
                events.append(Event(timeSeconds: step, label: "Heating \(Self.degrees(maximumSetPointC)) °C", kind: .comment))
            }
        }
        var provenance = Provenance(source: "simulated local heating (\(ramp.rawValue), \(shape.rawValue), seed \(seed))", reader: "simulation")
        provenance.nominalSampleRateHz = sampleRateHz
        let recording = Recording(channels: channels, sampleRateHz: sampleRateHz, events: events, provenance: provenance,
                                  timeOriginSeconds: timeOriginSeconds)
        return SimulatedHeating(recording: recording, truth: truth())
    }

    /// "44" for 44.0, "43.5" otherwise.
    static func degrees(_ c: Double) -> String { c == c.rounded() ? String(Int(c)) : String(c) }

    /// The model's exact times and levels (docs/METHODS.md §18.5).
    func truth() -> HeatingTruth {
        let biphasic = shape == .biphasic
        let top = hasMaximumStep ? maximumFlux : nil
        func percent(_ x: Double?) -> Double? { top.flatMap { t in x.map { 100 * $0 / t } } }
        return HeatingTruth(
            onsetSeconds: onsetSeconds, fileOnsetSeconds: timeOriginSeconds + onsetSeconds,
            maximumStepSeconds: maximumStepSeconds, fileMaximumStepSeconds: maximumStepSeconds.map { timeOriginSeconds + $0 },
            startTemperatureC: startTemperatureC, setPointC: setPointC, maximumSetPointC: hasMaximumStep ? maximumSetPointC : nil,
            biphasic: biphasic, baselineFlux: restFlux, initialPeakFlux: biphasic ? peakFlux : nil,
            initialPeakTimeSeconds: biphasic ? timeToPeakSeconds : nil, nadirFlux: biphasic ? nadirFlux : nil,
            nadirTimeSeconds: biphasic ? timeToNadirSeconds : nil, plateauFlux: plateauFlux, plateauReachedSeconds: timeToPlateauSeconds,
            maximumFlux: top, percentMaxBaseline: percent(restFlux), percentMaxInitialPeak: percent(biphasic ? peakFlux : nil),
            percentMaxNadir: percent(biphasic ? nadirFlux : nil), percentMaxPlateau: percent(plateauFlux))
    }
}
