/// What a channel measures; decides which channel is analysed as perfusion by default.
public enum ChannelKind: String, Sendable, Codable, CaseIterable {
    case perfusion, temperature, pressure, concentration, speed, marker, other

    /// Guesses the kind from a channel's name and unit (case-insensitive), e.g. "Flux", "PU 1" or
    /// unit "PU" give `.perfusion`, "°C" gives `.temperature`, "mmHg" gives `.pressure`. A
    /// perfusion unit written as a word of the name (`PU 1`, `perfusion_pu`, `[BPU]`) counts.
    public static func guess(name: String, unit: String) -> ChannelKind {
        let n = name.lowercased()
        let u = unit.lowercased().trimmingCharacters(in: .whitespaces)
        let perfusionWords = ["flux", "perfusion", "ldf", "ldpm", "blood flow", "bloodflow", "flow", "bpu", "lda"]
        let words = EventVocabulary.words(name)
        if perfusionUnits.contains(u) || perfusionWords.contains(where: { n.contains($0) })
            || words.contains(where: { perfusionUnitWords.contains($0) }) { return .perfusion }
        if u.contains("°c") || u == "c" || u == "degc" || u == "deg c" || n.contains("temp") { return .temperature }
        if u.contains("mmhg") || u.contains("kpa") || n.contains("pressure") || n.contains("cuff") || n == "bp" {
            return .pressure
        }
        if n.contains("conc") || n.contains("cmbc") { return .concentration }
        if n.contains("speed") || n.contains("velocity") { return .speed }
        if n.contains("marker") || n.contains("event") || n.contains("comment") { return .marker }
        return .other
    }

    /// Perfusion units as written in unit cells (lower case).
    static let perfusionUnits: Set<String> = ["pu", "bpu", "apu", "au", "a.u.", "perfusion units", "perfusion unit", "tpu"]
    /// Perfusion units as words of a name (lower case).
    static let perfusionUnitWords: Set<String> = ["pu", "bpu", "apu", "au", "tpu"]

    /// The unit a channel's name gives when it has no unit of its own: a perfusion unit written
    /// as a word of the name (`PU 1`, `perfusion_pu`, `[BPU]` give `PU`, `PU`, `BPU`; `AU` gives
    /// `AU`), or `PU` for a name holding "perfusion unit(s)". Nil otherwise.
    public static func unit(fromName name: String) -> String? {
        let words = EventVocabulary.words(name)
        if let word = words.first(where: { perfusionUnitWords.contains($0) }) { return word.uppercased() }
        for i in words.indices.dropLast() where words[i] == "perfusion" && (words[i + 1] == "unit" || words[i + 1] == "units") {
            return "PU"
        }
        return nil
    }
}

/// One uniformly sampled channel. Masked samples (device sentinels, gaps that were not bridged)
/// are NaN; `Provenance` counts them.
public struct Channel: Sendable, Equatable {
    public var name: String
    /// Unit as written by the device, e.g. "PU", "BPU", "°C", "mmHg"; empty when unknown.
    public var unit: String
    public var kind: ChannelKind
    public var values: [Double]

    public init(name: String, unit: String, kind: ChannelKind? = nil, values: [Double]) {
        self.name = name
        self.unit = unit
        self.kind = kind ?? ChannelKind.guess(name: name, unit: unit)
        self.values = values
    }
}

import Foundation
