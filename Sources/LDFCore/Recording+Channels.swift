/// Several perfusion channels in one recording (two-probe PeriFlux or moor exports, `PU 1`,
/// `PU 2`): which ones a selector names, and the recording seen with one of them as the analysed
/// channel. Every command analyses each of `analysedRecordings(_:)` in turn.
extension Recording {
    /// Indices of the channels of kind `.perfusion`, in channel order (the default one among them).
    public var perfusionChannelIndices: [Int] { channels.indices.filter { channels[$0].kind == .perfusion } }

    /// The channels `selector` names, in its order: nil gives the default perfusion channel
    /// alone, `.all` every perfusion channel (the default alone when it is the only one), a name,
    /// number or list those channels.
    /// - Throws: `LDFError` listing the channels when a name or number matches none.
    public func analysedChannelIndices(_ selector: ChannelSelector?) throws -> [Int] {
        guard let selector else { return [perfusionChannelIndex] }
        if case .all = selector {
            let all = perfusionChannelIndices
            return all.isEmpty ? [perfusionChannelIndex] : all
        }
        return try selector.resolveAll(in: channels.map(\.name), source: provenance.source)
    }

    /// This recording with channel `index` as the analysed (perfusion) channel: its kind becomes
    /// `.perfusion` and its masking, bridging and gap counts become the provenance's.
    public func analysing(channelAt index: Int) -> Recording {
        precondition(channels.indices.contains(index), "channel index out of range")
        var copy = self
        copy.perfusionChannelIndex = index
        copy.channels[index].kind = .perfusion
        copy.provenance.adopt(channelAt: index)
        return copy
    }

    /// One recording per channel `selector` names (see `analysedChannelIndices`).
    public func analysedRecordings(_ selector: ChannelSelector?) throws -> [Recording] {
        try analysedChannelIndices(selector).map { analysing(channelAt: $0) }
    }

    /// Warnings about the analysed channel's values (mostly negative, out of range).
    public var analysedChannelDiagnostics: [Diagnostic] {
        provenance.channelQuality.indices.contains(perfusionChannelIndex) ? provenance.channelQuality[perfusionChannelIndex].diagnostics : []
    }

    /// Warnings about the file and about the analysed channel.
    public var readingDiagnostics: [Diagnostic] { provenance.diagnostics + analysedChannelDiagnostics }
}
