extension Recording {
    /// Every channel the recording holds, in one list: the common-grid channels, then those kept at
    /// their own rate, each with its rate in Hz.
    public var allChannels: [(channel: Channel, sampleRateHz: Double)] {
        channels.map { ($0, sampleRateHz) } + nativeChannels.map { ($0.channel, $0.sampleRateHz) }
    }

    /// This recording with every channel kept at its own rate (`nativeChannels`) resampled onto the
    /// common grid (the perfusion channel's, `sampleRateHz`) by linear interpolation and appended to
    /// `channels`; a note per channel in the provenance says so, and names `purpose` (the analysis
    /// that needed it). Interpolation has no anti-alias filter: a channel at a higher rate is
    /// point-sampled, which suits slow channels (pressure, temperature) but not spectral work on
    /// them. Returns the recording unchanged when every channel is on the grid already.
    ///
    /// Methods: docs/METHODS.md §1.5.
    public func resampledToCommonGrid(for purpose: String) -> Recording {
        guard !nativeChannels.isEmpty else { return self }
        var copy = self
        let period = 1 / sampleRateHz
        for native in nativeChannels {
            var values = [Double](repeating: .nan, count: sampleCount)
            for k in values.indices { values[k] = native.value(atSeconds: Double(k) * period) }
            var channel = native.channel
            channel.values = values
            copy.channels.append(channel)
            copy.provenance.notes.append("channel '\(channel.name)' resampled from \(Self.hertz(native.sampleRateHz)) Hz to the "
                                         + "perfusion channel's grid (\(Self.hertz(sampleRateHz)) Hz) by linear interpolation for \(purpose)")
        }
        copy.nativeChannels = []
        return copy
    }

    /// A rate for messages: whole numbers without a decimal point ("32"), others as written ("487.5").
    public static func hertz(_ rate: Double) -> String {
        rate == rate.rounded() && abs(rate) < 1e12 ? String(Int(rate)) : "\(rate)"
    }
}
