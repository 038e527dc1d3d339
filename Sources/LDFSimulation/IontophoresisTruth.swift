import LDFCore

/// The known answer for a simulated iontophoresis recording: exact times and levels of the model
/// in `IontophoresisSimulation` (no flowmotion, no noise). Times in s from the first sample
/// (the file's axis; per-dose response times from the pulse start), levels in PU, charges in mC,
/// areas in PU·s above rest.
public struct IontophoresisTruth: Sendable, Codable, Equatable {
    public struct DoseTruth: Sendable, Codable, Equatable {
        public var index: Int
        public var startSeconds: Double
        public var stopSeconds: Double
        public var chargeMillicoulombs: Double
        public var cumulativeChargeMillicoulombs: Double
        public var plateau: Double
        public var change: Double
        public var percentChange: Double
        /// Pulse start to halfway from the previous level to the plateau, and to the plateau.
        public var halfRiseSeconds: Double
        public var plateauReachedSeconds: Double
        /// ∫ (F - rest) dt of the noiseless flux by the rectangle rule at the sample times, over the
        /// pulse and over the dose's interval (to the next pulse; the last: its gap).
        public var deliveryArea: Double
        public var intervalArea: Double
    }

    public struct ProbeTruth: Sendable, Codable, Equatable {
        public var channel: String
        /// "ach", "snp" or "vehicle".
        public var drug: String
        public var rest: Double
        public var doses: [DoseTruth]
    }

    public var probes: [ProbeTruth]
    /// Last pulse start to where the flux is back at rest exactly.
    public var recoveredAfterLastPulseSeconds: Double
    /// Starts of the pulse-onset dips, s (empty without dips).
    public var dipStartsSeconds: [Double]
}

/// A simulated iontophoresis recording and its truth.
public struct SimulatedIontophoresis: Sendable {
    public var recording: Recording
    public var truth: IontophoresisTruth
}
