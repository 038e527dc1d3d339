import Foundation
import LDFCore

/// Imperfections added when a simulated recording is written as a file, as real devices and
/// exports produce them (docs/METHODS.md §14). All are seeded and listed in `ArtifactTruth`.
public struct FileArtifacts: Sendable, Codable, Equatable {
    /// Time-stamp jitter: each stamp moves by a uniform offset within ± this fraction of the
    /// sampling interval (0 = exact stamps). Values stay those of the exact time.
    public var jitterFraction: Double
    /// Isolated rows removed from the file (single-sample gaps the reader must bridge).
    public var droppedSamples: Int
    /// Stretches of rows removed (long gaps the reader must report, not bridge).
    public var longGaps: Int
    /// Length of each long gap, seconds.
    public var longGapSeconds: Double
    /// Perfusion samples replaced by a device sentinel (-2500 no probe or +5000 over range).
    public var sentinels: Int
    /// Motion artifacts: half-sine bursts of 0.2–1 s, 5–10 times the flux SD, added to perfusion.
    public var motionArtifacts: Int

    public init(jitterFraction: Double = 0, droppedSamples: Int = 0, longGaps: Int = 0, longGapSeconds: Double = 5,
                sentinels: Int = 0, motionArtifacts: Int = 0) {
        self.jitterFraction = jitterFraction
        self.droppedSamples = droppedSamples
        self.longGaps = longGaps
        self.longGapSeconds = longGapSeconds
        self.sentinels = sentinels
        self.motionArtifacts = motionArtifacts
    }

    public var isEmpty: Bool { self == FileArtifacts() }

    public func validate() throws {
        guard jitterFraction >= 0, jitterFraction < 0.5 else {
            throw LDFError("\(parameter: "jitter")", "\(jitterFraction) must be in [0, 0.5) of a sampling interval", fix: "e.g. \(parameter: "jitter") 0.1")
        }
        guard droppedSamples >= 0, longGaps >= 0, sentinels >= 0, motionArtifacts >= 0 else {
            throw LDFError("simulate", "artifact counts must be zero or positive", fix: "e.g. \(parameter: "dropped") 5")
        }
        guard longGapSeconds > 0 else {
            throw LDFError("\(parameter: "gapSeconds")", "\(longGapSeconds) s must be positive", fix: "e.g. \(parameter: "gapSeconds") 5")
        }
    }
}

/// Where the artifacts went, in seconds from the first sample.
public struct ArtifactTruth: Sendable, Codable, Equatable {
    public var configuration: FileArtifacts
    /// Times of the rows removed one by one.
    public var droppedSampleTimes: [Double]
    /// Stretches removed.
    public var gaps: [Gap]
    /// Times of perfusion samples replaced by sentinels, and the sentinel used for each.
    public var sentinelTimes: [Double]
    public var sentinelValues: [Double]
    /// Stretches with a motion artifact.
    public var motionArtifacts: [Gap]

    enum CodingKeys: String, CodingKey {
        case configuration, gaps
        case droppedSampleTimes = "dropped_sample_times_s"
        case sentinelTimes = "sentinel_times_s"
        case sentinelValues = "sentinel_values"
        case motionArtifacts = "motion_artifacts"
    }
}

extension FileArtifacts {
    /// The file content (rows with time stamps on the recording's own axis, one column per
    /// channel, events) of `recording` after these artifacts, and where they went (truth times
    /// count from the first sample).
    public func apply(to recording: Recording, seed: UInt64) throws -> (table: SampleTable, truth: ArtifactTruth) {
        try validate()
        var random = SeededRandom(seed: seed ^ 0xA5A5_5A5A_DEAD_BEEF)
        let n = recording.sampleCount
        let rate = recording.sampleRateHz
        var keep = [Bool](repeating: true, count: n)
        var columns = recording.channels.map { SampleTable.Column(name: $0.name, unit: $0.unit, values: $0.values) }
        let p = recording.perfusionChannelIndex
        // Interior positions only, so the file keeps its first and last samples.
        func randomIndex(margin: Int) -> Int { margin + Int(random.uniform() * Double(max(1, n - 2 * margin))) }

        var gaps: [Gap] = []
        let gapLength = Int((longGapSeconds * rate).rounded())
        for _ in 0..<longGaps where n > 4 * gapLength {
            let start = randomIndex(margin: gapLength)
            for i in start..<min(n - 1, start + gapLength) { keep[i] = false }
            gaps.append(Gap(startSeconds: Double(start) / rate, endSeconds: Double(start + gapLength) / rate))
        }
        var dropped: [Double] = []
        var attempts = 0
        while dropped.count < droppedSamples && attempts < 100 * max(droppedSamples, 1) && n > 10 {
            attempts += 1
            let i = randomIndex(margin: 2)
            // Isolated: both neighbours stay, so each drop is a single-sample gap.
            guard keep[i - 1], keep[i], keep[i + 1] else { continue }
            keep[i] = false
            dropped.append(Double(i) / rate)
        }
        let sd = SummaryStatistics(columns[p].values).standardDeviation
        var motion: [Gap] = []
        for _ in 0..<motionArtifacts where n > 100 {
            let length = max(2, Int((0.2 + 0.8 * random.uniform()) * rate))
            let start = randomIndex(margin: length)
            let height = (5 + 5 * random.uniform()) * (sd.isFinite && sd > 0 ? sd : 1)
            for k in 0..<length where start + k < n {
                columns[p].values[start + k] += height * sin(Double.pi * Double(k + 1) / Double(length + 1))
            }
            motion.append(Gap(startSeconds: Double(start) / rate, endSeconds: Double(start + length) / rate))
        }
        var sentinelTimes: [Double] = [], sentinelValues: [Double] = []
        attempts = 0
        while sentinelTimes.count < sentinels && attempts < 100 * max(sentinels, 1) && n > 10 {
            attempts += 1
            let i = randomIndex(margin: 1)
            guard keep[i], !AssemblyOptions.defaultSentinels.contains(columns[p].values[i]) else { continue }
            let value = random.uniform() < 0.5 ? -2500.0 : 5000.0
            columns[p].values[i] = value
            sentinelTimes.append(Double(i) / rate)
            sentinelValues.append(value)
        }
        var times: [Double] = []
        times.reserveCapacity(n)
        var kept: [Int] = []
        kept.reserveCapacity(n)
        for i in 0..<n where keep[i] {
            let offset = jitterFraction > 0 ? (2 * random.uniform() - 1) * jitterFraction / rate : 0
            times.append(recording.timeOriginSeconds + Double(i) / rate + offset)
            kept.append(i)
        }
        if kept.count != n {
            for c in columns.indices { columns[c].values = kept.map { columns[c].values[$0] } }
        }
        let table = SampleTable(source: recording.provenance.source, reader: "simulator", times: times,
                                columns: columns, events: recording.events.map { $0.shifted(by: recording.timeOriginSeconds) }, startDate: recording.startDate)
        let truth = ArtifactTruth(configuration: self, droppedSampleTimes: dropped.sorted(), gaps: gaps.sorted { $0.startSeconds < $1.startSeconds },
                                  sentinelTimes: sentinelTimes, sentinelValues: sentinelValues,
                                  motionArtifacts: motion.sorted { $0.startSeconds < $1.startSeconds })
        return (table, truth)
    }
}
