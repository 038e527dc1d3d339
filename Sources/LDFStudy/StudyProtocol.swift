/// The analysis a manifest row asks for: resting spectral bands, PORH (with its reperfusion
/// bands), interval statistics between the file's marks (`epochs`), or local thermal hyperaemia
/// (`heating`, `HeatingAnalysis`).
public enum StudyProtocol: String, Sendable, Codable, CaseIterable {
    case rest, porh, epochs, heating
}
