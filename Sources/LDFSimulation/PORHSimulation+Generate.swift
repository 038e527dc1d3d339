import Foundation
import LDFCore

extension PORHSimulation {
    /// Generates the recording and its truth. The same configuration and seed give identical
    /// samples on every machine.
    ///
    /// Channels: "Flux" (PU, perfusion), then "Cuff pressure" (mmHg) when requested; events
    /// "Occlusion start" / "Release" when requested. Samples inside artifact gaps are NaN and listed
    /// in `provenance.gaps`.
    public func generate(seed: UInt64) -> SimulatedPORH {
        precondition(sampleRateHz > 0 && durationSeconds > 0, "sample rate and duration must be positive")
        precondition(peakRatio > 1 && plateauRatio > 0, "peak ratio must exceed 1 and the plateau be positive")
        precondition(zip(occlusions, occlusions.dropFirst()).allSatisfy { $0.releaseSeconds + timeToPeakSeconds < $1.startSeconds },
                     "occlusions must be in time order, each peak before the next start")
        var random = SeededRandom(seed: seed)
        let curve = PORHModelCurve(self)
        let n = Int((durationSeconds * sampleRateHz).rounded(.down))
        let flowmotion = Flowmotion(amplitude: flowmotionAmplitude, sampleRateHz: sampleRateHz, random: &random)
        var flux = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let t = Double(i) / sampleRateHz
            let motion = flowmotion.relative(at: t, vasomotorWeight: curve.vasomotionWeight(at: t))
            flux[i] = curve.value(at: t) * (1 + motion) + noiseLevel * curve.restLevel(at: t) * random.gaussian()
        }
        addPlateauNoise(to: &flux, random: &random)
        let gaps = addArtifacts(to: &flux, curve: curve, random: &random)

        var channels = [Channel(name: "Flux", unit: "PU", kind: .perfusion, values: flux)]
        if includesPressureChannel {
            channels.append(Channel(name: "Cuff pressure", unit: "mmHg", kind: .pressure,
                                    values: cuffPressure(count: n, random: &random)))
        }
        var events: [Event] = []
        if includesEventMarkers {
            for o in occlusions {
                events.append(Event(timeSeconds: o.startSeconds, label: "Occlusion start", kind: .occlusionStart))
                events.append(Event(timeSeconds: o.releaseSeconds, label: "Release", kind: .occlusionRelease))
            }
        }
        var provenance = Provenance(source: "simulated PORH (\(site.rawValue), seed \(seed))", reader: "simulation")
        provenance.nominalSampleRateHz = sampleRateHz
        provenance.gaps = gaps
        provenance.maskedSamples = flux.count { $0.isNaN }
        let recording = Recording(channels: channels, sampleRateHz: sampleRateHz, events: events, provenance: provenance,
                                  timeOriginSeconds: timeOriginSeconds)
        return SimulatedPORH(recording: recording, truth: truth(curve: curve))
    }

    /// Adds the occlusion plateaus' extra noise (AR(1), 1 s correlation, SD `plateauSpreadPU`,
    /// fading in over the first 2 fall time constants) and their sub-second dips and spikes
    /// (`plateauDipsPerMinute`, half sines of 0.2-0.8 s and 2-5 spreads, at least 3 s from either
    /// edge); flux stays at or above 0.
    private func addPlateauNoise(to flux: inout [Double], random: inout SeededRandom) {
        guard plateauSpreadPU > 0 || plateauDipsPerMinute > 0 else { return }
        let spread = max(plateauSpreadPU, 0.1 * biologicalZeroPU)
        let memory = exp(-1 / sampleRateHz)
        let innovation = plateauSpreadPU * (1 - memory * memory).squareRoot()
        for o in occlusions {
            let lo = Int((o.startSeconds * sampleRateHz).rounded(.up)), hi = min(flux.count, Int((o.releaseSeconds * sampleRateHz).rounded(.up)))
            guard lo < hi else { continue }
            var state = plateauSpreadPU * random.gaussian()
            for i in lo..<hi {
                state = memory * state + innovation * random.gaussian()
                let fadeIn = min(1, (Double(i) / sampleRateHz - o.startSeconds) / (2 * fallTimeConstantSeconds))
                flux[i] = max(0, flux[i] + fadeIn * state)
            }
            let usable = o.durationSeconds - 6
            guard plateauDipsPerMinute > 0, usable > 1 else { continue }
            let count = Int((plateauDipsPerMinute * o.durationSeconds / 60).rounded())
            for _ in 0..<count {
                let length = 0.2 + 0.6 * random.uniform()
                let at = o.startSeconds + 3 + random.uniform() * (usable - length)
                let height = (random.uniform() < 0.5 ? -1.0 : 1.0) * (2 + 3 * random.uniform()) * spread
                let first = Int((at * sampleRateHz).rounded(.up)), last = Int(((at + length) * sampleRateHz).rounded(.up))
                for i in first..<min(max(first, last), flux.count) {
                    let phase = (Double(i) / sampleRateHz - at) / length
                    flux[i] = max(0, flux[i] + height * sin(Double.pi * phase))
                }
            }
        }
    }

    /// Cuff pressure: 0 mmHg at rest, linear 1 s ramps up at each start and down at each release,
    /// `cuffPressureMmHg` in between, plus 1 mmHg Gaussian noise.
    private func cuffPressure(count n: Int, random: inout SeededRandom) -> [Double] {
        (0..<n).map { i in
            let t = Double(i) / sampleRateHz
            var level = 0.0
            for o in occlusions {
                let up = min(max(t - o.startSeconds, 0), 1)
                let down = min(max(t - o.releaseSeconds, 0), 1)
                level += cuffPressureMmHg * (up - down)
            }
            return level + random.gaussian()
        }
    }

    /// Places `gapCount` NaN runs and `spikeCount` spikes at random times at least 10 s away from
    /// every start, release and peak; returns the gaps.
    private func addArtifacts(to flux: inout [Double], curve: PORHModelCurve, random: inout SeededRandom) -> [Gap] {
        let protected = occlusions.flatMap { o in
            [o.startSeconds, o.releaseSeconds, o.releaseSeconds + timeToPeakSeconds]
        }
        func freeTime(length: Double) -> Double? {
            for _ in 0..<100 {
                let t = random.uniform() * (durationSeconds - length)
                if protected.allSatisfy({ $0 < t - 10 || $0 > t + length + 10 }) { return t }
            }
            return nil
        }
        func indices(_ start: Double, _ length: Double) -> Range<Int> {
            let lo = Int((start * sampleRateHz).rounded(.up))
            let hi = min(flux.count, Int(((start + length) * sampleRateHz).rounded(.up)))
            return lo..<max(lo, hi)
        }
        var gaps: [Gap] = []
        for _ in 0..<gapCount {
            let length = 0.3 + 1.7 * random.uniform()
            guard let start = freeTime(length: length) else { continue }
            let range = indices(start, length)
            guard !range.isEmpty else { continue }
            for i in range { flux[i] = .nan }
            gaps.append(Gap(startSeconds: Double(range.lowerBound) / sampleRateHz,
                            endSeconds: Double(range.upperBound) / sampleRateHz))
        }
        for _ in 0..<spikeCount {
            let length = 0.2 + 0.3 * random.uniform()
            guard let start = freeTime(length: length) else { continue }
            let height = (1 + 3 * random.uniform()) * curve.restLevel(at: start)
            for i in indices(start, length) where flux[i].isFinite { flux[i] += height }
        }
        return gaps.sorted { $0.startSeconds < $1.startSeconds }
    }

    /// Analytic levels and times; areas integrated from the noiseless curve.
    private func truth(curve: PORHModelCurve) -> PORHTruth {
        let occ = curve.segments.map { s -> PORHTruth.Occlusion in
            let a = s.peak - s.plateau
            let debt = PORHModelCurve.integrate(from: s.start, to: s.release) { s.restLevel - curve.value(at: $0) }
            var duration: Double?
            var repayment: Double?
            if s.plateau < s.restLevel {
                let back = decayTimeSeconds * pow(log(a / (s.restLevel - s.plateau)), 1 / stretchExponent)
                duration = s.timeToPeak + back
                repayment = PORHModelCurve.integrate(from: s.release, to: s.release + s.timeToPeak + back) {
                    max(curve.value(at: $0) - s.restLevel, 0)
                }
            }
            return PORHTruth.Occlusion(
                startSeconds: s.start, releaseSeconds: s.release, fileStartSeconds: timeOriginSeconds + s.start,
                fileReleaseSeconds: timeOriginSeconds + s.release, restFlux: s.restLevel,
                biologicalZero: biologicalZeroPU, peakFlux: s.peak, timeToPeakSeconds: s.timeToPeak,
                plateauFlux: s.plateau, t75Seconds: curve.recoveryTime(fraction: 0.75),
                t50Seconds: curve.recoveryTime(fraction: 0.5), t25Seconds: curve.recoveryTime(fraction: 0.25),
                hyperaemiaDurationSeconds: duration, repaymentArea: repayment, debtArea: debt,
                transientA: a, transientB: decayTimeSeconds, transientC: stretchExponent, transientD: s.plateau)
        }
        return PORHTruth(site: site, occlusions: occ, timeOriginSeconds: timeOriginSeconds)
    }
}
