import LDFCore

/// One simulated press: its times (s), its CRT (the refill's exact time constant, s), its depth
/// (fraction of full blanching) and the blanching at its start and release (fractions).
public struct CRTPressTruth: Sendable, Codable, Equatable {
    public var startSeconds: Double
    public var releaseSeconds: Double
    public var crtSeconds: Double
    public var depth: Double
    public var blanchingAtStart: Double
    public var blanchingAtRelease: Double

    /// The press with its times moved to the file's axis.
    func onFileAxis(_ origin: Double) -> CRTPressTruth {
        var copy = self
        copy.startSeconds += origin
        copy.releaseSeconds += origin
        return copy
    }
}

/// The known answer for a simulated capillary-refill recording: every press, times on the file's axis.
public struct CRTTruth: Sendable, Codable, Equatable {
    public var presses: [CRTPressTruth]
}

/// A simulated capillary-refill recording (frames at their own times) and its truth.
public struct SimulatedCRT: Sendable {
    public var table: SampleTable
    public var truth: CRTTruth
}
