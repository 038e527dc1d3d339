/// How the user picks a channel: by name (case-insensitive) or by 1-based position among the
/// data columns (the time column is not counted). Parsed from `--channel NAME|INDEX`.
public enum ChannelSelector: Sendable, Equatable, CustomStringConvertible {
    case name(String)
    case index(Int)

    public init(_ text: String) {
        if let i = Int(text.trimmingCharacters(in: .whitespaces)) { self = .index(i) } else { self = .name(text) }
    }

    public var description: String {
        switch self {
        case .name(let n): return n
        case .index(let i): return String(i)
        }
    }

    /// Resolves against channel names; throws an error that lists the available channels.
    public func resolve(in names: [String], source: String) throws -> Int {
        let list = names.enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: ", ")
        switch self {
        case .index(let i):
            guard i >= 1 && i <= names.count else {
                throw LDFError(source, "--channel \(i) is out of range: the file has \(names.count) data channel(s) (\(list))",
                               fix: "give a number from 1 to \(names.count) or a channel name")
            }
            return i - 1
        case .name(let n):
            let wanted = n.lowercased().trimmingCharacters(in: .whitespaces)
            if let i = names.firstIndex(where: { $0.lowercased().trimmingCharacters(in: .whitespaces) == wanted }) { return i }
            throw LDFError(source, "--channel '\(n)' matches no channel (channels: \(list))",
                           fix: "use one of the listed names or numbers")
        }
    }
}

import Foundation
