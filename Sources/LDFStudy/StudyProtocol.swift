/// The analysis a manifest row asks for: resting spectral bands, PORH (with its reperfusion
/// bands), or interval statistics between the file's marks (`epochs`).
public enum StudyProtocol: String, Sendable, Codable, CaseIterable {
    case rest, porh, epochs
}
