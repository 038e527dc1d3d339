/// Where the laser Doppler probe sits. Sites differ in resting flux, biological zero and PORH
/// reproducibility (good at the finger pad, poor on the forearm; docs/METHODS.md §7.1), so a site is
/// metadata that sets documented defaults and is recorded in every output; no result depends on it
/// silently.
public enum TissueSite: String, Sendable, Codable, CaseIterable {
    /// Glabrous finger pulp (arteriovenous anastomoses; high resting flux).
    case fingerPad = "finger-pad"
    /// Volar forearm (nutritive skin; low resting flux, the classic PORH site).
    case forearm
    /// Pulp of the great toe (glabrous, like the finger pad; used in peripheral arterial disease).
    case hallux
    /// Skin of the calf (low flux, like the forearm).
    case calf
    /// Thenar eminence of the palm (glabrous, intermediate flux).
    case thenar
    /// Any other site; generic defaults.
    case other

    /// A readable name, e.g. "finger pad".
    public var displayName: String {
        switch self {
        case .fingerPad: "finger pad"
        case .forearm: "forearm"
        case .hallux: "hallux"
        case .calf: "calf"
        case .thenar: "thenar eminence"
        case .other: "other"
        }
    }
}
