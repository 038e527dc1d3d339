/// A frequency band, `lowHz <= f < highHz`.
public struct Band: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Snake-case name, e.g. `endothelial`, `myogenic`.
    public var name: String
    public var lowHz: Double
    public var highHz: Double

    public init(_ name: String, _ lowHz: Double, _ highHz: Double) {
        self.name = name
        self.lowHz = lowHz
        self.highHz = highHz
    }

    /// Whether `frequency` (Hz) belongs to the band (half-open: the upper edge belongs to the next band).
    public func contains(_ frequency: Double) -> Bool { frequency >= lowHz && frequency < highHz }

    /// Seconds needed for `cycles` cycles of the lower edge (5 cycles is the usual minimum).
    public func secondsForCycles(_ cycles: Double = 5) -> Double { cycles / lowHz }

    public var description: String { "\(name) \(lowHz)–\(highHz) Hz" }
}
