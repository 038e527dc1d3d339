import LDFCore

/// The truth file written beside a simulated recording: what made it, so tests and users can
/// compare analysis results with known values.
public struct TruthFile<Payload: Codable & Sendable>: Codable, Sendable {
    /// "rest" or "porh".
    public var kind: String
    public var seed: UInt64
    public var toolkitVersion: String
    /// The simulation's configuration and known values.
    public var truth: Payload
    /// What was done to the file after generation (jitter, gaps, sentinels, motion artifacts).
    public var artifacts: ArtifactTruth?

    public init(kind: String, seed: UInt64, truth: Payload, artifacts: ArtifactTruth?) {
        self.kind = kind
        self.seed = seed
        self.toolkitVersion = Toolkit.version
        self.truth = truth
        self.artifacts = artifacts
    }

    enum CodingKeys: String, CodingKey {
        case kind, seed, truth, artifacts
        case toolkitVersion = "toolkit_version"
    }
}
