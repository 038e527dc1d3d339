/// How the user picks the channels to analyse: one by name (case-insensitive) or by 1-based
/// position among the data columns (the time column is not counted), several as a
/// comma-separated list (`1,3`, `PU 1,PU 2`), or `all` perfusion channels. Parsed from
/// `--channel` and a study manifest's `channel` column.
public enum ChannelSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case index(Int)
    /// Every perfusion channel of the recording (the default channel alone when it has one).
    case all
    /// Several channels, analysed in the order given.
    case list([ChannelSelector])

    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "all" {
            self = .all
            return
        }
        let items = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if items.count > 1 {
            self = .list(items.map { ChannelSelector(single: $0) })
        } else {
            self = ChannelSelector(single: items.first ?? trimmed)
        }
    }

    init(single text: String) {
        if let i = Int(text) { self = .index(i) } else { self = .name(text) }
    }

    public var description: String {
        switch self {
        case .name(let n): return n
        case .index(let i): return String(i)
        case .all: return "all"
        case .list(let items): return items.map(\.description).joined(separator: ",")
        }
    }

    /// The selectors of a list, or this one alone (`.all` stays `.all`).
    public var items: [ChannelSelector] {
        if case .list(let items) = self { return items }
        return [self]
    }

    /// Resolves a single selector (the first of a list) against channel names; `.all` is not
    /// resolved here (see `Recording.analysedChannelIndices`). Throws an error that lists the
    /// available channels.
    public func resolve(in names: [String], source: String) throws -> Int {
        let list = names.enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: ", ")
        switch self {
        case .index(let i):
            guard i >= 1 && i <= names.count else {
                throw LDFError(source, "\(parameter: "channel") \(i) is out of range: the file has \(names.count) data channel(s) (\(list))",
                               fix: "give a number from 1 to \(names.count) or a channel name")
            }
            return i - 1
        case .name(let n):
            let wanted = n.lowercased().trimmingCharacters(in: .whitespaces)
            if let i = names.firstIndex(where: { $0.lowercased().trimmingCharacters(in: .whitespaces) == wanted }) { return i }
            throw LDFError(source, "\(parameter: "channel") '\(n)' matches no channel (channels: \(list))",
                           fix: "use one of the listed names or numbers")
        case .list(let items):
            // A name that itself holds a comma ("Flux, probe 1") wins over the list reading.
            if let i = names.firstIndex(where: { $0.lowercased() == description.lowercased() }) { return i }
            return try items[0].resolve(in: names, source: source)
        case .all:
            preconditionFailure("resolve .all with Recording.analysedChannelIndices")
        }
    }

    /// Resolves every selector of a list (or this one) in order, without repeats.
    public func resolveAll(in names: [String], source: String) throws -> [Int] {
        if case .list = self, let i = names.firstIndex(where: { $0.lowercased() == description.lowercased() }) { return [i] }
        var indices: [Int] = []
        for item in items {
            let i = try item.resolve(in: names, source: source)
            if !indices.contains(i) { indices.append(i) }
        }
        return indices
    }
}

import Foundation
