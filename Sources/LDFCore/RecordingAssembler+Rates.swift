extension RecordingAssembler {
    /// The highest channel rate accepted from a file's header (1 GHz), far above any physiological
    /// recorder, so that a damaged header cannot overflow sample counts.
    static let maximumRateHz = 1e9

    /// Assembles a table whose columns carry their own rates (binary formats such as EDF, WFDB and
    /// AcqKnowledge store channels at different rates). The perfusion column's rate is the common
    /// grid: columns at that rate and length are assembled as usual (`assemble`), the others are
    /// kept at their own rate as `Recording.nativeChannels`, with non-finite values masked and
    /// runs up to `maxBridgeSeconds` bridged, as on the grid. Nothing is resampled here.
    static func assembleMultiRate(_ table: SampleTable, options: AssemblyOptions) throws -> Recording {
        let names = table.columns.map(\.name)
        let selector = options.channel == .all ? nil : options.channel
        let perfusionIndex = try selector.map { try $0.resolve(in: names, source: table.source) }
            ?? table.columns.firstIndex { ChannelKind.guess(name: $0.name, unit: $0.unit) == .perfusion } ?? 0
        guard let gridRate = table.columns[perfusionIndex].sampleRateHz ?? table.declaredRateHz else {
            throw LDFError(table.source, "channel '\(names[perfusionIndex])' has no sample rate",
                           fix: "give the rate with \(parameter: "rate") HZ")
        }
        if let bad = table.columns.first(where: { !(($0.sampleRateHz ?? gridRate) > 0 && ($0.sampleRateHz ?? gridRate) <= maximumRateHz) }) {
            throw LDFError(table.source, "channel '\(bad.name)' has a sample rate of \(bad.sampleRateHz ?? gridRate) Hz",
                           fix: "the file's header is damaged (rates above \(Int(maximumRateHz)) Hz are refused)")
        }
        let gridCount = table.columns[perfusionIndex].values.count
        var uniform = table
        uniform.columns = []
        var native: [SampleTable.Column] = []
        var perfusionInUniform = 0
        for (c, column) in table.columns.enumerated() {
            let rate = column.sampleRateHz ?? gridRate
            if abs(rate - gridRate) <= 1e-9 * gridRate && column.values.count == gridCount {
                if c == perfusionIndex { perfusionInUniform = uniform.columns.count }
                var onGrid = column
                onGrid.sampleRateHz = nil
                uniform.columns.append(onGrid)
            } else {
                native.append(column)
            }
        }
        if uniform.times == nil { uniform.declaredRateHz = gridRate }
        var gridOptions = options
        gridOptions.channel = options.channel == .all ? .all : .index(perfusionInUniform + 1)
        var recording = try assemble(uniform, options: gridOptions)
        recording.nativeChannels = native.map { nativeChannel($0, rate: $0.sampleRateHz ?? gridRate, options: options) }
        if !native.isEmpty {
            let list = native.map { "'\($0.name)' \(Recording.hertz($0.sampleRateHz ?? gridRate)) Hz" }.joined(separator: ", ")
            recording.provenance.notes.append("channels kept at their own rate: \(list); the common grid is the perfusion channel's "
                                              + "(\(Recording.hertz(recording.sampleRateHz)) Hz)")
        }
        return recording
    }

    /// A column kept at its own rate: non-finite values masked, short runs bridged.
    static func nativeChannel(_ column: SampleTable.Column, rate: Double, options: AssemblyOptions) -> NativeRateChannel {
        var values = column.values
        for i in values.indices where !values[i].isFinite { values[i] = .nan }
        let maxRun = Int(min(Double(Int32.max), (options.maxBridgeSeconds * rate).rounded(.down)))
        _ = bridgeShortRuns(&values, maxRun: maxRun, rate: rate)
        var channel = Channel(name: column.name, unit: column.unit, values: values)
        if channel.kind == .perfusion { channel.kind = .other }
        return NativeRateChannel(channel: channel, sampleRateHz: rate)
    }
}
