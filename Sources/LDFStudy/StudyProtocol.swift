/// The analysis a manifest row asks for: resting spectral bands, PORH (with its reperfusion
/// bands), interval statistics between the file's marks (`epochs`), local thermal hyperaemia
/// (`heating`, `HeatingAnalysis`), dose responses to iontophoresis (`iontophoresis`,
/// `IontophoresisAnalysis`), a NIRS vascular occlusion test on a saturation channel (`vot`,
/// `VOTAnalysis`), or capillary refill time (`crt`, `CRTAnalysis`).
public enum StudyProtocol: String, Sendable, Codable, CaseIterable {
    case rest, porh, epochs, heating, iontophoresis, vot, crt
}
