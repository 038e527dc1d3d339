import LDFCore

/// The known answer for a simulated local-heating recording: exact times and levels of the model
/// in `HeatingSimulation` (no flowmotion, no noise). Times in s (from the first sample unless
/// named `file…`, and from the onset for the peak, nadir and plateau), levels in PU, temperatures
/// in °C, %max as 100 × level / maximum (equal to %CVCmax at one mean arterial pressure).
public struct HeatingTruth: Sendable, Codable, Equatable {
    public var onsetSeconds: Double
    public var fileOnsetSeconds: Double
    public var maximumStepSeconds: Double?
    public var fileMaximumStepSeconds: Double?
    public var startTemperatureC: Double
    public var setPointC: Double
    public var maximumSetPointC: Double?
    public var biphasic: Bool
    public var baselineFlux: Double
    public var initialPeakFlux: Double?
    /// Onset to the initial peak.
    public var initialPeakTimeSeconds: Double?
    public var nadirFlux: Double?
    /// Onset to the nadir.
    public var nadirTimeSeconds: Double?
    public var plateauFlux: Double
    /// Onset to the start of the plateau (the flux is at the plateau level from then on).
    public var plateauReachedSeconds: Double
    public var maximumFlux: Double?
    public var percentMaxBaseline: Double?
    public var percentMaxInitialPeak: Double?
    public var percentMaxNadir: Double?
    public var percentMaxPlateau: Double?
}

/// A simulated local-heating recording and its truth.
public struct SimulatedHeating: Sendable {
    public var recording: Recording
    public var truth: HeatingTruth
}
