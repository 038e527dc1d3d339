import LDFCore

extension BandSet {
    /// A band given on the command line: the name of one of this set's bands, LO-HI in Hz (named by
    /// the text itself) or NAME:LO-HI. `option` names the flag in the error.
    func band(argument text: String, option: String) throws -> Band {
        if let named = bands.first(where: { $0.name == text.lowercased() }) { return named }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let name = parts.count == 2 ? parts[0].trimmingCharacters(in: .whitespaces) : text
        let edges = BandSet.edges(parts.last ?? text).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard edges.count == 2, let low = edges[0], let high = edges[1] else {
            throw LDFError(option, "'\(text)' is neither a band of preset \(name) (\(bands.map(\.name).joined(separator: ", "))) nor LO-HI or NAME:LO-HI in Hz",
                           fix: "e.g. \(option) \(bands.first?.name ?? "cardiac") or \(option) 0.6-2")
        }
        guard low > 0, high > low, high.isFinite else {
            throw LDFError(option, "band '\(text)' has edges \(low)–\(high) Hz", fix: "give 0 < LO < HI in Hz")
        }
        return Band(name.isEmpty ? text : name, low, high)
    }
}
