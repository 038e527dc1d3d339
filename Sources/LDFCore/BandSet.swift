/// The bands of one analysis: a preset's, or the user's own (`--bands name:lo-hi,...`).
public struct BandSet: Sendable, Equatable, Codable {
    /// The preset's name, or "custom".
    public var name: String
    /// Bands sorted by lower edge; they do not overlap.
    public var bands: [Band]

    public init(name: String, bands: [Band]) {
        self.name = name
        self.bands = bands.sorted { $0.lowHz < $1.lowHz }
    }

    /// Lowest lower edge, in Hz.
    public var lowestHz: Double { bands.map(\.lowHz).min() ?? 0 }
    /// Highest upper edge, in Hz.
    public var highestHz: Double { bands.map(\.highHz).max() ?? 0 }

    /// Looks up a preset by name, with an error listing the presets.
    public static func preset(named name: String) throws -> BandSet {
        guard let preset = BandPreset(rawValue: name.lowercased()) else {
            let names = BandPreset.allCases.map(\.rawValue).joined(separator: ", ")
            throw LDFError("\(parameter: "preset")", "unknown preset '\(name)'", fix: "use one of: \(names)")
        }
        return preset.bandSet
    }

    /// Parses `name:lo-hi,name:lo-hi` (Hz). Names are letters, digits, `_` or `-`; edges positive
    /// with lo < hi; bands must not overlap.
    public static func parse(custom text: String) throws -> BandSet {
        var bands: [Band] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            let edges = parts.count == 2 ? Self.edges(parts[1]) : []
            guard parts.count == 2, !parts[0].isEmpty, edges.count == 2,
                  let lo = Double(edges[0]), let hi = Double(edges[1]) else {
                throw LDFError("\(parameter: "bands")", "cannot read '\(item)'", fix: "write each band as name:low-high in Hz, e.g. myogenic:0.052-0.145")
            }
            guard lo > 0, hi > lo, hi.isFinite else {
                throw LDFError("\(parameter: "bands")", "band '\(parts[0])' has edges \(lo)–\(hi) Hz", fix: "edges must be positive with low < high")
            }
            guard !bands.contains(where: { $0.name == parts[0] }) else {
                throw LDFError("\(parameter: "bands")", "band name '\(parts[0])' is used twice", fix: "give each band its own name")
            }
            bands.append(Band(parts[0], lo, hi))
        }
        guard !bands.isEmpty else {
            throw LDFError("\(parameter: "bands")", "no band given", fix: "e.g. \(parameter: "bands") myogenic:0.052-0.145,cardiac:0.6-2")
        }
        let sorted = bands.sorted { $0.lowHz < $1.lowHz }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.lowHz < a.highHz {
            throw LDFError("\(parameter: "bands")", "bands '\(a.name)' (\(a.lowHz)–\(a.highHz) Hz) and '\(b.name)' (\(b.lowHz)–\(b.highHz) Hz) overlap",
                           fix: "make each band start at or after the previous one's upper edge")
        }
        return BandSet(name: "custom", bands: sorted)
    }

    /// `LO-HI` split at the dash between the two numbers: not a leading minus sign, nor the one
    /// of an exponent (`1e-3-0.5`), so that `-1-2` reads as -1 to 2 (and is refused) rather than 1 to 2.
    public static func edges(_ text: String) -> [String] {
        let characters = Array(text)
        for i in characters.indices where characters[i] == "-" && i > 0 {
            let before = characters[i - 1]
            if before.isNumber || before == "." {
                return [String(characters[..<i]), String(characters[(i + 1)...])]
            }
        }
        return []
    }

    /// Bands whose lower edge gets fewer than `cycles` cycles in `durationSeconds`.
    public func bandsTooShort(forDuration durationSeconds: Double, cycles: Double = 5) -> [Band] {
        bands.filter { $0.secondsForCycles(cycles) > durationSeconds }
    }
}

import Foundation
