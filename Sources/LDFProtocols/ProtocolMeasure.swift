/// A protocol's number that may be missing, with the reason when it is: the levels, times, slopes
/// and areas of the heating, iontophoresis and vascular occlusion analyses.
public struct ProtocolMeasure: Sendable, Codable, Equatable {
    public var value: Double?
    public var reason: String?

    public init(_ value: Double?, reason: String? = nil) {
        self.value = value.flatMap { $0.isFinite ? $0 : nil }
        self.reason = self.value == nil ? (reason ?? "not computable") : nil
    }

    public static func missing(_ reason: String) -> ProtocolMeasure { ProtocolMeasure(nil, reason: reason) }

    /// `transform` of the value; missing with the same reason when missing.
    func map(_ transform: (Double) -> Double) -> ProtocolMeasure {
        value.map { ProtocolMeasure(transform($0)) } ?? self
    }
}
