/// Named frequency-band presets (docs/METHODS.md §2). No single standard exists, so every output
/// records which one was used.
///
/// Sources: Stefanovska, Bračič & Kvernmo 1999 (IEEE TBME 46:1230); Kvandal et al. 2006 (the
/// 0.005–0.0095 Hz band); Bernjak et al. 2008; Fredriksson/Hultman et al. 2021–2024 (Linköping);
/// Geyer, Jan et al. 2004 (Pittsburgh).
public enum BandPreset: String, Sendable, CaseIterable, Codable {
    case stefanovska
    case stefanovska16 = "stefanovska-1.6"
    case linkoping
    case pittsburgh

    public var bands: [Band] {
        switch self {
        case .stefanovska, .stefanovska16:
            return [
                Band("endothelial_no_independent", 0.005, 0.0095),
                Band("endothelial", 0.0095, 0.021),
                Band("neurogenic", 0.021, 0.052),
                Band("myogenic", 0.052, 0.145),
                Band("respiratory", 0.145, 0.6),
                Band("cardiac", 0.6, self == .stefanovska ? 2.0 : 1.6),
            ]
        case .linkoping:
            return [
                Band("endothelial", 0.0095, 0.02),
                Band("neurogenic", 0.02, 0.06),
                Band("myogenic", 0.06, 0.15),
                Band("respiratory", 0.15, 0.4),
                Band("cardiac", 0.4, 1.6),
            ]
        case .pittsburgh:
            return [
                Band("endothelial", 0.008, 0.02),
                Band("neurogenic", 0.02, 0.05),
                Band("myogenic", 0.05, 0.15),
                Band("respiratory", 0.15, 0.4),
                Band("cardiac", 0.4, 2.0),
            ]
        }
    }

    public var bandSet: BandSet { BandSet(name: rawValue, bands: bands) }
}
