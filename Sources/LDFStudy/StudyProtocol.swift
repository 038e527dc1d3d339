/// The analysis a manifest row asks for: resting spectral bands, or PORH (with its reperfusion
/// bands).
public enum StudyProtocol: String, Sendable, Codable, CaseIterable {
    case rest, porh
}
