import LDFCore

/// What an iontophoresis probe delivers (docs/METHODS.md §21.1): acetylcholine (endothelium-
/// dependent dilation), sodium nitroprusside (endothelium-independent) or the vehicle alone
/// (saline or water: the current's own, non-specific dilation, reported beside each drug).
public enum IontophoresisDrug: String, Sendable, Codable, CaseIterable, Comparable {
    case ach, snp, vehicle
    /// No drug was named by `--drugs`, the channel or the events.
    case unspecified

    /// Lower-case words that name each drug in channel names and event labels.
    static let words: [IontophoresisDrug: Set<String>] = [
        .ach: ["ach", "acetylcholine", "acetylcholin"],
        .snp: ["snp", "nitroprusside", "nitroprussid"],
        .vehicle: ["vehicle", "saline", "nacl", "placebo", "water"],
    ]

    /// The drug a name such as `ACh`, `acetylcholine`, `SNP`, `saline` or `vehicle` spells
    /// (case, accents and separators ignored); nil for anything else.
    public init?(named text: String) {
        let key = EventVocabulary.words(text).joined()
        guard let found = Self.words.first(where: { $0.value.contains(key) })?.key else { return nil }
        self = found
    }

    /// The one drug the words of `text` name (`ACh probe`, `Flux (SNP)`), nil for none or several.
    static func mentioned(in text: String) -> IontophoresisDrug? {
        let words = Set(EventVocabulary.words(text))
        let named = Self.words.filter { !$0.value.isDisjoint(with: words) }.map(\.key)
        return named.count == 1 ? named[0] : nil
    }

    /// Output order: ACh, SNP, vehicle, unspecified.
    public static func < (a: IontophoresisDrug, b: IontophoresisDrug) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which channel carries which drug (`--drugs 'Flux 1=ach,Flux 2=vehicle'`, or one drug for every
/// analysed channel: `--drugs snp`). Channel names are matched as `ChannelSelector` matches them.
public struct DrugAssignment: Sendable, Equatable, Codable, CustomStringConvertible {
    /// `CHANNEL=DRUG` pairs in the order given; empty when `every` is set.
    public var byChannel: [String: IontophoresisDrug]
    public var order: [String]
    /// One drug for every channel.
    public var every: IontophoresisDrug?

    /// Parses `DRUG` or `CHANNEL=DRUG,...` (the last `=` of an item separates them).
    /// - Throws: `LDFError` naming the option for an unknown drug or an empty item.
    public init(parsing text: String) throws {
        let context = "\(parameter: "drugs")"
        let known = "ach (acetylcholine), snp (sodium nitroprusside) or vehicle (saline, water)"
        byChannel = [:]
        order = []
        every = nil
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains("=") {
            guard let drug = IontophoresisDrug(named: trimmed), drug != .unspecified else {
                throw LDFError(context, "'\(trimmed)' is not a drug", fix: "use \(known), or CHANNEL=DRUG pairs")
            }
            every = drug
            return
        }
        for item in trimmed.split(separator: ",") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard let equals = pair.lastIndex(of: "="), !pair[..<equals].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw LDFError(context, "'\(pair)' is not CHANNEL=DRUG", fix: "e.g. 'Flux 1=ach,Flux 2=vehicle'")
            }
            let channel = pair[..<equals].trimmingCharacters(in: .whitespaces)
            let name = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let drug = IontophoresisDrug(named: name), drug != .unspecified else {
                throw LDFError(context, "'\(name)' (for channel '\(channel)') is not a drug", fix: "use \(known)")
            }
            byChannel[channel] = drug
            order.append(channel)
        }
    }

    /// The drug of channel `name` (at 1-based position `position`), if assigned.
    public func drug(channel name: String, position: Int) -> IontophoresisDrug? {
        if let every { return every }
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return byChannel.first { $0.key.lowercased() == key || $0.key == String(position) }?.value
    }

    /// Assigned channels that match none of `names` (names or 1-based positions).
    public func unmatched(in names: [String]) -> [String] {
        let lowered = Set(names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return order.filter { !lowered.contains($0.lowercased()) && !(Int($0).map { (1...names.count).contains($0) } ?? false) }
    }

    public var description: String {
        every?.rawValue ?? order.map { "\($0)=\(byChannel[$0]!.rawValue)" }.joined(separator: ",")
    }
}
