import LDFCore

/// `ldf export --format json` and the `--metadata` sidecar of a CSV export: what the samples
/// table holds (its columns with units, the flag legend), the events, what reading did to each
/// channel, and the parameters (docs/METHODS.md §1.6). Times in s on the file's axis, rates in Hz.
public struct ExportDescription: Codable, Sendable {
    /// The reading choices that shape the grid.
    public struct Parameters: Codable, Sendable {
        /// Longest run bridged by interpolation, s (`--max-bridge`).
        public var maxBridgeS: Double
        /// The rate given with `--rate`, Hz; null when read from the file.
        @Nullable public var rateHz: Double? = nil
        /// Device sentinels masked in perfusion channels.
        public var sentinels: [Double]
    }

    /// One channel of the samples table.
    public struct Column: Codable, Sendable {
        /// The CSV column of its values (`NAME [UNIT]`).
        public var column: String
        /// The CSV column of its `SampleFlag`s.
        public var flagColumn: String
        public var channel: String
        public var unit: String
        public var kind: String
        /// Whether this is the channel analysed as perfusion by default.
        public var perfusion: Bool
        /// The rate the file stores the channel at, Hz (the grid's, unless it was resampled).
        public var sourceSampleRateHz: Double
        /// Samples of each flag in the table.
        public var flagCounts: [String: Int]
        /// Rows masked as invalid (non-finite, sentinels, out of range), of the file's rows;
        /// null for a channel resampled from its own rate.
        @Nullable public var maskedSamples: Int? = nil
        @Nullable public var outOfRangeSamples: Int? = nil
        /// Gaps left NaN.
        public var gaps: [RecordingInfo.GapInfo]
    }

    public var toolkit = ToolkitStamp()
    public var parameters: Parameters
    public var source: String
    public var reader: String
    public var sampleRateHz: Double
    @Nullable public var measuredSampleRateHz: Double? = nil
    public var samples: Int
    public var durationS: Double
    /// The first sample's time on the file's own axis (the first `time_s`), s.
    public var timeOriginS: Double
    /// The first sample's clock time as written (local, no zone), when the file gives it.
    @Nullable public var startTime: String? = nil
    /// Whether uneven time stamps were interpolated onto the grid.
    public var resampled: Bool
    public var timeColumn = "time_s"
    public var columns: [Column]
    /// What each flag means.
    public var flags: [String: String]
    public var events: [RecordingInfo.EventInfo]
    public var notes: [String]
    public var diagnostics: [Diagnostic]
    public var units: [String: String] = [
        "max_bridge_s": "s", "rate_hz": "Hz", "sample_rate_hz": "Hz", "measured_sample_rate_hz": "Hz",
        "source_sample_rate_hz": "Hz", "duration_s": "s", "time_origin_s": "s", "time_s": "s", "start_s": "s", "end_s": "s",
    ]

    /// The description of `table` read with `options`.
    public init(_ table: ExportTable, options: AssemblyOptions) {
        let recording = table.recording
        let p = recording.provenance
        parameters = Parameters(maxBridgeS: options.maxBridgeSeconds, rateHz: options.rateHz, sentinels: options.sentinels)
        source = p.source
        reader = p.reader
        sampleRateHz = recording.sampleRateHz
        measuredSampleRateHz = p.measuredSampleRateHz
        samples = recording.sampleCount
        durationS = recording.durationSeconds
        timeOriginS = recording.timeOriginSeconds
        startTime = recording.clockStart?.text
        resampled = p.resampled
        columns = recording.channels.enumerated().map { index, channel in
            Self.column(channel, at: index, of: recording, sourceRateHz: table.sourceRatesHz[index])
        }
        flags = Dictionary(uniqueKeysWithValues: SampleFlag.allCases.map { ($0.rawValue, $0.meaning) })
        events = Self.events(of: recording)
        notes = p.notes
        diagnostics = p.diagnostics + p.channelQuality.flatMap(\.diagnostics)
    }

    static func column(_ channel: Channel, at index: Int, of recording: Recording, sourceRateHz: Double) -> Column {
        let quality = recording.provenance.channelQuality.indices.contains(index) ? recording.provenance.channelQuality[index] : nil
        var counts = Dictionary(uniqueKeysWithValues: SampleFlag.allCases.map { ($0.rawValue, 0) })
        for flag in recording.sampleFlags(channelAt: index, in: 0..<recording.sampleCount) { counts[flag.rawValue, default: 0] += 1 }
        let gaps = (quality?.gaps ?? []).map {
            RecordingInfo.GapInfo(startS: recording.fileTime($0.startSeconds), endS: recording.fileTime($0.endSeconds), durationS: $0.durationSeconds)
        }
        return Column(column: ExportTable.valueColumn(channel), flagColumn: ExportTable.flagColumn(channel), channel: channel.name,
                      unit: channel.unit, kind: channel.kind.rawValue, perfusion: index == recording.perfusionChannelIndex,
                      sourceSampleRateHz: sourceRateHz, flagCounts: counts, maskedSamples: quality?.maskedSamples,
                      outOfRangeSamples: quality?.outOfRangeSamples, gaps: gaps)
    }

    /// The events of `recording` on the file's axis.
    static func events(of recording: Recording) -> [RecordingInfo.EventInfo] {
        recording.events.map {
            RecordingInfo.EventInfo(timeS: recording.fileTime($0.timeSeconds), endS: $0.endSeconds.map(recording.fileTime),
                                    label: $0.label, kind: $0.kind.rawValue)
        }
    }
}
