import LDFCore

/// The embedding lag of one signal: given, or the first minimum of its auto-mutual information.
public struct EmbeddingLag: Sendable, Equatable {
    public enum Method: String, Sendable, Codable { case given, mutualInformation = "mutual_information_first_minimum" }
    public var samples: Int?
    public var method: Method
    /// The curve searched (auto lag only).
    public var mutualInformation: AutoMutualInformation?
    public var reason: String?
}

/// Every complexity measure of one signal: the whole segment ("overall") or one band of it.
public struct SignalComplexity: Sendable {
    /// "overall" or the band's name.
    public var name: String
    public var band: Band?
    /// Butterworth prototype order of the band-pass filter (MODA's loop_butter choice).
    public var filterOrder: Int?
    public var sampleCount: Int
    /// Standard deviation (n - 1) of the analysed signal and the absolute tolerance r, in its unit.
    public var standardDeviation: Double?
    public var tolerance: Double?
    public var lag: EmbeddingLag?
    /// Sample entropy at the lag (the multiscale curve's scale 1).
    public var sampleEntropy: SampleEntropy?
    public var multiscale: MultiscaleEntropy?
    public var dfa: [DFAResult]
    public var mfdfa: MFDFAResult?
    /// Why the signal was not analysed at all (band too short, above Nyquist, filter failure);
    /// nil when only the lag failed (`lag.reason` says why).
    public var reason: String?

    static func skipped(_ name: String, band: Band?, sampleCount: Int, reason: String?) -> SignalComplexity {
        SignalComplexity(name: name, band: band, filterOrder: nil, sampleCount: sampleCount, standardDeviation: nil, tolerance: nil,
                         lag: nil, sampleEntropy: nil, multiscale: nil, dfa: [], mfdfa: nil, reason: reason)
    }
}

/// One gap-free stretch of the recording and its signals.
public struct ComplexitySegment: Sendable {
    /// 1-based, in time order.
    public var index: Int
    /// Start and end in seconds from the first sample (the end is exclusive).
    public var startSeconds: Double
    public var endSeconds: Double
    public var sampleCount: Int
    /// The overall signal first, then the bands in order; empty when the segment was too short.
    public var signals: [SignalComplexity]
    public var reason: String?
}
