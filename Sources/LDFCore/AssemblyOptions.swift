/// Choices that turn a `SampleTable` into a `Recording`.
public struct AssemblyOptions: Sendable {
    /// Sample rate in Hz given by the user (`--rate`). Required when the file has no time column
    /// and declares no rate; overrides the measured rate otherwise.
    public var rateHz: Double?
    /// The perfusion channel (`--channel`); nil picks the first column whose name or unit looks like
    /// perfusion, else the first column.
    public var channel: ChannelSelector?
    /// Longest run of missing or masked data bridged by linear interpolation, in seconds
    /// (default 1 s). Longer runs stay NaN and are reported as gaps.
    public var maxBridgeSeconds: Double
    /// Device sentinel values masked in perfusion channels (SCIENCE.md §1: the ADInstruments
    /// Blood FlowMeter writes -2500 no probe, -5000 unrecognised probe, +5000 over range).
    public var sentinels: [Double]

    public static let defaultSentinels: [Double] = [-2500, -5000, 5000]

    public init(rateHz: Double? = nil, channel: ChannelSelector? = nil, maxBridgeSeconds: Double = 1.0,
                sentinels: [Double] = AssemblyOptions.defaultSentinels) {
        self.rateHz = rateHz
        self.channel = channel
        self.maxBridgeSeconds = maxBridgeSeconds
        self.sentinels = sentinels
    }

    /// Checks option values before any file is read.
    public func validate() throws {
        if let r = rateHz, !(r > 0 && r.isFinite) {
            throw LDFError("--rate", "sample rate \(r) Hz is not positive", fix: "give the device's rate, e.g. --rate 40")
        }
        if !(maxBridgeSeconds >= 0 && maxBridgeSeconds.isFinite) {
            throw LDFError("--max-bridge", "\(maxBridgeSeconds) s must be zero or positive", fix: "e.g. --max-bridge 1")
        }
    }
}
