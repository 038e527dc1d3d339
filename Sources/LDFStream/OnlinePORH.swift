import DequeModule
import LDFCore
import LDFPORH

/// Post-occlusive reactive hyperaemia found and measured while a stream runs (`ldf stream --porh`).
///
/// Keeps the last `bufferSeconds` of grid samples (bounded memory) and the input's event markers.
/// Every `checkSeconds` it looks for occlusions in the buffer with the same detector as `ldf porh`
/// (events first, then a cuff-pressure channel when present, then the flux). After a release it
/// reports an interim update whenever the peak so far rises; once `recoverySeconds` have passed since the release
/// (or the next occlusion starts, or the input ends) it measures the occlusion with
/// `PORHAnalysis` on the buffered stretch and reports the final result. Times reported are on the
/// input's own time axis (`timeOriginSeconds`), as in `ldf porh`. Each occlusion is reported as final exactly once.
///
/// Methods: docs/METHODS.md §13.
public struct OnlinePORH: Sendable {
    public let sampleRateHz: Double
    public let options: PORHOptions
    public let bufferSeconds: Double
    public let recoverySeconds: Double
    public let checkSeconds: Double
    /// Time of the stream's first sample on the input's own axis (its first time stamp; 0 without
    /// stamps). Every time reported is on that axis, as in `ldf porh`; samples and events count
    /// from the first sample.
    public let timeOriginSeconds: Double

    /// What a check found.
    public enum Update: Sendable {
        /// An occlusion released but still recovering: peak so far (smoothed flux) and its time
        /// (times on the input's own axis).
        case interim(timing: OcclusionTiming, peakSoFar: Double, peakTimeSeconds: Double, secondsSinceRelease: Double)
        /// The settled measurement, times on the input's own axis.
        case final(PORHOcclusionResult, fluxUnit: String)
        /// An occlusion was seen but could not be measured.
        case failed(timing: OcclusionTiming, reason: String)
    }

    private var values: Deque<Double> = []
    /// Stream index of `values[0]`.
    private var firstIndex = 0
    private var total = 0
    private var sinceCheck = 0
    private var events: [Event] = []
    private var reportedReleases: [Double] = []
    /// Peak so far last reported per unsettled release, so interim records come only when it rises.
    private var interimPeaks: [Double: Double] = [:]
    private let channelName: String
    private let channelUnit: String

    public init(sampleRateHz: Double, options: PORHOptions, channelName: String = "flux", channelUnit: String = "PU",
                bufferSeconds: Double = 1800, recoverySeconds: Double = 300, checkSeconds: Double = 15,
                timeOriginSeconds: Double = 0) throws {
        try options.validate()
        let needed = options.restWindowSeconds + options.expectedOcclusionSeconds * 2 + recoverySeconds + 60
        guard bufferSeconds >= needed else {
            throw LDFError("\(parameter: "porhBuffer")", "\(bufferSeconds) s cannot hold rest, occlusion and recovery (\(needed) s needed)",
                           fix: "use \(parameter: "porhBuffer") \(Int(needed.rounded(.up)))")
        }
        guard recoverySeconds > 0, checkSeconds > 0 else {
            throw LDFError("\(parameter: "porhRecovery")", "recovery and check intervals must be positive", fix: "e.g. \(parameter: "porhRecovery") 300")
        }
        self.sampleRateHz = sampleRateHz
        self.options = options
        self.bufferSeconds = bufferSeconds
        self.recoverySeconds = recoverySeconds
        self.checkSeconds = checkSeconds
        self.timeOriginSeconds = timeOriginSeconds
        self.channelName = channelName
        self.channelUnit = channelUnit
    }

    /// Adds an event marker at `timeSeconds` from the stream's first sample; `kind` overrides the
    /// vocabulary's reading of `label` (`--event-map`).
    public mutating func addEvent(timeSeconds: Double, label: String, kind: EventKind? = nil) {
        events.append(Event(timeSeconds: timeSeconds, label: label, kind: kind))
    }

    /// Adds grid samples; returns what the checks they trigger found.
    public mutating func append(_ newValues: [Double]) -> [Update] {
        let capacity = Int(bufferSeconds * sampleRateHz)
        let checkEvery = max(1, Int(checkSeconds * sampleRateHz))
        var updates: [Update] = []
        for v in newValues {
            if values.count == capacity {
                values.removeFirst()
                firstIndex += 1
            }
            values.append(v)
            total += 1
            sinceCheck += 1
            if sinceCheck >= checkEvery {
                sinceCheck = 0
                updates += check(endOfInput: false)
            }
        }
        let bufferStart = Double(firstIndex) / sampleRateHz
        events.removeAll { $0.timeSeconds < bufferStart }
        return updates
    }

    /// Passes over `count` grid samples of a gap longer than the buffer: the buffer empties and
    /// times keep counting.
    public mutating func skip(_ count: Int) {
        firstIndex += values.count + count
        values.removeAll(keepingCapacity: true)
        total += count
        events.removeAll { $0.timeSeconds < Double(firstIndex) / sampleRateHz }
    }

    /// At the end of input: settles every occlusion that was released.
    public mutating func finish() -> [Update] { check(endOfInput: true) }

    private func alreadyReported(_ release: Double) -> Bool {
        reportedReleases.contains { abs($0 - release) < 5 }
    }

    private mutating func check(endOfInput: Bool) -> [Update] {
        guard values.count >= Int(2 * sampleRateHz) else { return [] }
        let offset = Double(firstIndex) / sampleRateHz
        let now = Double(total) / sampleRateHz
        let buffer = bufferRecording(offset: offset)
        guard let search = try? OcclusionDetector.find(in: buffer, options: options) else { return [] }
        var updates: [Update] = []
        for (k, local) in search.timings.enumerated() {
            let release = local.releaseSeconds + offset
            guard !alreadyReported(release), release < now else { continue }
            let nextStart = k + 1 < search.timings.count ? search.timings[k + 1].startSeconds + offset : nil
            let settled = endOfInput || nextStart != nil || now - release >= recoverySeconds
            var timing = local
            timing.startSeconds += offset + timeOriginSeconds
            timing.releaseSeconds += offset + timeOriginSeconds
            if !settled {
                let from = Int((local.releaseSeconds * sampleRateHz).rounded())
                let smooth = MovingMean.centred(Array(buffer.perfusion.values[from...]),
                                                halfWidth: MovingMean.halfWidth(seconds: options.smoothingSeconds, rateHz: sampleRateHz))
                let key = (release * 10).rounded() / 10
                if let (i, peak) = smooth.enumerated().filter({ $0.element.isFinite }).max(by: { $0.element < $1.element }),
                   peak > interimPeaks[key, default: -.infinity] {
                    interimPeaks[key] = peak
                    updates.append(.interim(timing: timing, peakSoFar: peak, peakTimeSeconds: release + Double(i) / sampleRateHz + timeOriginSeconds,
                                            secondsSinceRelease: now - release))
                }
                continue
            }
            reportedReleases.append(release)
            interimPeaks = interimPeaks.filter { abs($0.key - release) >= 5 }
            // Every occlusion up to this one, so a later one without a clean baseline gets the
            // first one's rest, and the next one when it is already seen, so this recovery ends at
            // its start, as in `ldf porh`.
            var measured = options
            let through = min(k + 1, search.timings.count - 1)
            measured.occlusions = search.timings[...through].map { OcclusionInterval(startSeconds: $0.startSeconds, releaseSeconds: $0.releaseSeconds) }
            do {
                let result = try PORHAnalysis.analyze(buffer, options: measured)
                guard result.occlusions.indices.contains(k) else { continue }
                var occlusion = result.occlusions[k]
                occlusion.index = 1
                occlusion.timing.source = local.source
                occlusion.timing.detail = local.detail
                occlusion.timing.confidence = local.confidence
                updates.append(.final(occlusion.shifted(by: offset + timeOriginSeconds), fluxUnit: result.fluxUnit))
            } catch let error as LDFError {
                updates.append(.failed(timing: timing, reason: error.message))
            } catch {
                updates.append(.failed(timing: timing, reason: "\(error)"))
            }
        }
        reportedReleases.removeAll { $0 < offset }
        return updates
    }

    private func bufferRecording(offset: Double) -> Recording {
        let local = events.map { $0.shifted(by: -offset) }
        var provenance = Provenance(source: "-", reader: "stream")
        provenance.gaps = []
        return Recording(channels: [Channel(name: channelName, unit: channelUnit, kind: .perfusion, values: Array(values))],
                         sampleRateHz: sampleRateHz, events: local, provenance: provenance)
    }
}
