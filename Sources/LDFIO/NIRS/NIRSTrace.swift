/// The units NIRS exports leave unwritten, from a trace's name (docs/METHODS.md §22.1): tissue
/// saturation (`TSI%`, `StO2`, `SmO2`, `rSO2`, `TSI Fit Factor`) in %, haemoglobin
/// concentrations (`O2Hb`, `HHb`, `tHb`, `HbDiff`) in µM (Oxysoft writes µmol/L changes or, with
/// TSI, absolute values in µM).
enum NIRSTrace {
    /// "%" for a saturation trace, "µM" for a haemoglobin trace, "" for anything else.
    static func unit(ofTrace name: String) -> String {
        if isSaturation(name) { return "%" }
        if isHaemoglobin(name) { return "µM" }
        return ""
    }

    /// Whether the name is a tissue-saturation trace (or its fit factor, also in %).
    static func isSaturation(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("tsi") || ["sto2", "smo2", "rso2", "so2"].contains { lower.contains($0) }
    }

    static func isHaemoglobin(_ name: String) -> Bool {
        let words = Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        return !words.isDisjoint(with: ["o2hb", "hhb", "thb", "hbdiff", "hbo2", "hb"])
    }
}
