import LDFCore

/// Places samples arriving one at a time onto a uniform grid, with the same rules as
/// `RecordingAssembler` uses for whole files (docs/METHODS.md §1.3–1.4):
/// - values at uneven time stamps are linearly interpolated onto `t0 + k / rate`;
/// - non-finite values and device sentinels are masked;
/// - time gaps and masked runs up to `maxBridgeSeconds` are bridged by linear interpolation, longer
///   ones are emitted as NaN and reported as gaps.
/// Memory is bounded: at most `maxBridgeSeconds` of samples are held back while a masked run is
/// open. Feed samples with `append`, collect grid samples from `take()`, and call `finish()` at
/// the end of input.
public struct StreamingGrid: Sendable {
    public let rateHz: Double
    public let maxBridgeSamples: Int
    public let sentinels: [Double]

    /// Counts of what was done, in grid samples (as in `Provenance`).
    public private(set) var maskedSamples = 0
    public private(set) var interpolatedSamples = 0
    public private(set) var resampledGaps = 0
    public private(set) var sentinelCounts: [Double: Int] = [:]
    /// Stretches left as NaN, in seconds from the first sample.
    public private(set) var gaps: [Gap] = []
    /// Time of the first sample (the grid origin), once known.
    public private(set) var origin: Double?
    /// Grid samples produced so far (emitted or held back).
    public private(set) var producedCount = 0

    private var last: (time: Double, value: Double)?
    private var overRangePending = false
    private var pendingFlags: [GridSampleFlags] = []
    private var readyFlags: [GridSampleFlags] = []
    private var lastFinite: Double?
    private var pendingNaN = 0
    private var inLongGap = false
    private var ready: [Double] = []
    private var emittedCount = 0

    public init(rateHz: Double, maxBridgeSeconds: Double, sentinels: [Double] = AssemblyOptions.defaultSentinels) {
        precondition(rateHz > 0 && rateHz.isFinite, "rate must be positive")
        self.rateHz = rateHz
        self.maxBridgeSamples = Int((maxBridgeSeconds * rateHz).rounded(.down))
        self.sentinels = sentinels
    }

    /// Why a sample was refused.
    public enum Refusal: Equatable, Sendable {
        /// Its time is not after the previous sample's (duplicated or going backwards).
        case timeNotIncreasing(previous: Double)
    }

    /// Adds one sample. `time` in seconds (any origin) or nil for "the next grid sample".
    /// Returns a refusal for a time that does not increase (the sample is skipped).
    @discardableResult
    public mutating func append(time: Double?, value raw: Double) -> Refusal? {
        var value = raw
        if !value.isFinite {
            maskedSamples += 1
            value = .nan
        } else if sentinels.contains(value) {
            maskedSamples += 1
            sentinelCounts[value, default: 0] += 1
            if value > 0 { overRangePending = true }
            value = .nan
        }
        guard let time else {
            push(value)
            return nil
        }
        let period = 1 / rateHz
        let tolerance = 0.01 * period
        guard let previous = last else {
            origin = time
            last = (time, value)
            push(value)
            return nil
        }
        guard time > previous.time else { return .timeNotIncreasing(previous: previous.time) }
        let t0 = origin!
        let span = time - previous.time
        let missing = Int((span * rateHz).rounded()) - 1
        while true {
            let t = t0 + Double(producedCount) * period
            if t > time + tolerance { break }
            if abs(time - t) <= tolerance {
                push(value)
                continue
            }
            // Between the two samples; a point more than half an interval from both has no sample
            // of its own.
            if missing >= 1 && min(t - previous.time, time - t) > 0.5 * period {
                if missing > maxBridgeSamples {
                    push(.nan)
                    continue
                }
                resampledGaps += 1
                push(previous.value + (t - previous.time) / span * (value - previous.value), flags: .bridged)
                continue
            }
            push(previous.value + (t - previous.time) / span * (value - previous.value))
        }
        last = (time, value)
        return nil
    }

    /// Grid samples ready to use, in order, since the last call, with what was done to each.
    public mutating func take() -> (values: [Double], flags: [GridSampleFlags]) {
        defer {
            ready.removeAll(keepingCapacity: true)
            readyFlags.removeAll(keepingCapacity: true)
        }
        return (ready, readyFlags)
    }

    /// Ends the input: a masked run still open is emitted as NaN and reported as a gap.
    public mutating func finish() {
        if pendingNaN > 0 { flushPendingAsGap() }
    }

    private mutating func push(_ value: Double, flags given: GridSampleFlags = []) {
        producedCount += 1
        var flags = given
        if overRangePending {
            flags.insert(.overRange)
            overRangePending = false
        }
        if value.isNaN {
            if inLongGap {
                emit(.nan, flags)
                extendGap()
                return
            }
            pendingNaN += 1
            pendingFlags.append(flags)
            // A run that can no longer be bridged (too long, or at the start) is released at once.
            if pendingNaN > maxBridgeSamples || lastFinite == nil { flushPendingAsGap() }
            return
        }
        if pendingNaN > 0, let a = lastFinite {
            let n = pendingNaN
            for k in 1...n { emit(a + (value - a) * Double(k) / Double(n + 1), pendingFlags[k - 1].union(.bridged)) }
            interpolatedSamples += n
            pendingNaN = 0
            pendingFlags.removeAll(keepingCapacity: true)
        }
        inLongGap = false
        lastFinite = value
        emit(value, flags)
    }

    private mutating func flushPendingAsGap() {
        let start = emittedCount
        for k in 0..<pendingNaN { emit(.nan, pendingFlags[k]) }
        pendingNaN = 0
        pendingFlags.removeAll(keepingCapacity: true)
        inLongGap = true
        gaps.append(Gap(startSeconds: Double(start) / rateHz, endSeconds: Double(emittedCount) / rateHz))
    }

    private mutating func extendGap() {
        gaps[gaps.count - 1].endSeconds = Double(emittedCount) / rateHz
    }

    private mutating func emit(_ value: Double, _ flags: GridSampleFlags) {
        ready.append(value)
        readyFlags.append(flags)
        emittedCount += 1
    }
}

/// What was done to one grid sample.
public struct GridSampleFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Filled by interpolation (a masked value or a missing time stamp).
    public static let bridged = GridSampleFlags(rawValue: 1)
    /// The device reported over-range (+5000 sentinel) here.
    public static let overRange = GridSampleFlags(rawValue: 2)
}
