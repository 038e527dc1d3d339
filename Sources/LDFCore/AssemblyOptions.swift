/// Choices that turn a `SampleTable` into a `Recording`.
public struct AssemblyOptions: Sendable {
    /// Sample rate in Hz given by the user (`--rate`). Required when the file has no time column
    /// and declares no rate; overrides the measured rate otherwise.
    public var rateHz: Double?
    /// The perfusion channel (`--channel`); nil picks the first column whose name or unit looks like
    /// perfusion, else the first column that does not look like a time axis. With a list the
    /// first is the recording's analysed channel; `.all` keeps the default (commands then analyse
    /// each with `Recording.analysedRecordings`).
    public var channel: ChannelSelector?
    /// Longest run of missing or masked data bridged by linear interpolation, in seconds
    /// (default 1 s). Longer runs stay NaN and are reported as gaps.
    public var maxBridgeSeconds: Double
    /// Device sentinel values masked in perfusion channels (docs/METHODS.md §1.3: the ADInstruments
    /// Blood FlowMeter writes -2500 no probe, -5000 unrecognised probe, +5000 over range).
    public var sentinels: [Double]

    /// The user's labels for event kinds (`--event-map`), applied after the built-in vocabulary.
    public var eventMap: EventMap?

    public static let defaultSentinels: [Double] = [-2500, -5000, 5000]

    /// Sample rates the toolkit accepts, from a file or `--rate`: one sample per 10,000 s up to
    /// 10 MHz. Laser Doppler exports lie between about 1 Hz and 40 kHz; values outside this range
    /// come from broken time stamps (steps of 1e-20 s) or typing errors, and would overflow the
    /// grid arithmetic.
    public static let rateRangeHz: ClosedRange<Double> = 1e-4...1e7

    public init(rateHz: Double? = nil, channel: ChannelSelector? = nil, maxBridgeSeconds: Double = 1.0,
                sentinels: [Double] = AssemblyOptions.defaultSentinels, eventMap: EventMap? = nil) {
        self.rateHz = rateHz
        self.channel = channel
        self.maxBridgeSeconds = maxBridgeSeconds
        self.sentinels = sentinels
        self.eventMap = eventMap
    }

    /// Checks option values before any file is read.
    public func validate() throws {
        if let r = rateHz, !(r > 0 && r.isFinite) {
            throw LDFError("\(parameter: "rate")", "sample rate \(r) Hz is not positive", fix: "give the device's rate, e.g. \(parameter: "rate") 40")
        }
        if let r = rateHz, !Self.rateRangeHz.contains(r) {
            throw LDFError("\(parameter: "rate")", "sample rate \(r) Hz is outside the \(Self.rateRangeHz.lowerBound)–\(Int(Self.rateRangeHz.upperBound)) Hz the toolkit reads",
                           fix: "give the device's rate, e.g. \(parameter: "rate") 40")
        }
        if !(maxBridgeSeconds >= 0 && maxBridgeSeconds.isFinite) {
            throw LDFError("\(parameter: "maxBridge")", "\(maxBridgeSeconds) s must be zero or positive", fix: "e.g. \(parameter: "maxBridge") 1")
        }
    }
}
