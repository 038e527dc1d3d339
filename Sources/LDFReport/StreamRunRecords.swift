import LDFCore
import LDFPORH
import LDFStream

/// The parameters of one `ldf stream` run, as its header record gives them: the spectral
/// settings, the window and hop (s), the input's rate (Hz) and how it was found, the analysed
/// channel and unit, the longest bridged run (s) and the artifact detector (a window's flagged
/// share, the Hampel window in s and threshold in scaled MADs).
public struct StreamParametersRecord: Codable, Sendable, Equatable {
    public var spectral: SpectralParametersRecord
    public var windowS: Double
    public var hopS: Double
    public var shortBands: String
    public var sampleRateHz: Double
    public var rateSource: String
    public var channel: String
    public var unit: String
    public var maxBridgeS: Double
    public var artifactFlagFraction: Double
    public var artifactHampelWindowS: Double
    public var artifactHampelThresholdMads: Double
    public var porh: Bool

    public init(settings: StreamWindowSettings, sampleRateHz: Double, rateSource: String, channel: String, unit: String,
                maxBridgeSeconds: Double, porh: Bool) {
        spectral = SpectralParametersRecord(settings.analysis)
        windowS = settings.windowSeconds
        hopS = settings.hopSeconds
        shortBands = settings.shortBands.rawValue
        self.sampleRateHz = sampleRateHz
        self.rateSource = rateSource
        self.channel = channel
        self.unit = unit
        maxBridgeS = maxBridgeSeconds
        artifactFlagFraction = settings.artifactFlagFraction
        artifactHampelWindowS = settings.artifactDetector.windowSeconds
        artifactHampelThresholdMads = settings.artifactDetector.threshold
        self.porh = porh
    }
}

/// The first record of `ldf stream --format jsonl`: who made the stream, with which parameters,
/// the bands dropped before any window, the reader's notes, every analysed channel, and the time
/// axis the windows use (the first stamp, s, and its clock reading when the file has one).
public struct StreamHeaderRecord: Codable, Sendable, Equatable {
    public var type = "header"
    public var toolkit = ToolkitStamp()
    public var parameters: StreamParametersRecord
    public var droppedBands: [Diagnostic]
    public var notes: [String]
    public var channels: [String]
    public var timeOriginS: Double
    @Nullable public var startTime: String? = nil

    public init(parameters: StreamParametersRecord, droppedBands: [Diagnostic], notes: [String], channels: [String],
                timeOriginSeconds: Double, startTime: String?) {
        self.parameters = parameters
        self.droppedBands = droppedBands
        self.notes = notes
        self.channels = channels
        timeOriginS = timeOriginSeconds
        self.startTime = startTime
    }
}

/// One channel's data-quality counts over the whole stream, gaps on the file's axis (s).
public struct StreamChannelCountsRecord: Codable, Sendable, Equatable {
    public var channel: String
    public var maskedSamples: Int
    public var interpolatedSamples: Int
    public var resampledGaps: Int
    public var gaps: [TimeWindowRecord]

    public init(channel: String, grid: StreamingGrid, timeOriginSeconds: Double) {
        self.channel = channel
        maskedSamples = grid.maskedSamples
        interpolatedSamples = grid.interpolatedSamples
        resampledGaps = grid.resampledGaps
        gaps = grid.gaps.map { TimeWindowRecord(TimeWindow(startSeconds: timeOriginSeconds + $0.startSeconds,
                                                           endSeconds: timeOriginSeconds + $0.endSeconds)) }
    }
}

/// The last record of `ldf stream --format jsonl`: what the whole stream held (the top-level
/// counts are the first channel's), how many windows it gave and what stopped it.
public struct StreamEndRecord: Codable, Sendable, Equatable {
    public var type = "end"
    public var samples: Int
    public var lines: Int
    public var malformedLines: Int
    public var maskedSamples: Int
    public var interpolatedSamples: Int
    public var resampledGaps: Int
    public var gaps: [TimeWindowRecord]
    public var windows: Int
    public var stoppedBy: String
    public var channels: [StreamChannelCountsRecord]

    /// `channels` must hold at least one channel (the stream analyses one or more).
    public init(samples: Int, lines: Int, malformedLines: Int, windows: Int, stoppedBy: String, channels: [StreamChannelCountsRecord]) {
        precondition(!channels.isEmpty, "a stream analyses at least one channel")
        self.samples = samples
        self.lines = lines
        self.malformedLines = malformedLines
        maskedSamples = channels[0].maskedSamples
        interpolatedSamples = channels[0].interpolatedSamples
        resampledGaps = channels[0].resampledGaps
        gaps = channels[0].gaps
        self.windows = windows
        self.stoppedBy = stoppedBy
        self.channels = channels
    }
}
